//! What the history keeps of a resource: its distinct versions as read
//! (a new `updated_at` is a new version), the last 50, never a secret value
//! or hash (secret variables keep their names only).

use crate::api::{Kind, Region};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// How many versions of a resource are kept.
pub const KEPT: usize = 50;

/// One version of a resource, as read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Version {
    /// Its `updated_at` as the API wrote it (what tells versions apart).
    pub updated_at: String,
    /// When the console read it (ms since the epoch).
    pub read_at: f64,
    /// The resource as read, secret values removed.
    pub body: Value,
}

/// The history of one resource.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub kind: Kind,
    pub region: Region,
    pub id: String,
    /// Its name (or hostname) as last read.
    pub label: String,
    /// Oldest first.
    pub versions: Vec<Version>,
    /// When the console saw it deleted (ms since the epoch).
    #[serde(default)]
    pub deleted_at: Option<f64>,
}

/// Where a resource's history is kept: one key per region, kind and ID.
pub fn key(kind: Kind, region: &Region, id: &str) -> String {
    format!("{region}/{}/{id}", kind.path().trim_start_matches('/'))
}

/// Removes what must never be kept: secret values (and the API's hashes of
/// them), and the write-only fields of a trigger's source.
pub fn sanitize(body: &mut Value) {
    if let Some(map) = body
        .get_mut("secret_environment_variables")
        .and_then(Value::as_object_mut)
    {
        for value in map.values_mut() {
            *value = Value::String(String::new());
        }
    }
    for (config, field) in [
        ("sqs_config", "secret_access_key"),
        ("nats_config", "credentials_file_content"),
    ] {
        if let Some(config) = body.get_mut(config).and_then(Value::as_object_mut) {
            config.remove(field);
        }
    }
}

impl Record {
    pub fn new(kind: Kind, region: Region, id: String, label: String) -> Self {
        Record {
            kind,
            region,
            id,
            label,
            versions: Vec::new(),
            deleted_at: None,
        }
    }

    pub fn key(&self) -> String {
        key(self.kind, &self.region, &self.id)
    }

    /// Keeps `body` (read at `read_at`) when it is a version not kept yet;
    /// answers whether it was. The oldest go beyond `KEPT`.
    pub fn add(&mut self, mut body: Value, label: &str, read_at: f64) -> bool {
        let updated_at = body
            .get("updated_at")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        if self.versions.iter().any(|v| v.updated_at == updated_at) {
            return false;
        }
        sanitize(&mut body);
        self.label = label.to_string();
        self.versions.push(Version {
            updated_at,
            read_at,
            body,
        });
        // Versions come in the order read, which is the order of `updated_at`.
        let extra = self.versions.len().saturating_sub(KEPT);
        self.versions.drain(..extra);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keeps_distinct_versions_the_last_fifty_and_no_secret() {
        let mut record = Record::new(Kind::Container, Region::NlAms, "c-1".into(), "web".into());
        let body = |n: u32| {
            json!({"id": "c-1", "name": "web", "updated_at": format!("2026-01-01T00:00:{:02}Z", n % 60),
                   "memory_limit_bytes": n, "secret_environment_variables": {"API_KEY": "$argon2id$v=19$hash"}})
        };
        assert!(record.add(body(1), "web", 1.0));
        assert!(
            !record.add(body(1), "web", 2.0),
            "the same updated_at is the same version"
        );
        let stored = serde_json::to_string(&record).unwrap();
        assert!(!stored.contains("argon2"), "never a hash: {stored}");
        assert_eq!(
            record.versions[0].body["secret_environment_variables"],
            json!({"API_KEY": ""})
        );
        for n in 2..=60 {
            record.add(json!({"updated_at": format!("t{n}")}), "web", n as f64);
        }
        assert_eq!(record.versions.len(), KEPT);
        assert_eq!(record.versions[0].updated_at, "t11", "the oldest went");
        assert_eq!(key(Kind::Domain, &Region::PlWaw, "d"), "pl-waw/domains/d");
        let mut trigger = json!({"sqs_config": {"queue_url": "q", "secret_access_key": "SK"}});
        sanitize(&mut trigger);
        assert_eq!(trigger, json!({"sqs_config": {"queue_url": "q"}}));
    }
}
