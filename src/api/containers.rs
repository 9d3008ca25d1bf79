//! Containers: DTO with its oneofs (probe, scaling rule), request bodies,
//! and the one call of its own (redeploy).

use super::client::{percent_encode, Client, Method};
use super::error::ApiError;
use super::list::NameOrder;
use super::resource::{resource, Resource};
use super::wire::{
    null_as_default, number_lenient, wire_enum, Duration, Region, Status, Timestamp,
};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

wire_enum! {
    pub enum Privacy { UnknownPrivacy = "unknown_privacy", Public = "public", Private = "private" }
}

wire_enum! {
    pub enum Protocol { UnknownProtocol = "unknown_protocol", Http1 = "http1", H2c = "h2c" }
}

wire_enum! {
    pub enum Sandbox { UnknownSandbox = "unknown_sandbox", V1 = "v1", V2 = "v2" }
}

/// The `scaling_rule` oneof: exactly one threshold decides when to add instances.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScalingRule {
    /// Concurrent requests per instance (1–80).
    ConcurrentRequests(u32),
    /// CPU usage, percent.
    CpuPercent(u32),
    /// Memory usage, percent.
    MemoryPercent(u32),
}

impl ScalingRule {
    pub const DEFAULT: ScalingRule = ScalingRule::ConcurrentRequests(50);

    fn wire_name(&self) -> (&'static str, u32) {
        match *self {
            ScalingRule::ConcurrentRequests(n) => ("concurrent_requests_threshold", n),
            ScalingRule::CpuPercent(n) => ("cpu_usage_threshold", n),
            ScalingRule::MemoryPercent(n) => ("memory_usage_threshold", n),
        }
    }
}

/// `{"concurrent_requests_threshold": 50}`: one member, never an ambiguous pair.
impl Serialize for ScalingRule {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (key, value) = self.wire_name();
        let mut map = s.serialize_map(Some(1))?;
        map.serialize_entry(key, &value)?;
        map.end()
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ScalingOptionWire {
    concurrent_requests_threshold: Option<u32>,
    cpu_usage_threshold: Option<u32>,
    memory_usage_threshold: Option<u32>,
}

/// `null`, `{}` and all-null members decode as `None`; members set to `null`
/// are ignored (the wire form marks the unused oneof members that way).
fn scaling_option_lenient<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<ScalingRule>, D::Error> {
    let wire = Option::<ScalingOptionWire>::deserialize(d)?.unwrap_or_default();
    Ok(wire
        .concurrent_requests_threshold
        .map(ScalingRule::ConcurrentRequests)
        .or(wire.cpu_usage_threshold.map(ScalingRule::CpuPercent))
        .or(wire.memory_usage_threshold.map(ScalingRule::MemoryPercent)))
}

/// The `probe` oneof: how the platform checks an instance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProbeCheck {
    /// A TCP connection to the container's port.
    Tcp,
    /// An HTTP GET on `path` (1–100 characters, starting with `/`).
    Http { path: String },
}

/// A liveness or startup probe.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Probe {
    pub failure_threshold: u32,
    pub interval: Option<Duration>,
    pub timeout: Option<Duration>,
    pub check: ProbeCheck,
}

impl Probe {
    /// The liveness probe the API applies when none is given.
    pub fn default_liveness() -> Self {
        Probe {
            failure_threshold: 30,
            interval: Some(Duration::from_secs(10)),
            timeout: Some(Duration::from_secs(1)),
            check: ProbeCheck::Tcp,
        }
    }
}

#[derive(Serialize, Deserialize, Default)]
struct Empty {}

#[derive(Serialize, Deserialize, Default)]
struct HttpCheckWire {
    #[serde(default, deserialize_with = "null_as_default")]
    path: String,
}

#[derive(Serialize, Deserialize, Default)]
struct ProbeWire {
    #[serde(default, deserialize_with = "number_lenient")]
    failure_threshold: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    interval: Option<Duration>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    timeout: Option<Duration>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tcp: Option<Empty>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    http: Option<HttpCheckWire>,
}

