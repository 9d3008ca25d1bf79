//! Resources in memory, with statuses derived from timestamps: a resource
//! records when its current phase began, and every read settles whatever
//! phase has lasted long enough (no background timers).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Namespace,
    Container,
    Domain,
    Trigger,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Namespace => "namespace",
            Kind::Container => "container",
            Kind::Domain => "domain",
            Kind::Trigger => "trigger",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Creating,
    Updating,
    Deleting,
    Ready,
    Error,
}

impl Phase {
    pub fn is_transient(self) -> bool {
        matches!(self, Phase::Creating | Phase::Updating | Phase::Deleting)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Creating => "creating",
            Phase::Updating => "updating",
            Phase::Deleting => "deleting",
            Phase::Ready => "ready",
            Phase::Error => "error",
        }
    }
}

/// How long each transient phase lasts, in milliseconds.
#[derive(Clone, Copy, Debug)]
pub struct Delays {
    pub create_ms: u64,
    pub update_ms: u64,
    pub delete_ms: u64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Record {
    pub kind: Kind,
    pub region: String,
    /// The resource's fields as the API returns them, less status,
    /// error_message and updated_at, which are derived.
    pub body: Map<String, Value>,
    pub phase: Phase,
    pub created_ms: u64,
    /// When the current phase began (ms since the epoch).
    pub since_ms: u64,
    pub updated_ms: u64,
    /// Set when the resource will end in `error` rather than `ready`.
    pub failure: Option<String>,
    pub error_message: Option<String>,
    /// Write-only fields (a trigger's SQS secret key or NATS credentials),
    /// kept as hashes and never rendered.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub write_only: Map<String, Value>,
}

impl Record {
    pub fn id(&self) -> &str {
        self.body.get("id").and_then(Value::as_str).unwrap_or("")
    }

    pub fn str_field(&self, key: &str) -> &str {
        self.body.get(key).and_then(Value::as_str).unwrap_or("")
    }

    /// The JSON the API answers with.
    pub fn render(&self) -> Value {
        let mut out = self.body.clone();
        out.insert("status".into(), Value::from(self.phase.as_str()));
        out.insert("updated_at".into(), Value::from(rfc3339(self.updated_ms)));
        // error_message: absent while transient, "" when ready, set on error.
        // Namespaces carry it only on error (as the recordings show).
        match self.phase {
            Phase::Error => {
                out.insert(
                    "error_message".into(),
                    Value::from(self.error_message.clone().unwrap_or_default()),
                );
            }
            Phase::Ready if self.kind != Kind::Namespace => {
                out.insert("error_message".into(), Value::from(""));
            }
            _ => {}
        }
        Value::Object(out)
    }

    pub fn begin(&mut self, phase: Phase, now: u64) {
        self.phase = phase;
        self.since_ms = now;
        self.updated_ms = now;
    }
}

/// Every resource of every region, by ID.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Store {
    pub records: BTreeMap<String, Record>,
}

impl Store {
    /// Moves every phase that has lasted long enough to its end: creating and
    /// updating become ready (or error), deleting removes the resource.
    /// Returns whether anything changed.
    pub fn settle(&mut self, now: u64, delays: Delays) -> bool {
        let mut gone = Vec::new();
        let mut changed = false;
        for (id, r) in self.records.iter_mut() {
            let limit = match r.phase {
                Phase::Creating => delays.create_ms,
                Phase::Updating => delays.update_ms,
                Phase::Deleting => delays.delete_ms,
                _ => continue,
            };
            if now.saturating_sub(r.since_ms) < limit {
                continue;
            }
            changed = true;
            if r.phase == Phase::Deleting {
                gone.push(id.clone());
            } else if let Some(why) = r.failure.clone() {
                r.phase = Phase::Error;
                r.error_message = Some(why);
            } else {
                r.phase = Phase::Ready;
                r.error_message = None;
            }
        }
        for id in gone {
            self.records.remove(&id);
        }
        changed
    }

    pub fn get(&self, kind: Kind, region: &str, id: &str) -> Option<&Record> {
        self.records
            .get(id)
            .filter(|r| r.kind == kind && r.region == region)
    }

    pub fn get_mut(&mut self, kind: Kind, region: &str, id: &str) -> Option<&mut Record> {
        self.records
            .get_mut(id)
            .filter(|r| r.kind == kind && r.region == region)
    }

    /// IDs of the resources that belong to `id` (containers of a namespace;
    /// domains and triggers of a container), transitively.
    pub fn descendants(&self, id: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut frontier = vec![id.to_string()];
        while let Some(parent) = frontier.pop() {
            for (child, r) in &self.records {
                let owner = match r.kind {
                    Kind::Container => r.str_field("namespace_id"),
                    Kind::Domain | Kind::Trigger => r.str_field("container_id"),
                    Kind::Namespace => "",
                };
                if owner == parent {
                    out.push(child.clone());
                    frontier.push(child.clone());
                }
            }
        }
        out
    }

    pub fn list(&self, kind: Kind, region: &str) -> impl Iterator<Item = &Record> {
        let region = region.to_string();
        self.records
            .values()
            .filter(move |r| r.kind == kind && r.region == region)
    }
}

/// `2026-05-05T14:43:04.719000Z` (microsecond precision, as the API writes).
pub fn rfc3339(ms: u64) -> String {
    let secs = ms / 1000;
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days as i64);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:06}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        (ms % 1000) * 1000
    )
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_format_like_the_api() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.000000Z");
        assert_eq!(rfc3339(951_782_400_123), "2000-02-29T00:00:00.123000Z");
    }
}
