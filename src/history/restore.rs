//! "Restore this version": the version made into what an edit form can
//! send. What an update cannot change (the name, the owner, a trigger's
//! source type) and what was never kept (secret values) stay as they are
//! now, and the form says so.

use crate::api::Kind;
use serde_json::Value;

/// What a restore cannot bring back, in words for the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotRestored {
    SecretValues,
    Name,
    SourceType,
}

impl NotRestored {
    pub fn text(self) -> &'static str {
        match self {
            NotRestored::SecretValues => {
                "Secret values are never kept: the secrets stay as they are now."
            }
            NotRestored::Name => "The name cannot be changed: it stays as it is now.",
            NotRestored::SourceType => {
                "A trigger's source type cannot be changed: the source stays as it is now."
            }
        }
    }
}

fn copy(from: &Value, to: &mut Value, field: &str) {
    if let (Some(value), Some(map)) = (from.get(field), to.as_object_mut()) {
        map.insert(field.to_string(), value.clone());
    }
}

/// `version` with what cannot be restored taken from `current`, and the
/// notes the form shows.
pub fn restorable(kind: Kind, version: &Value, current: &Value) -> (Value, Vec<NotRestored>) {
    let mut merged = version.clone();
    let mut notes = Vec::new();
    // What identifies it, or it belongs to, and the status of now.
    for field in [
        "id",
        "namespace_id",
        "container_id",
        "project_id",
        "status",
        "updated_at",
        "hostname",
    ] {
        copy(current, &mut merged, field);
    }
    if version.get("name") != current.get("name") {
        notes.push(NotRestored::Name);
    }
    copy(current, &mut merged, "name");
    if matches!(kind, Kind::Namespace | Kind::Container) {
        copy(current, &mut merged, "secret_environment_variables");
        let had_secrets = |v: &Value| {
            v.get("secret_environment_variables")
                .and_then(Value::as_object)
                .is_some_and(|m| !m.is_empty())
        };
        if had_secrets(version) || had_secrets(current) {
            notes.push(NotRestored::SecretValues);
        }
    }
    if kind == Kind::Trigger {
        if version.get("source_type") != current.get("source_type") {
            notes.push(NotRestored::SourceType);
            for field in ["source_type", "cron_config", "sqs_config", "nats_config"] {
                match current.get(field) {
                    Some(_) => copy(current, &mut merged, field),
                    None => {
                        merged.as_object_mut().map(|m| m.remove(field));
                    }
                }
            }
        } else if current.get("sqs_config").is_some() || current.get("nats_config").is_some() {
            notes.push(NotRestored::SecretValues);
        }
    }
    (merged, notes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_container_comes_back_but_its_name_and_secrets_stay() {
        let version = json!({"id": "c", "name": "old-name", "namespace_id": "n", "memory_limit_bytes": 2048,
            "environment_variables": {"A": "1"}, "secret_environment_variables": {"OLD": ""}, "updated_at": "t1"});
        let current = json!({"id": "c", "name": "web", "namespace_id": "n", "memory_limit_bytes": 1024,
            "environment_variables": {}, "secret_environment_variables": {"NOW": "$argon2id$x"}, "updated_at": "t2"});
        let (merged, notes) = restorable(Kind::Container, &version, &current);
        assert_eq!(merged["memory_limit_bytes"], json!(2048));
        assert_eq!(merged["environment_variables"], json!({"A": "1"}));
        assert_eq!(merged["name"], json!("web"));
        assert_eq!(
            merged["secret_environment_variables"],
            json!({"NOW": "$argon2id$x"})
        );
        assert_eq!(
            merged["updated_at"],
            json!("t2"),
            "rebased on what is there now"
        );
        assert_eq!(notes, [NotRestored::Name, NotRestored::SecretValues]);
    }

    #[test]
    fn a_trigger_keeps_its_source_type_and_a_domain_its_hostname() {
        let version = json!({"name": "t", "source_type": "cron", "cron_config": {"schedule": "0 3 * * *"}, "description": "old"});
        let current = json!({"name": "t", "source_type": "sqs", "sqs_config": {"queue_url": "q"}, "description": "new"});
        let (merged, notes) = restorable(Kind::Trigger, &version, &current);
        assert_eq!(notes, [NotRestored::SourceType]);
        assert!(
            merged.get("cron_config").is_none()
                && merged["sqs_config"] == json!({"queue_url": "q"})
        );
        assert_eq!(merged["description"], json!("old"));
        let same =
            json!({"name": "t", "source_type": "cron", "cron_config": {"schedule": "0 4 * * *"}});
        let (merged, notes) = restorable(Kind::Trigger, &version, &same);
        assert!(notes.is_empty());
        assert_eq!(merged["cron_config"]["schedule"], json!("0 3 * * *"));
        let (merged, notes) = restorable(
            Kind::Domain,
            &json!({"hostname": "a", "tags": ["x"]}),
            &json!({"hostname": "b", "tags": []}),
        );
        assert_eq!(
            (
                merged["hostname"].clone(),
                merged["tags"].clone(),
                notes.len()
            ),
            (json!("b"), json!(["x"]), 0)
        );
    }
}
