//! CreateContainer, UpdateContainer and RedeployContainer: settings, the
//! scaling and probe oneofs, and whether a container would start.

use super::http::{resource_router, with_store, Answer, BASE};
use super::rules::{
    as_map, finish_update, found, insert, new_id, new_record, ready_parent, refuse_if_transient,
    region_ok,
};
use super::secrets::{hash_all, merge_secrets};
use crate::error::ApiErr;
use crate::store::{rfc3339, Kind, Phase, Store};
use crate::validate::{Check, NameRule};
use crate::Shared;
use axum::extract::{Path, State};
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{json, Map, Value};

/// Ports the platform keeps for itself.
const RESERVED_PORTS: [u64; 6] = [8008, 8012, 8013, 8022, 9090, 9091];

/// Checks every container setting present in `b`, returning the validated
/// values to store (wire names as in the Container schema).
fn container_settings(
    c: &mut Check,
    b: &Map<String, Value>,
    https_field: &str,
) -> Map<String, Value> {
    let mut out = Map::new();
    if let Some(v) = c.env(b, "environment_variables", false) {
        out.insert("environment_variables".into(), v.into());
    }
    for (field, min, max) in [
        ("min_scale", 0, 10),
        ("max_scale", 1, 50),
        ("memory_limit_bytes", 128_000_000, 12_288_000_000),
        ("mvcpu_limit", 70, 6000),
        ("local_storage_limit_bytes", 1_000_000_000, 24_456_000_000),
        ("port", 1, 65_535),
    ] {
        if let Some(n) = c.int(b, field, min, max) {
            if field == "port" && RESERVED_PORTS.contains(&n) {
                c.fail(
                    "port",
                    "constraint",
                    "this port is reserved by the platform",
                );
            }
            out.insert(field.into(), n.into());
        }
    }
    if let Some(v) = b.get("timeout").filter(|v| !v.is_null()) {
        if c.duration("timeout", v, 900).is_some() {
            out.insert("timeout".into(), v.clone());
        }
    }
    for (field, allowed) in [
        ("privacy", &["public", "private"][..]),
        ("protocol", &["http1", "h2c"][..]),
        ("sandbox", &["v1", "v2"][..]),
    ] {
        if let Some(v) = c.choice(b, field, allowed) {
            out.insert(field.into(), v.into());
        }
    }
    if let Some(v) = c.text(b, "description", false, 255) {
        out.insert("description".into(), v.into());
    }
    if let Some(v) = c.text(b, "image", false, 255) {
        out.insert("image".into(), v.into());
    }
    match b.get(https_field) {
        None | Some(Value::Null) => {}
        Some(Value::Bool(v)) => {
            out.insert("https_connections_only".into(), (*v).into());
        }
        Some(_) => c.fail(https_field, "format", "must be a boolean"),
    }
    if let Some(v) = b.get("scaling_option").filter(|v| !v.is_null()) {
        if let Some(s) = scaling_option(c, v) {
            out.insert("scaling_option".into(), s);
        }
    }
    for field in ["liveness_probe", "startup_probe"] {
        if let Some(v) = b.get(field).filter(|v| !v.is_null()) {
            if let Some(p) = probe(c, field, v) {
                out.insert(field.into(), p);
            }
        }
    }
    for field in ["tags", "command", "args"] {
        if let Some(v) = c.strings(b, field) {
            out.insert(field.into(), v.into());
        }
    }
    if let Some(v) = c.text(b, "private_network_id", false, 36) {
        // `""` detaches; the API then omits the key (neither null nor "").
        out.insert("private_network_id".into(), v.into());
    }
    out
}

/// The `scaling_rule` oneof: at most one threshold.
fn scaling_option(c: &mut Check, v: &Value) -> Option<Value> {
    let members = [
        ("concurrent_requests_threshold", 1, 80),
        ("cpu_usage_threshold", 1, 100),
        ("memory_usage_threshold", 1, 100),
    ];
    let Some(map) = v.as_object() else {
        c.fail("scaling_option", "format", "must be an object");
        return None;
    };
    let set: Vec<_> = members
        .iter()
        .filter(|(m, _, _)| map.get(*m).is_some_and(|v| !v.is_null()))
        .collect();
    if set.len() > 1 {
        c.fail("scaling_option", "constraint", "set only one of concurrent_requests_threshold, cpu_usage_threshold, memory_usage_threshold");
        return None;
    }
    let (member, min, max) = set.first()?;
    let n = c.int(map, member, *min, *max)?;
    Some(json!({ *member: n }))
}

