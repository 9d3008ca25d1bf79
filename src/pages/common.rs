//! Small views shared by the resource pages: variables, secrets, tags,
//! and the notice of a resource that is gone.

use crate::state::session::use_session;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Environment variables as a name/value table.
#[component]
pub fn EnvTable(vars: BTreeMap<String, String>) -> impl IntoView {
    if vars.is_empty() {
        return view! { <p class="empty">"None."</p> }.into_any();
    }
    view! {
        <table class="kv-table">
            <thead><tr><th scope="col">"Name"</th><th scope="col">"Value"</th></tr></thead>
            <tbody>
                {vars.into_iter().map(|(k, v)| view! { <tr><td class="mono">{k}</td><td class="mono">{v}</td></tr> }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// Secret variables by name only: the API returns hashes, which are not values.
#[component]
pub fn SecretKeys(keys: Vec<String>) -> impl IntoView {
    if keys.is_empty() {
        return view! { <p class="empty">"None."</p> }.into_any();
    }
    view! {
        <table class="kv-table">
            <thead><tr><th scope="col">"Name"</th><th scope="col">"Value"</th></tr></thead>
            <tbody>
                {keys.into_iter().map(|k| view! { <tr><td class="mono">{k}</td><td><span class="set">"set (hidden)"</span></td></tr> }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
pub fn Tags(tags: Vec<String>) -> impl IntoView {
    if tags.is_empty() {
        return view! { <span class="empty">"—"</span> }.into_any();
    }
    view! { <ul class="tags">{tags.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> }.into_any()
}

/// What a detail page shows once the API answers 404: the resource is gone.
#[component]
pub fn GoneNotice(kind: &'static str, list: &'static str) -> impl IntoView {
    let session = use_session();
    view! {
        <div class="banner banner-info" role="status">
            <p>{format!("This {kind} does not exist any more (it was deleted, or the link points to another region).")}</p>
            <p><a href=session.link(list)>{format!("Back to the {kind}s")}</a></p>
        </div>
    }
}

/// A text, or a dash when it is empty.
pub fn or_dash(text: &str) -> String {
    if text.is_empty() {
        "—".to_string()
    } else {
        text.to_string()
    }
}
