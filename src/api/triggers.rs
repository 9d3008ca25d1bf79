//! Triggers: DTO with the `source_config` oneof (cron / SQS / NATS) and
//! request bodies.

use super::list::NameOrder;
use super::resource::resource;
use super::wire::{null_as_default, wire_enum, Status, Timestamp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

wire_enum! {
    pub enum HttpMethod {
        UnknownHttpMethod = "unknown_http_method",
        Get = "get",
        Post = "post",
        Put = "put",
        Patch = "patch",
        Delete = "delete",
    }
}

wire_enum! {
    /// `source_type` of a Trigger (responses only).
    pub enum SourceType {
        UnknownSourceType = "unknown_source_type",
        Cron = "cron",
        Sqs = "sqs",
        Nats = "nats",
    }
}

/// Where a trigger sends its events on the container.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct Destination {
    #[serde(default, deserialize_with = "null_as_default")]
    pub http_path: String,
    #[serde(default)]
    pub http_method: HttpMethod,
}

impl Default for Destination {
    /// What the API applies when a create omits `destination_config`.
    fn default() -> Self {
        Destination {
            http_path: "/".into(),
            http_method: HttpMethod::Post,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct CronConfig {
    /// Five-field UNIX cron.
    #[serde(deserialize_with = "null_as_default")]
    pub schedule: String,
    /// An IANA time zone name.
    #[serde(deserialize_with = "null_as_default")]
    pub timezone: String,
    #[serde(deserialize_with = "null_as_default")]
    pub body: String,
    #[serde(deserialize_with = "null_as_default")]
    pub headers: BTreeMap<String, String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct SqsConfig {
    #[serde(deserialize_with = "null_as_default")]
    pub region: String,
    #[serde(deserialize_with = "null_as_default")]
    pub endpoint: String,
    #[serde(deserialize_with = "null_as_default")]
    pub access_key_id: String,
    /// Write-only: sent on create/update, never returned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret_access_key: Option<String>,
    #[serde(deserialize_with = "null_as_default")]
    pub queue_url: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct NatsConfig {
    #[serde(deserialize_with = "null_as_default")]
    pub server_urls: Vec<String>,
    #[serde(deserialize_with = "null_as_default")]
    pub subject: String,
    /// Write-only: sent on create/update, never returned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credentials_file_content: Option<String>,
}

/// The `source_config` oneof: what fires the trigger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TriggerSource {
    Cron(CronConfig),
    Sqs(SqsConfig),
    Nats(NatsConfig),
    /// A source type this console does not know yet (decoding only).
    Unknown(String),
}

impl TriggerSource {
    pub fn source_type(&self) -> SourceType {
        match self {
            TriggerSource::Cron(_) => SourceType::Cron,
            TriggerSource::Sqs(_) => SourceType::Sqs,
            TriggerSource::Nats(_) => SourceType::Nats,
            TriggerSource::Unknown(s) => SourceType::from_wire(s),
        }
    }
}

/// The three oneof members as they sit at the top level of a body: exactly
/// the one of `source` is set.
#[derive(Default, Serialize, Deserialize)]
struct SourceWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cron_config: Option<CronConfig>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sqs_config: Option<SqsConfig>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    nats_config: Option<NatsConfig>,
}

impl From<Option<&TriggerSource>> for SourceWire {
    fn from(source: Option<&TriggerSource>) -> Self {
        match source {
            Some(TriggerSource::Cron(c)) => SourceWire {
                cron_config: Some(c.clone()),
                ..Default::default()
            },
            Some(TriggerSource::Sqs(c)) => SourceWire {
                sqs_config: Some(c.clone()),
                ..Default::default()
            },
            Some(TriggerSource::Nats(c)) => SourceWire {
                nats_config: Some(c.clone()),
                ..Default::default()
            },
            Some(TriggerSource::Unknown(_)) | None => SourceWire::default(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(into = "TriggerWire")]
pub struct Trigger {
    pub id: String,
    pub name: String,
    pub description: String,
    pub tags: Vec<String>,
    pub status: Status,
    pub error_message: Option<String>,
    pub container_id: String,
    pub destination_config: Destination,
    pub source: TriggerSource,
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
}

#[derive(Serialize, Deserialize)]
struct TriggerWire {
    id: String,
    /// Required with `container_id`: they tell a trigger from other resources.
    name: String,
    #[serde(default, deserialize_with = "null_as_default")]
    description: String,
    #[serde(default, deserialize_with = "null_as_default")]
    tags: Vec<String>,
    #[serde(default)]
    status: Status,
    #[serde(default)]
    error_message: Option<String>,
    container_id: String,
    #[serde(default)]
    destination_config: Option<Destination>,
    #[serde(default)]
    source_type: Option<SourceType>,
    #[serde(flatten)]
    source: SourceWire,
    #[serde(default)]
    created_at: Option<Timestamp>,
    #[serde(default)]
    updated_at: Option<Timestamp>,
}

impl From<TriggerWire> for Trigger {
    fn from(w: TriggerWire) -> Self {
        // The member that is set wins; `source_type` names it when none is
        // (a trigger whose config was withheld still says what it is).
        let declared = w.source_type.unwrap_or(SourceType::UnknownSourceType);
        let source = match (w.source, &declared) {
            (
                SourceWire {
                    cron_config: Some(c),
                    ..
                },
                _,
            ) => TriggerSource::Cron(c),
            (
                SourceWire {
                    sqs_config: Some(c),
                    ..
                },
                _,
            ) => TriggerSource::Sqs(c),
            (
                SourceWire {
                    nats_config: Some(c),
                    ..
                },
                _,
            ) => TriggerSource::Nats(c),
            (_, SourceType::Cron) => TriggerSource::Cron(CronConfig::default()),
            (_, SourceType::Sqs) => TriggerSource::Sqs(SqsConfig::default()),
            (_, SourceType::Nats) => TriggerSource::Nats(NatsConfig::default()),
            (_, other) => TriggerSource::Unknown(other.as_str().to_string()),
        };
        Trigger {
            id: w.id,
            name: w.name,
            description: w.description,
            tags: w.tags,
            status: w.status,
            error_message: w.error_message,
            container_id: w.container_id,
            destination_config: w.destination_config.unwrap_or_default(),
            source,
            created_at: w.created_at,
            updated_at: w.updated_at,
        }
    }
}

impl From<Trigger> for TriggerWire {
    fn from(t: Trigger) -> Self {
        TriggerWire {
            source_type: Some(t.source.source_type()),
            source: SourceWire::from(Some(&t.source)),
            id: t.id,
            name: t.name,
            description: t.description,
            tags: t.tags,
            status: t.status,
            error_message: t.error_message,
            container_id: t.container_id,
            destination_config: Some(t.destination_config),
            created_at: t.created_at,
            updated_at: t.updated_at,
        }
    }
}

impl<'de> Deserialize<'de> for Trigger {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        TriggerWire::deserialize(d).map(Trigger::from)
    }
}

/// CreateTrigger body. `source` is required by the API; `Unknown` sends none
/// and is refused (forms never build it).
#[derive(Clone, Debug, PartialEq)]
pub struct CreateTriggerRequest {
    pub container_id: String,
    pub name: String,
    pub description: Option<String>,
    pub tags: Vec<String>,
    /// `None` lets the API apply `{"http_path":"/","http_method":"post"}`.
    pub destination_config: Option<Destination>,
    pub source: TriggerSource,
}

#[derive(Serialize)]
struct CreateTriggerWire<'a> {
    container_id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    destination_config: Option<&'a Destination>,
    #[serde(flatten)]
    source: SourceWire,
}

impl Serialize for CreateTriggerRequest {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        CreateTriggerWire {
            container_id: &self.container_id,
            name: &self.name,
            description: self.description.as_deref(),
            tags: &self.tags,
            destination_config: self.destination_config.as_ref(),
            source: SourceWire::from(Some(&self.source)),
        }
        .serialize(s)
    }
}

/// UpdateTrigger body: only what changed. `source` must keep the trigger's
/// source type (the API cannot change it) and is sent whole.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UpdateTriggerRequest {
    pub name: Option<String>,
    pub description: Option<String>,
    pub tags: Option<Vec<String>>,
    pub destination_config: Option<Destination>,
    pub source: Option<TriggerSource>,
}

#[derive(Serialize)]
struct UpdateTriggerWire<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tags: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    destination_config: Option<&'a Destination>,
    #[serde(flatten)]
    source: SourceWire,
}

impl Serialize for UpdateTriggerRequest {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        UpdateTriggerWire {
            name: self.name.as_deref(),
            description: self.description.as_deref(),
            tags: self.tags.as_deref(),
            destination_config: self.destination_config.as_ref(),
            source: SourceWire::from(self.source.as_ref()),
        }
        .serialize(s)
    }
}

