//! Terraform: the provider's resources (`scaleway_container_namespace`,
//! `scaleway_container`, `scaleway_container_domain`,
//! `scaleway_container_trigger`) with its current argument names, written
//! from the API's create body; a resource that exists gets an `import` block.

use super::hcl::{quote, Body};
use super::{marked, Call, Secret};
use crate::api::Kind;
use serde_json::{Map, Value};

fn resource_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Namespace => "scaleway_container_namespace",
        Kind::Container => "scaleway_container",
        Kind::Domain => "scaleway_container_domain",
        Kind::Trigger => "scaleway_container_trigger",
    }
}

/// A Terraform name from a resource's name: `web-shop` → `web_shop`.
fn label(name: &str) -> String {
    super::identifier(name, false, "r_")
}

/// `"300s"` → `300`: the provider takes durations of `timeout` in seconds.
fn seconds(value: &Value) -> Option<String> {
    let text = value.as_str()?.trim_end_matches('s');
    let secs: f64 = text.parse().ok()?;
    Some(format!("{}", secs.round() as u64))
}

/// The arguments of `map` that keep their API name, in the order given.
fn same_names(
    body: &mut Body,
    map: &Map<String, Value>,
    names: &[&str],
    refs: &dyn Fn(&Value) -> Option<String>,
) {
    for name in names {
        if let Some(value) = map.get(*name).filter(|v| !v.is_null()) {
            body.value(name, value, refs);
        }
    }
}

fn probe(body: &mut Body, name: &str, probe: &Value, refs: &dyn Fn(&Value) -> Option<String>) {
    let Some(p) = probe.as_object() else { return };
    body.block(name, |b| {
        same_names(b, p, &["failure_threshold", "interval", "timeout"], refs);
        match p.get("http").and_then(|h| h.get("path")) {
            Some(path) => b.block("http", |h| h.value("path", path, refs)),
            None => b.raw("tcp", "true"),
        }
    });
}

/// `variable "api_key" { ... }` for each secret, then the resource.
pub(super) fn resource(call: &Call, whole: &Value, secrets: &[Secret]) -> String {
    let empty = Map::new();
    let map = whole.as_object().unwrap_or(&empty);
    let refs = |value: &Value| marked(value).map(|var| format!("var.{}", crate::case::lower(var)));
    let name = map
        .get("name")
        .or_else(|| map.get("hostname"))
        .and_then(Value::as_str)
        .unwrap_or("this");
    let (rtype, rlabel) = (resource_type(call.kind), label(name));
    let mut out = String::new();
    for secret in secrets {
        out.push_str(&format!(
            "variable \"{}\" {{\n  type      = string\n  sensitive = true\n}}\n\n",
            crate::case::lower(&secret.var)
        ));
    }
    let mut body = Body::new(1);
    match call.kind {
        Kind::Namespace => {
            same_names(
                &mut body,
                map,
                &[
                    "name",
                    "description",
                    "tags",
                    "project_id",
                    "environment_variables",
                    "secret_environment_variables",
                ],
                &refs,
            );
        }
        Kind::Container => {
            same_names(
                &mut body,
                map,
                &[
                    "name",
                    "namespace_id",
                    "description",
                    "tags",
                    "image",
                    "port",
                    "protocol",
                    "privacy",
                    "https_connections_only",
                    "sandbox",
                    "min_scale",
                    "max_scale",
                    "memory_limit_bytes",
                ],
                &refs,
            );
            if let Some(cpu) = map.get("mvcpu_limit").filter(|v| !v.is_null()) {
                body.value("cpu_limit", cpu, &refs);
            }
            same_names(&mut body, map, &["local_storage_limit_bytes"], &refs);
            if let Some(secs) = map.get("timeout").and_then(seconds) {
                body.raw("timeout", &secs);
            }
            same_names(
                &mut body,
                map,
                &[
                    "environment_variables",
                    "secret_environment_variables",
                    "command",
                    "args",
                    "private_network_id",
                ],
                &refs,
            );
            if let Some(scaling) = map.get("scaling_option").and_then(Value::as_object) {
                body.block("scaling_option", |b| {
                    same_names(
                        b,
                        scaling,
                        &[
                            "concurrent_requests_threshold",
                            "cpu_usage_threshold",
                            "memory_usage_threshold",
                        ],
                        &refs,
                    )
                });
            }
            for name in ["liveness_probe", "startup_probe"] {
                if let Some(p) = map.get(name) {
                    probe(&mut body, name, p, &refs);
                }
            }
        }
        Kind::Domain => same_names(&mut body, map, &["hostname", "container_id"], &refs),
        Kind::Trigger => {
            same_names(
                &mut body,
                map,
                &["container_id", "name", "description", "tags"],
                &refs,
            );
            if let Some(cron) = map.get("cron_config").and_then(Value::as_object) {
                body.block("cron", |b| {
                    same_names(b, cron, &["schedule", "timezone", "body", "headers"], &refs)
                });
            }
            if let Some(sqs) = map.get("sqs_config").and_then(Value::as_object) {
                body.block("sqs", |b| {
                    same_names(b, sqs, &["endpoint", "queue_url"], &refs);
                    if let Some(key) = sqs.get("access_key_id") {
                        b.value("access_key", key, &refs);
                    }
                    if let Some(secret) = sqs.get("secret_access_key") {
                        b.value("secret_key", secret, &refs);
                    }
                    same_names(b, sqs, &["region"], &refs);
                });
            }
            if let Some(nats) = map.get("nats_config").and_then(Value::as_object) {
                body.block("nats", |b| {
                    same_names(
                        b,
                        nats,
                        &["subject", "server_urls", "credentials_file_content"],
                        &refs,
                    )
                });
            }
            // The API's default when none is sent; the provider requires the block.
            let default = serde_json::json!({"http_path": "/", "http_method": "post"});
            let destination = map
                .get("destination_config")
                .filter(|d| d.is_object())
                .unwrap_or(&default);
            if let Some(d) = destination.as_object() {
                body.block("destination_config", |b| {
                    same_names(b, d, &["http_path", "http_method"], &refs)
                });
            }
        }
    }
    body.raw("region", &quote(call.region.as_str()));
    out.push_str(&format!(
        "resource \"{rtype}\" \"{rlabel}\" {{\n{}}}\n",
        body.text
    ));
    if let Some(id) = &call.id {
        out.push_str(&format!(
            "\nimport {{\n  to = {rtype}.{rlabel}\n  id = {}\n}}\n",
            quote(&format!("{}/{id}", call.region))
        ));
    }
    out
}
