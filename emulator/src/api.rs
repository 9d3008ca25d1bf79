//! The 22 operations. Each handler is a thin wrapper around a plain function
//! on the store, so demo data and tests go through the same rules.

use crate::error::ApiErr;
use crate::store::{now_ms, rfc3339, Kind, Phase, Record, Store};
use crate::validate::{cron_ok, hostname_ok, Check, NameRule};
use crate::Shared;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::Json;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

pub const REGIONS: [&str; 3] = ["fr-par", "nl-ams", "pl-waw"];
const RESERVED_PORTS: [u64; 6] = [8008, 8012, 8013, 8022, 9090, 9091];

type Answer = Result<Json<Value>, ApiErr>;

fn region_ok(region: &str) -> Result<(), ApiErr> {
    if REGIONS.contains(&region) {
        Ok(())
    } else {
        Err(ApiErr::invalid_one(
            "region",
            "constraint",
            &format!(
                "unknown region {region:?}: use one of {}",
                REGIONS.join(", ")
            ),
        ))
    }
}

fn object(body: &Bytes) -> Result<Map<String, Value>, ApiErr> {
    if body.is_empty() {
        return Ok(Map::new());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(Value::Null) => Ok(Map::new()),
        _ => Err(ApiErr::invalid_one(
            "body",
            "format",
            "the body must be a JSON object",
        )),
    }
}

fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Secrets are kept only as argon2id-form hashes (`$argon2id$v=19$...`):
/// the value itself is never stored nor returned.
fn hash_secret(value: &str) -> String {
    let salt = *uuid::Uuid::new_v4().as_bytes();
    let mut hasher = Sha256::new();
    hasher.update(salt);
    hasher.update(value.as_bytes());
    format!(
        "$argon2id$v=19$m=65536,t=3,p=64${}${}",
        base64_no_pad(&salt),
        base64_no_pad(&hasher.finalize())
    )
}

fn base64_no_pad(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, b)| acc | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// The PATCH rule of secret maps: a key sent as `""` keeps its hash, a key
/// with a value is replaced, a key omitted is deleted.
fn merge_secrets(existing: Option<&Value>, patch: &Map<String, Value>) -> Map<String, Value> {
    let existing = existing.and_then(Value::as_object);
    patch
        .iter()
        .filter_map(|(key, value)| {
            let value = value.as_str().unwrap_or("");
            if value.is_empty() {
                existing
                    .and_then(|e| e.get(key))
                    .map(|hash| (key.clone(), hash.clone()))
            } else {
                Some((key.clone(), Value::from(hash_secret(value))))
            }
        })
        .collect()
}

fn hash_all(secrets: Map<String, Value>) -> Map<String, Value> {
    secrets
        .into_iter()
        .map(|(k, v)| (k, Value::from(hash_secret(v.as_str().unwrap_or("")))))
        .collect()
}

fn new_record(kind: Kind, region: &str, body: Map<String, Value>, now: u64) -> Record {
    Record {
        kind,
        region: region.to_string(),
        body,
        phase: Phase::Creating,
        created_ms: now,
        since_ms: now,
        updated_ms: now,
        failure: None,
        error_message: None,
        write_only: Map::new(),
    }
}

/// Stores a new resource and answers with it.
fn insert(store: &mut Store, record: Record) -> Value {
    let out = record.render();
    store.records.insert(record.id().to_string(), record);
    out
}

fn refuse_if_transient(r: &Record) -> Result<(), ApiErr> {
    if r.phase.is_transient() {
        Err(ApiErr::transient(r.kind.name(), r.id(), r.phase.as_str()))
    } else {
        Ok(())
    }
}

fn found<'a>(store: &'a Store, kind: Kind, region: &str, id: &str) -> Result<&'a Record, ApiErr> {
    store
        .get(kind, region, id)
        .ok_or_else(|| ApiErr::not_found(kind.name(), id))
}