impl UpdateTriggerRequest {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

resource!(Trigger {
    kind: Trigger,
    list_key: "triggers",
    plural: "triggers",
    create: CreateTriggerRequest,
    update: UpdateTriggerRequest,
    order: NameOrder,
    label: name,
    owner: container_id,
});

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn create(source: TriggerSource) -> CreateTriggerRequest {
        CreateTriggerRequest {
            container_id: "c".into(),
            name: "t".into(),
            description: None,
            tags: vec![],
            destination_config: None,
            source,
        }
    }

    #[test]
    fn create_flattens_exactly_one_source() {
        let cron = create(TriggerSource::Cron(CronConfig {
            schedule: "5 4 1 * *".into(),
            timezone: "Europe/Paris".into(),
            ..Default::default()
        }));
        assert_eq!(
            serde_json::to_value(&cron).unwrap(),
            json!({"container_id": "c", "name": "t",
                   "cron_config": {"schedule": "5 4 1 * *", "timezone": "Europe/Paris", "body": "", "headers": {}}})
        );
        let sqs = create(TriggerSource::Sqs(SqsConfig {
            region: "fr-par".into(),
            endpoint: "https://sqs.example".into(),
            access_key_id: "AK".into(),
            secret_access_key: Some("SK".into()),
            queue_url: "https://sqs.example/q".into(),
        }));
        let v = serde_json::to_value(&sqs).unwrap();
        assert_eq!(v["sqs_config"]["secret_access_key"], "SK");
        assert!(v.get("cron_config").is_none() && v.get("nats_config").is_none());
        let nats = CreateTriggerRequest {
            destination_config: Some(Destination {
                http_path: "/events".into(),
                http_method: HttpMethod::Put,
            }),
            ..create(TriggerSource::Nats(NatsConfig {
                server_urls: vec!["nats://n:4222".into()],
                subject: "orders".into(),
                credentials_file_content: Some("creds".into()),
            }))
        };
        let v = serde_json::to_value(&nats).unwrap();
        assert_eq!(
            v["nats_config"],
            json!({"server_urls": ["nats://n:4222"], "subject": "orders", "credentials_file_content": "creds"})
        );
        assert_eq!(
            v["destination_config"],
            json!({"http_path": "/events", "http_method": "put"})
        );
    }

