use clap::Parser;
use serve::{router, Config, Upstream};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// Serve the built console and forward its API calls to the real Serverless
/// Containers API, on one origin (the API sends no CORS headers). Only paths
/// under /containers/v1/ are forwarded; the secret key passes through in
/// X-Auth-Token and is never logged.
#[derive(Parser, Debug)]
#[command(name = "serve", version)]
struct Args {
    /// Listen address. Loopback unless --listen-beyond-loopback is given.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Where API calls go: an https origin (plain http only on loopback, such as an emulator).
    #[arg(long, default_value = "https://api.scaleway.com")]
    upstream: String,
    /// The built console (trunk build --release).
    #[arg(long = "static", value_name = "DIR", default_value = "dist")]
    static_dir: PathBuf,
    /// Seconds the upstream may take to answer (then 504).
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=600))]
    timeout_secs: u64,
    /// Allow a non-loopback --addr: other machines can then reach the console and, with
    /// their own key, the API through it.
    #[arg(long)]
    listen_beyond_loopback: bool,
}

fn main() {
    let args = Args::parse();
    let fail = |msg: String| -> ! {
        eprintln!("serve: {msg}");
        std::process::exit(2)
    };
    if !args.static_dir.join("index.html").is_file() {
        fail(format!(
            "--static {}: no index.html there (build the console first: trunk build --release)",
            args.static_dir.display()
        ));
    }
    if !args.addr.ip().is_loopback() && !args.listen_beyond_loopback {
        fail(format!(
            "--addr {}: not a loopback address; add --listen-beyond-loopback to let other machines in",
            args.addr
        ));
    }
    let upstream =
        Upstream::parse(&args.upstream).unwrap_or_else(|e| fail(format!("--upstream: {e}")));
    let origin = upstream.origin();
    let app = router(Config {
        upstream,
        static_dir: args.static_dir.clone(),
        timeout: Duration::from_secs(args.timeout_secs),
        log: Arc::new(|line: &str| eprintln!("{line}")),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .unwrap_or_else(|e| fail(format!("cannot listen on {}: {e}", args.addr)));
        let bound = listener.local_addr().expect("bound address");
        println!("Console: http://{bound}/");
        println!("API calls under /containers/v1/ go to {origin}; nothing else is forwarded.");
        if bound.ip().is_loopback() {
            println!("Listening on loopback only: other machines cannot reach it.");
        } else {
            println!(
                "Listening on {bound}: other machines can reach it (--listen-beyond-loopback)."
            );
        }
        println!(
            "Open Settings, paste your secret key and press \"Test connection\". Ctrl+C stops."
        );
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .expect("server");
    });
}
