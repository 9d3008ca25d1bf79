//! What changed from one version to the next, field by field, in words:
//! `memory 2048 MB → 1024 MB`, `variable LOG_LEVEL added`.

use crate::format::{bytes_text, cpu_text};
use crate::forms::rebase::changed_fields;
use serde_json::{Map, Value};

/// A field's name in words.
fn label(field: &str) -> String {
    match field {
        "memory_limit_bytes" => "memory".into(),
        "mvcpu_limit" => "CPU".into(),
        "local_storage_limit_bytes" => "local storage".into(),
        "min_scale" => "minimum instances".into(),
        "max_scale" => "maximum instances".into(),
        "https_connections_only" => "HTTPS only".into(),
        "private_network_id" => "private network".into(),
        "destination_config" => "destination".into(),
        "cron_config" => "schedule".into(),
        "sqs_config" => "SQS source".into(),
        "nats_config" => "NATS source".into(),
        other => other.replace('_', " "),
    }
}

/// A value in words.
fn text(field: &str, value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "none".into(),
        Some(Value::Number(n)) => match (field, n.as_u64()) {
            ("memory_limit_bytes" | "local_storage_limit_bytes", Some(b)) => bytes_text(b),
            ("mvcpu_limit", Some(m)) => cpu_text(m as u32),
            _ => n.to_string(),
        },
        Some(Value::Bool(b)) => if *b { "yes" } else { "no" }.into(),
        Some(Value::String(s)) if s.is_empty() => "(empty)".into(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) if items.is_empty() => "(none)".into(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| text("", Some(v)))
            .collect::<Vec<_>>()
            .join(" "),
        Some(other) => other.to_string(),
    }
}

fn object(value: Option<&Value>) -> Map<String, Value> {
    value
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default()
}

/// A map of variables, key by key; secrets by name only.
fn variables(
    what: &str,
    show_values: bool,
    a: Option<&Value>,
    b: Option<&Value>,
    out: &mut Vec<String>,
) {
    let (a, b) = (object(a), object(b));
    for (key, value) in &b {
        match a.get(key) {
            None => out.push(format!("{what} {key} added")),
            Some(old) if old != value && show_values => out.push(format!(
                "{what} {key} {} → {}",
                text("", Some(old)),
                text("", Some(value))
            )),
            _ => {}
        }
    }
    for key in a.keys().filter(|k| !b.contains_key(*k)) {
        out.push(format!("{what} {key} removed"));
    }
}

/// The leaves of a nested value, by dotted path: `http.path` → `/healthz`.
fn leaves(prefix: &str, value: &Value, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (k, v) in map {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                leaves(&path, v, out);
            }
        }
        Value::Object(_) => out.push((prefix.to_string(), Value::Bool(true))),
        other => out.push((prefix.to_string(), other.clone())),
    }
}

/// An object field (a probe, the scaling rule, a trigger's source), leaf by leaf.
fn nested(field: &str, a: Option<&Value>, b: Option<&Value>, out: &mut Vec<String>) {
    let (mut old, mut new) = (Vec::new(), Vec::new());
    if let Some(v) = a.filter(|v| !v.is_null()) {
        leaves("", v, &mut old);
    }
    if let Some(v) = b.filter(|v| !v.is_null()) {
        leaves("", v, &mut new);
    }
    let name = label(field);
    if old.is_empty() || new.is_empty() {
        let set = |l: &[(String, Value)]| {
            l.iter()
                .map(|(k, v)| format!("{k} {}", text(k, Some(v))))
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push(if old.is_empty() {
            format!("{name} set: {}", set(&new))
        } else {
            format!("{name} removed")
        });
        return;
    }
    for (path, value) in &new {
        match old.iter().find(|(p, _)| p == path) {
            Some((_, was)) if was == value => {}
            Some((_, was)) => out.push(format!(
                "{name} {path} {} → {}",
                text(path, Some(was)),
                text(path, Some(value))
            )),
            None => out.push(format!("{name} {path} set to {}", text(path, Some(value)))),
        }
    }
    for (path, _) in old.iter().filter(|(p, _)| !new.iter().any(|(q, _)| q == p)) {
        out.push(format!("{name} {path} removed"));
    }
}

/// What changed from `before` to `after`, in words, one change a line.
pub fn describe(before: &Value, after: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for field in changed_fields(before, after) {
        let (a, b) = (before.get(&field), after.get(&field));
        match field.as_str() {
            "environment_variables" => variables("variable", true, a, b, &mut out),
            "secret_environment_variables" => variables("secret", false, a, b, &mut out),
            _ if a.is_some_and(Value::is_object) || b.is_some_and(Value::is_object) => {
                nested(&field, a, b, &mut out)
            }
            _ => out.push(format!(
                "{} {} → {}",
                label(&field),
                text(&field, a),
                text(&field, b)
            )),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn changes_in_words() {
        let before = json!({"memory_limit_bytes": 2048000000u64, "port": 80, "status": "ready", "updated_at": "a",
            "environment_variables": {"LOG_LEVEL": "info", "OLD": "x"}, "secret_environment_variables": {"API_KEY": ""},
            "liveness_probe": {"failure_threshold": 30, "tcp": {}}, "tags": ["a"], "description": ""});
        let after = json!({"memory_limit_bytes": 1024000000u64, "port": 80, "status": "updating", "updated_at": "b",
            "environment_variables": {"LOG_LEVEL": "debug", "NEW": "1"}, "secret_environment_variables": {"DB": ""},
            "liveness_probe": {"failure_threshold": 5, "http": {"path": "/healthz"}}, "tags": ["a", "b"], "description": "Shop"});
        let words = describe(&before, &after);
        for line in [
            "memory 2048 MB → 1024 MB",
            "variable LOG_LEVEL info → debug",
            "variable NEW added",
            "variable OLD removed",
            "secret DB added",
            "secret API_KEY removed",
            "liveness probe failure_threshold 30 → 5",
            "liveness probe http.path set to /healthz",
            "liveness probe tcp removed",
            "tags a → a b",
            "description (empty) → Shop",
        ] {
            assert!(words.contains(&line.to_string()), "{line:?} in {words:#?}");
        }
        assert!(
            !words
                .iter()
                .any(|w| w.contains("status") || w.contains("port")),
            "{words:?}"
        );
        assert_eq!(
            describe(
                &json!({"scaling_option": null}),
                &json!({"scaling_option": {"cpu_usage_threshold": 70}})
            ),
            ["scaling option set: cpu_usage_threshold 70"]
        );
    }
}
