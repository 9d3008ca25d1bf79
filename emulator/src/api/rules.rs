//! The rules every resource shares: regions, request bodies, new records,
//! refusing changes while transient, settled parents, updates that settle at
//! once, and cascading deletes.

use crate::error::ApiErr;
use crate::store::{Kind, Phase, Record, Store};
use axum::body::Bytes;
use serde_json::{Map, Value};

pub const REGIONS: [&str; 3] = ["fr-par", "nl-ams", "pl-waw"];

pub(super) fn region_ok(region: &str) -> Result<(), ApiErr> {
    if REGIONS.contains(&region) {
        Ok(())
    } else {
        Err(ApiErr::invalid_one(
            "region",
            "constraint",
            &format!(
                "unknown region {region:?}: use one of {}",
                REGIONS.join(", ")
            ),
        ))
    }
}

pub(super) fn object(body: &Bytes) -> Result<Map<String, Value>, ApiErr> {
    if body.is_empty() {
        return Ok(Map::new());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(Value::Null) => Ok(Map::new()),
        _ => Err(ApiErr::invalid_one(
            "body",
            "format",
            "the body must be a JSON object",
        )),
    }
}

pub(super) fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

pub(super) fn new_record(kind: Kind, region: &str, body: Map<String, Value>, now: u64) -> Record {
    Record {
        kind,
        region: region.to_string(),
        body,
        phase: Phase::Creating,
        created_ms: now,
        since_ms: now,
        updated_ms: now,
        failure: None,
        error_message: None,
        write_only: Map::new(),
    }
}

/// Stores a new resource and answers with it.
pub(super) fn insert(store: &mut Store, record: Record) -> Value {
    let out = record.render();
    store.records.insert(record.id().to_string(), record);
    out
}

pub(super) fn refuse_if_transient(r: &Record) -> Result<(), ApiErr> {
    if r.phase.is_transient() {
        Err(ApiErr::transient(r.kind.name(), r.id(), r.phase.as_str()))
    } else {
        Ok(())
    }
}

pub(super) fn found<'a>(
    store: &'a Store,
    kind: Kind,
    region: &str,
    id: &str,
) -> Result<&'a Record, ApiErr> {
    store
        .get(kind, region, id)
        .ok_or_else(|| ApiErr::not_found(kind.name(), id))
}

/// The parent a new resource is created in must exist and be settled.
pub(super) fn ready_parent(
    store: &Store,
    kind: Kind,
    region: &str,
    id: &str,
) -> Result<(), ApiErr> {
    let parent = found(store, kind, region, id)?;
    refuse_if_transient(parent)
}

/// Description-or-tags-only changes are `ready` at once; others go through `updating`.
pub(super) fn finish_update(r: &mut Record, settles_at_once: bool, now: u64) {
    if settles_at_once {
        r.updated_ms = now;
    } else {
        r.begin(Phase::Updating, now);
    }
}

pub fn delete(
    store: &mut Store,
    kind: Kind,
    region: &str,
    id: &str,
    now: u64,
) -> Result<Value, ApiErr> {
    let r = found(store, kind, region, id)?;
    if r.phase == Phase::Deleting {
        return Ok(r.render());
    }
    refuse_if_transient(r)?;
    // Deletes cascade: a namespace takes its containers, a container its domains and triggers.
    for child in store.descendants(id) {
        if let Some(c) = store.records.get_mut(&child) {
            c.begin(Phase::Deleting, now);
        }
    }
    let r = store.get_mut(kind, region, id).expect("checked above");
    r.begin(Phase::Deleting, now);
    Ok(r.render())
}

pub(super) fn as_map(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}
