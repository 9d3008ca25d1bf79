use crate::api::list::ListOrder;
use crate::state::query::{use_list_params, TextFilter};
use leptos::prelude::*;

/// Text filters and sort order of a list of `O`'s orders, kept in the URL
/// (through the typed list params) so a view can be shared and survives a
/// reload. Text filters apply on submit (Enter or "Apply"); any change goes
/// back to page 1.
pub fn filter_bar<O: ListOrder>(filters: &'static [TextFilter]) -> AnyView {
    // Only the order's type is generic: the view is built once for every list.
    let menu: Vec<(&'static str, &'static str)> =
        O::MENU.iter().map(|o| (o.as_str(), o.label())).collect();
    let params = use_list_params();
    let order = Signal::derive(move || params.params.with(|p| p.order_or_default::<O>().as_str()));
    let choose = Callback::new(move |text: String| {
        if let Some(chosen) = O::known(&text) {
            params.update(|p| p.set_order(chosen));
        }
    });
    filter_bar_view(filters, menu, order, choose)
}

fn filter_bar_view(
    filters: &'static [TextFilter],
    menu: Vec<(&'static str, &'static str)>,
    order: Signal<&'static str>,
    choose: Callback<String>,
) -> AnyView {
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
                <select id="sort" on:change=move |ev| choose.run(event_target_value(&ev))>
                    {menu.into_iter().map(|(value, label)| {
                        let selected = move || order.get() == value;
                        view! { <option value=value selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
        </form>
    }
    .into_any()
}
