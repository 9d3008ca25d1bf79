//! A local Serverless Containers API v1, written from the spec and the
//! recorded traffic (not from the console's types), so that it can catch the
//! console's mistakes. State in memory, optionally kept in a file; statuses
//! derived from timestamps; CORS; optional static console; fault injection.

pub mod api;
pub mod error;
pub mod store;
pub mod validate;

use axum::extract::{Request, State};
use axum::http::{header, HeaderName, Method};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use error::ApiErr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use store::{Delays, Store};
use tower_http::cors::{AllowOrigin, CorsLayer};

/// Failures to inject, for the console's robustness tests.
#[derive(Clone, Copy, Debug, Default)]
pub struct Faults {
    pub latency_ms: u64,
    /// Fraction (0–1) of API requests answered 503.
    pub error_rate: f64,
    /// Requests per second above which the API answers 429 (0: no limit).
    pub rate_limit: u32,
    /// Every Nth API request answers 503 (0: none): a failure a test can count on.
    pub fail_every: u64,
}

/// The key the emulator accepts unless told otherwise: UUID-shaped, as the
/// real API's keys are (the console refuses anything else).
pub const DEFAULT_TOKEN: &str = "5ec4e7c0-0000-4000-8000-000000000001";

#[derive(Clone, Debug)]
pub struct Config {
    pub token: String,
    pub delays: Delays,
    pub faults: Faults,
    pub static_dir: Option<PathBuf>,
    pub state_file: Option<PathBuf>,
    /// CORS for any origin; otherwise loopback origins only.
    pub cors_any_origin: bool,
}

pub struct AppState {
    pub config: Config,
    pub store: Mutex<Store>,
    /// (second, requests in it) for the rate limit.
    window: Mutex<(u64, u32)>,
    /// API requests so far, for `fail_every`.
    requests: std::sync::atomic::AtomicU64,
}

pub type Shared = Arc<AppState>;

impl AppState {
    pub fn new(config: Config, store: Store) -> Shared {
        Arc::new(AppState {
            config,
            store: Mutex::new(store),
            window: Mutex::new((0, 0)),
            requests: Default::default(),
        })
    }

    /// Writes the state file, through a temporary file and a rename, so the
    /// previous file stays whole when anything fails.
    pub fn persist(&self, store: &Store) -> std::io::Result<()> {
        let Some(path) = &self.config.state_file else {
            return Ok(());
        };
        let tmp = path.with_extension("tmp");
        let result = (|| -> std::io::Result<()> {
            let json = serde_json::to_vec(store).map_err(std::io::Error::other)?;
            {
                use std::io::Write;
                let mut f = std::fs::File::create(&tmp)?;
                f.write_all(&json)?;
                f.sync_all()?;
            }
            std::fs::rename(&tmp, path)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }
}

/// Reads a state file written by `persist`; an absent file is an empty store.
pub fn load_state(path: &std::path::Path) -> std::io::Result<Store> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(std::io::Error::other),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Store::default()),
        Err(e) => Err(e),
    }
}

async fn faults_and_auth(State(app): State<Shared>, request: Request, next: Next) -> Response {
    let faults = app.config.faults;
    if faults.latency_ms > 0 {
        tokio::time::sleep(std::time::Duration::from_millis(faults.latency_ms)).await;
    }
    if faults.rate_limit > 0 {
        let second = store::now_ms() / 1000;
        let mut window = app.window.lock().unwrap_or_else(|e| e.into_inner());
        if window.0 != second {
            *window = (second, 0);
        }
        window.1 += 1;
        if window.1 > faults.rate_limit {
            return ApiErr::too_many(faults.rate_limit).into_response();
        }
    }
    if faults.fail_every > 0 {
        let n = app
            .requests
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst)
            .wrapping_add(1);
        if n.is_multiple_of(faults.fail_every) {
            return ApiErr::injected_failure().into_response();
        }
    }
    if faults.error_rate > 0.0 {
        let draw = uuid::Uuid::new_v4().as_u128() as f64 / u128::MAX as f64;
        if draw < faults.error_rate {
            return ApiErr::injected_failure().into_response();
        }
    }
    let token = request
        .headers()
        .get("x-auth-token")
        .and_then(|v| v.to_str().ok());
    if !token.is_some_and(|t| same_secret(t.as_bytes(), app.config.token.as_bytes())) {
        return ApiErr::denied().into_response();
    }
    next.run(request).await
}

/// The largest request body accepted, as the live proxy's.
pub use console_host::MAX_BODY_BYTES;

