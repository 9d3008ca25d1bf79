//! The trigger form: a container, a name, where events go (the
//! destination), and the `source_config` oneof (cron, SQS or NATS) as an
//! explicit choice. The inputs of every source are kept while the user
//! switches, but only the chosen source is ever built into a request.

use super::cron;
use super::env::{env_map, env_rows, EnvRow};
use super::field::Lens;
use super::net::url_problem;
use super::{changed, check_length, parse_tags, FieldErrors, ResourceForm};
use crate::api::triggers::{
    CreateTriggerRequest, CronConfig, Destination, HttpMethod, NatsConfig, SqsConfig, Trigger,
    TriggerSource, UpdateTriggerRequest,
};
use crate::lens;
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    Cron,
    Sqs,
    Nats,
}

pub const MAX_CRON_BODY: usize = 10_000;
pub const MAX_NATS_SERVERS: usize = 5;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CronForm {
    pub schedule: String,
    pub timezone: String,
    pub body: String,
    pub headers: Vec<EnvRow>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct SqsForm {
    pub region: String,
    pub endpoint: String,
    pub access_key_id: String,
    /// Write-only: empty on an existing trigger means "keep it".
    pub secret_access_key: String,
    pub queue_url: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct NatsForm {
    /// One URL per line.
    pub server_urls: String,
    pub subject: String,
    /// Write-only: empty on an existing trigger means "keep it".
    pub credentials: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TriggerForm {
    pub container_id: String,
    pub name: String,
    pub description: String,
    pub tags: String,
    pub source: SourceKind,
    /// An existing trigger: its source type cannot change (the API refuses),
    /// and its write-only secret is set (left empty, it is kept).
    pub existing: bool,
    /// A source type this console does not know: its settings are not edited.
    pub unknown_source: Option<String>,
    pub cron: CronForm,
    pub sqs: SqsForm,
    pub nats: NatsForm,
    pub http_path: String,
    pub http_method: HttpMethod,
}

/// Every field of the trigger form, declared once (see `ContainerForm`).
impl TriggerForm {
    pub const CONTAINER: Lens<Self, String> = lens!(container_id);
    pub const NAME: Lens<Self, String> = lens!(name);
    pub const DESCRIPTION: Lens<Self, String> = lens!(description);
    pub const TAGS: Lens<Self, String> = lens!(tags);
    pub const SOURCE: Lens<Self, SourceKind> = lens!(source => "");
    pub const HTTP_PATH: Lens<Self, String> = lens!(http_path => "destination_config.http_path");
    pub const HTTP_METHOD: Lens<Self, HttpMethod> =
        lens!(http_method => "destination_config.http_method");
    pub const CRON_SCHEDULE: Lens<Self, String> = lens!(cron.schedule => "cron_config.schedule");
    pub const CRON_TIMEZONE: Lens<Self, String> = lens!(cron.timezone => "cron_config.timezone");
    pub const CRON_BODY: Lens<Self, String> = lens!(cron.body => "cron_config.body");
    pub const CRON_HEADERS: Lens<Self, Vec<EnvRow>> = lens!(cron.headers => "cron_config.headers");
    pub const SQS_REGION: Lens<Self, String> = lens!(sqs.region => "sqs_config.region");
    pub const SQS_ENDPOINT: Lens<Self, String> = lens!(sqs.endpoint => "sqs_config.endpoint");
    pub const SQS_QUEUE_URL: Lens<Self, String> = lens!(sqs.queue_url => "sqs_config.queue_url");
    pub const SQS_ACCESS_KEY_ID: Lens<Self, String> =
        lens!(sqs.access_key_id => "sqs_config.access_key_id");
    pub const SQS_SECRET_ACCESS_KEY: Lens<Self, String> =
        lens!(sqs.secret_access_key => "sqs_config.secret_access_key");
    pub const NATS_SERVER_URLS: Lens<Self, String> =
        lens!(nats.server_urls => "nats_config.server_urls");
    pub const NATS_SUBJECT: Lens<Self, String> = lens!(nats.subject => "nats_config.subject");
    pub const NATS_CREDENTIALS: Lens<Self, String> =
        lens!(nats.credentials => "nats_config.credentials_file_content");
}

impl TriggerForm {
    /// A new trigger: a cron source in `timezone` (the user's own), SQS in
    /// `region`, and the API's default destination (`POST /`).
    pub fn new(container_id: &str, timezone: &str, region: &str) -> Self {
        let destination = Destination::default();
        TriggerForm {
            container_id: container_id.to_string(),
            name: String::new(),
            description: String::new(),
            tags: String::new(),
            source: SourceKind::Cron,
            existing: false,
            unknown_source: None,
            cron: CronForm {
                timezone: timezone.to_string(),
                ..Default::default()
            },
            sqs: SqsForm {
                region: region.to_string(),
                ..Default::default()
            },
            nats: NatsForm::default(),
            http_path: destination.http_path,
            http_method: destination.http_method,
        }
    }

    fn destination(&self) -> Destination {
        Destination {
            http_path: self.http_path.trim().to_string(),
            http_method: self.http_method.clone(),
        }
    }

    pub fn server_urls(&self) -> Vec<String> {
        self.nats
            .server_urls
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// The chosen source as the API takes it; a write-only secret is sent
    /// only when one was typed (omitted, the API keeps the one it has).
    fn source_config(&self) -> TriggerSource {
        let secret = |typed: &str| Some(typed.to_string()).filter(|s| !s.is_empty());
        match self.source {
            SourceKind::Cron => TriggerSource::Cron(CronConfig {
                schedule: self
                    .cron
                    .schedule
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                timezone: self.cron.timezone.trim().to_string(),
                body: self.cron.body.clone(),
                headers: env_map(&self.cron.headers),
            }),
            SourceKind::Sqs => TriggerSource::Sqs(SqsConfig {
                region: self.sqs.region.trim().to_string(),
                endpoint: self.sqs.endpoint.trim().to_string(),
                access_key_id: self.sqs.access_key_id.trim().to_string(),
                secret_access_key: secret(&self.sqs.secret_access_key),
                queue_url: self.sqs.queue_url.trim().to_string(),
            }),
            SourceKind::Nats => TriggerSource::Nats(NatsConfig {
                server_urls: self.server_urls(),
                subject: self.nats.subject.trim().to_string(),
                credentials_file_content: secret(&self.nats.credentials),
            }),
        }
    }

    fn validate_cron(&self, e: &mut FieldErrors) {
        if let Err(problem) = cron::parse(&self.cron.schedule) {
            e.insert(Self::CRON_SCHEDULE.key.into(), problem);
        }
        if let Some(problem) = timezone_problem(&self.cron.timezone) {
            e.insert(Self::CRON_TIMEZONE.key.into(), problem.into());
        }
        if let Some(problem) = body_problem(&self.cron.body) {
            e.insert(Self::CRON_BODY.key.into(), problem);
        }
        let mut seen = BTreeSet::new();
        for (i, row) in self.cron.headers.iter().enumerate() {
            let problem = header_problem(&row.key).map(str::to_string).or_else(|| {
                (!seen.insert(row.key.to_ascii_lowercase()))
                    .then(|| format!("{} is set twice.", row.key))
            });
            if let Some(problem) = problem {
                e.insert(format!("{}[{i}]", Self::CRON_HEADERS.key), problem);
            }
        }
    }

    fn validate_sqs(&self, e: &mut FieldErrors) {
        let sqs = &self.sqs;
        let web = ["https", "http"];
        if sqs.region.trim().is_empty() {
            e.insert(
                Self::SQS_REGION.key.into(),
                "Give the queue's region, e.g. fr-par.".into(),
            );
        }
        for (key, url, what) in [
            (Self::SQS_ENDPOINT.key, &sqs.endpoint, "the SQS endpoint"),
            (Self::SQS_QUEUE_URL.key, &sqs.queue_url, "the queue's URL"),
        ] {
            let url = url.trim();
            if url.is_empty() {
                e.insert(key.into(), format!("Give {what}."));
            } else if let Some(problem) = url_problem(url, &web) {
                e.insert(key.into(), problem);
            }
        }
        if sqs.access_key_id.trim().is_empty() {
            e.insert(
                Self::SQS_ACCESS_KEY_ID.key.into(),
                "Give the access key ID.".into(),
            );
        }
        if !self.existing && sqs.secret_access_key.is_empty() {
            e.insert(
                Self::SQS_SECRET_ACCESS_KEY.key.into(),
                "Give the secret access key.".into(),
            );
        }
    }

    fn validate_nats(&self, e: &mut FieldErrors) {
        let urls = self.server_urls();
        let nats = ["nats", "tls"];
        if urls.is_empty() {
            e.insert(
                Self::NATS_SERVER_URLS.key.into(),
                "Give at least one server URL, e.g. nats://nats.example.com:4222.".into(),
            );
        } else if urls.len() > MAX_NATS_SERVERS {
            e.insert(
                Self::NATS_SERVER_URLS.key.into(),
                format!(
                    "At most {MAX_NATS_SERVERS} server URLs; there are {}.",
                    urls.len()
                ),
            );
        } else if let Some((i, problem)) = urls
            .iter()
            .enumerate()
            .find_map(|(i, u)| url_problem(u, &nats).map(|p| (i, p)))
        {
            let problem = if urls.len() == 1 {
                problem
            } else {
                format!("URL {}: {problem}", i + 1)
            };
            e.insert(Self::NATS_SERVER_URLS.key.into(), problem);
        }
        let subject = self.nats.subject.trim();
        if subject.is_empty() {
            e.insert(
                Self::NATS_SUBJECT.key.into(),
                "Give the subject to subscribe to.".into(),
            );
        } else if subject.chars().count() > 100 {
            e.insert(
                Self::NATS_SUBJECT.key.into(),
                "A subject is at most 100 characters.".into(),
            );
        } else if self.nats.subject.trim().contains(char::is_whitespace) {
            e.insert(
                Self::NATS_SUBJECT.key.into(),
                "A subject has no spaces.".into(),
            );
        }
        if !self.existing && self.nats.credentials.trim().is_empty() {
            e.insert(
                Self::NATS_CREDENTIALS.key.into(),
                "Paste the credentials file, or choose it.".into(),
            );
        }
    }
}

/// `^[a-zA-Z0-9]([-_a-zA-Z0-9]*[a-zA-Z0-9])$`, up to 50 characters.
pub fn trigger_name_problem(name: &str) -> Option<&'static str> {
    let b = name.as_bytes();
    if name.is_empty() {
        Some("Give the trigger a name.")
    } else if name.chars().count() > 50 {
        Some("At most 50 characters.")
    } else if !b
        .iter()
        .all(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_')
    {
        Some("Use only letters, digits, dashes and underscores.")
    } else if b.len() < 2
        || !b[0].is_ascii_alphanumeric()
        || !b[b.len() - 1].is_ascii_alphanumeric()
    {
        Some("Start and end with a letter or a digit (at least 2 characters).")
    } else {
        None
    }
}

/// An IANA time zone name, as far as text shows it (the page offers only
/// the browser's own list).
pub fn timezone_problem(zone: &str) -> Option<&'static str> {
    let zone = zone.trim();
    if zone.is_empty() {
        Some("Choose the time zone the schedule is read in.")
    } else if zone.contains(char::is_whitespace) || zone.chars().count() > 100 {
        Some("Give a time zone name such as Europe/Paris.")
    } else {
        None
    }
}

/// A body is at most 10,000 characters; one that looks like JSON must be JSON.
pub fn body_problem(body: &str) -> Option<String> {
    let count = body.chars().count();
    if count > MAX_CRON_BODY {
        return Some(format!(
            "The body is at most {MAX_CRON_BODY} characters; this one has {count}."
        ));
    }
    let trimmed = body.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(body) {
            return Some(format!(
                "This looks like JSON but does not parse: {e}. Fix it, or send plain text."
            ));
        }
    }
    None
}

/// An HTTP header name: letters, digits and `!#$%&'*+-.^_`|~`.
pub fn header_problem(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        Some("The header name is empty.")
    } else if !name
        .bytes()
        .all(|c| c.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&c))
    {
        Some("A header name has letters, digits and dashes, no spaces or colons.")
    } else if name.len() > 256 {
        Some("The header name is too long.")
    } else {
        None
    }
}

