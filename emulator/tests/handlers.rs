//! Handler tests: the API's rules, driven through the router as a client would.

use axum::body::Body;
use axum::http::Request;
use emulator::clock::Clock;
use emulator::store::Delays;
use emulator::{load_state, router, AppState, Config, Faults};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

const T: &str = "test-token";
const B: &str = "/containers/v1/regions/fr-par";
const PROJECT: &str = "105bdce1-64c0-48ab-899d-868455867ecf";

/// The router, and the clock its statuses follow: tests move it instead of sleeping.
struct TestApp {
    router: axum::Router,
    clock: Clock,
}

impl std::ops::Deref for TestApp {
    type Target = axum::Router;
    fn deref(&self) -> &axum::Router {
        &self.router
    }
}

impl TestApp {
    /// Past every delay of `app()`: what was transient has settled.
    fn settle(&self) {
        self.clock.advance(150);
    }
}

fn app_with(delays_ms: u64, faults: Faults, state_file: Option<std::path::PathBuf>) -> TestApp {
    let delays = Delays {
        create_ms: delays_ms,
        update_ms: delays_ms,
        delete_ms: delays_ms,
    };
    let store = state_file
        .as_deref()
        .map(|p| load_state(p).unwrap())
        .unwrap_or_default();
    let clock = Clock::manual();
    let router = router(AppState::with_clock(
        Config {
            token: T.into(),
            delays,
            faults,
            static_dir: None,
            cors_any_origin: false,
            dns: Vec::new(),
            demo_dns: false,
            state_file,
        },
        store,
        clock.clone(),
    ));
    TestApp { router, clock }
}

fn app() -> TestApp {
    app_with(100, Faults::default(), None)
}

