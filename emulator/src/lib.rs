//! A local Serverless Containers API v1, written from the spec and the
//! recorded traffic (not from the console's types), so that it can catch the
//! console's mistakes. State in memory, optionally kept in a file; statuses
//! derived from timestamps; CORS; optional static console; fault injection.

pub mod api;
pub mod clock;
mod config;
mod demo;
mod dns;
pub mod error;
mod middleware;
mod state;
pub mod store;
pub mod validate;

pub use config::{Config, Faults, DEFAULT_TOKEN};
pub use demo::demo_data;
pub use middleware::loopback_origin;
pub use state::{load_state, AppState, Shared};

/// The largest request body accepted, as the live proxy's.
pub use console_host::MAX_BODY_BYTES;

use axum::middleware as layers;
use axum::Router;
use error::ApiErr;

async fn unknown_route() -> ApiErr {
    ApiErr {
        status: axum::http::StatusCode::NOT_FOUND,
        body: serde_json::json!({"type": "not_found", "message": "no such operation in Serverless Containers API v1"}),
    }
}

/// The whole server: the API under `/containers/v1/regions/{region}`, with
/// CORS for loopback origins (any origin when configured), and the built
/// console (SPA fallback) when configured.
pub fn router(app: Shared) -> Router {
    let api = api::router()
        .route("/containers/v1/{*rest}", axum::routing::any(unknown_route))
        .layer(layers::from_fn_with_state(
            app.clone(),
            middleware::faults_and_auth,
        ))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(layers::map_response(middleware::json_errors))
        .layer(middleware::cors(app.config.cors_any_origin))
        // A resolver needs no key, as a public one does not.
        .route("/dns-query", axum::routing::get(dns::query))
        .with_state(app.clone());
    match &app.config.static_dir {
        Some(dir) => api.merge(console_host::console(dir).layer(layers::from_fn_with_state(
            app.clone(),
            middleware::failing_page_chunks,
        ))),
        None => api,
    }
}
