//! A resource's history in this browser, on its page: the versions read,
//! newest first, what changed in each, "Restore this version" (the edit form
//! filled with it) and, once it is deleted, "Recreate" (the create form).

use crate::api::{Kind, Region, Timestamp};
use crate::components::disclosure::disclosure;
use crate::components::on_demand::on_demand;
use crate::history::diff::describe;
use crate::history::store;
use crate::history::version::Record;
use crate::routes;
use crate::time::local_time;
use leptos::prelude::*;

/// The query parameter of the edit form that names the version to restore.
pub const RESTORE: &str = "restore";
/// The query parameters of the create form that name a deleted resource to recreate.
pub const RECREATE: &str = "recreate";

/// A disclosure with the history; open at once for a deleted resource.
/// Its code is a chunk of its own, fetched when first opened.
#[component]
pub fn History(
    kind: Kind,
    region: Region,
    id: String,
    #[prop(optional)] gone: bool,
    /// The version on screen (its label and body), kept before the history
    /// is read: the list always includes what the page shows.
    #[prop(optional_no_strip)]
    current: Option<(String, serde_json::Value)>,
) -> impl IntoView {
    disclosure("history", "History in this browser", gone, move || {
        on_demand(history_view(
            kind,
            region.clone(),
            id.clone(),
            gone,
            current.clone(),
        ))
    })
}

/// The history, read from this browser's store, in its chunk.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn history_view(
    kind: Kind,
    region: Region,
    id: String,
    gone: bool,
    current: Option<(String, serde_json::Value)>,
) -> AnyView {
    view! { <Loaded kind region id gone current/> }.into_any()
}

#[component]
fn Loaded(
    kind: Kind,
    region: Region,
    id: String,
    gone: bool,
    current: Option<(String, serde_json::Value)>,
) -> impl IntoView {
    let record = LocalResource::new(move || {
        let (region, id, current) = (region.clone(), id.clone(), current.clone());
        async move {
            if let Some((label, body)) = current {
                let read = store::Read {
                    kind,
                    region: region.clone(),
                    id: id.clone(),
                    label,
                    body,
                };
                store::keep_versions(vec![read], js_sys::Date::now()).await;
            }
            store::get(kind, &region, &id).await
        }
    });
    move || {
        record.get().map(|found| match found {
            Some(record) => view! { <Versions record gone/> }.into_any(),
            None => view! { <p class="empty">"No version of it was kept in this browser."</p> }
                .into_any(),
        })
    }
}

fn when(updated_at: &str) -> String {
    local_time(&Some(Timestamp::parse(updated_at)))
}

#[component]
fn Versions(record: Record, gone: bool) -> impl IntoView {
    let Record {
        kind,
        region,
        id,
        versions,
        ..
    } = record;
    let count = versions.len();
    let items: Vec<_> = versions
        .iter()
        .enumerate()
        .rev()
        .map(|(n, version)| {
            let changes = match n {
                0 => vec!["The first version read in this browser.".to_string()],
                _ => {
                    let words = describe(&versions[n - 1].body, &version.body);
                    if words.is_empty() {
                        vec!["No change to its settings (its status changed).".to_string()]
                    } else {
                        words
                    }
                }
            };
            let is_current = n + 1 == count && !gone;
            let query = format!("{}={}", if gone { RECREATE } else { RESTORE }, crate::api::client::percent_encode(&version.updated_at));
            let action = if gone {
                let href = format!("{}/new?{query}&id={}", kind.path(), crate::api::client::percent_encode(&id));
                Some(view! { <a class="button secondary small" href=routes::in_region(&href, &region)>"Recreate from this version"</a> })
            } else if !is_current {
                let href = format!("{}?{query}", routes::edit_of(kind, &id));
                Some(view! { <a class="button secondary small" href=routes::in_region(&href, &region)>"Restore this version"</a> })
            } else {
                None
            };
            view! {
                <li>
                    <p class="version-head">
                        <strong>{when(&version.updated_at)}</strong>
                        {is_current.then_some(" (as it is now)")}
                    </p>
                    <ul class="changes">{changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                    {action}
                </li>
            }
        })
        .collect();
    view! {
        <p class="hint">{format!("{count} version(s) kept in this browser, newest first (at most 50).")}</p>
        <ol class="versions">{items}</ol>
    }
}