/// Every API rejection is JSON, as the real API's are. Axum's own (a path or
/// query that does not parse, a body too large, a method not allowed) come
/// as plain text or nothing: they are rewritten here, their text kept.
async fn json_errors(response: Response) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if is_json || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let text = axum::body::to_bytes(response.into_body(), 64 * 1024)
        .await
        .map(|b| String::from_utf8_lossy(&b).trim().to_string())
        .unwrap_or_default();
    let message = if text.is_empty() {
        status.canonical_reason().unwrap_or("error").to_lowercase()
    } else {
        text
    };
    let kind = match status.as_u16() {
        400 => "invalid_request_error",
        404 => "not_found",
        405 => "method_not_allowed",
        413 => "request_too_large",
        415 => "unsupported_media_type",
        _ => "internal_error",
    };
    (
        status,
        axum::Json(serde_json::json!({"type": kind, "message": message})),
    )
        .into_response()
}

/// Compares two secrets in time that does not depend on where they differ.
fn same_secret(given: &[u8], expected: &[u8]) -> bool {
    given.len() == expected.len()
        && given
            .iter()
            .zip(expected)
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0
}

/// A browser origin on this machine: `http(s)://localhost`, `127.x.x.x` or `[::1]`, any port.
pub fn loopback_origin(origin: &[u8]) -> bool {
    let Ok(origin) = std::str::from_utf8(origin) else {
        return false;
    };
    let Some(host) = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
    else {
        return false;
    };
    let host = if host.starts_with('[') {
        host.split(']')
            .next()
            .map(|h| format!("{h}]"))
            .unwrap_or_default()
    } else {
        host.split(':').next().unwrap_or_default().to_string()
    };
    host == "localhost"
        || host == "[::1]"
        || (host.starts_with("127.")
            && host.split('.').count() == 4
            && host.split('.').all(|p| p.parse::<u8>().is_ok()))
}

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
    use api::*;
    let base = "/containers/v1/regions/{region}";
    let api = Router::new()
        .route(base, get(service_info))
        .route(
            &format!("{base}/namespaces"),
            get(list_namespaces).post(create_namespace_h),
        )
        .route(
            &format!("{base}/namespaces/{{id}}"),
            get(get_namespace)
                .patch(update_namespace_h)
                .delete(delete_namespace),
        )
        .route(
            &format!("{base}/containers"),
            get(list_containers).post(create_container_h),
        )
        .route(
            &format!("{base}/containers/{{id}}"),
            get(get_container)
                .patch(update_container_h)
                .delete(delete_container),
        )
        .route(
            &format!("{base}/containers/{{id}}/redeploy"),
            post(redeploy),
        )
        .route(
            &format!("{base}/domains"),
            get(list_domains).post(create_domain_h),
        )
        .route(
            &format!("{base}/domains/{{id}}"),
            get(get_domain).patch(update_domain_h).delete(delete_domain),
        )
        .route(
            &format!("{base}/triggers"),
            get(list_triggers).post(create_trigger_h),
        )
        .route(
            &format!("{base}/triggers/{{id}}"),
            get(get_trigger)
                .patch(update_trigger_h)
                .delete(delete_trigger),
        )
        .route("/containers/v1/{*rest}", axum::routing::any(unknown_route))
        .layer(middleware::from_fn_with_state(app.clone(), faults_and_auth))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::map_response(json_errors))
        .layer(
            CorsLayer::new()
                .allow_origin(if app.config.cors_any_origin {
                    AllowOrigin::any()
                } else {
                    AllowOrigin::predicate(|origin, _| loopback_origin(origin.as_bytes()))
                })
                .allow_methods([Method::GET, Method::POST, Method::PATCH, Method::DELETE])
                .allow_headers([
                    HeaderName::from_static("x-auth-token"),
                    header::CONTENT_TYPE,
                ])
                .max_age(std::time::Duration::from_secs(600)),
        )
        .with_state(app.clone());
    match &app.config.static_dir {
        Some(dir) => api.merge(console_host::console(dir)),
        None => api,
    }
}