/// The parent a new resource is created in must exist and be settled.
fn ready_parent(store: &Store, kind: Kind, region: &str, id: &str) -> Result<(), ApiErr> {
    let parent = found(store, kind, region, id)?;
    refuse_if_transient(parent)
}

// ---------------------------------------------------------------- namespaces

pub fn create_namespace(
    store: &mut Store,
    region: &str,
    b: &Map<String, Value>,
    now: u64,
) -> Result<Value, ApiErr> {
    let mut c = Check::default();
    let project = c.text(b, "project_id", true, 36);
    let name = c.required_name(b, NameRule::Namespace);
    let description = c.text(b, "description", false, 255);
    let env = c.env(b, "environment_variables", false);
    let secrets = c.env(b, "secret_environment_variables", true);
    let tags = c.strings(b, "tags");
    c.finish()?;
    let (project, name) = (project.unwrap_or_default(), name.unwrap_or_default());
    if let Some(other) = store
        .list(Kind::Namespace, region)
        .find(|r| r.str_field("name") == name && r.str_field("project_id") == project)
    {
        return Err(ApiErr::exists(
            "namespace",
            other.id(),
            "choose another name: names are unique in a project",
        ));
    }
    let id = new_id();
    let body = json!({
        "id": id, "name": name, "organization_id": project, "project_id": project,
        "description": description.unwrap_or_default(),
        "environment_variables": env.unwrap_or_default(),
        "secret_environment_variables": hash_all(secrets.unwrap_or_default()),
        "tags": tags.unwrap_or_default(),
        "created_at": rfc3339(now), "region": region,
    });
    Ok(insert(
        store,
        new_record(Kind::Namespace, region, as_map(body), now),
    ))
}

pub fn update_namespace(
    store: &mut Store,
    region: &str,
    id: &str,
    b: &Map<String, Value>,
    now: u64,
) -> Result<Value, ApiErr> {
    refuse_if_transient(found(store, Kind::Namespace, region, id)?)?;
    let mut c = Check::default();
    let description = c.text(b, "description", false, 255);
    let env = c.env(b, "environment_variables", false);
    let secrets = c.env(b, "secret_environment_variables", true);
    let tags = c.strings(b, "tags");
    c.finish()?;
    let r = store
        .get_mut(Kind::Namespace, region, id)
        .expect("checked above");
    let mut settles_at_once = true;
    if let Some(d) = description {
        r.body.insert("description".into(), d.into());
    }
    if let Some(t) = tags {
        r.body.insert("tags".into(), t.into());
    }
    if let Some(e) = env {
        r.body.insert("environment_variables".into(), e.into());
        settles_at_once = false;
    }
    if let Some(s) = secrets {
        let merged = merge_secrets(r.body.get("secret_environment_variables"), &s);
        r.body
            .insert("secret_environment_variables".into(), merged.into());
        settles_at_once = false;
    }
    finish_update(r, settles_at_once, now);
    Ok(r.render())
}

/// Description-or-tags-only changes are `ready` at once; others go through `updating`.
fn finish_update(r: &mut Record, settles_at_once: bool, now: u64) {
    if settles_at_once {
        r.updated_ms = now;
    } else {
        r.begin(Phase::Updating, now);
    }
}

pub fn delete(
    store: &mut Store,
    kind: Kind,
    region: &str,
    id: &str,
    now: u64,
) -> Result<Value, ApiErr> {
    let r = found(store, kind, region, id)?;
    if r.phase == Phase::Deleting {
        return Ok(r.render());
    }
    refuse_if_transient(r)?;
    // Deletes cascade: a namespace takes its containers, a container its domains and triggers.
    for child in store.descendants(id) {
        if let Some(c) = store.records.get_mut(&child) {
            c.begin(Phase::Deleting, now);
        }
    }
    let r = store.get_mut(kind, region, id).expect("checked above");
    r.begin(Phase::Deleting, now);
    Ok(r.render())
}

