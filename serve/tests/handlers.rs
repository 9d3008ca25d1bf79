//! The proxy's router against a small upstream on loopback that says what it
//! received: what is forwarded, what is not, and what a failed hop answers.

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::{Json, Router};
use serde_json::{json, Value};
use serve::{router, Config, Upstream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tower::ServiceExt;

const TOKEN: &str = "5ec4e7c0-0000-4000-8000-00000000beef";

/// An upstream on a free loopback port that counts the requests it gets.
struct TestUpstream {
    origin: String,
    hits: Arc<AtomicUsize>,
}

async fn start_upstream(routes: Router) -> TestUpstream {
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    let app = routes.layer(axum::middleware::from_fn(
        move |request: Request, next: axum::middleware::Next| {
            counter.fetch_add(1, Ordering::SeqCst);
            next.run(request)
        },
    ));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    TestUpstream { origin, hits }
}

/// Answers what it received: method, path, the token, which headers came, the body's length.
async fn echo(request: Request) -> Json<Value> {
    let (parts, body) = request.into_parts();
    let header = |name: &str| {
        parts
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let body = to_bytes(body, usize::MAX).await.unwrap();
    Json(json!({
        "method": parts.method.as_str(),
        "path": parts.uri.path_and_query().map(|p| p.as_str()),
        "token": header("x-auth-token"),
        "cookie": header("cookie"),
        "origin": header("origin"),
        "body_len": body.len(),
    }))
}

fn echo_upstream() -> Router {
    Router::new().fallback(any(echo))
}

/// A built console's stand-in: an index.html with a policy, and one asset.
fn dist() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("serve-test-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        r#"<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'" /></head><body>console</body></html>"#,
    )
    .unwrap();
    dir
}

struct Proxy {
    app: Router,
    log: Arc<Mutex<Vec<String>>>,
}

fn proxy_to(origin: &str, timeout: Duration) -> Proxy {
    let log = Arc::new(Mutex::new(Vec::new()));
    let sink = log.clone();
    let app = router(Config {
        upstream: Upstream::parse(origin).unwrap(),
        static_dir: dist(),
        timeout,
        log: Arc::new(move |line: &str| sink.lock().unwrap().push(line.to_string())),
    });
    Proxy { app, log }
}

async fn call(app: &Router, request: Request<Body>) -> (StatusCode, HeaderMap, String) {
    let response: Response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

fn api_request(method: &str, path: &str) -> axum::http::request::Builder {
    Request::builder()
        .method(method)
        .uri(path)
        .header("x-auth-token", TOKEN)
}

#[tokio::test]
async fn api_calls_go_upstream_with_the_token_untouched_and_nothing_of_the_page() {
    let upstream = start_upstream(echo_upstream()).await;
    let proxy = proxy_to(&upstream.origin, Duration::from_secs(5));
    let body = json!({"name": "web", "project_id": "p"}).to_string();
    let (status, _, answer) = call(
        &proxy.app,
        api_request("POST", "/containers/v1/regions/fr-par/namespaces?page=2")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::CONTENT_LENGTH, body.len())
            .header(header::COOKIE, "session=page-cookie")
            .header(header::ORIGIN, "http://127.0.0.1:8080")
            .body(Body::from(body.clone()))
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let seen: Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(seen["method"], "POST");
    assert_eq!(
        seen["path"],
        "/containers/v1/regions/fr-par/namespaces?page=2"
    );
    assert_eq!(seen["token"], TOKEN);
    assert_eq!(seen["body_len"], body.len());
    assert_eq!(seen["cookie"], Value::Null, "the page's cookies stay home");
    assert_eq!(seen["origin"], Value::Null);
    assert_eq!(upstream.hits.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn paths_outside_the_api_are_never_forwarded() {
    let upstream = start_upstream(echo_upstream()).await;
    let proxy = proxy_to(&upstream.origin, Duration::from_secs(5));
    // Any other path is the console: its index.html, with the static host's headers.
    for path in [
        "/iam/v1/api-keys",
        "/containers/v2/regions/fr-par",
        "/namespaces",
    ] {
        let (status, headers, body) = call(
            &proxy.app,
            api_request("GET", path).body(Body::empty()).unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(body.contains("console"), "{path}: {body}");
        assert_eq!(
            headers[header::CONTENT_SECURITY_POLICY],
            "default-src 'self'; frame-ancestors 'none'"
        );
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    }
    // A path that starts under the API but would leave it once resolved.
    for path in [
        "/containers/v1/../../iam/v1/api-keys",
        "/containers/v1/%2e%2e/%2E%2E/iam/v1/api-keys",
    ] {
        let (status, headers, body) = call(
            &proxy.app,
            api_request("GET", path).body(Body::empty()).unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(headers[header::CONTENT_TYPE], "application/json");
        assert!(body.contains("\"type\":\"not_found\""), "{body}");
    }
    assert_eq!(upstream.hits.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn an_upstream_redirect_is_passed_back_not_followed() {
    let elsewhere = start_upstream(echo_upstream()).await;
    let target = format!("{}/containers/v1/stolen", elsewhere.origin);
    let upstream = start_upstream(Router::new().fallback(any(move || {
        let target = target.clone();
        async move { (StatusCode::FOUND, [(header::LOCATION, target)]).into_response() }
    })))
    .await;
    let proxy = proxy_to(&upstream.origin, Duration::from_secs(5));
    let (status, headers, _) = call(
        &proxy.app,
        api_request("GET", "/containers/v1/regions/fr-par/namespaces")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(
        headers[header::LOCATION],
        format!("{}/containers/v1/stolen", elsewhere.origin).as_str()
    );
    assert_eq!(upstream.hits.load(Ordering::SeqCst), 1);
    assert_eq!(
        elsewhere.hits.load(Ordering::SeqCst),
        0,
        "the key went elsewhere"
    );
}

#[tokio::test]
async fn an_upstream_that_is_down_answers_a_json_502() {
    // A port that was free a moment ago: nothing listens there.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let origin = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let proxy = proxy_to(&origin, Duration::from_secs(5));
    let (status, headers, body) = call(
        &proxy.app,
        api_request("GET", "/containers/v1/regions/fr-par/namespaces")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_GATEWAY);
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    let error: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(error["type"], "bad_gateway");
    let message = error["message"].as_str().unwrap();
    assert!(message.contains(&origin), "{message}");
    assert!(message.contains("could not be reached"), "{message}");
}

#[tokio::test]
async fn an_upstream_that_does_not_answer_in_time_gets_a_json_504() {
    let upstream = start_upstream(Router::new().fallback(any(|| async {
        tokio::time::sleep(Duration::from_secs(5)).await;
        "late"
    })))
    .await;
    let proxy = proxy_to(&upstream.origin, Duration::from_secs(1));
    let (status, _, body) = call(
        &proxy.app,
        api_request("GET", "/containers/v1/regions/fr-par/namespaces")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::GATEWAY_TIMEOUT, "{body}");
    let error: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(error["type"], "gateway_timeout");
    assert!(error["message"].as_str().unwrap().contains("within 1 s"));
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_before_it_goes_upstream() {
    let upstream = start_upstream(echo_upstream()).await;
    let proxy = proxy_to(&upstream.origin, Duration::from_secs(5));
    let big = "x".repeat(console_host::MAX_BODY_BYTES + 1);
    let (status, _, body) = call(
        &proxy.app,
        api_request("POST", "/containers/v1/regions/fr-par/namespaces")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::CONTENT_LENGTH, big.len())
            .body(Body::from(big))
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(body.contains("request_too_large"), "{body}");
    assert_eq!(upstream.hits.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn the_token_never_appears_in_the_log() {
    let upstream = start_upstream(echo_upstream()).await;
    let proxy = proxy_to(&upstream.origin, Duration::from_secs(5));
    for path in [
        "/containers/v1/regions/fr-par/namespaces",
        "/containers/v1/regions/fr-par/containers?page=1",
        "/containers/v1/../iam",
    ] {
        call(
            &proxy.app,
            api_request("GET", path).body(Body::empty()).unwrap(),
        )
        .await;
    }
    let log = proxy.log.lock().unwrap().clone();
    assert_eq!(log.len(), 3, "one line per forwarded request: {log:?}");
    assert!(
        log[1].starts_with("GET /containers/v1/regions/fr-par/containers?page=1 → 200"),
        "{log:?}"
    );
    assert!(log[2].contains("→ 404"), "{log:?}");
    for line in &log {
        assert!(!line.contains(TOKEN), "the key was logged: {line}");
        assert!(!line.contains("beef"), "part of the key was logged: {line}");
    }
}
