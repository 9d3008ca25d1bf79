//! The history's place in this browser: IndexedDB database `console-history`,
//! store `records`, one record per resource (region, kind, ID), kept as JSON.
//! web-sys directly: the wrapper crates (`rexie`, `indexed_db_futures`) would
//! add code to the wasm for the four calls used here.

use super::version::{key, Record};
use crate::api::{Kind, Region};
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

const DB: &str = "console-history";
const STORE: &str = "records";

/// Waits for a request's answer.
async fn done(request: &IdbRequest) -> Result<JsValue, String> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let answered = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(
                &JsValue::NULL,
                &answered.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let on_error = Closure::once_into_js(move || {
            let _ = reject.call1(
                &JsValue::NULL,
                &JsValue::from_str("IndexedDB refused the request"),
            );
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| "IndexedDB failed".into()))
}

async fn open() -> Result<IdbDatabase, String> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or("this browser keeps no IndexedDB here")?;
    let request = factory
        .open_with_u32(DB, 1)
        .map_err(|_| "IndexedDB would not open")?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move || {
        if let Ok(db) = upgrading.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
            let _ = db.create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    done(&request)
        .await?
        .dyn_into::<IdbDatabase>()
        .map_err(|_| "not a database".into())
}

fn store(db: &IdbDatabase, mode: IdbTransactionMode) -> Result<web_sys::IdbObjectStore, String> {
    db.transaction_with_str_and_mode(STORE, mode)
        .and_then(|t| t.object_store(STORE))
        .map_err(|_| "IndexedDB refused a transaction".into())
}

/// The record of one resource, if any.
pub async fn get(kind: Kind, region: &Region, id: &str) -> Option<Record> {
    let db = open().await.ok()?;
    let request = store(&db, IdbTransactionMode::Readonly)
        .ok()?
        .get(&key(kind, region, id).into())
        .ok()?;
    let text = done(&request).await.ok()?.as_string()?;
    serde_json::from_str(&text).ok()
}

/// Every record, and the size they take (bytes of JSON).
pub async fn all() -> Result<(Vec<Record>, usize), String> {
    let db = open().await?;
    let request = store(&db, IdbTransactionMode::Readonly)?
        .get_all()
        .map_err(|_| "getAll refused")?;
    let values: js_sys::Array = done(&request).await?.unchecked_into();
    let texts: Vec<String> = values.iter().filter_map(|v| v.as_string()).collect();
    let size = texts.iter().map(String::len).sum();
    Ok((
        texts
            .iter()
            .filter_map(|t| serde_json::from_str(t).ok())
            .collect(),
        size,
    ))
}

/// Writes records (replacing those of the same resource).
pub async fn put_all(records: &[Record]) -> Result<(), String> {
    let db = open().await?;
    let store = store(&db, IdbTransactionMode::Readwrite)?;
    let mut last = None;
    for record in records {
        let text = serde_json::to_string(record).map_err(|e| e.to_string())?;
        last = Some(
            store
                .put_with_key(&text.into(), &record.key().into())
                .map_err(|_| "put refused")?,
        );
    }
    if let Some(request) = last {
        done(&request).await?;
    }
    Ok(())
}

pub async fn clear() -> Result<(), String> {
    let db = open().await?;
    let request = store(&db, IdbTransactionMode::Readwrite)?
        .clear()
        .map_err(|_| "clear refused")?;
    done(&request).await.map(|_| ())
}

/// One resource as read: what `keep_versions` stores.
pub struct Read {
    pub kind: Kind,
    pub region: Region,
    pub id: String,
    pub label: String,
    pub body: Value,
}

/// Keeps the versions among `reads` not kept yet (read at `read_at`).
pub async fn keep_versions(fresh: Vec<Read>, read_at: f64) {
    if fresh.is_empty() {
        return;
    }
    let Ok(db) = open().await else { return };
    let Ok(readonly) = store(&db, IdbTransactionMode::Readonly) else {
        return;
    };
    // Every get at once, in one transaction; their answers come in order.
    let requests: Vec<Option<IdbRequest>> = fresh
        .iter()
        .map(|r| readonly.get(&key(r.kind, &r.region, &r.id).into()).ok())
        .collect();
    let mut changed = Vec::new();
    for (read, request) in fresh.into_iter().zip(requests) {
        let stored = match request {
            Some(request) => done(&request).await.ok().and_then(|v| v.as_string()),
            None => None,
        };
        let mut record = stored
            .and_then(|text| serde_json::from_str::<Record>(&text).ok())
            .unwrap_or_else(|| {
                Record::new(
                    read.kind,
                    read.region.clone(),
                    read.id.clone(),
                    read.label.clone(),
                )
            });
        // Read again while not being deleted: it is back (a restored state file).
        let deleting = read.body.get("status").and_then(Value::as_str) == Some("deleting");
        let reappeared = !deleting && record.deleted_at.take().is_some();
        if record.add(read.body, &read.label, read_at) || reappeared {
            changed.push(record);
        }
    }
    let _ = put_all(&changed).await;
}

/// Notes that a resource is gone (deleted here or elsewhere): its history stays.
pub async fn mark_deleted(kind: Kind, region: Region, id: String) {
    if let Some(mut record) = get(kind, &region, &id).await {
        if record.deleted_at.is_none() {
            record.deleted_at = Some(js_sys::Date::now());
            let _ = put_all(&[record]).await;
        }
    }
}