// ---------------------------------------------------------------- containers

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

// ---------------------------------------------------------------- domains

pub fn create_domain(
    store: &mut Store,
    region: &str,
    b: &Map<String, Value>,
    now: u64,
) -> Result<Value, ApiErr> {
    let mut c = Check::default();
    let container_id = c.text(b, "container_id", true, 36);
    let hostname = c.text(b, "hostname", true, 63);
    if let Some(h) = &hostname {
        if !hostname_ok(h) {
            c.fail(
                "hostname",
                "format",
                "must be a valid DNS name of 3 to 63 characters",
            );
        }
    }
    let tags = c.strings(b, "tags");
    c.finish()?;
    let (container_id, hostname) = (
        container_id.unwrap_or_default(),
        hostname.unwrap_or_default(),
    );
    ready_parent(store, Kind::Container, region, &container_id)?;
    if let Some(other) = store
        .list(Kind::Domain, region)
        .find(|r| r.str_field("hostname") == hostname)
    {
        return Err(ApiErr::exists(
            "domain",
            other.id(),
            "this hostname is already attached to a container: detach it there first",
        ));
    }
    if store
        .list(Kind::Domain, region)
        .filter(|r| r.str_field("container_id") == container_id)
        .count()
        >= 50
    {
        return Err(ApiErr::invalid_one(
            "container_id",
            "constraint",
            "a container has at most 50 domains",
        ));
    }
    let id = new_id();
    let body = json!({
        "id": id, "container_id": container_id, "hostname": hostname,
        "created_at": rfc3339(now), "tags": tags.unwrap_or_default(),
    });
    Ok(insert(
        store,
        new_record(Kind::Domain, region, as_map(body), now),
    ))
}

pub fn update_domain(
    store: &mut Store,
    region: &str,
    id: &str,
    b: &Map<String, Value>,
    now: u64,
) -> Result<Value, ApiErr> {
    refuse_if_transient(found(store, Kind::Domain, region, id)?)?;
    let mut c = Check::default();
    let tags = c.strings(b, "tags");
    c.finish()?;
    let r = store
        .get_mut(Kind::Domain, region, id)
        .expect("checked above");
    if let Some(t) = tags {
        r.body.insert("tags".into(), t.into());
    }
    r.updated_ms = now;
    Ok(r.render())
}

// ---------------------------------------------------------------- triggers

const SOURCES: [(&str, &str); 3] = [
    ("cron_config", "cron"),
    ("sqs_config", "sqs"),
    ("nats_config", "nats"),
];

/// The write-only field of each source: accepted, never returned.
fn write_only_field(member: &str) -> Option<&'static str> {
    match member {
        "sqs_config" => Some("secret_access_key"),
        "nats_config" => Some("credentials_file_content"),
        _ => None,
    }
}

/// Keeps the write-only value a request sent (as a hash). Only fields
/// present are updated (the spec), and proto3 cannot tell `""` from absent:
/// an omitted, null or empty value keeps the one stored.
fn keep_write_only(r: &mut Record, member: &str, sent: &Value) {
    let Some(field) = write_only_field(member) else {
        return;
    };
    if let Some(value) = sent
        .get(field)
        .and_then(Value::as_str)
        .filter(|v| !v.is_empty())
    {
        r.write_only.insert(field.into(), hash_secret(value).into());
    }
}

/// Validates one source config; returns what a Trigger shows of it (no
/// write-only fields) and whether it was complete for a create.
fn source_config(c: &mut Check, member: &str, v: &Value, creating: bool) -> Option<Value> {
    let Some(map) = v.as_object() else {
        c.fail(member, "format", "must be an object");
        return None;
    };
    c.nested(member, |c| source_fields(c, member, map, creating))
}