impl Serialize for Probe {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (tcp, http) = match &self.check {
            ProbeCheck::Tcp => (Some(Empty {}), None),
            ProbeCheck::Http { path } => (None, Some(HttpCheckWire { path: path.clone() })),
        };
        ProbeWire {
            failure_threshold: self.failure_threshold,
            interval: self.interval,
            timeout: self.timeout,
            tcp,
            http,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Probe {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let wire = ProbeWire::deserialize(d)?;
        // HTTP when given; otherwise TCP, which is also what the API does when
        // neither member is set.
        let check = match wire.http {
            Some(http) => ProbeCheck::Http { path: http.path },
            None => ProbeCheck::Tcp,
        };
        Ok(Probe {
            failure_threshold: wire.failure_threshold,
            interval: wire.interval,
            timeout: wire.timeout,
            check,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Container {
    pub id: String,
    pub name: String,
    /// Required when decoding: it tells a container from other resources.
    pub namespace_id: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub description: String,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub error_message: Option<String>,
    #[serde(default)]
    pub created_at: Option<Timestamp>,
    #[serde(default)]
    pub updated_at: Option<Timestamp>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub environment_variables: BTreeMap<String, String>,
    /// Values are argon2id hashes, never the secret itself.
    #[serde(default, deserialize_with = "null_as_default")]
    pub secret_environment_variables: BTreeMap<String, String>,
    #[serde(default, deserialize_with = "number_lenient")]
    pub min_scale: u32,
    #[serde(default, deserialize_with = "number_lenient")]
    pub max_scale: u32,
    #[serde(default, deserialize_with = "number_lenient")]
    pub memory_limit_bytes: u64,
    #[serde(default, deserialize_with = "number_lenient")]
    pub mvcpu_limit: u32,
    #[serde(default, deserialize_with = "number_lenient")]
    pub local_storage_limit_bytes: u64,
    #[serde(default)]
    pub timeout: Option<Duration>,
    #[serde(default)]
    pub privacy: Privacy,
    #[serde(default, deserialize_with = "null_as_default")]
    pub image: String,
    #[serde(default)]
    pub protocol: Protocol,
    #[serde(default, deserialize_with = "number_lenient")]
    pub port: u32,
    #[serde(default, deserialize_with = "null_as_default")]
    pub https_connections_only: bool,
    #[serde(default)]
    pub sandbox: Sandbox,
    #[serde(default, deserialize_with = "scaling_option_lenient")]
    pub scaling_option: Option<ScalingRule>,
    #[serde(default)]
    pub liveness_probe: Option<Probe>,
    #[serde(default)]
    pub startup_probe: Option<Probe>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub tags: Vec<String>,
    #[serde(default)]
    pub private_network_id: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub command: Vec<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub args: Vec<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub public_endpoint: String,
    #[serde(default)]
    pub region: Option<Region>,
}

/// The settings a container is created or updated with (all but the HTTPS
/// flag, whose wire name differs: see the request types). Every field is
/// optional: `None` is omitted (the API's default on create, unchanged on
/// update); `Some` of an empty list or map clears it on update.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ContainerSettings {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub environment_variables: Option<BTreeMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret_environment_variables: Option<BTreeMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_scale: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_scale: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory_limit_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mvcpu_limit: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub privacy: Option<Privacy>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<Protocol>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sandbox: Option<Sandbox>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_storage_limit_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scaling_option: Option<ScalingRule>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub liveness_probe: Option<Probe>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub startup_probe: Option<Probe>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// `Some("")` detaches the private network on update.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private_network_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub args: Option<Vec<String>>,
}

/// CreateContainer body: `https_connections_only` (plural).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CreateContainerRequest {
    pub namespace_id: String,
    pub name: String,
    #[serde(flatten)]
    pub settings: ContainerSettings,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub https_connections_only: Option<bool>,
}

/// UpdateContainer body: the API spells the flag `https_connection_only` here.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct UpdateContainerRequest {
    #[serde(flatten)]
    pub settings: ContainerSettings,
    #[serde(
        rename = "https_connection_only",
        skip_serializing_if = "Option::is_none"
    )]
    pub https_connection_only: Option<bool>,
}

impl UpdateContainerRequest {
    pub fn is_empty(&self) -> bool {
        self.settings == ContainerSettings::default() && self.https_connection_only.is_none()
    }
}

resource!(Container {
    kind: Container,
    list_key: "containers",
    plural: "containers",
    create: CreateContainerRequest,
    update: UpdateContainerRequest,
    order: NameOrder,
    label: name,
    owner: namespace_id,
});

