//! The history of what the console reads, kept in this browser (IndexedDB):
//! each resource's distinct versions, what changed between them in words,
//! and a version made ready to restore.

pub mod diff;
pub mod restore;
pub mod store;
pub mod version;

use crate::api::{Region, Resource};

/// Keeps the versions of `items` (read in `region`) not kept yet, in the
/// background. Each is serialized here; the storing is a chunk of its own
/// with the split build.
pub fn remember<R: Resource>(region: &Region, items: &[R]) {
    let reads: Vec<store::Read> = items
        .iter()
        .filter_map(|item| {
            Some(store::Read {
                kind: R::KIND,
                region: region.clone(),
                id: item.id().to_string(),
                label: item.label().to_string(),
                body: serde_json::to_value(item).ok()?,
            })
        })
        .collect();
    if !reads.is_empty() {
        leptos::task::spawn_local(keep(reads, js_sys::Date::now()));
    }
}

/// Stores reads, in its chunk.
#[cfg_attr(feature = "split", leptos::lazy)]
async fn keep(reads: Vec<store::Read>, read_at: f64) {
    store::keep_versions(reads, read_at).await
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
