use emulator::store::Delays;
use emulator::{demo_data, load_state, router, AppState, Config, Faults};
use std::path::PathBuf;

const HELP: &str = "\
emulator — a local Serverless Containers API v1

USAGE: emulator [OPTIONS]

  --addr ADDR             listen address (default 127.0.0.1:8081)
  --token TOKEN           the X-Auth-Token the API accepts (default: emulator-secret-key)
  --static DIR            also serve a built console from DIR (index.html for unknown paths)
  --demo-data             start with demo namespaces, containers, domains and triggers
  --project-id ID         project of the demo data (default 11111111-1111-4111-8111-111111111111)
  --state FILE            keep the state in FILE (read at start, written after each change)
  --create-delay-ms N     how long `creating` lasts (default 4000)
  --update-delay-ms N     how long `updating` lasts (default 3000)
  --delete-delay-ms N     how long `deleting` lasts (default 3000)
  --latency-ms N          add N ms to every API answer (default 0)
  --error-rate F          answer this fraction (0-1) of API requests with 503 (default 0)
  --rate-limit N          answer 429 above N requests per second (default: no limit)
  -h, --help              this text

Containers whose image reference contains `fail` end in `error`.
";

fn main() {
    let mut args = std::env::args().skip(1);
    let mut addr = "127.0.0.1:8081".to_string();
    let mut token = "emulator-secret-key".to_string();
    let mut static_dir = None;
    let mut state_file: Option<PathBuf> = None;
    let mut demo = false;
    let mut project = "11111111-1111-4111-8111-111111111111".to_string();
    let mut delays = Delays {
        create_ms: 4000,
        update_ms: 3000,
        delete_ms: 3000,
    };
    let mut faults = Faults::default();
    let fail = |msg: String| -> ! {
        eprintln!("emulator: {msg}\n\n{HELP}");
        std::process::exit(2)
    };
    while let Some(flag) = args.next() {
        let mut value = || {
            args.next()
                .unwrap_or_else(|| fail(format!("{flag} needs a value")))
        };
        let number = |v: String| -> u64 {
            v.parse()
                .unwrap_or_else(|_| fail(format!("{flag}: not a number: {v}")))
        };
        match flag.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return;
            }
            "--addr" => addr = value(),
            "--token" => token = value(),
            "--static" => static_dir = Some(PathBuf::from(value())),
            "--state" => state_file = Some(PathBuf::from(value())),
            "--demo-data" => demo = true,
            "--project-id" => project = value(),
            "--create-delay-ms" => delays.create_ms = number(value()),
            "--update-delay-ms" => delays.update_ms = number(value()),
            "--delete-delay-ms" => delays.delete_ms = number(value()),
            "--latency-ms" => faults.latency_ms = number(value()),
            "--rate-limit" => faults.rate_limit = number(value()) as u32,
            "--error-rate" => {
                let v = value();
                faults.error_rate = v
                    .parse()
                    .ok()
                    .filter(|f: &f64| (0.0..=1.0).contains(f))
                    .unwrap_or_else(|| {
                        fail(format!("--error-rate: not a fraction between 0 and 1: {v}"))
                    });
            }
            other => fail(format!("unknown option {other}")),
        }
    }
    if let Some(dir) = &static_dir {
        if !dir.join("index.html").is_file() {
            fail(format!(
                "--static {}: no index.html there (build the console first)",
                dir.display()
            ));
        }
    }
    let store = match &state_file {
        Some(path) => {
            load_state(path).unwrap_or_else(|e| fail(format!("--state {}: {e}", path.display())))
        }
        None => Default::default(),
    };
    let fresh = store.records.is_empty();
    let app = AppState::new(
        Config {
            token: token.clone(),
            delays,
            faults,
            static_dir: static_dir.clone(),
            state_file,
        },
        store,
    );
    if demo && fresh {
        demo_data(&app, &project);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&addr)
            .await
            .unwrap_or_else(|e| fail(format!("cannot listen on {addr}: {e}")));
        let url = format!("http://{}", listener.local_addr().expect("bound address"));
        println!("Serverless Containers API emulator listening on {url}/containers/v1/regions/{{fr-par,nl-ams,pl-waw}}");
        if static_dir.is_some() {
            println!("Console: {url}/");
        }
        println!("Secret key (X-Auth-Token): {token}");
        if demo {
            println!("Demo project ID: {project}");
        }
        axum::serve(listener, router(app))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .expect("server");
    });
}