fn source_fields(
    c: &mut Check,
    member: &str,
    map: &Map<String, Value>,
    creating: bool,
) -> Option<Value> {
    match member {
        "cron_config" => {
            let schedule = c.text(map, "schedule", creating, 100);
            if let Some(s) = &schedule {
                if !cron_ok(s) {
                    c.fail("schedule", "format", "must be a 5-field UNIX cron schedule");
                }
            }
            let timezone = c.text(map, "timezone", creating, 100);
            if timezone
                .as_deref()
                .is_some_and(|t| t.is_empty() || t.contains(' '))
            {
                c.fail(
                    "timezone",
                    "format",
                    "must be an IANA time zone name such as Europe/Paris",
                );
            }
            let body = c.text(map, "body", false, 10_000);
            let headers = map
                .get("headers")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            Some(
                json!({"schedule": schedule.unwrap_or_default(), "timezone": timezone.unwrap_or_default(),
                        "body": body.unwrap_or_default(), "headers": headers}),
            )
        }
        "sqs_config" => {
            let mut shown = Map::new();
            for k in ["region", "endpoint", "access_key_id", "queue_url"] {
                shown.insert(
                    k.into(),
                    c.text(map, k, creating, 1000).unwrap_or_default().into(),
                );
            }
            c.text(map, "secret_access_key", creating, 1000);
            Some(shown.into())
        }
        _ => {
            let urls = c.strings(map, "server_urls").unwrap_or_default();
            if (creating || !urls.is_empty()) && !(1..=5).contains(&urls.len()) {
                c.fail("server_urls", "constraint", "give 1 to 5 server URLs");
            }
            let subject = c.text(map, "subject", creating, 100);
            if subject
                .as_deref()
                .is_some_and(|s| s.chars().any(char::is_whitespace))
            {
                c.fail("subject", "format", "the subject has no whitespace");
            }
            c.text(map, "credentials_file_content", creating, 65_536);
            Some(json!({"server_urls": urls, "subject": subject.unwrap_or_default()}))
        }
    }
}

fn destination(c: &mut Check, v: Option<&Value>) -> Option<Value> {
    let v = v.filter(|v| !v.is_null())?;
    let path = v.get("http_path").and_then(Value::as_str).unwrap_or("");
    let method = v.get("http_method").and_then(Value::as_str).unwrap_or("");
    if path.is_empty() || path.len() > 255 || !path.starts_with('/') {
        c.fail(
            "destination_config.http_path",
            "constraint",
            "the path is 1 to 255 characters and starts with /",
        );
    }
    if !["get", "post", "put", "patch", "delete"].contains(&method) {
        c.fail(
            "destination_config.http_method",
            "format",
            "one of get, post, put, patch, delete",
        );
    }
    Some(json!({"http_path": path, "http_method": method}))
}

pub fn create_trigger(
    store: &mut Store,
    region: &str,
    b: &Map<String, Value>,
    now: u64,
) -> Result<Value, ApiErr> {
    let mut c = Check::default();
    let container_id = c.text(b, "container_id", true, 36);
    let name = c.required_name(b, NameRule::Trigger);
    let description = c.text(b, "description", false, 255);
    let tags = c.strings(b, "tags");
    let dest = destination(&mut c, b.get("destination_config"));
    let given: Vec<_> = SOURCES
        .iter()
        .filter(|(m, _)| b.get(*m).is_some_and(|v| !v.is_null()))
        .collect();
    let mut source = None;
    match given.as_slice() {
        [(member, kind)] => {
            source = source_config(&mut c, member, &b[*member], true).map(|v| (*member, *kind, v))
        }
        [] => c.fail(
            "cron_config",
            "required",
            "give exactly one of cron_config, sqs_config, nats_config",
        ),
        _ => c.fail(
            given[1].0,
            "constraint",
            "give exactly one of cron_config, sqs_config, nats_config",
        ),
    }
    c.finish()?;
    let container_id = container_id.unwrap_or_default();
    ready_parent(store, Kind::Container, region, &container_id)?;
    let (member, kind, config) = source.expect("validated above");
    let id = new_id();
    let body = json!({
        "id": id, "name": name.unwrap_or_default(), "description": description.unwrap_or_default(),
        "tags": tags.unwrap_or_default(), "container_id": container_id,
        "destination_config": dest.unwrap_or_else(|| json!({"http_path": "/", "http_method": "post"})),
        "source_type": kind, member: config, "created_at": rfc3339(now),
    });
    let mut record = new_record(Kind::Trigger, region, as_map(body), now);
    keep_write_only(&mut record, member, &b[member]);
    Ok(insert(store, record))
}

