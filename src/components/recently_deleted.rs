use crate::api::Kind;
use crate::components::on_demand::on_demand;
use crate::history::store;
use crate::routes;
use crate::state::session::use_session;
use leptos::prelude::*;

/// Under a list: the resources of its kind and region seen deleted, whose
/// history this browser keeps; each opens its page (its history, "Recreate").
/// Loaded when the browser is idle, never before the list's rows.
#[component]
pub fn RecentlyDeleted(kind: Kind) -> impl IntoView {
    let ready = RwSignal::new(false);
    crate::idle::when_idle(move || {
        ready.try_set(true);
    });
    move || ready.get().then(|| on_demand(recently_deleted(kind)))
}

/// The list, a chunk of its own with the split build.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn recently_deleted(kind: Kind) -> AnyView {
    view! { <DeletedList kind/> }.into_any()
}

#[component]
fn DeletedList(kind: Kind) -> impl IntoView {
    let session = use_session();
    let deleted = LocalResource::new(move || {
        let region = session.region.get();
        async move {
            let (all, _) = store::all().await.unwrap_or_default();
            let mut gone: Vec<_> = all
                .into_iter()
                .filter(|r| r.kind == kind && r.region == region && r.deleted_at.is_some())
                .collect();
            gone.sort_by(|a, b| {
                b.deleted_at
                    .partial_cmp(&a.deleted_at)
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
            gone
        }
    });
    move || {
        deleted.get().filter(|gone| !gone.is_empty()).map(|gone| {
            let count = gone.len();
            view! {
                <details class="recently-deleted">
                    <summary>{format!("Recently deleted ({count})")}</summary>
                    <ul class="plain">
                        {gone.into_iter().map(|record| {
                            let href = routes::in_region(&routes::detail_of(kind, &record.id), &record.region);
                            let when = record.deleted_at.map(|ms| String::from(
                                js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms)).to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED),
                            )).unwrap_or_default();
                            view! { <li><a href=href>{record.label}</a> <span class="hint">{format!(" deleted {when}")}</span></li> }
                        }).collect_view()}
                    </ul>
                </details>
            }
        })
    }
}