/// The `probe` oneof: at most one of tcp / http, plus thresholds.
fn probe(c: &mut Check, field: &str, v: &Value) -> Option<Value> {
    let Some(map) = v.as_object() else {
        c.fail(field, "format", "must be an object");
        return None;
    };
    let tcp = map.get("tcp").filter(|v| !v.is_null());
    let http = map.get("http").filter(|v| !v.is_null());
    if tcp.is_some() && http.is_some() {
        c.fail(field, "constraint", "set only one of tcp, http");
        return None;
    }
    let mut out = Map::new();
    c.nested(field, |c| {
        let threshold = c.int(map, "failure_threshold", 3, 50);
        out.insert("failure_threshold".into(), threshold.unwrap_or(30).into());
        for part in ["interval", "timeout"] {
            if let Some(d) = map.get(part).filter(|v| !v.is_null()) {
                if c.duration(part, d, 3600).is_some() {
                    out.insert(part.into(), d.clone());
                }
            }
        }
        if let Some(h) = http {
            let path = h.get("path").and_then(Value::as_str).unwrap_or("");
            if path.is_empty() || path.len() > 100 || !path.starts_with('/') {
                c.fail(
                    "http.path",
                    "constraint",
                    "the path is 1 to 100 characters and starts with /",
                );
            }
            out.insert("http".into(), json!({ "path": path }));
        }
    });
    out.entry("interval").or_insert_with(|| "10s".into());
    out.entry("timeout").or_insert_with(|| "1s".into());
    if http.is_none() {
        out.insert("tcp".into(), json!({}));
    }
    Some(out.into())
}

/// The emulator runs no image, so it decides from the settings whether a
/// container would start (documented in emulator/README.md): it fails when
/// the image reference contains `fail`; when it is `hello-world`, which exits
/// at once and never listens; or when `command` or `args` override an `nginx`
/// image, whose alpine variants have no shell and which takes no arguments.
fn failure_of(body: &Map<String, Value>) -> Option<String> {
    let image = body.get("image").and_then(Value::as_str).unwrap_or("");
    let overridden = |k: &str| {
        body.get(k)
            .and_then(Value::as_array)
            .is_some_and(|a| !a.is_empty())
    };
    let name = image.rsplit('/').next().unwrap_or(image);
    let fails = image.contains("fail")
        || name.starts_with("hello-world")
        || (name.starts_with("nginx") && (overridden("command") || overridden("args")));
    fails.then(|| {
        format!(
            "Container is unable to start OR is not listening on port {}",
            body.get("port").and_then(Value::as_u64).unwrap_or(8080)
        )
    })
}