pub fn update_trigger(
    store: &mut Store,
    region: &str,
    id: &str,
    b: &Map<String, Value>,
    now: u64,
) -> Result<Value, ApiErr> {
    let current = found(store, Kind::Trigger, region, id)?;
    refuse_if_transient(current)?;
    let kind = current.str_field("source_type").to_string();
    let mut c = Check::default();
    let name = c.text(b, "name", false, 50);
    if let Some(n) = &name {
        c.name("name", n, NameRule::Trigger);
    }
    let description = c.text(b, "description", false, 255);
    let tags = c.strings(b, "tags");
    let dest = destination(&mut c, b.get("destination_config"));
    let mut config = None;
    for (member, member_kind) in SOURCES {
        if let Some(v) = b.get(member).filter(|v| !v.is_null()) {
            if member_kind != kind {
                c.fail(
                    member,
                    "constraint",
                    &format!("the source type of a trigger cannot change (it is {kind})"),
                );
            } else {
                // Fields the update leaves out keep their value; sent ones replace it.
                let merged = match (current.body.get(member), v) {
                    (Some(Value::Object(old)), Value::Object(sent)) => {
                        let mut merged = old.clone();
                        merged.extend(
                            sent.iter()
                                .filter(|(_, x)| !x.is_null())
                                .map(|(k, x)| (k.clone(), x.clone())),
                        );
                        Value::Object(merged)
                    }
                    _ => v.clone(),
                };
                config = source_config(&mut c, member, &merged, false)
                    .map(|shown| (member, shown, v.clone()));
            }
        }
    }
    c.finish()?;
    let r = store
        .get_mut(Kind::Trigger, region, id)
        .expect("checked above");
    let mut settles_at_once = true;
    if let Some(n) = name {
        r.body.insert("name".into(), n.into());
    }
    if let Some(d) = description {
        r.body.insert("description".into(), d.into());
    }
    if let Some(t) = tags {
        r.body.insert("tags".into(), t.into());
    }
    if let Some(d) = dest {
        r.body.insert("destination_config".into(), d);
        settles_at_once = false;
    }
    if let Some((member, shown, sent)) = config {
        // A config that changes nothing (the recordings send a name change
        // with every cron field null) is no change: the trigger stays ready.
        let new_secret = write_only_field(member)
            .and_then(|f| sent.get(f))
            .and_then(Value::as_str)
            .is_some_and(|v| !v.is_empty());
        if r.body.get(member) != Some(&shown) || new_secret {
            settles_at_once = false;
        }
        r.body.insert(member.into(), shown);
        keep_write_only(r, member, &sent);
    }
    finish_update(r, settles_at_once, now);
    Ok(r.render())
}

// ---------------------------------------------------------------- lists

