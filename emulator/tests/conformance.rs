//! Replays recorded traffic against a fresh emulator and compares each
//! answer's status code and shape (keys, value types, enum values; not IDs,
//! timestamps or free text). Recorded IDs are mapped to the emulator's.
//! Where a recording polls until a status changes, the replay polls too.
//!
//! Reads every `*.jsonl` in `RECORDED_DIR` (default `../shared/recorded`).

use axum::body::Body;
use axum::http::Request;
use emulator::clock::Clock;
use emulator::store::{Delays, Store};
use emulator::{router, AppState, Config, Faults};
use http_body_util::BodyExt;
use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;
use tower::ServiceExt;

const TOKEN: &str = "conformance";
const ENUM_KEYS: [&str; 6] = [
    "status",
    "privacy",
    "protocol",
    "sandbox",
    "source_type",
    "http_method",
];

fn recorded_dir() -> PathBuf {
    std::env::var_os("RECORDED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/recorded"))
}

/// Differences of shape between a recorded value and the emulator's.
fn compare(at: &str, want: &Value, got: &Value, out: &mut Vec<String>) {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            for k in w.keys().filter(|k| !g.contains_key(*k)) {
                out.push(format!("{at}.{k}: missing"));
            }
            for k in g.keys().filter(|k| !w.contains_key(*k)) {
                out.push(format!("{at}.{k}: not in the recording"));
            }
            for (k, wv) in w {
                if let Some(gv) = g.get(k) {
                    if ENUM_KEYS.contains(&k.as_str()) && wv.is_string() && wv != gv {
                        out.push(format!("{at}.{k}: {gv} instead of {wv}"));
                    } else {
                        compare(&format!("{at}.{k}"), wv, gv, out);
                    }
                }
            }
        }
        (Value::Array(w), Value::Array(g)) => {
            if w.len() != g.len() {
                out.push(format!("{at}: {} items instead of {}", g.len(), w.len()));
            }
            for (i, (wv, gv)) in w.iter().zip(g).enumerate() {
                compare(&format!("{at}[{i}]"), wv, gv, out);
            }
        }
        (Value::Null, Value::Null)
        | (Value::Bool(_), Value::Bool(_))
        | (Value::Number(_), Value::Number(_)) => {}
        (Value::String(_), Value::String(_)) => {}
        _ => out.push(format!("{at}: {got} instead of {want}")),
    }
}

/// Replaces every recorded ID known so far by the emulator's.
fn map_ids(text: &str, ids: &HashMap<String, String>) -> String {
    ids.iter()
        .fold(text.to_string(), |t, (from, to)| t.replace(from, to))
}

async fn send(app: &axum::Router, method: &str, uri: &str, body: Option<&str>) -> (u16, Value) {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header("x-auth-token", TOKEN)
        .header("content-type", "application/json")
        .body(
            body.map(|b| Body::from(b.to_string()))
                .unwrap_or_else(Body::empty),
        )
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status().as_u16();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

async fn replay(file: &PathBuf, passed: &mut usize, failures: &mut Vec<String>) {
    let delays = Delays {
        create_ms: 300,
        update_ms: 300,
        delete_ms: 300,
    };
    // The recording's polls move this clock instead of waiting on it.
    let clock = Clock::manual();
    let state = AppState::with_clock(
        Config {
            token: TOKEN.into(),
            delays,
            faults: Faults::default(),
            static_dir: None,
            cors_any_origin: false,
            dns: Vec::new(),
            demo_dns: false,
            state_file: None,
        },
        Store::default(),
        clock.clone(),
    );
    let app = router(state);
    let mut ids: HashMap<String, String> = HashMap::new();
    let text = std::fs::read_to_string(file).unwrap();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let record: Value = serde_json::from_str(line).unwrap();
        let method = record["method"].as_str().unwrap_or("GET");
        let mut uri = map_ids(record["path"].as_str().unwrap_or("/"), &ids);
        if let Some(q) = record["query"].as_str().filter(|q| !q.is_empty()) {
            uri = format!("{uri}?{}", map_ids(q, &ids));
        }
        let body = (!record["request_body"].is_null())
            .then(|| map_ids(&record["request_body"].to_string(), &ids));
        let want_status = record["status"].as_u64().unwrap_or(0) as u16;
        let want = &record["response_body"];

        let mut waited_ms = 0;
        let problems = loop {
            let (status, got) = send(&app, method, &uri, body.as_deref()).await;
            let mut problems = Vec::new();
            if status != want_status {
                problems.push(format!("HTTP {status} instead of {want_status}"));
            } else {
                compare("body", want, &got, &mut problems);
            }
            if problems.is_empty() && method == "POST" {
                if let (Some(from), Some(to)) = (want["id"].as_str(), got["id"].as_str()) {
                    ids.insert(from.to_string(), to.to_string());
                }
            }
            // A recording that polls: read again until the status matches.
            if problems.is_empty() || method != "GET" || waited_ms > 3000 {
                break problems;
            }
            clock.advance(50);
            waited_ms += 50;
        };
        if problems.is_empty() {
            *passed += 1;
        } else {
            failures.push(format!(
                "{}:{}: {method} {uri}: {}",
                file.display(),
                n + 1,
                problems.join("; ")
            ));
        }
    }
}

#[tokio::test(flavor = "current_thread")]
async fn recorded_traffic_replays_with_the_same_shapes() {
    let dir = recorded_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read RECORDED_DIR {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no recordings in {}", dir.display());
    let (mut passed, mut failures) = (0, Vec::new());
    for file in &files {
        replay(file, &mut passed, &mut failures).await;
    }
    println!("conformance: {passed} passed, {} failed", failures.len());
    assert!(
        failures.is_empty(),
        "{} interactions differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
