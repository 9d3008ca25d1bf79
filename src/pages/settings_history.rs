//! Settings' account of the history: what is kept, where, how big it is;
//! Export, Import and Clear.

use crate::components::field::read_file_into;
use crate::history::store;
use crate::history::version::{sanitize, Record};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Downloads `text` as a file named `name`.
fn download(name: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "no blob")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "no object URL")?;
    let link: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(|_| "no link")?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The section, a chunk of its own with the split build (Settings' frame
/// shows without waiting for it).
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn history_settings() -> AnyView {
    view! { <HistorySettings/> }.into_any()
}

#[component]
fn HistorySettings() -> impl IntoView {
    let refresh = RwSignal::new(0u32);
    let stats = LocalResource::new(move || {
        refresh.track();
        async move { store::all().await }
    });
    let said = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);
    let summary = move || {
        stats.get().map(|read| match read {
            Ok((records, size)) => {
                let versions: usize = records.iter().map(|r| r.versions.len()).sum();
                let deleted = records.iter().filter(|r| r.deleted_at.is_some()).count();
                format!(
                    "{} resources ({deleted} deleted), {versions} versions, {:.1} KB.",
                    records.len(),
                    size as f64 / 1000.0
                )
            }
            Err(e) => format!("The history cannot be read here: {e}."),
        })
    };
    let export = move |_| {
        leptos::task::spawn_local(async move {
            let result = match store::all().await {
                Ok((records, _)) => serde_json::to_string_pretty(&records)
                    .map_err(|e| e.to_string())
                    .and_then(|text| download("console-history.json", &text)),
                Err(e) => Err(e),
            };
            said.set(Some(match result {
                Ok(()) => "Exported to console-history.json.".into(),
                Err(e) => format!("Export failed: {e}."),
            }));
        });
    };
    let import = move |ev| {
        read_file_into(ev, move |text| {
            leptos::task::spawn_local(async move {
                let message = match serde_json::from_str::<Vec<Record>>(&text) {
                    Ok(mut records) => {
                        // An imported file is kept by the same rule: no secret value.
                        for record in &mut records {
                            for version in &mut record.versions {
                                sanitize(&mut version.body);
                            }
                        }
                        match store::put_all(&records).await {
                            Ok(()) => {
                                format!("Imported the history of {} resources.", records.len())
                            }
                            Err(e) => format!("Import failed: {e}."),
                        }
                    }
                    Err(e) => format!("That file is not a history exported by this console: {e}."),
                };
                said.set(Some(message));
                refresh.update(|n| *n += 1);
            });
        });
    };
    let clear = move |_| {
        confirming.set(false);
        leptos::task::spawn_local(async move {
            said.set(Some(match store::clear().await {
                Ok(()) => "The history is cleared.".into(),
                Err(e) => format!("Clearing failed: {e}."),
            }));
            refresh.update(|n| *n += 1);
        });
    };
    view! {
        <section class="settings-history" aria-labelledby="history-title">
            <h2 id="history-title">"History in this browser"</h2>
            <p>"Each distinct version of a resource that the console reads is kept in this browser's IndexedDB (database "
                <code>"console-history"</code>", this site only), the last 50 per resource, so that a page can show what changed and restore it, and a deleted resource can be recreated. "
                "Secret values and their hashes are never kept: secrets by name only. Nothing of it leaves this browser."</p>
            <p role="status" id="history-size">{summary}</p>
            <div class="actions">
                <button type="button" class="secondary" on:click=export>"Export"</button>
                <label class="button secondary" for="history-import">"Import"</label>
                <input type="file" id="history-import" class="visually-hidden" accept="application/json,.json" on:change=import/>
                {move || if confirming.get() {
                    view! {
                        <span>"Delete the whole history? "</span>
                        <button type="button" class="danger small" on:click=clear>"Clear it"</button>
                        <button type="button" class="secondary small" on:click=move |_| confirming.set(false)>"Keep it"</button>
                    }.into_any()
                } else {
                    view! { <button type="button" class="secondary" on:click=move |_| confirming.set(true)>"Clear"</button> }.into_any()
                }}
            </div>
            <p role="status">{move || said.get()}</p>
        </section>
    }
}