pub fn create_container(
    store: &mut Store,
    region: &str,
    b: &Map<String, Value>,
    now: u64,
) -> Result<Value, ApiErr> {
    let mut c = Check::default();
    let namespace_id = c.text(b, "namespace_id", true, 36);
    let name = c.required_name(b, NameRule::Container);
    if b.get("image")
        .and_then(Value::as_str)
        .is_none_or(str::is_empty)
    {
        c.fail("image", "required", "image is required");
    }
    let mut settings = container_settings(&mut c, b, "https_connections_only");
    let secrets = c.env(b, "secret_environment_variables", true);
    check_scale(&mut c, &settings);
    c.finish()?;
    let (namespace_id, name) = (namespace_id.unwrap_or_default(), name.unwrap_or_default());
    ready_parent(store, Kind::Namespace, region, &namespace_id)?;
    if let Some(other) = store
        .list(Kind::Container, region)
        .find(|r| r.str_field("namespace_id") == namespace_id && r.str_field("name") == name)
    {
        return Err(ApiErr::exists(
            "container",
            other.id(),
            "choose another name: names are unique in a namespace",
        ));
    }
    let namespace = found(store, Kind::Namespace, region, &namespace_id)?;
    let endpoint = format!(
        "https://{}{}-{}.functions.fnc.{region}.scw.cloud",
        namespace.str_field("name").replace('-', ""),
        &namespace_id[..namespace_id.len().min(8)],
        name
    );
    let id = new_id();
    let mut body = as_map(json!({
        "id": id, "name": name, "namespace_id": namespace_id, "description": "",
        "created_at": rfc3339(now),
        "environment_variables": {}, "secret_environment_variables": hash_all(secrets.unwrap_or_default()),
        "min_scale": 0, "max_scale": 5, "memory_limit_bytes": 2_048_000_000u64, "mvcpu_limit": 1000,
        "local_storage_limit_bytes": 1_000_000_000u64, "timeout": "300s", "privacy": "public",
        "image": "", "protocol": "http1", "port": 8080, "https_connections_only": false, "sandbox": "v2",
        "scaling_option": {"concurrent_requests_threshold": 50},
        "liveness_probe": {"failure_threshold": 30, "interval": "10s", "timeout": "1s", "tcp": {}},
        "startup_probe": null, "tags": [], "command": [], "args": [],
        "public_endpoint": endpoint, "region": region,
    }));
    body.append(&mut settings);
    if body.get("private_network_id").and_then(Value::as_str) == Some("") {
        body.remove("private_network_id");
    }
    let mut record = new_record(Kind::Container, region, body, now);
    record.failure = failure_of(&record.body);
    Ok(insert(store, record))
}

fn check_scale(c: &mut Check, settings: &Map<String, Value>) {
    let min = settings.get("min_scale").and_then(Value::as_u64);
    let max = settings.get("max_scale").and_then(Value::as_u64);
    if let (Some(min), Some(max)) = (min, max) {
        if min > max {
            c.fail(
                "min_scale",
                "constraint",
                "min_scale must not exceed max_scale",
            );
        }
    }
}

pub fn update_container(
    store: &mut Store,
    region: &str,
    id: &str,
    b: &Map<String, Value>,
    now: u64,
) -> Result<Value, ApiErr> {
    refuse_if_transient(found(store, Kind::Container, region, id)?)?;
    let mut c = Check::default();
    let settings = container_settings(&mut c, b, "https_connection_only");
    let secrets = c.env(b, "secret_environment_variables", true);
    let r = store
        .get_mut(Kind::Container, region, id)
        .expect("checked above");
    let mut merged = r.body.clone();
    merged.extend(settings.clone());
    check_scale(&mut c, &merged);
    c.finish()?;
    let settles_at_once =
        settings.keys().all(|k| k == "description" || k == "tags") && secrets.is_none();
    if let Some(s) = secrets {
        let hashed = merge_secrets(r.body.get("secret_environment_variables"), &s);
        merged.insert("secret_environment_variables".into(), hashed.into());
    }
    if merged.get("private_network_id").and_then(Value::as_str) == Some("") {
        merged.remove("private_network_id");
    }
    r.body = merged;
    r.failure = failure_of(&r.body);
    if settles_at_once && r.phase == Phase::Error {
        // Nothing was redeployed: an error stays an error.
        r.updated_ms = now;
    } else {
        finish_update(r, settles_at_once, now);
    }
    Ok(r.render())
}

pub fn redeploy_container(
    store: &mut Store,
    region: &str,
    id: &str,
    now: u64,
) -> Result<Value, ApiErr> {
    refuse_if_transient(found(store, Kind::Container, region, id)?)?;
    let r = store
        .get_mut(Kind::Container, region, id)
        .expect("checked above");
    r.begin(Phase::Updating, now);
    Ok(r.render())
}

/// The container's routes, and RedeployContainer.
pub(super) fn router() -> Router<Shared> {
    resource_router(
        Kind::Container,
        "containers",
        create_container,
        update_container,
    )
    .route(
        &format!("{BASE}/containers/{{id}}/redeploy"),
        post(redeploy),
    )
}

async fn redeploy(State(app): State<Shared>, Path((region, id)): Path<(String, String)>) -> Answer {
    region_ok(&region)?;
    with_store(&app, true, |s, now| {
        redeploy_container(s, &region, &id, now)
    })
    .map(Json)
}
