//! The container form: every field of CreateContainer / UpdateContainer, in
//! human units (MB, vCPU thousandths, seconds), with the scaling rule and the
//! probes as explicit choices so no ambiguous request can be built.

use super::env::{
    env_map, env_rows, existing_secrets, secret_map, secret_update, validate_env, validate_secrets,
    EnvRow, SecretRow,
};
use super::field::Lens;
use super::{changed, check_length, parse_lines, parse_tags, FieldErrors};
use crate::api::containers::{
    Container, ContainerSettings, CreateContainerRequest, Privacy, Probe, ProbeCheck, Protocol,
    Sandbox, ScalingRule, UpdateContainerRequest,
};
use crate::api::Duration;
use crate::format::mb_text;
use crate::lens;

/// Ports the platform keeps for itself.
pub const RESERVED_PORTS: [u32; 6] = [8008, 8012, 8013, 8022, 9090, 9091];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScalingKind {
    ConcurrentRequests,
    CpuPercent,
    MemoryPercent,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProbeKind {
    Tcp,
    Http,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ProbeForm {
    pub kind: ProbeKind,
    pub path: String,
    pub failure_threshold: String,
    pub interval_s: String,
    pub timeout_s: String,
}

impl ProbeForm {
    fn from_probe(p: &Probe) -> Self {
        let (kind, path) = match &p.check {
            ProbeCheck::Tcp => (ProbeKind::Tcp, String::new()),
            ProbeCheck::Http { path } => (ProbeKind::Http, path.clone()),
        };
        ProbeForm {
            kind,
            path,
            failure_threshold: p.failure_threshold.to_string(),
            interval_s: p.interval.map(secs_text).unwrap_or_default(),
            timeout_s: p.timeout.map(secs_text).unwrap_or_default(),
        }
    }

    fn validate(&self, fields: &ProbeFields, errors: &mut FieldErrors) {
        match self.failure_threshold.trim().parse::<u32>() {
            Ok(n) if (3..=50).contains(&n) => {}
            _ => {
                errors.insert(
                    fields.threshold.key.into(),
                    "A whole number from 3 to 50.".into(),
                );
            }
        }
        for (field, text) in [
            (fields.interval, &self.interval_s),
            (fields.timeout, &self.timeout_s),
        ] {
            if !text.trim().is_empty() && seconds(text).is_none() {
                errors.insert(field.key.into(), "Seconds, e.g. 10 or 2.5.".into());
            }
        }
        if self.kind == ProbeKind::Http {
            let path = self.path.trim();
            if path.is_empty() || path.len() > 100 || !path.starts_with('/') {
                errors.insert(
                    fields.path.key.into(),
                    "A path of 1 to 100 characters starting with /.".into(),
                );
            }
        }
    }

    /// Only called on a validated form.
    fn to_probe(&self) -> Probe {
        Probe {
            failure_threshold: self.failure_threshold.trim().parse().unwrap_or(30),
            interval: seconds(&self.interval_s),
            timeout: seconds(&self.timeout_s),
            check: match self.kind {
                ProbeKind::Tcp => ProbeCheck::Tcp,
                ProbeKind::Http => ProbeCheck::Http {
                    path: self.path.trim().to_string(),
                },
            },
        }
    }
}

impl Default for ProbeForm {
    /// The API's default liveness probe: TCP, 30 failures, every 10 s, 1 s timeout.
    fn default() -> Self {
        ProbeForm::from_probe(&Probe::default_liveness())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ContainerForm {
    pub namespace_id: String,
    pub name: String,
    pub description: String,
    pub image: String,
    pub port: String,
    pub protocol: Protocol,
    pub privacy: Privacy,
    pub sandbox: Sandbox,
    pub https_only: bool,
    pub min_scale: String,
    pub max_scale: String,
    /// Megabytes (10^6 bytes), as the limits are written.
    pub memory_mb: String,
    /// Thousandths of a vCPU.
    pub mvcpu: String,
    pub storage_mb: String,
    pub timeout_s: String,
    pub scaling_kind: ScalingKind,
    pub scaling_value: String,
    pub liveness: ProbeForm,
    pub startup_enabled: bool,
    /// The container already has a startup probe: UpdateContainer can change
    /// it but has no way to remove it, so the form keeps it enabled.
    pub startup_locked: bool,
    pub startup: ProbeForm,
    pub env: Vec<EnvRow>,
    pub secrets: Vec<SecretRow>,
    pub tags: String,
    pub private_network_id: String,
    /// One item per line.
    pub command: String,
    pub args: String,
}

impl Default for ContainerForm {
    /// The API's defaults (DESIGN.md §1), so what the form shows is what a
    /// container gets when nothing is changed.
    fn default() -> Self {
        ContainerForm {
            namespace_id: String::new(),
            name: String::new(),
            description: String::new(),
            image: String::new(),
            port: "8080".into(),
            protocol: Protocol::Http1,
            privacy: Privacy::Public,
            sandbox: Sandbox::V2,
            https_only: false,
            min_scale: "0".into(),
            max_scale: "5".into(),
            memory_mb: "2048".into(),
            mvcpu: "1000".into(),
            storage_mb: "1000".into(),
            timeout_s: "300".into(),
            scaling_kind: ScalingKind::ConcurrentRequests,
            scaling_value: "50".into(),
            liveness: ProbeForm::default(),
            startup_enabled: false,
            startup_locked: false,
            startup: ProbeForm {
                failure_threshold: "10".into(),
                ..ProbeForm::default()
            },
            env: Vec::new(),
            secrets: Vec::new(),
            tags: String::new(),
            private_network_id: String::new(),
            command: String::new(),
            args: String::new(),
        }
    }
}

/// Seconds as typed (`10`, `2.5`) to a duration.
pub fn seconds(text: &str) -> Option<Duration> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    Duration::parse(&format!("{t}s"))
}

fn secs_text(d: Duration) -> String {
    let s = d.to_string();
    s.trim_end_matches('s').to_string()
}

/// Megabytes as typed to bytes; `None` unless a non-negative number.
pub fn mb_bytes(text: &str) -> Option<u64> {
    let t = text.trim();
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    if whole.is_empty()
        || frac.len() > 6
        || !whole
            .bytes()
            .chain(frac.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let frac_bytes: u64 = format!("{frac:0<6}").parse().ok()?;
    whole
        .parse::<u64>()
        .ok()?
        .checked_mul(1_000_000)?
        .checked_add(frac_bytes)
}

/// `^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`, 2–34 characters.
pub fn container_name_problem(name: &str) -> Option<&'static str> {
    let b = name.as_bytes();
    let ok = |c: &u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    if name.is_empty() {
        Some("Give the container a name.")
    } else if !(2..=34).contains(&name.chars().count()) {
        Some("2 to 34 characters.")
    } else if !b.iter().all(|c| ok(c) || *c == b'-') {
        Some("Use only lowercase letters, digits and dashes.")
    } else if !ok(&b[0]) || !ok(&b[b.len() - 1]) {
        Some("Start and end with a letter or a digit.")
    } else {
        None
    }
}

fn number_in(
    errors: &mut FieldErrors,
    field: &str,
    text: &str,
    min: u64,
    max: u64,
    unit: &str,
) -> Option<u64> {
    match text.trim().parse::<u64>() {
        Ok(n) if (min..=max).contains(&n) => Some(n),
        _ => {
            errors.insert(
                field.into(),
                format!("A whole number from {min} to {max}{unit}."),
            );
            None
        }
    }
}

/// The fields of one of the container's probes, with the keys of their messages.
pub struct ProbeFields {
    /// The whole probe (its check decides which fields show).
    pub probe: Lens<ContainerForm, ProbeForm>,
    pub kind: Lens<ContainerForm, ProbeKind>,
    pub path: Lens<ContainerForm, String>,
    pub threshold: Lens<ContainerForm, String>,
    pub interval: Lens<ContainerForm, String>,
    pub timeout: Lens<ContainerForm, String>,
}

/// Every field of the container form, declared once: validation files its
/// messages under these keys, and the form's view binds these fields.
impl ContainerForm {
    pub const NAMESPACE: Lens<Self, String> = lens!(namespace_id);
    pub const NAME: Lens<Self, String> = lens!(name);
    pub const IMAGE: Lens<Self, String> = lens!(image);
    pub const DESCRIPTION: Lens<Self, String> = lens!(description);
    pub const PORT: Lens<Self, String> = lens!(port);
    pub const PROTOCOL: Lens<Self, Protocol> = lens!(protocol => "");
    pub const PRIVACY: Lens<Self, Privacy> = lens!(privacy => "");
    pub const HTTPS_ONLY: Lens<Self, bool> = lens!(https_only => "");
    pub const PRIVATE_NETWORK: Lens<Self, String> = lens!(private_network_id);
    pub const MEMORY: Lens<Self, String> = lens!(memory_mb => "memory_limit_bytes");
    pub const CPU: Lens<Self, String> = lens!(mvcpu => "mvcpu_limit");
    pub const STORAGE: Lens<Self, String> = lens!(storage_mb => "local_storage_limit_bytes");
    pub const TIMEOUT: Lens<Self, String> = lens!(timeout_s => "timeout");
    pub const SANDBOX: Lens<Self, Sandbox> = lens!(sandbox => "");
    pub const MIN_SCALE: Lens<Self, String> = lens!(min_scale);
    pub const MAX_SCALE: Lens<Self, String> = lens!(max_scale);
    pub const SCALING_KIND: Lens<Self, ScalingKind> = lens!(scaling_kind => "");
    pub const SCALING_VALUE: Lens<Self, String> = lens!(scaling_value => "scaling_option");
    pub const STARTUP_ENABLED: Lens<Self, bool> = lens!(startup_enabled => "startup_probe");
    pub const ENV: Lens<Self, Vec<EnvRow>> = lens!(env => "environment_variables");
    pub const SECRETS: Lens<Self, Vec<SecretRow>> =
        lens!(secrets => "secret_environment_variables");
    pub const COMMAND: Lens<Self, String> = lens!(command);
    pub const ARGS: Lens<Self, String> = lens!(args);
    pub const TAGS: Lens<Self, String> = lens!(tags);
    pub const LIVENESS: ProbeFields = ProbeFields {
        probe: lens!(liveness => "liveness_probe"),
        kind: lens!(liveness.kind => ""),
        path: lens!(liveness.path => "liveness_probe.http.path"),
        threshold: lens!(liveness.failure_threshold => "liveness_probe.failure_threshold"),
        interval: lens!(liveness.interval_s => "liveness_probe.interval"),
        timeout: lens!(liveness.timeout_s => "liveness_probe.timeout"),
    };
    pub const STARTUP: ProbeFields = ProbeFields {
        probe: lens!(startup => "startup_probe"),
        kind: lens!(startup.kind => ""),
        path: lens!(startup.path => "startup_probe.http.path"),
        threshold: lens!(startup.failure_threshold => "startup_probe.failure_threshold"),
        interval: lens!(startup.interval_s => "startup_probe.interval"),
        timeout: lens!(startup.timeout_s => "startup_probe.timeout"),
    };
}

impl ContainerForm {
    pub fn new(namespace_id: &str) -> Self {
        ContainerForm {
            namespace_id: namespace_id.to_string(),
            ..Default::default()
        }
    }

    pub fn from_container(c: &Container) -> Self {
        let (scaling_kind, scaling_value) = match c.scaling_option.unwrap_or(ScalingRule::DEFAULT) {
            ScalingRule::ConcurrentRequests(n) => (ScalingKind::ConcurrentRequests, n),
            ScalingRule::CpuPercent(n) => (ScalingKind::CpuPercent, n),
            ScalingRule::MemoryPercent(n) => (ScalingKind::MemoryPercent, n),
        };
        let defaults = ContainerForm::default();
        ContainerForm {
            namespace_id: c.namespace_id.clone(),
            name: c.name.clone(),
            description: c.description.clone(),
            image: c.image.clone(),
            port: c.port.to_string(),
            protocol: c.protocol.clone(),
            privacy: c.privacy.clone(),
            sandbox: c.sandbox.clone(),
            https_only: c.https_connections_only,
            min_scale: c.min_scale.to_string(),
            max_scale: c.max_scale.to_string(),
            memory_mb: mb_text(c.memory_limit_bytes),
            mvcpu: c.mvcpu_limit.to_string(),
            storage_mb: mb_text(c.local_storage_limit_bytes),
            timeout_s: c.timeout.map(secs_text).unwrap_or_default(),
            scaling_kind,
            scaling_value: scaling_value.to_string(),
            liveness: c
                .liveness_probe
                .as_ref()
                .map(ProbeForm::from_probe)
                .unwrap_or_default(),
            startup_enabled: c.startup_probe.is_some(),
            startup_locked: c.startup_probe.is_some(),
            startup: c
                .startup_probe
                .as_ref()
                .map(ProbeForm::from_probe)
                .unwrap_or(defaults.startup),
            env: env_rows(&c.environment_variables),
            secrets: existing_secrets(c.secret_environment_variables.keys().cloned()),
            tags: c.tags.join(", "),
            private_network_id: c.private_network_id.clone().unwrap_or_default(),
            command: c.command.join("\n"),
            args: c.args.join("\n"),
        }
    }

    pub fn validate(&self, creating: bool) -> FieldErrors {
        let mut e = FieldErrors::new();
        if creating {
            if self.namespace_id.trim().is_empty() {
                e.insert(Self::NAMESPACE.key.into(), "Choose a namespace.".into());
            }
            if let Some(problem) = container_name_problem(&self.name) {
                e.insert(Self::NAME.key.into(), problem.into());
            }
        }
        if self.image.trim().is_empty() {
            e.insert(
                Self::IMAGE.key.into(),
                "Give an image reference, e.g. nginx:1.29-alpine.".into(),
            );
        }
        check_length(
            &mut e,
            Self::IMAGE.key,
            &self.image,
            255,
            "The image reference",
        );
        check_length(
            &mut e,
            Self::DESCRIPTION.key,
            &self.description,
            255,
            "The description",
        );
        if let Some(port) = number_in(&mut e, Self::PORT.key, &self.port, 1, 65_535, "") {
            if RESERVED_PORTS.contains(&(port as u32)) {
                e.insert(
                    Self::PORT.key.into(),
                    format!("Port {port} is reserved by the platform."),
                );
            }
        }
        let min = number_in(&mut e, Self::MIN_SCALE.key, &self.min_scale, 0, 10, "");
        let max = number_in(&mut e, Self::MAX_SCALE.key, &self.max_scale, 1, 50, "");
        if let (Some(min), Some(max)) = (min, max) {
            if min > max {
                e.insert(
                    Self::MIN_SCALE.key.into(),
                    "The minimum is above the maximum.".into(),
                );
            }
        }
        match mb_bytes(&self.memory_mb) {
            Some(b) if (128_000_000..=12_288_000_000).contains(&b) => {}
            _ => {
                e.insert(Self::MEMORY.key.into(), "From 128 to 12288 MB.".into());
            }
        }
        number_in(&mut e, Self::CPU.key, &self.mvcpu, 70, 6000, " mvCPU");
        match mb_bytes(&self.storage_mb) {
            Some(b) if (1_000_000_000..=24_456_000_000).contains(&b) => {}
            _ => {
                e.insert(Self::STORAGE.key.into(), "From 1000 to 24456 MB.".into());
            }
        }
        match seconds(&self.timeout_s) {
            Some(d) if d.millis > 0 && d.millis <= 900_000 => {}
            _ => {
                e.insert(Self::TIMEOUT.key.into(), "Seconds, at most 900.".into());
            }
        }
        let (max_threshold, unit) = match self.scaling_kind {
            ScalingKind::ConcurrentRequests => (80, " requests"),
            _ => (100, " %"),
        };
        number_in(
            &mut e,
            Self::SCALING_VALUE.key,
            &self.scaling_value,
            1,
            max_threshold,
            unit,
        );
        self.liveness.validate(&Self::LIVENESS, &mut e);
        if self.startup_enabled {
            self.startup.validate(&Self::STARTUP, &mut e);
        } else if self.startup_locked {
            e.insert(
                Self::STARTUP_ENABLED.key.into(),
                "The API cannot remove a startup probe once set; change it instead.".into(),
            );
        }
        validate_env(&self.env, Self::ENV.key, &mut e);
        validate_secrets(&self.secrets, Self::SECRETS.key, &mut e);
        e
    }

    fn scaling_rule(&self) -> ScalingRule {
        let n = self.scaling_value.trim().parse().unwrap_or(50);
        match self.scaling_kind {
            ScalingKind::ConcurrentRequests => ScalingRule::ConcurrentRequests(n),
            ScalingKind::CpuPercent => ScalingRule::CpuPercent(n),
            ScalingKind::MemoryPercent => ScalingRule::MemoryPercent(n),
        }
    }

    /// Every setting as the form holds it (only called on a validated form).
    fn settings(&self) -> ContainerSettings {
        let num = |t: &str| t.trim().parse().unwrap_or_default();
        ContainerSettings {
            environment_variables: Some(env_map(&self.env)),
            secret_environment_variables: None,
            min_scale: Some(num(&self.min_scale)),
            max_scale: Some(num(&self.max_scale)),
            memory_limit_bytes: mb_bytes(&self.memory_mb),
            mvcpu_limit: Some(num(&self.mvcpu)),
            timeout: seconds(&self.timeout_s),
            privacy: Some(self.privacy.clone()),
            description: Some(self.description.clone()),
            image: Some(self.image.trim().to_string()),
            protocol: Some(self.protocol.clone()),
            port: Some(num(&self.port)),
            sandbox: Some(self.sandbox.clone()),
            local_storage_limit_bytes: mb_bytes(&self.storage_mb),
            scaling_option: Some(self.scaling_rule()),
            liveness_probe: Some(self.liveness.to_probe()),
            startup_probe: self.startup_enabled.then(|| self.startup.to_probe()),
            tags: Some(parse_tags(&self.tags)),
            private_network_id: Some(self.private_network_id.trim().to_string()),
            command: Some(parse_lines(&self.command)),
            args: Some(parse_lines(&self.args)),
        }
    }

    pub fn to_create(&self) -> CreateContainerRequest {
        let mut settings = self.settings();
        settings.secret_environment_variables =
            Some(secret_map(&self.secrets)).filter(|m| !m.is_empty());
        // Empty optional values are left to the API's defaults.
        let empty = |v: &Option<Vec<String>>| v.as_ref().is_some_and(Vec::is_empty);
        for list in [
            &mut settings.tags,
            &mut settings.command,
            &mut settings.args,
        ] {
            if empty(list) {
                *list = None;
            }
        }
        if settings
            .environment_variables
            .as_ref()
            .is_some_and(|m| m.is_empty())
        {
            settings.environment_variables = None;
        }
        if settings.private_network_id.as_deref() == Some("") {
            settings.private_network_id = None;
        }
        if settings.description.as_deref() == Some("") {
            settings.description = None;
        }
        CreateContainerRequest {
            namespace_id: self.namespace_id.clone(),
            name: self.name.clone(),
            settings,
            https_connections_only: Some(self.https_only),
        }
    }

    /// Only what changed since `original` was loaded; an emptied list or map
    /// is sent empty (it clears), `private_network_id: ""` detaches.
    pub fn to_update(&self, original: &Container) -> UpdateContainerRequest {
        let s = self.settings();
        let o = original;
        let settings = ContainerSettings {
            environment_variables: changed(
                &Some(o.environment_variables.clone()),
                s.environment_variables,
            )
            .flatten(),
            secret_environment_variables: secret_update(&self.secrets),
            min_scale: changed(&Some(o.min_scale), s.min_scale).flatten(),
            max_scale: changed(&Some(o.max_scale), s.max_scale).flatten(),
            memory_limit_bytes: changed(&Some(o.memory_limit_bytes), s.memory_limit_bytes)
                .flatten(),
            mvcpu_limit: changed(&Some(o.mvcpu_limit), s.mvcpu_limit).flatten(),
            timeout: changed(&o.timeout, s.timeout).flatten(),
            privacy: changed(&Some(o.privacy.clone()), s.privacy).flatten(),
            description: changed(&Some(o.description.clone()), s.description).flatten(),
            image: changed(&Some(o.image.clone()), s.image).flatten(),
            protocol: changed(&Some(o.protocol.clone()), s.protocol).flatten(),
            port: changed(&Some(o.port), s.port).flatten(),
            sandbox: changed(&Some(o.sandbox.clone()), s.sandbox).flatten(),
            local_storage_limit_bytes: changed(
                &Some(o.local_storage_limit_bytes),
                s.local_storage_limit_bytes,
            )
            .flatten(),
            scaling_option: changed(&o.scaling_option, s.scaling_option).flatten(),
            liveness_probe: changed(&o.liveness_probe, s.liveness_probe).flatten(),
            // A startup probe can be added or changed; the API has no way to remove one.
            startup_probe: changed(&o.startup_probe, s.startup_probe).flatten(),
            tags: changed(&Some(o.tags.clone()), s.tags).flatten(),
            private_network_id: changed(
                &Some(o.private_network_id.clone().unwrap_or_default()),
                s.private_network_id,
            )
            .flatten(),
            command: changed(&Some(o.command.clone()), s.command).flatten(),
            args: changed(&Some(o.args.clone()), s.args).flatten(),
        };
        UpdateContainerRequest {
            settings,
            https_connection_only: changed(&o.https_connections_only, self.https_only),
        }
    }
}

impl super::ResourceForm for ContainerForm {
    type Item = Container;
    fn from_item(item: &Container) -> Self {
        Self::from_container(item)
    }
    fn validate(&self, creating: bool) -> FieldErrors {
        Self::validate(self, creating)
    }
    fn to_create(&self) -> <Container as crate::api::Resource>::Create {
        Self::to_create(self)
    }
    fn to_update(&self, original: &Container) -> Option<UpdateContainerRequest> {
        Some(Self::to_update(self, original)).filter(|u| !u.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn loaded() -> Container {
        serde_json::from_value(json!({
            "id": "c", "name": "api", "namespace_id": "n", "status": "ready", "image": "nginx:1",
            "port": 80, "min_scale": 0, "max_scale": 5, "memory_limit_bytes": 2048000000u64,
            "mvcpu_limit": 1000, "local_storage_limit_bytes": 1000000000u64, "timeout": "300s",
            "privacy": "public", "protocol": "http1", "sandbox": "v2", "https_connections_only": false,
            "scaling_option": {"concurrent_requests_threshold": 50},
            "liveness_probe": {"failure_threshold": 30, "interval": "10s", "timeout": "1s", "tcp": {}},
            "startup_probe": null, "secret_environment_variables": {"A": "$argon2id$a", "B": "$argon2id$b"},
            "environment_variables": {"MODE": "prod"}, "tags": ["x"], "command": [], "args": []
        }))
        .unwrap()
    }

    #[test]
    fn defaults_are_the_apis_and_valid() {
        let mut form = ContainerForm::new("n");
        form.name = "web".into();
        form.image = "nginx:1".into();
        assert!(form.validate(true).is_empty(), "{:?}", form.validate(true));
        let body = serde_json::to_value(form.to_create()).unwrap();
        assert_eq!(body["memory_limit_bytes"], 2_048_000_000u64);
        assert_eq!(body["timeout"], "300s");
        assert_eq!(
            body["scaling_option"],
            json!({"concurrent_requests_threshold": 50})
        );
        assert_eq!(
            body["liveness_probe"],
            json!({"failure_threshold": 30, "interval": "10s", "timeout": "1s", "tcp": {}})
        );
        assert_eq!(body["https_connections_only"], false);
        assert!(body.get("startup_probe").is_none() && body.get("tags").is_none());
    }

    #[test]
    fn untouched_edit_is_an_empty_patch() {
        let c = loaded();
        let form = ContainerForm::from_container(&c);
        let patch = form.to_update(&c);
        assert!(
            patch.is_empty(),
            "{}",
            serde_json::to_string(&patch).unwrap()
        );
    }

    #[test]
    fn edit_memory_and_one_secret_keeps_the_other() {
        let c = loaded();
        let mut form = ContainerForm::from_container(&c);
        form.memory_mb = "1024".into();
        form.secrets
            .iter_mut()
            .find(|s| s.key == "B")
            .unwrap()
            .value = "new".into();
        form.https_only = true;
        form.command = "bash\n-c\necho hi".into();
        assert_eq!(
            serde_json::to_value(form.to_update(&c)).unwrap(),
            json!({"memory_limit_bytes": 1024000000u64, "secret_environment_variables": {"A": "", "B": "new"},
                   "command": ["bash", "-c", "echo hi"], "https_connection_only": true})
        );
    }

    #[test]
    fn oneof_switching_builds_one_member() {
        let c = loaded();
        let mut form = ContainerForm::from_container(&c);
        form.scaling_kind = ScalingKind::CpuPercent;
        form.scaling_value = "70".into();
        form.startup_enabled = true;
        form.startup.kind = ProbeKind::Http;
        form.startup.path = "/ready".into();
        let patch = serde_json::to_value(form.to_update(&c)).unwrap();
        assert_eq!(patch["scaling_option"], json!({"cpu_usage_threshold": 70}));
        assert_eq!(patch["startup_probe"]["http"], json!({"path": "/ready"}));
        assert!(patch["startup_probe"].get("tcp").is_none());
        form.startup.path = "ready".into();
        assert!(form.validate(false).contains_key("startup_probe.http.path"));
        form.scaling_value = "101".into();
        assert!(form.validate(false).contains_key("scaling_option"));
    }

    #[test]
    fn an_existing_startup_probe_cannot_be_dropped_silently() {
        let mut c = loaded();
        c.startup_probe = Some(Probe::default_liveness());
        let mut form = ContainerForm::from_container(&c);
        assert!(form.validate(false).is_empty());
        form.startup_enabled = false;
        assert!(form.validate(false).contains_key("startup_probe"));
    }

    #[test]
    fn limits_are_checked_on_their_fields() {
        let mut form = ContainerForm::new("");
        form.name = "Web_1".into();
        form.port = "9090".into();
        form.min_scale = "6".into();
        form.max_scale = "3".into();
        form.memory_mb = "100".into();
        form.mvcpu = "7000".into();
        form.storage_mb = "abc".into();
        form.timeout_s = "901".into();
        form.liveness.failure_threshold = "2".into();
        let e = form.validate(true);
        for field in [
            "namespace_id",
            "name",
            "image",
            "port",
            "min_scale",
            "memory_limit_bytes",
            "mvcpu_limit",
            "local_storage_limit_bytes",
            "timeout",
            "liveness_probe.failure_threshold",
        ] {
            assert!(e.contains_key(field), "{field}: {e:?}");
        }
    }

    #[test]
    fn megabytes_round_trip_exactly() {
        assert_eq!(mb_text(2_048_000_000), "2048");
        assert_eq!(mb_bytes("1500.5"), Some(1_500_500_000));
        assert_eq!(mb_bytes("12x"), None);
        assert_eq!(seconds("2.5"), Some(Duration::from_millis(2500)));
        assert_eq!(secs_text(Duration::from_millis(2500)), "2.5");
    }
}
