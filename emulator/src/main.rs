use clap::Parser;
use emulator::store::Delays;
use emulator::{demo_data, load_state, router, AppState, Config, Faults};
use std::path::PathBuf;

/// A local Serverless Containers API v1: the console's API for offline use,
/// demos and tests. Containers whose image reference contains `fail` end in
/// `error` (see README.md for the other rules).
#[derive(Parser, Debug)]
#[command(name = "emulator", version)]
struct Args {
    /// Listen address.
    #[arg(long, default_value = "127.0.0.1:8081")]
    addr: String,
    /// The X-Auth-Token the API accepts (a UUID, like the real API's keys); any other answers 401.
    #[arg(long, default_value = emulator::DEFAULT_TOKEN)]
    token: String,
    /// Also serve a built console from this folder (index.html for unknown paths), with the
    /// headers a static host should send.
    #[arg(long = "static", value_name = "DIR")]
    static_dir: Option<PathBuf>,
    /// Start with demo namespaces, containers in each status, domains, and triggers of each kind
    /// (when the state is empty).
    #[arg(long)]
    demo_data: bool,
    /// The project of the demo data.
    #[arg(long, default_value = "11111111-1111-4111-8111-111111111111")]
    project_id: String,
    /// Keep the state in this file: read at start, written after each change (through a
    /// temporary file and a rename).
    #[arg(long, value_name = "FILE")]
    state: Option<PathBuf>,
    /// How long `creating` lasts, in milliseconds.
    #[arg(long, default_value_t = 4000)]
    create_delay_ms: u64,
    /// How long `updating` lasts, in milliseconds.
    #[arg(long, default_value_t = 3000)]
    update_delay_ms: u64,
    /// How long `deleting` lasts, in milliseconds.
    #[arg(long, default_value_t = 3000)]
    delete_delay_ms: u64,
    /// Add this many milliseconds to every API answer.
    #[arg(long, default_value_t = 0)]
    latency_ms: u64,
    /// Answer this fraction (0 to 1) of API requests with 503.
    #[arg(long, default_value_t = 0.0, value_parser = fraction)]
    error_rate: f64,
    /// Answer 429 `too_many_requests` above this many requests per second (0: no limit).
    #[arg(long, default_value_t = 0)]
    rate_limit: u32,
    /// Answer every Nth API request with 503 (0: none): a failure tests can count on.
    #[arg(long, default_value_t = 0)]
    fail_every: u64,
    /// Answer the first N requests for a page's chunks of the console (its
    /// own `/split_*.wasm`, its pack `/pages_*.bin` or its landing module
    /// `/landing_*.wasm`, with --static) with 503: the console's retries.
    #[arg(long, default_value_t = 0)]
    fail_page_chunks: u64,
    /// Break off the N requests for a page's chunks after those of
    /// --fail-page-chunks halfway through the body: a download cut short.
    #[arg(long, default_value_t = 0)]
    cut_page_chunks: u64,
    /// Only the chunks of this page (as the build names them: `settings`,
    /// `container_list`, …) count for --fail-page-chunks and --cut-page-chunks.
    #[arg(long, value_name = "PAGE")]
    faulty_page: Option<String>,
    /// Send CORS headers to any origin. Without it only loopback origins (localhost,
    /// 127.0.0.1, [::1]) may call the API from a browser page.
    #[arg(long)]
    cors_any_origin: bool,
    /// Answer a CNAME from NAME to TARGET at /dns-query (DNS over HTTPS, JSON);
    /// repeatable. With --demo-data, each custom domain also gets one to its container.
    #[arg(long = "dns", value_name = "NAME=TARGET", value_parser = cname)]
    dns: Vec<(String, String)>,
}

fn cname(text: &str) -> Result<(String, String), String> {
    text.split_once('=')
        .map(|(n, t)| (n.trim().to_string(), t.trim().to_string()))
        .filter(|(n, t)| !n.is_empty() && !t.is_empty())
        .ok_or_else(|| format!("not NAME=TARGET: {text}"))
}

fn fraction(text: &str) -> Result<f64, String> {
    text.parse::<f64>()
        .ok()
        .filter(|f| (0.0..=1.0).contains(f))
        .ok_or_else(|| format!("not a fraction between 0 and 1: {text}"))
}

fn main() {
    let args = Args::parse();
    let fail = |msg: String| -> ! {
        eprintln!("emulator: {msg}");
        std::process::exit(2)
    };
    if let Some(dir) = &args.static_dir {
        if !dir.join("index.html").is_file() {
            fail(format!(
                "--static {}: no index.html there (build the console first)",
                dir.display()
            ));
        }
    }
    let store = match &args.state {
        Some(path) => {
            load_state(path).unwrap_or_else(|e| fail(format!("--state {}: {e}", path.display())))
        }
        None => Default::default(),
    };
    let fresh = store.records.is_empty();
    let app = AppState::new(
        Config {
            token: args.token.clone(),
            delays: Delays {
                create_ms: args.create_delay_ms,
                update_ms: args.update_delay_ms,
                delete_ms: args.delete_delay_ms,
            },
            faults: Faults {
                latency_ms: args.latency_ms,
                error_rate: args.error_rate,
                rate_limit: args.rate_limit,
                fail_every: args.fail_every,
                fail_page_chunks: args.fail_page_chunks,
                cut_page_chunks: args.cut_page_chunks,
                faulty_page: args.faulty_page.clone(),
            },
            static_dir: args.static_dir.clone(),
            state_file: args.state.clone(),
            cors_any_origin: args.cors_any_origin,
            dns: args.dns.clone(),
            demo_dns: args.demo_data,
        },
        store,
    );
    if args.demo_data && fresh {
        demo_data(&app, &args.project_id);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let addr = args.addr.clone();
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&addr)
            .await
            .unwrap_or_else(|e| fail(format!("cannot listen on {addr}: {e}")));
        let url = format!("http://{}", listener.local_addr().expect("bound address"));
        println!("Serverless Containers API emulator listening on {url}/containers/v1/regions/{{fr-par,nl-ams,pl-waw}}");
        if args.static_dir.is_some() {
            println!("Console: {url}/");
        }
        println!("Secret key (X-Auth-Token): {}", args.token);
        if args.demo_data {
            println!("Demo project ID: {}", args.project_id);
        }
        axum::serve(listener, router(app))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .expect("server");
    });
}