async fn call(app: &axum::Router, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
    let mut req = Request::builder()
        .method(method)
        .uri(path)
        .header("x-auth-token", T);
    if body.is_some() {
        req = req.header("content-type", "application/json");
    }
    let req = req
        .body(
            body.map(|b| Body::from(b.to_string()))
                .unwrap_or_else(Body::empty),
        )
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status().as_u16();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

async fn namespace(app: &axum::Router, name: &str) -> String {
    let (s, ns) = call(
        app,
        "POST",
        &format!("{B}/namespaces"),
        Some(json!({"project_id": PROJECT, "name": name})),
    )
    .await;
    assert_eq!(s, 200, "{ns}");
    ns["id"].as_str().unwrap().to_string()
}

async fn container(app: &axum::Router, ns: &str, name: &str, extra: Value) -> (u16, Value) {
    let mut body = json!({"namespace_id": ns, "name": name, "image": "nginx:1"});
    body.as_object_mut()
        .unwrap()
        .extend(extra.as_object().cloned().unwrap_or_default());
    call(app, "POST", &format!("{B}/containers"), Some(body)).await
}

fn arguments(body: &Value) -> Vec<String> {
    body["details"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| d["argument_name"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn auth_is_required_and_errors_have_the_real_shape() {
    let app = app();
    let req = Request::builder()
        .uri(format!("{B}/namespaces"))
        .body(Body::empty())
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), 401);
    let (s, body) = call(&app, "GET", &format!("{B}/namespaces/nope"), None).await;
    assert_eq!(
        (s, body["type"].as_str(), body["resource"].as_str()),
        (404, Some("not_found"), Some("namespace"))
    );
    let (s, body) = call(
        &app,
        "GET",
        "/containers/v1/regions/us-east/namespaces",
        None,
    )
    .await;
    assert_eq!((s, arguments(&body)), (400, vec!["region".to_string()]));
}

#[tokio::test]
async fn validation_names_each_field() {
    let app = app();
    let (s, body) = call(
        &app,
        "POST",
        &format!("{B}/namespaces"),
        Some(json!({"name": "1bad", "description": "x".repeat(256)})),
    )
    .await;
    assert_eq!(s, 400);
    assert_eq!(arguments(&body), ["project_id", "name", "description"]);
    let ns = namespace(&app, "web").await;
    app.settle();
    let (s, body) = container(
        &app,
        &ns,
        "Bad_Name",
        json!({"port": 8008, "memory_limit_bytes": 1, "min_scale": 9, "max_scale": 2,
        "environment_variables": {"PORT": "1"}, "timeout": "901s"}),
    )
    .await;
    assert_eq!(s, 400);
    let args = arguments(&body);
    for field in [
        "name",
        "port",
        "memory_limit_bytes",
        "environment_variables.PORT",
        "timeout",
        "min_scale",
    ] {
        assert!(args.contains(&field.to_string()), "{field} in {args:?}");
    }
}

#[tokio::test]
async fn oneofs_are_enforced() {
    let app = app();
    let ns = namespace(&app, "web").await;
    app.settle();
    let (s, body) = container(
        &app,
        &ns,
        "probe",
        json!({"liveness_probe": {"failure_threshold": 3, "tcp": {}, "http": {"path": "/"}}}),
    )
    .await;
    assert_eq!(
        (s, arguments(&body)),
        (400, vec!["liveness_probe".to_string()])
    );
    let (s, body) = container(
        &app,
        &ns,
        "scale",
        json!({"scaling_option": {"concurrent_requests_threshold": 5, "cpu_usage_threshold": 50}}),
    )
    .await;
    assert_eq!(
        (s, arguments(&body)),
        (400, vec!["scaling_option".to_string()])
    );
    let (s, body) = container(
        &app,
        &ns,
        "http-probe",
        json!({"startup_probe": {"failure_threshold": 3, "http": {"path": "/hz"}}}),
    )
    .await;
    assert_eq!(s, 200, "{body}");
    assert_eq!(body["startup_probe"]["http"]["path"], "/hz");
    assert!(body["startup_probe"].get("tcp").is_none());
    app.settle();
    let cid = body["id"].as_str().unwrap();
    let (s, body) = call(
        &app,
        "POST",
        &format!("{B}/triggers"),
        Some(json!({"container_id": cid, "name": "tr"})),
    )
    .await;
    assert_eq!(s, 400, "a source is required: {body}");
    let (s, _) = call(&app, "POST", &format!("{B}/triggers"), Some(json!({"container_id": cid, "name": "tr",
        "cron_config": {"schedule": "* * * * *", "timezone": "UTC"}, "nats_config": {"server_urls": ["n"], "subject": "s", "credentials_file_content": "c"}}))).await;
    assert_eq!(s, 400, "two sources");
    let (s, trigger) = call(&app, "POST", &format!("{B}/triggers"), Some(json!({"container_id": cid, "name": "tr",
        "sqs_config": {"region": "fr-par", "endpoint": "e", "access_key_id": "a", "secret_access_key": "SECRET", "queue_url": "q"}}))).await;
    assert_eq!(s, 200, "{trigger}");
    assert_eq!(trigger["source_type"], "sqs");
    assert_eq!(
        trigger["destination_config"],
        json!({"http_path": "/", "http_method": "post"})
    );
    assert!(
        !trigger.to_string().contains("SECRET"),
        "write-only fields are never returned"
    );
    app.settle();
    let tid = trigger["id"].as_str().unwrap();
    let (s, _) = call(
        &app,
        "PATCH",
        &format!("{B}/triggers/{tid}"),
        Some(json!({"cron_config": {"schedule": "* * * * *", "timezone": "UTC"}})),
    )
    .await;
    assert_eq!(s, 400, "the source type cannot change");
    let (s, updated) = call(
        &app,
        "PATCH",
        &format!("{B}/triggers/{tid}"),
        Some(json!({"sqs_config": {"queue_url": "q2"}})),
    )
    .await;
    assert_eq!(s, 200, "{updated}");
    assert_eq!(updated["sqs_config"]["queue_url"], "q2");
    assert_eq!(
        updated["sqs_config"]["endpoint"], "e",
        "fields left out keep their value"
    );
}

#[tokio::test]
async fn lifecycle_transient_conflicts_and_cascade() {
    let app = app();
    let ns = namespace(&app, "web").await;
    let (s, body) = container(&app, &ns, "early", json!({})).await;
    assert_eq!(
        (s, body["type"].as_str()),
        (409, Some("transient_state")),
        "parent still creating"
    );
    app.settle();
    let (_, c) = container(&app, &ns, "api", json!({})).await;
    let cid = c["id"].as_str().unwrap().to_string();
    assert_eq!(c["status"], "creating");
    assert!(c.get("error_message").is_none());
    let (s, _) = call(
        &app,
        "PATCH",
        &format!("{B}/containers/{cid}"),
        Some(json!({"port": 81})),
    )
    .await;
    assert_eq!(s, 409);
    app.settle();
    let (_, c) = call(&app, "GET", &format!("{B}/containers/{cid}"), None).await;
    assert_eq!(
        (c["status"].as_str(), c["error_message"].as_str()),
        (Some("ready"), Some(""))
    );
    let (_, c) = call(
        &app,
        "PATCH",
        &format!("{B}/containers/{cid}"),
        Some(json!({"description": "d"})),
    )
    .await;
    assert_eq!(c["status"], "ready", "description-only settles at once");
    let (_, c) = call(
        &app,
        "PATCH",
        &format!("{B}/containers/{cid}"),
        Some(json!({"image": "ghcr.io/x/fail:1"})),
    )
    .await;
    assert_eq!(c["status"], "updating");
    app.settle();
    let (_, c) = call(&app, "GET", &format!("{B}/containers/{cid}"), None).await;
    assert_eq!(c["status"], "error");
    assert!(c["error_message"]
        .as_str()
        .unwrap()
        .contains("unable to start"));
    let (_, d) = call(
        &app,
        "POST",
        &format!("{B}/domains"),
        Some(json!({"container_id": cid, "hostname": "app.example.com"})),
    )
    .await;
    let did = d["id"].as_str().unwrap().to_string();
    app.settle();
    let (_, gone) = call(&app, "DELETE", &format!("{B}/namespaces/{ns}"), None).await;
    assert_eq!(gone["status"], "deleting");
    let (_, c) = call(&app, "GET", &format!("{B}/containers/{cid}"), None).await;
    assert_eq!(c["status"], "deleting", "the delete cascades");
    app.settle();
    for path in [
        format!("namespaces/{ns}"),
        format!("containers/{cid}"),
        format!("domains/{did}"),
    ] {
        let (s, _) = call(&app, "GET", &format!("{B}/{path}"), None).await;
        assert_eq!(s, 404, "{path} is gone");
    }
}

#[tokio::test]
async fn secrets_are_hashes_and_patch_keeps_untouched_keys() {
    let app = app();
    let (_, ns) = call(
        &app,
        "POST",
        &format!("{B}/namespaces"),
        Some(json!({"project_id": PROJECT, "name": "sec",
        "secret_environment_variables": {"A": "1", "B": "2"}})),
    )
    .await;
    let id = ns["id"].as_str().unwrap();
    let a = ns["secret_environment_variables"]["A"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(a.starts_with("$argon2id$v=19$"));
    assert!(!ns.to_string().contains("\"1\""));
    app.settle();
    let (_, ns) = call(
        &app,
        "PATCH",
        &format!("{B}/namespaces/{id}"),
        Some(json!({"secret_environment_variables": {"A": "", "C": "3"}})),
    )
    .await;
    let secrets = ns["secret_environment_variables"].as_object().unwrap();
    assert_eq!(secrets["A"], a.as_str(), "\"\" keeps");
    assert!(!secrets.contains_key("B"), "omitted deletes");
    assert!(secrets.contains_key("C"));
}

#[tokio::test]
async fn lists_paginate_sort_and_filter() {
    let app = app();
    let mut ids = Vec::new();
    for name in ["charlie", "alpha", "bravo"] {
        ids.push(namespace(&app, name).await);
        app.clock.advance(5);
    }
    let names = |body: &Value| -> Vec<String> {
        body["namespaces"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["name"].as_str().unwrap().to_string())
            .collect()
    };
    let (_, body) = call(
        &app,
        "GET",
        &format!("{B}/namespaces?order_by=name_asc&page_size=2"),
        None,
    )
    .await;
    assert_eq!(
        (names(&body), body["total_count"].as_u64()),
        (vec!["alpha".into(), "bravo".into()], Some(3))
    );
    let (_, body) = call(
        &app,
        "GET",
        &format!("{B}/namespaces?order_by=name_asc&page_size=2&page=2"),
        None,
    )
    .await;
    assert_eq!(names(&body), ["charlie"]);
    let (_, body) = call(
        &app,
        "GET",
        &format!("{B}/namespaces?order_by=created_at_desc"),
        None,
    )
    .await;
    assert_eq!(names(&body), ["bravo", "alpha", "charlie"]);
    // As the real API: ListNamespaces ignores `name` and answers every namespace.
    let (_, body) = call(&app, "GET", &format!("{B}/namespaces?name=bravo"), None).await;
    assert_eq!(body["total_count"], 3);
    let (_, body) = call(
        &app,
        "GET",
        &format!("{B}/namespaces?project_id=other"),
        None,
    )
    .await;
    assert_eq!(body["total_count"], 0);
    let (s, body) = call(
        &app,
        "GET",
        &format!("{B}/namespaces?page_size=1001&order_by=size"),
        None,
    )
    .await;
    assert_eq!(
        (s, arguments(&body)),
        (400, vec!["page_size".to_string(), "order_by".to_string()])
    );
    app.settle();
    let (_, c) = container(&app, &ids[1], "one", json!({})).await;
    container(&app, &ids[2], "two", json!({})).await;
    let (_, body) = call(
        &app,
        "GET",
        &format!("{B}/containers?namespace_id={}", ids[1]),
        None,
    )
    .await;
    assert_eq!(body["total_count"], 1);
    assert_eq!(body["containers"][0]["id"], c["id"]);
    // ListContainers honours `name`, as an exact name.
    let (_, body) = call(&app, "GET", &format!("{B}/containers?name=one"), None).await;
    assert_eq!(body["total_count"], 1);
    let (_, body) = call(&app, "GET", &format!("{B}/containers?name=on"), None).await;
    assert_eq!(body["total_count"], 0);
}

#[tokio::test]
async fn answers_follow_the_real_api_where_the_spec_is_silent() {
    let app = app();
    let ns = namespace(&app, "web").await;
    app.settle();
    // A detached private network is omitted from answers, neither null nor "".
    let (_, c) = container(&app, &ns, "api", json!({"private_network_id": "pn-1"})).await;
    let id = c["id"].as_str().unwrap().to_string();
    assert_eq!(c["private_network_id"], "pn-1");
    app.settle();
    let (s, c) = call(
        &app,
        "PATCH",
        &format!("{B}/containers/{id}"),
        Some(json!({"private_network_id": ""})),
    )
    .await;
    assert_eq!(s, 200, "{c}");
    assert!(
        c.as_object().unwrap().get("private_network_id").is_none(),
        "{c}"
    );
    app.settle();
    // A trigger update that only renames (the cron fields all null, as recorded) stays ready.
    let (_, t) = call(
        &app,
        "POST",
        &format!("{B}/triggers"),
        Some(json!({"container_id": id, "name": "nightly",
        "cron_config": {"schedule": "0 3 * * *", "timezone": "Europe/Paris"}})),
    )
    .await;
    let tid = t["id"].as_str().unwrap().to_string();
    app.settle();
    let (s, t) = call(
        &app,
        "PATCH",
        &format!("{B}/triggers/{tid}"),
        Some(json!({"name": "renamed",
        "cron_config": {"schedule": null, "timezone": null, "body": null, "headers": null}})),
    )
    .await;
    assert_eq!(s, 200, "{t}");
    assert_eq!(
        (t["status"].as_str(), t["error_message"].as_str()),
        (Some("ready"), Some(""))
    );
    assert_eq!(t["cron_config"]["schedule"], "0 3 * * *");
    // A change of schedule is deployed: updating.
    let (_, t) = call(
        &app,
        "PATCH",
        &format!("{B}/triggers/{tid}"),
        Some(json!({"cron_config": {"schedule": "0 4 * * *"}})),
    )
    .await;
    assert_eq!(t["status"], "updating");
}

#[tokio::test]
async fn cors_allows_loopback_origins_only() {
    let preflight = |origin: &str| {
        Request::builder()
            .method("OPTIONS")
            .uri(format!("{B}/namespaces"))
            .header("origin", origin)
            .header("access-control-request-method", "PATCH")
            .header(
                "access-control-request-headers",
                "x-auth-token,content-type",
            )
            .body(Body::empty())
            .unwrap()
    };
    let res = app()
        .router
        .oneshot(preflight("http://localhost:8080"))
        .await
        .unwrap();
    let h = res.headers();
    assert_eq!(h["access-control-allow-origin"], "http://localhost:8080");
    assert!(h["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .contains("x-auth-token"));
    assert!(h["access-control-allow-methods"]
        .to_str()
        .unwrap()
        .contains("PATCH"));
    for origin in ["http://127.0.0.1:3000", "http://[::1]:8080"] {
        let res = app().router.oneshot(preflight(origin)).await.unwrap();
        assert_eq!(res.headers()["access-control-allow-origin"], origin);
    }
    // A page elsewhere gets no CORS answer: its browser will not let it call with the key.
    for origin in [
        "https://evil.example",
        "http://localhost.evil.example",
        "http://127.evil.example",
    ] {
        let res = app().router.oneshot(preflight(origin)).await.unwrap();
        assert!(
            res.headers().get("access-control-allow-origin").is_none(),
            "{origin}"
        );
    }
}

#[tokio::test]
async fn faults_answer_429_and_503() {
    let limited = app_with(
        100,
        Faults {
            rate_limit: 2,
            ..Default::default()
        },
        None,
    );
    let mut answers = Vec::new();
    for _ in 0..6 {
        answers.push(call(&limited, "GET", &format!("{B}/namespaces"), None).await);
    }
    let refused = answers
        .iter()
        .find(|(s, _)| *s == 429)
        .expect("some requests are refused");
    assert_eq!(refused.1["type"], "too_many_requests");
    assert_eq!(refused.1["limit"]["quota"], 2);
    let failing = app_with(
        100,
        Faults {
            error_rate: 1.0,
            ..Default::default()
        },
        None,
    );
    assert_eq!(
        call(&failing, "GET", &format!("{B}/namespaces"), None)
            .await
            .0,
        503
    );
    // Every third request fails, the others pass: a failure a test can count on.
    let counted = app_with(
        100,
        Faults {
            fail_every: 3,
            ..Default::default()
        },
        None,
    );
    let mut statuses = Vec::new();
    for _ in 0..6 {
        statuses.push(
            call(&counted, "GET", &format!("{B}/namespaces"), None)
                .await
                .0,
        );
    }
    assert_eq!(statuses, [200, 200, 503, 200, 200, 503]);
}

#[tokio::test]
async fn state_survives_a_restart() {
    let file = std::env::temp_dir().join(format!("emulator-state-{}.json", std::process::id()));
    let _ = std::fs::remove_file(&file);
    let first = app_with(100, Faults::default(), Some(file.clone()));
    let id = namespace(&first, "kept").await;
    assert!(
        !file.with_extension("tmp").exists(),
        "the temporary file is renamed into place"
    );
    let second = app_with(100, Faults::default(), Some(file.clone()));
    let (s, ns) = call(&second, "GET", &format!("{B}/namespaces/{id}"), None).await;
    assert_eq!((s, ns["name"].as_str()), (200, Some("kept")));
    let _ = std::fs::remove_file(&file);
}

#[tokio::test]
async fn nested_fields_are_named_in_full() {
    let app = app();
    let ns = namespace(&app, "web").await;
    app.settle();
    let (s, body) = container(
        &app,
        &ns,
        "probe",
        json!({"liveness_probe": {"failure_threshold": 2, "interval": "x", "http": {"path": "nope"}}}),
    )
    .await;
    assert_eq!(s, 400);
    assert_eq!(
        arguments(&body),
        [
            "liveness_probe.failure_threshold",
            "liveness_probe.interval",
            "liveness_probe.http.path"
        ]
    );
    let (_, c) = container(&app, &ns, "api", json!({})).await;
    app.settle();
    let cid = c["id"].as_str().unwrap();
    let (s, body) = call(&app, "POST", &format!("{B}/triggers"), Some(json!({"container_id": cid, "name": "tr",
        "nats_config": {"server_urls": [], "subject": "has space", "credentials_file_content": "c"}}))).await;
    assert_eq!(s, 400);
    assert_eq!(
        arguments(&body),
        ["nats_config.server_urls", "nats_config.subject"]
    );
    let (_, body) = call(
        &app,
        "POST",
        &format!("{B}/triggers"),
        Some(json!({"container_id": cid, "name": "tr",
        "cron_config": {"schedule": "every day", "timezone": "Europe/Paris"}})),
    )
    .await;
    assert_eq!(arguments(&body), ["cron_config.schedule"]);
    let (_, body) = container(&app, &ns, "x", json!({"image": null})).await;
    assert_eq!(arguments(&body), ["name", "image"], "each problem once");
}

/// The stored (hashed) write-only value of a trigger, read from the state file.
fn stored_write_only(file: &std::path::Path, id: &str, field: &str) -> Option<String> {
    let state: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let mut found = None;
    let mut stack = vec![&state];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(m) => {
                if m.get("body")
                    .and_then(|b| b.get("id"))
                    .and_then(Value::as_str)
                    == Some(id)
                {
                    found = m["write_only"][field].as_str().map(str::to_string);
                }
                stack.extend(m.values());
            }
            Value::Array(a) => stack.extend(a),
            _ => {}
        }
    }
    found
}

#[tokio::test]
async fn write_only_trigger_secrets_are_kept_unless_a_new_one_is_sent() {
    let file = std::env::temp_dir().join(format!("emulator-wo-{}.json", std::process::id()));
    let _ = std::fs::remove_file(&file);
    let app = app_with(100, Faults::default(), Some(file.clone()));
    let ns = namespace(&app, "web").await;
    app.settle();
    let (_, c) = container(&app, &ns, "api", json!({})).await;
    app.settle();
    let cid = c["id"].as_str().unwrap();
    let sqs = json!({"region": "fr-par", "endpoint": "https://e.example", "access_key_id": "AK",
                     "secret_access_key": "first", "queue_url": "https://e.example/q"});
    let (s, t) = call(
        &app,
        "POST",
        &format!("{B}/triggers"),
        Some(json!({"container_id": cid, "name": "queue", "sqs_config": sqs})),
    )
    .await;
    assert_eq!(s, 200, "{t}");
    assert!(
        t["sqs_config"].get("secret_access_key").is_none(),
        "never returned: {t}"
    );
    let id = t["id"].as_str().unwrap().to_string();
    let first = stored_write_only(&file, &id, "secret_access_key").expect("kept as a hash");
    assert!(!first.contains("first"), "stored as a hash, not the value");

    // Omitted, empty or null: kept. Other fields of the config change.
    for (n, secret) in [None, Some(json!("")), Some(Value::Null)]
        .into_iter()
        .enumerate()
    {
        app.settle();
        let mut config = json!({"queue_url": format!("https://e.example/q{n}")});
        if let Some(secret) = secret {
            config["secret_access_key"] = secret;
        }
        let (s, t) = call(
            &app,
            "PATCH",
            &format!("{B}/triggers/{id}"),
            Some(json!({"sqs_config": config})),
        )
        .await;
        assert_eq!(s, 200, "{t}");
        assert_eq!(
            t["sqs_config"]["access_key_id"], "AK",
            "fields left out are kept"
        );
        assert_eq!(
            stored_write_only(&file, &id, "secret_access_key").as_ref(),
            Some(&first)
        );
    }
    app.settle();
    let (s, t) = call(
        &app,
        "PATCH",
        &format!("{B}/triggers/{id}"),
        Some(json!({"sqs_config": {"secret_access_key": "second"}})),
    )
    .await;
    assert_eq!(s, 200, "{t}");
    let second = stored_write_only(&file, &id, "secret_access_key").unwrap();
    assert_ne!(second, first, "a value sent replaces it");
    assert!(t["sqs_config"].get("secret_access_key").is_none());
    let _ = std::fs::remove_file(&file);
}

#[tokio::test]
async fn the_console_is_served_with_a_static_hosts_headers() {
    let dir = std::env::temp_dir().join(format!("emulator-static-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        r#"<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'" /></head></html>"#,
    )
    .unwrap();
    std::fs::write(dir.join("main-c52928dac129f1a8.css"), "body{}").unwrap();
    let app = router(AppState::new(
        Config {
            token: T.into(),
            delays: Delays {
                create_ms: 1,
                update_ms: 1,
                delete_ms: 1,
            },
            faults: Faults::default(),
            static_dir: Some(dir.clone()),
            state_file: None,
            cors_any_origin: false,
            dns: Vec::new(),
            demo_dns: false,
        },
        Default::default(),
    ));
    let get = |path: &str| Request::builder().uri(path).body(Body::empty()).unwrap();
    for path in ["/", "/namespaces/abc?region=fr-par"] {
        let res = app.clone().oneshot(get(path)).await.unwrap();
        assert_eq!(res.status(), 200, "{path}");
        let h = res.headers();
        assert_eq!(h["cache-control"], "no-cache", "{path}");
        assert_eq!(
            h["content-security-policy"],
            "default-src 'self'; script-src 'self'; frame-ancestors 'none'"
        );
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(h["referrer-policy"], "no-referrer");
        let body = res.into_body().collect().await.unwrap().to_bytes();
        assert!(
            String::from_utf8_lossy(&body).contains("Content-Security-Policy"),
            "the SPA fallback"
        );
    }
    let res = app
        .clone()
        .oneshot(get("/main-c52928dac129f1a8.css"))
        .await
        .unwrap();
    assert_eq!(
        res.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    // The API keeps its own answers.
    let (s, _) = call(&app, "GET", &format!("{B}/namespaces"), None).await;
    assert_eq!(s, 200);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The emulator serving the console's files from `dir` (`--static`), with `faults`.
fn serving_files(dir: &std::path::Path, faults: Faults) -> axum::Router {
    router(AppState::new(
        Config {
            token: T.into(),
            delays: Delays {
                create_ms: 1,
                update_ms: 1,
                delete_ms: 1,
            },
            faults,
            static_dir: Some(dir.to_path_buf()),
            state_file: None,
            cors_any_origin: false,
            dns: Vec::new(),
            demo_dns: false,
        },
        Default::default(),
    ))
}

#[tokio::test]
async fn page_chunks_fail_then_break_off_then_load() {
    let dir = std::env::temp_dir().join(format!("emulator-chunks-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<html></html>").unwrap();
    let wasm: Vec<u8> = (0..4000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(dir.join("split_settings-0f1df93ecc13fabf.wasm"), &wasm).unwrap();
    let app = serving_files(
        &dir,
        Faults {
            fail_page_chunks: 1,
            cut_page_chunks: 1,
            ..Default::default()
        },
    );
    let get = || {
        Request::builder()
            .uri("/split_settings-0f1df93ecc13fabf.wasm")
            .body(Body::empty())
            .unwrap()
    };
    let failed = app.clone().oneshot(get()).await.unwrap();
    assert_eq!(failed.status(), 503);
    let cut = app.clone().oneshot(get()).await.unwrap();
    assert_eq!(cut.status(), 200, "the break comes after the headers");
    let mut body = cut.into_body();
    let mut received = Vec::new();
    let broke = loop {
        match body.frame().await {
            Some(Ok(frame)) => received.extend(frame.into_data().unwrap_or_default()),
            Some(Err(_)) => break true,
            None => break false,
        }
    };
    assert!(broke, "the body ends in an error, not a clean end");
    assert_eq!(received, wasm[..wasm.len() / 2]);
    let whole = app.clone().oneshot(get()).await.unwrap();
    assert_eq!(whole.status(), 200);
    let body = whole.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(body.as_ref(), wasm.as_slice());
    // Other files are never failed.
    let page = app
        .clone()
        .oneshot(Request::builder().uri("/").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let _ = std::fs::remove_dir_all(&dir);
}

/// With --faulty-page, only that page's chunks fail: its own module, its
/// pack and its landing module; another page's and the lazy parts load.
#[tokio::test]
async fn only_the_faulty_pages_chunks_fail() {
    let dir = std::env::temp_dir().join(format!("emulator-faulty-page-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let files = [
        "pages_settings-0f1df93ecc13fabf.bin",
        "split_settings-0f1df93ecc13fabf.wasm",
        "landing_settings-0f1df93ecc13fabf.wasm",
        "pages_namespace_list-1a2b3c4d5e6f7a8b.bin",
        "landing_namespace_list-1a2b3c4d5e6f7a8b.wasm",
        "split_history_settings_2434045924789990128-1a2b3c4d5e6f7a8b.wasm",
    ];
    for name in files {
        std::fs::write(dir.join(name), b"\0asm").unwrap();
    }
    let app = serving_files(
        &dir,
        Faults {
            fail_page_chunks: 100,
            faulty_page: Some("settings".into()),
            ..Default::default()
        },
    );
    let mut statuses = Vec::new();
    for name in files {
        let answer = app
            .clone()
            .oneshot(
                Request::builder()
                    .uri(format!("/{name}"))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        statuses.push(answer.status().as_u16());
    }
    assert_eq!(statuses, [503, 503, 503, 200, 200, 200]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn every_rejection_is_json_and_nothing_overflows() {
    let app = app();
    let raw = |method: &str, uri: &str, body: Vec<u8>| {
        Request::builder()
            .method(method)
            .uri(uri)
            .header("x-auth-token", T)
            .header("content-type", "application/json")
            .body(Body::from(body))
            .unwrap()
    };
    let json_answer = |res: axum::response::Response| async move {
        let status = res.status().as_u16();
        let is_json = res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json");
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        let body: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        (status, is_json, body)
    };
    // A body over the limit.
    let big = format!(
        "{{\"description\": \"{}\"}}",
        "x".repeat(emulator::MAX_BODY_BYTES)
    );
    let (s, is_json, body) = json_answer(
        app.clone()
            .oneshot(raw("POST", &format!("{B}/namespaces"), big.into_bytes()))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((s, is_json), (413, true), "{body}");
    assert!(body["message"].is_string());
    // A path that does not decode, a method the API does not have.
    let (s, is_json, body) = json_answer(
        app.clone()
            .oneshot(raw("GET", &format!("{B}/namespaces/%FF%FE"), vec![]))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((s, is_json), (400, true), "{body}");
    let (s, is_json, _) = json_answer(
        app.clone()
            .oneshot(raw("PUT", &format!("{B}/namespaces"), vec![]))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((s, is_json), (405, true));
    // A page far beyond the end is refused or empty, never an overflow.
    let (s, body) = call(
        &app,
        "GET",
        &format!("{B}/namespaces?page=18446744073709551615&page_size=1000"),
        None,
    )
    .await;
    assert_eq!((s, arguments(&body)), (400, vec!["page".to_string()]));
    let (s, body) = call(
        &app,
        "GET",
        &format!("{B}/namespaces?page=2147483647&page_size=1000"),
        None,
    )
    .await;
    assert_eq!(
        (s, body["namespaces"].as_array().map(Vec::len)),
        (200, Some(0))
    );
    // A duration past u64 milliseconds is invalid, not a crash.
    let ns = namespace(&app, "web").await;
    app.settle();
    let (s, body) = container(&app, &ns, "api", json!({"timeout": "18446744073709551.7s"})).await;
    assert_eq!((s, arguments(&body)), (400, vec!["timeout".to_string()]));
}

#[tokio::test]
async fn a_change_that_cannot_be_saved_is_undone_and_answers_500() {
    let dir = std::env::temp_dir().join(format!("emulator-unsaved-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("state.json");
    let app = app_with(100, Faults::default(), Some(file.clone()));
    namespace(&app, "kept").await;
    // The temporary file cannot be created (a folder stands in its place).
    std::fs::create_dir_all(file.with_extension("tmp")).unwrap();
    let (s, body) = call(
        &app,
        "POST",
        &format!("{B}/namespaces"),
        Some(json!({"project_id": PROJECT, "name": "lost"})),
    )
    .await;
    assert_eq!(s, 500, "{body}");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("could not be saved"),
        "{body}"
    );
    let (_, list) = call(&app, "GET", &format!("{B}/namespaces"), None).await;
    assert_eq!(list["total_count"], 1, "the change was undone: {list}");
    let saved = emulator::load_state(&file).unwrap();
    assert_eq!(saved.records.len(), 1, "the previous state file is whole");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn dns_query_answers_configured_and_demo_cnames_and_nxdomain() {
    let mut test = app();
    let store = Default::default();
    test.router = router(AppState::with_clock(
        Config {
            token: T.into(),
            delays: Delays {
                create_ms: 100,
                update_ms: 100,
                delete_ms: 100,
            },
            faults: Faults::default(),
            static_dir: None,
            cors_any_origin: false,
            dns: vec![("Elsewhere.Example.com".into(), "other.example.net".into())],
            demo_dns: true,
            state_file: None,
        },
        store,
        test.clock.clone(),
    ));
    let r = &test.router;
    let ns = namespace(r, "dns").await;
    test.settle();
    let (_, c) = container(r, &ns, "web", json!({})).await;
    test.settle();
    let (s, _) = call(
        r,
        "POST",
        &format!("{B}/domains"),
        Some(json!({"container_id": c["id"], "hostname": "shop.example.com"})),
    )
    .await;
    assert_eq!(s, 200);
    let endpoint = c["public_endpoint"]
        .as_str()
        .unwrap()
        .trim_start_matches("https://")
        .to_string();
    // No key needed, as with a public resolver.
    let ask = |name: &str| {
        let req = Request::builder()
            .uri(format!("/dns-query?name={name}&type=CNAME"))
            .header("accept", "application/dns-json")
            .body(Body::empty())
            .unwrap();
        r.clone().oneshot(req)
    };
    let answer = |res: axum::response::Response| async move {
        assert_eq!(res.headers()["content-type"], "application/dns-json");
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        serde_json::from_slice::<Value>(&bytes).unwrap()
    };
    let a = answer(ask("shop.example.com.").await.unwrap()).await;
    assert_eq!(a["Status"], 0);
    assert_eq!(a["Answer"][0]["type"], 5);
    assert_eq!(a["Answer"][0]["data"], json!(format!("{endpoint}.")));
    let a = answer(ask("elsewhere.example.com").await.unwrap()).await;
    assert_eq!(a["Answer"][0]["data"], "other.example.net.");
    let a = answer(ask("nothing.example.com").await.unwrap()).await;
    assert_eq!(a["Status"], 3, "NXDOMAIN");
    assert!(a.get("Answer").is_none());
}
