//! The console against a real account: `dist/` served as a static host
//! should (the code the emulator's `--static` uses), and the console's API
//! calls, `/containers/v1/…` and nothing else, forwarded to one upstream.
//!
//! The real API sends no CORS headers, so the browser must find it on the
//! page's own origin: this is the smallest reverse proxy that does that
//! safely. The secret key passes through in `X-Auth-Token`, untouched and
//! never logged; redirects come back to the browser, never followed here.

mod forward;
mod upstream;

pub use forward::API_PREFIX;
pub use upstream::Upstream;

use axum::routing::any;
use axum::Router;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// Where one line per forwarded request goes (standard error in the command;
/// a buffer in tests). It is never given the secret key.
pub type Log = Arc<dyn Fn(&str) + Send + Sync>;

pub struct Config {
    pub upstream: Upstream,
    /// The built console (`dist/`).
    pub static_dir: PathBuf,
    /// How long the upstream may take to answer, and to send each part of its body.
    pub timeout: Duration,
    pub log: Log,
}

/// The whole server: the API prefix forwarded, every other path served from
/// the built console (its files, or `index.html` for the routes the console
/// resolves in the browser).
pub fn router(config: Config) -> Router {
    let console = console_host::console(&config.static_dir);
    let proxy = Arc::new(forward::Proxy::new(config));
    Router::new()
        .route(&format!("{API_PREFIX}{{*rest}}"), any(forward::forward))
        .with_state(proxy)
        .merge(console)
}