impl ResourceForm for TriggerForm {
    type Item = Trigger;

    fn from_item(t: &Trigger) -> Self {
        let mut form = TriggerForm::new(&t.container_id, "", "");
        form.name = t.name.clone();
        form.description = t.description.clone();
        form.tags = t.tags.join(", ");
        form.existing = true;
        form.http_path = t.destination_config.http_path.clone();
        form.http_method = t.destination_config.http_method.clone();
        match &t.source {
            TriggerSource::Cron(c) => {
                form.source = SourceKind::Cron;
                form.cron = CronForm {
                    schedule: c.schedule.clone(),
                    timezone: c.timezone.clone(),
                    body: c.body.clone(),
                    headers: env_rows(&c.headers),
                };
            }
            TriggerSource::Sqs(c) => {
                form.source = SourceKind::Sqs;
                form.sqs = SqsForm {
                    region: c.region.clone(),
                    endpoint: c.endpoint.clone(),
                    access_key_id: c.access_key_id.clone(),
                    secret_access_key: String::new(),
                    queue_url: c.queue_url.clone(),
                };
            }
            TriggerSource::Nats(c) => {
                form.source = SourceKind::Nats;
                form.nats = NatsForm {
                    server_urls: c.server_urls.join("\n"),
                    subject: c.subject.clone(),
                    credentials: String::new(),
                };
            }
            TriggerSource::Unknown(kind) => form.unknown_source = Some(kind.clone()),
        }
        form
    }