impl Client {
    /// Redeploys with the current settings; the body is an empty object.
    pub async fn redeploy_container(&self, id: &str) -> Result<Container, ApiError> {
        let path = format!("{}/{}/redeploy", Container::PATH, percent_encode(id));
        self.send_json(Method::Post, &path, &Empty {}).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn probes_flatten_to_one_member() {
        let tcp = Probe::default_liveness();
        assert_eq!(
            serde_json::to_value(&tcp).unwrap(),
            json!({"failure_threshold": 30, "interval": "10s", "timeout": "1s", "tcp": {}})
        );
        let http = Probe {
            failure_threshold: 3,
            interval: None,
            timeout: Some(Duration::from_millis(2500)),
            check: ProbeCheck::Http {
                path: "/health".into(),
            },
        };
        assert_eq!(
            serde_json::to_value(&http).unwrap(),
            json!({"failure_threshold": 3, "timeout": "2.5s", "http": {"path": "/health"}})
        );
    }

    #[test]
    fn probes_decode_null_members_and_long_durations() {
        let p: Probe = serde_json::from_value(json!({
            "failure_threshold": 30, "interval": "10.000000000s", "timeout": "1s",
            "tcp": {}, "http": null
        }))
        .unwrap();
        assert_eq!(p, Probe::default_liveness());
        let p: Probe = serde_json::from_value(
            json!({"failure_threshold": 5, "tcp": null, "http": {"path": "/hz"}}),
        )
        .unwrap();
        assert_eq!(p.check, ProbeCheck::Http { path: "/hz".into() });
    }

    #[test]
    fn scaling_rule_is_one_member_and_decodes_leniently() {
        assert_eq!(
            serde_json::to_value(ScalingRule::CpuPercent(70)).unwrap(),
            json!({"cpu_usage_threshold": 70})
        );
        #[derive(Deserialize)]
        struct T {
            #[serde(default, deserialize_with = "scaling_option_lenient")]
            s: Option<ScalingRule>,
        }
        let cases = [
            (
                json!({"s": {"concurrent_requests_threshold": 50}}),
                Some(ScalingRule::ConcurrentRequests(50)),
            ),
            (
                json!({"s": {"concurrent_requests_threshold": null, "memory_usage_threshold": 80}}),
                Some(ScalingRule::MemoryPercent(80)),
            ),
            (json!({"s": null}), None),
            (json!({"s": {}}), None),
            (json!({}), None),
        ];
        for (value, expected) in cases {
            let t: T = serde_json::from_value(value.clone()).unwrap();
            assert_eq!(t.s, expected, "{value}");
        }
    }

    #[test]
    fn create_and_update_spell_https_flag_differently() {
        let create = CreateContainerRequest {
            namespace_id: "ns".into(),
            name: "web".into(),
            https_connections_only: Some(true),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_value(&create).unwrap(),
            json!({"namespace_id": "ns", "name": "web", "https_connections_only": true})
        );
        let update = UpdateContainerRequest {
            https_connection_only: Some(true),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_value(&update).unwrap(),
            json!({"https_connection_only": true})
        );
    }

    #[test]
    fn update_is_minimal_and_empty_values_clear() {
        let update = UpdateContainerRequest {
            settings: ContainerSettings {
                memory_limit_bytes: Some(1_024_000_000),
                command: Some(vec![]),
                tags: Some(vec![]),
                private_network_id: Some(String::new()),
                ..Default::default()
            },
            https_connection_only: None,
        };
        assert_eq!(
            serde_json::to_value(&update).unwrap(),
            json!({"memory_limit_bytes": 1024000000u64, "command": [], "tags": [], "private_network_id": ""})
        );
        assert!(UpdateContainerRequest::default().is_empty());
        assert!(!update.is_empty());
    }

    #[test]
    fn full_create_request_uses_wire_names() {
        let create = CreateContainerRequest {
            namespace_id: "ns".into(),
            name: "api".into(),
            https_connections_only: None,
            settings: ContainerSettings {
                image: Some("nginx:1".into()),
                port: Some(8080),
                privacy: Some(Privacy::Private),
                protocol: Some(Protocol::H2c),
                sandbox: Some(Sandbox::V2),
                timeout: Some(Duration::from_secs(60)),
                scaling_option: Some(ScalingRule::ConcurrentRequests(10)),
                startup_probe: Some(Probe {
                    failure_threshold: 10,
                    interval: Some(Duration::from_secs(2)),
                    timeout: Some(Duration::from_secs(1)),
                    check: ProbeCheck::Http {
                        path: "/ready".into(),
                    },
                }),
                ..Default::default()
            },
        };
        assert_eq!(
            serde_json::to_value(&create).unwrap(),
            json!({
                "namespace_id": "ns", "name": "api", "image": "nginx:1", "port": 8080,
                "privacy": "private", "protocol": "h2c", "sandbox": "v2", "timeout": "60s",
                "scaling_option": {"concurrent_requests_threshold": 10},
                "startup_probe": {"failure_threshold": 10, "interval": "2s", "timeout": "1s", "http": {"path": "/ready"}}
            })
        );
    }

    #[test]
    fn decodes_a_container_with_unknown_values() {
        let c: Container = serde_json::from_value(json!({
            "id": "c", "name": "web", "namespace_id": "n", "status": "hibernating",
            "privacy": "internal", "memory_limit_bytes": "2048000000", "timeout": "300.000000000s",
            "startup_probe": null, "scaling_option": {"cpu_usage_threshold": 60},
            "command": null, "new_field": {"x": 1}
        }))
        .unwrap();
        assert_eq!(c.status, Status::Unknown("hibernating".into()));
        assert_eq!(c.privacy, Privacy::Unknown("internal".into()));
        assert_eq!(c.memory_limit_bytes, 2_048_000_000);
        assert_eq!(c.timeout, Some(Duration::from_secs(300)));
        assert_eq!(c.scaling_option, Some(ScalingRule::CpuPercent(60)));
        assert_eq!(c.protocol, Protocol::UnknownProtocol);
        assert!(c.startup_probe.is_none() && c.command.is_empty());
    }
}