pub fn list(
    store: &Store,
    kind: Kind,
    region: &str,
    q: &HashMap<String, String>,
) -> Result<Value, ApiErr> {
    let mut c = Check::default();
    let page = match q.get("page").map(|p| p.parse::<u64>()) {
        None => 1,
        Some(Ok(p)) if p >= 1 => p,
        Some(_) => {
            c.fail("page", "constraint", "page must be 1 or more");
            1
        }
    };
    let page_size = match q.get("page_size").map(|p| p.parse::<u64>()) {
        None => 20,
        Some(Ok(p)) if (1..=1000).contains(&p) => p,
        Some(_) => {
            c.fail(
                "page_size",
                "constraint",
                "page_size must be between 1 and 1000",
            );
            20
        }
    };
    let sort_key = if kind == Kind::Domain {
        "hostname"
    } else {
        "name"
    };
    let orders = [
        "created_at_asc",
        "created_at_desc",
        &format!("{sort_key}_asc"),
        &format!("{sort_key}_desc"),
    ]
    .map(String::from);
    let order = q
        .get("order_by")
        .cloned()
        .unwrap_or_else(|| "created_at_asc".into());
    if !orders.contains(&order) {
        c.fail(
            "order_by",
            "format",
            &format!("order_by must be one of {}", orders.join(", ")),
        );
    }
    c.finish()?;

    // Filters by owner: containers belong to a namespace, domains and triggers to a container.
    let namespace_of = |r: &Record| -> String {
        match r.kind {
            Kind::Namespace => r.id().to_string(),
            Kind::Container => r.str_field("namespace_id").to_string(),
            _ => store
                .records
                .get(r.str_field("container_id"))
                .map(|c| c.str_field("namespace_id").to_string())
                .unwrap_or_default(),
        }
    };
    let project_of = |r: &Record| -> String {
        store
            .records
            .get(&namespace_of(r))
            .map(|n| n.str_field("project_id").to_string())
            .unwrap_or_default()
    };
    let wanted = |key: &str| q.get(key).filter(|v| !v.is_empty());
    let mut items: Vec<&Record> = store
        .list(kind, region)
        .filter(|r| wanted("project_id").is_none_or(|p| project_of(r) == *p))
        .filter(|r| wanted("organization_id").is_none_or(|p| project_of(r) == *p))
        .filter(|r| wanted("namespace_id").is_none_or(|n| namespace_of(r) == *n))
        .filter(|r| wanted("container_id").is_none_or(|c| r.str_field("container_id") == c))
        // As the real API: ListNamespaces ignores `name` (it answers every
        // namespace); the others match the exact name.
        .filter(|r| {
            kind == Kind::Namespace || wanted("name").is_none_or(|n| r.str_field("name") == n)
        })
        .collect();
    items.sort_by(|a, b| match order.as_str() {
        "created_at_desc" => (b.created_ms, b.id()).cmp(&(a.created_ms, a.id())),
        o if o.ends_with("_asc") && !o.starts_with("created") => {
            a.str_field(sort_key).cmp(b.str_field(sort_key))
        }
        o if o.ends_with("_desc") => b.str_field(sort_key).cmp(a.str_field(sort_key)),
        _ => (a.created_ms, a.id()).cmp(&(b.created_ms, b.id())),
    });
    let total = items.len();
    let start = ((page - 1) * page_size) as usize;
    let shown: Vec<Value> = items
        .into_iter()
        .skip(start)
        .take(page_size as usize)
        .map(Record::render)
        .collect();
    let key = match kind {
        Kind::Namespace => "namespaces",
        Kind::Container => "containers",
        Kind::Domain => "domains",
        Kind::Trigger => "triggers",
    };
    Ok(json!({ key: shown, "total_count": total }))
}

