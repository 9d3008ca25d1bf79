use crate::api::list::ListOrder;
use crate::state::query::{use_list_params, ListParams, TextFilter};
use leptos::prelude::*;

/// Text filters and sort order of a list of `O`'s orders, kept in the URL
/// (through the typed list params) so a view can be shared and survives a
/// reload. Text filters apply on submit (Enter or "Apply"); any change goes
/// back to page 1.
pub fn filter_bar<O: ListOrder>(filters: &'static [TextFilter]) -> impl IntoView {
    let params = use_list_params();
    let drafts: Vec<(TextFilter, RwSignal<String>)> = filters
        .iter()
        .map(|f| {
            let current = params
                .params
                .with_untracked(|p| f.get(p).map(str::to_string));
            (*f, RwSignal::new(current.unwrap_or_default()))
        })
        .collect();
    let to_apply = drafts.clone();
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        params.update(|p| {
            for (filter, draft) in &to_apply {
                let value = draft.get_untracked().trim().to_string();
                *filter.slot(p) = Some(value).filter(|v| !v.is_empty());
            }
        });
    };
    let order = Signal::derive(move || params.params.with(ListParams::order_or_default::<O>));
    view! {
        <form class="filter-bar" role="search" on:submit=apply>
            {drafts.into_iter().map(|(filter, draft)| view! {
                <div class="field inline">
                    <label for=filter.id()>{filter.label()}</label>
                    <input id=filter.id() type="search" spellcheck="false" autocomplete="off"
                        prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))/>
                </div>
            }).collect_view()}
            {(!filters.is_empty()).then(|| view! { <button type="submit" class="secondary">"Apply"</button> })}
            <div class="field inline">
                <label for="sort">"Sort"</label>
                <select id="sort" on:change=move |ev| {
                    if let Some(chosen) = O::known(&event_target_value(&ev)) {
                        params.update(|p| p.set_order(chosen));
                    }
                }>
                    {O::MENU.iter().map(|&choice| {
                        let selected = move || order.get() == choice;
                        view! { <option value=choice.as_str() selected=selected>{choice.label()}</option> }
                    }).collect_view()}
                </select>
            </div>
        </form>
    }
}
