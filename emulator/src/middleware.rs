//! What wraps every API call (injected faults, the key check, JSON for every
//! rejection, CORS for loopback origins), and the faults injected into the
//! console's own files.

use crate::error::ApiErr;
use crate::Shared;
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use tower_http::cors::{AllowOrigin, CorsLayer};

pub(crate) async fn faults_and_auth(
    State(app): State<Shared>,
    request: Request,
    next: Next,
) -> Response {
    let faults = &app.config.faults;
    if faults.latency_ms > 0 {
        tokio::time::sleep(std::time::Duration::from_millis(faults.latency_ms)).await;
    }
    if faults.rate_limit > 0 {
        let second = app.clock.now_ms() / 1000;
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

/// Every API rejection is JSON, as the real API's are. Axum's own (a path or
/// query that does not parse, a body too large, a method not allowed) come
/// as plain text or nothing: they are rewritten here, their text kept.
pub(crate) async fn json_errors(response: Response) -> Response {
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

/// CORS for loopback origins, or any origin when configured.
pub(crate) fn cors(any_origin: bool) -> CorsLayer {
    CorsLayer::new()
        .allow_origin(if any_origin {
            AllowOrigin::any()
        } else {
            AllowOrigin::predicate(|origin, _| loopback_origin(origin.as_bytes()))
        })
        .allow_methods([Method::GET, Method::POST, Method::PATCH, Method::DELETE])
        .allow_headers([
            HeaderName::from_static("x-auth-token"),
            header::CONTENT_TYPE,
        ])
        .max_age(std::time::Duration::from_secs(600))
}

/// With `--fail-page-chunks N`, the first N requests for a page's chunks of
/// the console answer 503, as a flaky network or CDN would; with
/// `--cut-page-chunks M`, the M after them break off halfway through the
/// body, as a dropped connection does.
pub(crate) async fn failing_page_chunks(
    State(app): State<Shared>,
    request: Request,
    next: Next,
) -> Response {
    let faults = &app.config.faults;
    let is_page_chunk = request
        .uri()
        .path()
        .rsplit('/')
        .next()
        .is_some_and(|name| is_chunk_of(name, faults.faulty_page.as_deref()));
    if !is_page_chunk {
        return next.run(request).await;
    }
    let nth = app
        .page_chunk_requests
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    if nth < faults.fail_page_chunks {
        return axum::http::StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    let response = next.run(request).await;
    if nth < faults.fail_page_chunks + faults.cut_page_chunks {
        return cut_halfway(response).await;
    }
    response
}

/// Whether the file `name` is a chunk of `page` (any page's when none): its
/// own module (`split_<page>-<hash>.wasm`), its pack (`pages_<page>-<hash>.bin`)
/// or its landing module (`landing_<page>-<hash>.wasm`).
fn is_chunk_of(name: &str, page: Option<&str>) -> bool {
    let (prefixes, ext): (&[&str], _) = if name.ends_with(".wasm") {
        (&["split_", "landing_"], ".wasm")
    } else if name.ends_with(".bin") {
        (&["pages_"], ".bin")
    } else {
        return false;
    };
    let named = prefixes.iter().find_map(|prefix| name.strip_prefix(prefix));
    match (named, page) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(rest), Some(page)) => rest
            .strip_suffix(ext)
            .and_then(|rest| rest.rsplit_once('-'))
            .is_some_and(|(named, _hash)| named == page),
    }
}

/// The response with its headers and the first half of its body, then a
/// broken connection: the browser sees a download that stopped.
async fn cut_halfway(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    // Without a length the break shows as a chunked body that never ends.
    parts.headers.remove(header::CONTENT_LENGTH);
    let half = bytes.slice(..bytes.len() / 2);
    // The break comes a moment later, once the headers and the half are on
    // the wire: an error at once would drop them unsent (no answer at all).
    let broken = futures_util::stream::iter([Ok(half)]).chain(futures_util::stream::once(async {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        Err(std::io::Error::other("the connection broke"))
    }));
    Response::from_parts(parts, axum::body::Body::from_stream(broken))
}