fn as_map(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

// ---------------------------------------------------------------- HTTP handlers

pub async fn service_info(Path(region): Path<String>) -> Answer {
    region_ok(&region)?;
    Ok(Json(json!({
        "name": "containers-api", "description": "Serverless Containers API (local emulator)",
        "version": env!("CARGO_PKG_VERSION"), "documentation_url": null,
        "built_at": null, "git_commit": "",
    })))
}

/// Runs `f` on the settled store; persists when `mutates`.
fn with_store<T>(
    app: &Shared,
    mutates: bool,
    f: impl FnOnce(&mut Store, u64) -> Result<T, ApiErr>,
) -> Result<T, ApiErr> {
    let now = now_ms();
    let mut store = app.store.lock().unwrap_or_else(|e| e.into_inner());
    store.settle(now, app.config.delays);
    let out = f(&mut store, now)?;
    if mutates {
        app.persist(&store);
    }
    Ok(out)
}

macro_rules! resource_handlers {
    ($kind:expr, $list:ident, $get:ident, $create:ident, $create_fn:path, $update:ident, $update_fn:path, $delete:ident) => {
        pub async fn $list(
            State(app): State<Shared>,
            Path(region): Path<String>,
            Query(q): Query<HashMap<String, String>>,
        ) -> Answer {
            region_ok(&region)?;
            with_store(&app, false, |s, _| list(s, $kind, &region, &q)).map(Json)
        }

        pub async fn $get(
            State(app): State<Shared>,
            Path((region, id)): Path<(String, String)>,
        ) -> Answer {
            region_ok(&region)?;
            with_store(&app, false, |s, _| {
                found(s, $kind, &region, &id).map(Record::render)
            })
            .map(Json)
        }

        pub async fn $create(
            State(app): State<Shared>,
            Path(region): Path<String>,
            body: Bytes,
        ) -> Answer {
            region_ok(&region)?;
            let b = object(&body)?;
            with_store(&app, true, |s, now| $create_fn(s, &region, &b, now)).map(Json)
        }

        pub async fn $update(
            State(app): State<Shared>,
            Path((region, id)): Path<(String, String)>,
            body: Bytes,
        ) -> Answer {
            region_ok(&region)?;
            let b = object(&body)?;
            with_store(&app, true, |s, now| $update_fn(s, &region, &id, &b, now)).map(Json)
        }

        pub async fn $delete(
            State(app): State<Shared>,
            Path((region, id)): Path<(String, String)>,
        ) -> Answer {
            region_ok(&region)?;
            with_store(&app, true, |s, now| delete(s, $kind, &region, &id, now)).map(Json)
        }
    };
}

resource_handlers!(
    Kind::Namespace,
    list_namespaces,
    get_namespace,
    create_namespace_h,
    create_namespace,
    update_namespace_h,
    update_namespace,
    delete_namespace
);
resource_handlers!(
    Kind::Container,
    list_containers,
    get_container,
    create_container_h,
    create_container,
    update_container_h,
    update_container,
    delete_container
);
resource_handlers!(
    Kind::Domain,
    list_domains,
    get_domain,
    create_domain_h,
    create_domain,
    update_domain_h,
    update_domain,
    delete_domain
);
resource_handlers!(
    Kind::Trigger,
    list_triggers,
    get_trigger,
    create_trigger_h,
    create_trigger,
    update_trigger_h,
    update_trigger,
    delete_trigger
);

pub async fn redeploy(
    State(app): State<Shared>,
    Path((region, id)): Path<(String, String)>,
) -> Answer {
    region_ok(&region)?;
    with_store(&app, true, |s, now| {
        redeploy_container(s, &region, &id, now)
    })
    .map(Json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_alphabet() {
        assert_eq!(base64_no_pad(b"Man"), "TWFu");
        assert_eq!(base64_no_pad(b"Ma"), "TWE");
        assert_eq!(base64_no_pad(b"M"), "TQ");
    }

    #[test]
    fn secrets_follow_the_patch_rule() {
        let existing = json!({"A": "$argon2id$a", "B": "$argon2id$b", "C": "$argon2id$c"});
        let patch = as_map(json!({"A": "", "B": "new", "D": "d"}));
        let merged = merge_secrets(Some(&existing), &patch);
        assert_eq!(merged["A"], "$argon2id$a", "\"\" keeps");
        assert!(
            merged["B"].as_str().unwrap().starts_with("$argon2id$v=19$")
                && merged["B"] != "$argon2id$b"
        );
        assert!(!merged.contains_key("C"), "omitted is deleted");
        assert!(merged.contains_key("D"));
    }
}
