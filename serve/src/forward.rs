//! Forwarding one API request upstream and its answer back, both bodies
//! streamed. Failures of the hop itself answer JSON in the API's error shape
//! (`{"type", "message"}`), so the console shows them as any other failure.

use crate::{Config, Log, Upstream};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use console_host::MAX_BODY_BYTES;
use http_body_util::{LengthLimitError, Limited};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The only path forwarded: the Serverless Containers API v1.
pub const API_PREFIX: &str = "/containers/v1/";

/// What the browser sends that the API needs. Nothing else goes upstream:
/// no cookie, origin or referrer of the page.
const REQUEST_HEADERS: [HeaderName; 7] = [
    header::ACCEPT,
    header::ACCEPT_ENCODING,
    header::ACCEPT_LANGUAGE,
    header::CONTENT_LENGTH,
    header::CONTENT_TYPE,
    header::USER_AGENT,
    HeaderName::from_static("x-auth-token"),
];

/// Headers of one hop (RFC 9110 §7.6.1): not passed back to the browser.
const HOP_BY_HOP: [&str; 8] = [
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
];

pub struct Proxy {
    upstream: Upstream,
    client: reqwest::Client,
    timeout: Duration,
    log: Log,
}

impl Proxy {
    pub fn new(config: Config) -> Proxy {
        // rustls with ring: one process-wide provider, installed once (a
        // second install is refused, which is fine).
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            // A redirect would carry the key elsewhere: the browser gets it
            // as it came, and the console does not follow it either.
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(config.timeout)
            .read_timeout(config.timeout)
            .build()
            .expect("an HTTP client with rustls");
        Proxy {
            upstream: config.upstream,
            client,
            timeout: config.timeout,
            log: config.log,
        }
    }
}

pub async fn forward(State(proxy): State<Arc<Proxy>>, request: Request) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path_and_query = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_default();
    let response = send(&proxy, request, &path_and_query).await;
    let response = match response {
        Ok(response) => response,
        Err(failure) => failure.into_response(),
    };
    // The path and the status only: the key is a header, and headers are never logged.
    (proxy.log)(&format!(
        "{method} {path_and_query} → {} in {} ms",
        response.status().as_u16(),
        started.elapsed().as_millis()
    ));
    response
}

async fn send(proxy: &Proxy, request: Request, path_and_query: &str) -> Result<Response, Failure> {
    let target = proxy
        .upstream
        .target(path_and_query)
        .ok_or(Failure::NotForwarded)?;
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return Err(Failure::TooLarge);
    }
    let (parts, body) = request.into_parts();
    let mut outgoing = proxy
        .client
        .request(parts.method, target)
        .headers(forwarded(&parts.headers));
    if declared.is_some_and(|n| n > 0) || parts.headers.contains_key(header::TRANSFER_ENCODING) {
        // Streamed as it arrives, cut at the same size as the emulator's.
        let limited = Body::new(Limited::new(body, MAX_BODY_BYTES));
        outgoing = outgoing.body(reqwest::Body::wrap_stream(limited.into_data_stream()));
    }
    let answer = tokio::time::timeout(proxy.timeout, outgoing.send())
        .await
        .map_err(|_| Failure::TimedOut {
            upstream: proxy.upstream.origin(),
            after: proxy.timeout,
        })?
        .map_err(|e| Failure::from_client(e, &proxy.upstream, proxy.timeout))?;

    let mut response = Response::builder().status(answer.status());
    if let Some(headers) = response.headers_mut() {
        for (name, value) in answer.headers() {
            if !HOP_BY_HOP.contains(&name.as_str()) {
                headers.append(name.clone(), value.clone());
            }
        }
    }
    Ok(response
        .body(Body::from_stream(answer.bytes_stream()))
        .unwrap_or_else(|_| {
            Failure::Unreachable {
                upstream: proxy.upstream.origin(),
                why: "its answer could not be passed on".into(),
            }
            .into_response()
        }))
}

fn forwarded(headers: &HeaderMap) -> HeaderMap {
    let mut out = HeaderMap::new();
    for name in &REQUEST_HEADERS {
        for value in headers.get_all(name) {
            out.append(name.clone(), value.clone());
        }
    }
    out
}

/// Why a request was not answered by the upstream.
#[derive(Debug)]
enum Failure {
    /// A path that would leave the API once resolved.
    NotForwarded,
    TooLarge,
    Unreachable {
        upstream: String,
        why: String,
    },
    TimedOut {
        upstream: String,
        after: Duration,
    },
}

impl Failure {
    fn from_client(error: reqwest::Error, upstream: &Upstream, after: Duration) -> Failure {
        let upstream = upstream.origin();
        if error.is_timeout() {
            return Failure::TimedOut { upstream, after };
        }
        // The innermost cause says what happened (refused, no such host, TLS),
        // unless the browser's body itself was cut at the size limit.
        let mut why = error.to_string();
        let mut source = std::error::Error::source(&error);
        while let Some(cause) = source {
            if cause.is::<LengthLimitError>() {
                return Failure::TooLarge;
            }
            why = cause.to_string();
            source = cause.source();
        }
        Failure::Unreachable { upstream, why }
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let (status, kind, message) = match self {
            Failure::NotForwarded => (
                StatusCode::NOT_FOUND,
                "not_found",
                "no such operation in Serverless Containers API v1".to_string(),
            ),
            Failure::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "request_too_large",
                format!("the request body is over {MAX_BODY_BYTES} bytes"),
            ),
            Failure::Unreachable { upstream, why } => (
                StatusCode::BAD_GATEWAY,
                "bad_gateway",
                format!("the API at {upstream} could not be reached: {why}."),
            ),
            Failure::TimedOut { upstream, after } => (
                StatusCode::GATEWAY_TIMEOUT,
                "gateway_timeout",
                format!(
                    "the API at {upstream} did not answer within {} s.",
                    after.as_secs()
                ),
            ),
        };
        (
            status,
            Json(serde_json::json!({"type": kind, "message": message})),
        )
            .into_response()
    }
}
