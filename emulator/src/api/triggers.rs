//! CreateTrigger and UpdateTrigger: the source oneof, write-only fields,
//! the destination.

use super::http::resource_router;
use super::rules::{
    as_map, finish_update, found, insert, new_id, new_record, ready_parent, refuse_if_transient,
};
use super::secrets::hash_secret;
use crate::error::ApiErr;
use crate::store::{rfc3339, Kind, Record, Store};
use crate::validate::{cron_ok, Check, NameRule};
use crate::Shared;
use axum::Router;
use serde_json::{json, Map, Value};

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

/// The trigger's routes.
pub(super) fn router() -> Router<Shared> {
    resource_router(Kind::Trigger, "triggers", create_trigger, update_trigger)
}
