//! The history of what the console reads, kept in this browser (IndexedDB):
//! each resource's distinct versions, what changed between them in words,
//! and a version made ready to restore.

pub mod diff;
pub mod restore;
pub mod store;
pub mod version;

use crate::api::{Region, Resource};
use std::sync::Arc;

/// How many versions are serialized in one idle period.
const BATCH: usize = 100;

thread_local! {
    /// The row key (ID, status, update time) last handed over of each
    /// resource in this session: a poll that reads the same version again
    /// costs nothing, and the map holds one entry a resource.
    static HANDED: std::cell::RefCell<std::collections::HashMap<String, String>> = Default::default();
}

/// Whether `item` is a version not handed over yet (and notes that it now is).
fn newly_read<R: Resource>(region: &Region, item: &R) -> bool {
    let resource = format!("{region}|{}|{}", R::PATH, item.id());
    let row = item.row_key();
    HANDED.with(|h| h.borrow_mut().insert(resource, row.clone()).as_ref() != Some(&row))
}

/// Keeps the versions of `items` (read in `region`) not kept yet, when the
/// browser is idle, a batch at a time: never on the way to a page's rows.
/// The storing is a chunk of its own with the split build.
pub fn remember<R: Resource>(region: &Region, items: &[R]) {
    let fresh = items
        .iter()
        .filter(|item| newly_read(region, *item))
        .map(|item| Arc::new(item.clone()))
        .collect();
    keep_when_idle(region, fresh);
}

/// The same for rows a table shows: the history shares them instead of
/// copying each (a copy of 1,000 containers is 32,000 fields).
pub fn remember_shared<R: Resource>(region: &Region, items: &[Arc<R>]) {
    let fresh = items
        .iter()
        .filter(|item| newly_read(region, &***item))
        .cloned()
        .collect();
    keep_when_idle(region, fresh);
}

fn keep_when_idle<R: Resource>(region: &Region, fresh: Vec<Arc<R>>) {
    if fresh.is_empty() {
        return;
    }
    let read_at = js_sys::Date::now();
    let region = region.clone();
    crate::idle::when_idle(move || store_batches(region, fresh, read_at));
}

/// The same for the one resource a detail page shows, stored at once: one
/// serialization costs nothing, and its history is then never behind.
pub fn remember_now<R: Resource>(region: &Region, item: &R) {
    if newly_read(region, item) {
        store_batches(
            region.clone(),
            vec![Arc::new(item.clone())],
            js_sys::Date::now(),
        );
    }
}

/// Serializes and stores a batch, then the rest at the next idle period.
fn store_batches<R: Resource>(region: Region, mut items: Vec<Arc<R>>, read_at: f64) {
    let rest = items.split_off(items.len().min(BATCH));
    let reads: Vec<store::Read> = items
        .iter()
        .filter_map(|item| {
            Some(store::Read {
                kind: R::KIND,
                region: region.clone(),
                id: item.id().to_string(),
                label: item.label().to_string(),
                body: serde_json::to_value(&**item).ok()?,
            })
        })
        .collect();
    leptos::task::spawn_local(keep(reads, read_at));
    if !rest.is_empty() {
        crate::idle::when_idle(move || store_batches(region, rest, read_at));
    }
}

/// Stores reads, in its chunk.
#[cfg_attr(feature = "split", leptos::lazy)]
async fn keep(reads: Vec<store::Read>, read_at: f64) {
    store::keep_versions(reads, read_at).await
}

/// The history of one resource, read in the chunk of the storing.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn load(kind: crate::api::Kind, region: Region, id: String) -> Option<version::Record> {
    store::get(kind, &region, &id).await
}

/// Notes that a resource is gone, in the background.
pub fn mark_gone<R: Resource>(region: &Region, id: &str) {
    leptos::task::spawn_local(gone(R::KIND, region.clone(), id.to_string()));
}

/// Marks it deleted, in the chunk of `keep`'s kind.
#[cfg_attr(feature = "split", leptos::lazy)]
async fn gone(kind: crate::api::Kind, region: Region, id: String) {
    store::mark_deleted(kind, region, id).await
}