/// Fills the store with several namespaces, containers in each status,
/// domains, and triggers of each source type, through the API's own rules.
pub fn demo_data(app: &Shared, project_id: &str) {
    use serde_json::json;
    let now = store::now_ms();
    let mut s = app.store.lock().unwrap_or_else(|e| e.into_inner());
    let map = |v: serde_json::Value| v.as_object().cloned().unwrap_or_default();
    let mut ids = Vec::new();
    for (name, description) in [
        ("web-frontends", "Public sites"),
        ("data-jobs", "Batch and event processing"),
        ("staging", ""),
    ] {
        let ns = api::create_namespace(&mut s, "fr-par", &map(json!({"project_id": project_id, "name": name,
            "description": description, "environment_variables": {"LOG_LEVEL": "info"},
            "secret_environment_variables": {"DATABASE_URL": "postgres://demo"}, "tags": ["demo"]})), now)
            .expect("demo namespace");
        ids.push(ns["id"].as_str().unwrap_or_default().to_string());
    }
    api::create_namespace(
        &mut s,
        "nl-ams",
        &map(json!({"project_id": project_id, "name": "eu-north-mirror"})),
        now,
    )
    .expect("demo namespace");
    // Settle the namespaces at once so containers can be created in them.
    s.settle(
        now.saturating_add(app.config.delays.create_ms),
        app.config.delays,
    );
    let containers = [
        (
            0,
            "shop",
            "nginx:1.29-alpine",
            80,
            json!({"concurrent_requests_threshold": 40}),
            json!({"failure_threshold": 5, "interval": "10s", "timeout": "2s", "http": {"path": "/healthz"}}),
        ),
        (
            0,
            "blog",
            "ghcr.io/demo/blog:2.3",
            8080,
            json!({"cpu_usage_threshold": 70}),
            json!({"failure_threshold": 30, "interval": "10s", "timeout": "1s", "tcp": {}}),
        ),
        (
            1,
            "resizer",
            "ghcr.io/demo/resizer:1.0",
            8080,
            json!({"memory_usage_threshold": 80}),
            json!({"failure_threshold": 30, "interval": "10s", "timeout": "1s", "tcp": {}}),
        ),
        (
            1,
            "broken-worker",
            "ghcr.io/demo/fail-on-start:0.1",
            8080,
            json!({"concurrent_requests_threshold": 50}),
            json!({"failure_threshold": 3, "interval": "5s", "timeout": "1s", "tcp": {}}),
        ),
        (
            2,
            "api-preview",
            "ghcr.io/demo/api:3.0-rc1",
            3000,
            json!({"concurrent_requests_threshold": 80}),
            json!({"failure_threshold": 30, "interval": "10s", "timeout": "1s", "tcp": {}}),
        ),
    ];
    let mut created = Vec::new();
    for (ns, name, image, port, scaling, probe) in containers {
        let c = api::create_container(&mut s, "fr-par", &map(json!({"namespace_id": ids[ns], "name": name, "image": image,
            "port": port, "scaling_option": scaling, "liveness_probe": probe, "max_scale": 10,
            "environment_variables": {"APP_ENV": "demo"}, "secret_environment_variables": {"API_KEY": "demo-secret"},
            "tags": ["demo"], "description": format!("Demo container {name}")})), now)
            .expect("demo container");
        created.push(c["id"].as_str().unwrap_or_default().to_string());
    }
    s.settle(
        now.saturating_add(app.config.delays.create_ms),
        app.config.delays,
    );
    api::create_domain(
        &mut s,
        "fr-par",
        &map(json!({"container_id": created[0], "hostname": "shop.example.com"})),
        now,
    )
    .expect("demo domain");
    api::create_domain(
        &mut s,
        "fr-par",
        &map(json!({"container_id": created[1], "hostname": "blog.example.com", "tags": ["demo"]})),
        now,
    )
    .expect("demo domain");
    api::create_trigger(&mut s, "fr-par", &map(json!({"container_id": created[2], "name": "nightly-cleanup",
        "cron_config": {"schedule": "0 3 * * *", "timezone": "Europe/Paris", "body": "{\"mode\":\"full\"}", "headers": {"Content-Type": "application/json"}},
        "destination_config": {"http_path": "/cleanup", "http_method": "post"}})), now).expect("demo trigger");
    api::create_trigger(&mut s, "fr-par", &map(json!({"container_id": created[2], "name": "uploads-queue",
        "sqs_config": {"region": "fr-par", "endpoint": "https://sqs.mnq.fr-par.example", "access_key_id": "DEMOKEY",
                       "secret_access_key": "demo-secret", "queue_url": "https://sqs.mnq.fr-par.example/demo/uploads"}})), now).expect("demo trigger");
    api::create_trigger(&mut s, "fr-par", &map(json!({"container_id": created[2], "name": "orders-events",
        "nats_config": {"server_urls": ["nats://nats.mnq.fr-par.example:4222"], "subject": "orders.created",
                        "credentials_file_content": "demo-credentials"}})), now).expect("demo trigger");
    s.settle(
        now.saturating_add(app.config.delays.create_ms),
        app.config.delays,
    );
    // Two containers left in motion, so the demo shows statuses changing by themselves.
    api::create_container(
        &mut s,
        "fr-par",
        &map(json!({"namespace_id": ids[2], "name": "api-canary",
        "image": "ghcr.io/demo/api:3.0", "port": 3000})),
        now,
    )
    .expect("demo container");
    api::redeploy_container(&mut s, "fr-par", &created[1], now).expect("demo redeploy");
    if let Err(e) = app.persist(&s) {
        eprintln!("emulator: the demo data could not be saved to the state file: {e}");
    }
}