    #[test]
    fn update_is_minimal() {
        assert_eq!(
            serde_json::to_value(UpdateTriggerRequest::default()).unwrap(),
            json!({})
        );
        let u = UpdateTriggerRequest {
            tags: Some(vec![]),
            description: Some(String::new()),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_value(&u).unwrap(),
            json!({"tags": [], "description": ""})
        );
    }

    #[test]
    fn decodes_source_from_member_or_type() {
        let t: Trigger = serde_json::from_value(json!({
            "id": "1", "name": "t", "container_id": "c", "source_type": "sqs",
            "cron_config": null, "nats_config": null,
            "sqs_config": {"region": "fr-par", "endpoint": "e", "access_key_id": "a", "queue_url": "q"}
        }))
        .unwrap();
        assert!(
            matches!(&t.source, TriggerSource::Sqs(c) if c.queue_url == "q" && c.secret_access_key.is_none())
        );
        assert_eq!(t.destination_config, Destination::default());

        let t: Trigger = serde_json::from_value(json!({
            "id": "1", "name": "t", "container_id": "c", "source_type": "kafka"
        }))
        .unwrap();
        assert_eq!(t.source, TriggerSource::Unknown("kafka".into()));

        let t: Trigger = serde_json::from_value(json!({
            "id": "1", "name": "t", "container_id": "c", "source_type": "nats"
        }))
        .unwrap();
        assert_eq!(t.source, TriggerSource::Nats(NatsConfig::default()));

        // Round trip keeps the wire form.
        let v = serde_json::to_value(&t).unwrap();
        assert_eq!(v["source_type"], "nats");
        assert_eq!(v["nats_config"]["server_urls"], json!([]));
    }
}