    fn validate(&self, creating: bool) -> FieldErrors {
        let mut e = FieldErrors::new();
        if creating && self.container_id.trim().is_empty() {
            e.insert(Self::CONTAINER.key.into(), "Choose a container.".into());
        }
        if let Some(problem) = trigger_name_problem(&self.name) {
            e.insert(Self::NAME.key.into(), problem.into());
        }
        check_length(
            &mut e,
            Self::DESCRIPTION.key,
            &self.description,
            255,
            "The description",
        );
        let path = self.http_path.trim();
        if path.is_empty() || path.chars().count() > 255 || !path.starts_with('/') {
            e.insert(
                Self::HTTP_PATH.key.into(),
                "A path of 1 to 255 characters starting with /.".into(),
            );
        }
        if !HttpMethod::ALL[1..].contains(&self.http_method) {
            e.insert(Self::HTTP_METHOD.key.into(), "Choose a method.".into());
        }
        if self.unknown_source.is_none() {
            match self.source {
                SourceKind::Cron => self.validate_cron(&mut e),
                SourceKind::Sqs => self.validate_sqs(&mut e),
                SourceKind::Nats => self.validate_nats(&mut e),
            }
        }
        e
    }

    fn to_create(&self) -> CreateTriggerRequest {
        CreateTriggerRequest {
            container_id: self.container_id.clone(),
            name: self.name.clone(),
            description: Some(self.description.clone()).filter(|d| !d.is_empty()),
            tags: parse_tags(&self.tags),
            destination_config: Some(self.destination()),
            source: self.source_config(),
        }
    }

