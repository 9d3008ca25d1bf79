use leptos::prelude::*;
use leptos_router::hooks::{query_signal, use_query_map};

/// Filters and sort order of a list, kept in the URL so a view can be shared
/// and survives a reload. Text filters apply on submit (Enter or "Apply");
/// any change goes back to page 1.
#[component]
pub fn FilterBar(
    /// `(query parameter, label)` of each text filter.
    filters: &'static [(&'static str, &'static str)],
    /// `(order_by value, label)`; the first is the default.
    orders: &'static [(&'static str, &'static str)],
) -> impl IntoView {
    let query = use_query_map();
    let (_, set_page) = query_signal::<u32>("page");
    let (order, set_order) = query_signal::<String>("order_by");
    let drafts: Vec<Filter> = filters
        .iter()
        .map(|(key, label)| Filter {
            key,
            label,
            draft: RwSignal::new(query.with_untracked(|q| q.get(key)).unwrap_or_default()),
            set: query_signal::<String>(*key).1,
        })
        .collect();
    let to_apply = drafts.clone();
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        for filter in &to_apply {
            let value = filter.draft.get_untracked();
            filter
                .set
                .set(Some(value.trim().to_string()).filter(|v| !v.is_empty()));
        }
        set_page.set(None);
    };
    view! {
        <form class="filter-bar" role="search" on:submit=apply>
            {drafts.into_iter().map(|Filter { key, label, draft, .. }| {
                let id = format!("filter-{key}");
                view! {
                    <div class="field inline">
                        <label for=id.clone()>{label}</label>
                        <input id=id type="search" spellcheck="false" autocomplete="off"
                            prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))/>
                    </div>
                }
            }).collect_view()}
            <button type="submit" class="secondary">"Apply"</button>
            <div class="field inline">
                <label for="sort">"Sort"</label>
                <select id="sort" on:change=move |ev| {
                    set_order.set(Some(event_target_value(&ev)));
                    set_page.set(None);
                }>
                    {orders.iter().enumerate().map(|(i, (value, label))| {
                        let selected = move || order.get().map_or(i == 0, |o| o == *value);
                        view! { <option value=*value selected=selected>{*label}</option> }
                    }).collect_view()}
                </select>
            </div>
        </form>
    }
}

/// One text filter: its draft as typed, and the URL parameter it sets.
#[derive(Clone, Copy)]
struct Filter {
    key: &'static str,
    label: &'static str,
    draft: RwSignal<String>,
    set: SignalSetter<Option<String>>,
}

pub const NAME_ORDERS: &[(&str, &str)] = &[
    ("created_at_desc", "Newest first"),
    ("created_at_asc", "Oldest first"),
    ("name_asc", "Name A–Z"),
    ("name_desc", "Name Z–A"),
];

pub const HOSTNAME_ORDERS: &[(&str, &str)] = &[
    ("hostname_asc", "Hostname A–Z"),
    ("hostname_desc", "Hostname Z–A"),
    ("created_at_desc", "Newest first"),
    ("created_at_asc", "Oldest first"),
];