    fn to_update(&self, original: &Trigger) -> Option<UpdateTriggerRequest> {
        // The source keeps its type; it is sent (whole, but for an untyped
        // secret) only when something of it changed.
        let source = if self.unknown_source.is_some() {
            None
        } else {
            changed(&original.source, self.source_config())
        };
        let update = UpdateTriggerRequest {
            name: changed(&original.name, self.name.clone()),
            description: changed(&original.description, self.description.clone()),
            tags: changed(&original.tags, parse_tags(&self.tags)),
            destination_config: changed(&original.destination_config, self.destination()),
            source,
        };
        (!update.is_empty()).then_some(update)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn form(kind: SourceKind) -> TriggerForm {
        let mut f = TriggerForm::new("c", "Europe/Paris", "fr-par");
        f.name = "nightly".into();
        f.source = kind;
        f.cron.schedule = "0 3 * * *".into();
        f.sqs = SqsForm {
            region: "fr-par".into(),
            endpoint: "https://sqs.mnq.fr-par.scaleway.com".into(),
            access_key_id: "AK".into(),
            secret_access_key: "SK".into(),
            queue_url: "https://sqs.mnq.fr-par.scaleway.com/1/q".into(),
        };
        f.nats = NatsForm {
            server_urls: "nats://n1.example:4222\n\ntls://n2.example:4443\n".into(),
            subject: "orders.created".into(),
            credentials: "-----BEGIN NATS USER JWT-----".into(),
        };
        f
    }

    #[test]
    fn exactly_the_chosen_source_is_sent() {
        for (kind, member) in [
            (SourceKind::Cron, "cron_config"),
            (SourceKind::Sqs, "sqs_config"),
            (SourceKind::Nats, "nats_config"),
        ] {
            let f = form(kind);
            assert!(
                f.validate(true).is_empty(),
                "{kind:?}: {:?}",
                f.validate(true)
            );
            let body = serde_json::to_value(f.to_create()).unwrap();
            let sources: Vec<&str> = ["cron_config", "sqs_config", "nats_config"]
                .into_iter()
                .filter(|m| body.get(*m).is_some())
                .collect();
            assert_eq!(sources, [member], "{body}");
            assert_eq!(
                body["destination_config"],
                json!({"http_path": "/", "http_method": "post"}),
                "the API's default destination, shown and sent"
            );
        }
        let body = serde_json::to_value(form(SourceKind::Nats).to_create()).unwrap();
        assert_eq!(
            body["nats_config"]["server_urls"],
            json!(["nats://n1.example:4222", "tls://n2.example:4443"])
        );
        let body = serde_json::to_value(form(SourceKind::Cron).to_create()).unwrap();
        assert_eq!(
            body["cron_config"],
            json!({"schedule": "0 3 * * *", "timezone": "Europe/Paris", "body": "", "headers": {}})
        );
    }

    #[test]
    fn every_required_field_of_the_chosen_source_is_checked() {
        let mut f = TriggerForm::new("", "", "");
        f.name = "_bad".into();
        f.http_path = "events".into();
        let e = f.validate(true);
        for key in [
            "container_id",
            "name",
            "destination_config.http_path",
            "cron_config.schedule",
            "cron_config.timezone",
        ] {
            assert!(e.contains_key(key), "{key}: {e:?}");
        }
        assert!(!e
            .keys()
            .any(|k| k.starts_with("sqs") || k.starts_with("nats")));
        f.source = SourceKind::Sqs;
        let e = f.validate(true);
        for key in [
            "sqs_config.region",
            "sqs_config.endpoint",
            "sqs_config.access_key_id",
            "sqs_config.secret_access_key",
            "sqs_config.queue_url",
        ] {
            assert!(e.contains_key(key), "{key}: {e:?}");
        }
        assert!(!e.keys().any(|k| k.starts_with("cron")));
        f.source = SourceKind::Nats;
        f.nats.server_urls = "nats://a:1\nhttp://b\n".into();
        let e = f.validate(true);
        assert_eq!(
            e["nats_config.server_urls"],
            "URL 2: Start with nats:// or tls://."
        );
        assert!(e.contains_key("nats_config.subject"));
        assert!(e.contains_key("nats_config.credentials_file_content"));
        f.nats.server_urls = (1..=6).map(|i| format!("nats://n{i}:4222\n")).collect();
        assert!(f.validate(true)["nats_config.server_urls"].contains("At most 5"));
    }

    #[test]
    fn cron_body_and_headers() {
        let mut f = form(SourceKind::Cron);
        f.cron.body = "{\"a\": 1".into();
        f.cron.headers = vec![
            EnvRow {
                key: "Content-Type".into(),
                value: "application/json".into(),
            },
            EnvRow {
                key: "content-type".into(),
                value: "x".into(),
            },
            EnvRow {
                key: "Bad Header".into(),
                value: "x".into(),
            },
        ];
        f.cron.schedule = "61 * * * *".into();
        let e = f.validate(true);
        assert!(e["cron_config.body"].contains("looks like JSON"));
        assert!(e["cron_config.headers[1]"].contains("twice"));
        assert!(e["cron_config.headers[2]"].contains("no spaces"));
        assert!(e["cron_config.schedule"].contains("0 to 59"));
        assert_eq!(body_problem("plain text {"), None);
        assert_eq!(body_problem("[1, 2]"), None);
        assert!(body_problem(&"x".repeat(10_001)).is_some());
    }

    fn existing(source: serde_json::Value) -> Trigger {
        let mut t = json!({
            "id": "t", "name": "events", "container_id": "c", "status": "ready",
            "destination_config": {"http_path": "/hook", "http_method": "put"}
        });
        t.as_object_mut()
            .unwrap()
            .extend(source.as_object().unwrap().clone());
        serde_json::from_value(t).unwrap()
    }

    #[test]
    fn edits_keep_write_only_secrets_unless_typed() {
        let t = existing(json!({"source_type": "nats",
            "nats_config": {"server_urls": ["nats://n:4222"], "subject": "a"}}));
        let mut f = TriggerForm::from_item(&t);
        assert!(f.existing && f.source == SourceKind::Nats);
        assert!(f.validate(false).is_empty(), "blank credentials are kept");
        assert_eq!(f.to_update(&t), None, "untouched: nothing to save");
        f.nats.subject = "b".into();
        let patch = serde_json::to_value(f.to_update(&t).unwrap()).unwrap();
        assert_eq!(
            patch,
            json!({"nats_config": {"server_urls": ["nats://n:4222"], "subject": "b"}}),
            "the credentials are left out, so the API keeps them"
        );
        f.nats.credentials = "new creds".into();
        let patch = serde_json::to_value(f.to_update(&t).unwrap()).unwrap();
        assert_eq!(
            patch["nats_config"]["credentials_file_content"],
            "new creds"
        );

        let t = existing(json!({"source_type": "sqs", "sqs_config": {
            "region": "fr-par", "endpoint": "https://e", "access_key_id": "AK", "queue_url": "https://e/q"}}));
        let mut f = TriggerForm::from_item(&t);
        f.name = "renamed".into();
        let patch = serde_json::to_value(f.to_update(&t).unwrap()).unwrap();
        assert_eq!(patch, json!({"name": "renamed"}), "no source sent at all");
        f.sqs.secret_access_key = "rotated".into();
        let patch = serde_json::to_value(f.to_update(&t).unwrap()).unwrap();
        assert_eq!(patch["sqs_config"]["secret_access_key"], "rotated");
        assert_eq!(patch["sqs_config"]["access_key_id"], "AK");
    }

    #[test]
    fn an_edit_never_changes_the_source_type() {
        let t = existing(json!({"source_type": "cron",
            "cron_config": {"schedule": "0 0 * * *", "timezone": "UTC", "body": "", "headers": {}}}));
        let mut f = TriggerForm::from_item(&t);
        f.http_method = HttpMethod::Post;
        let patch = serde_json::to_value(f.to_update(&t).unwrap()).unwrap();
        assert_eq!(
            patch,
            json!({"destination_config": {"http_path": "/hook", "http_method": "post"}})
        );
        let unknown = existing(json!({"source_type": "kafka"}));
        let mut f = TriggerForm::from_item(&unknown);
        assert_eq!(f.unknown_source.as_deref(), Some("kafka"));
        f.description = "d".into();
        assert!(f.validate(false).is_empty());
        assert_eq!(
            serde_json::to_value(f.to_update(&unknown).unwrap()).unwrap(),
            json!({"description": "d"})
        );
    }

    #[test]
    fn names_follow_the_api_pattern() {
        assert_eq!(trigger_name_problem("test_container-trigger"), None);
        for bad in ["", "a", "_t", "t-", "a b", &"a".repeat(51)] {
            assert!(trigger_name_problem(bad).is_some(), "{bad:?}");
        }
    }
}
