use crate::api::{Kind, Region};
use crate::explain::{Explain, Explanation};
use crate::routes;
use leptos::prelude::*;

/// Why a resource is in `error` and what to do, with a link to its edit
/// form focused on the field to change (in the resource's own region).
#[component]
pub fn ExplanationView(
    explanation: Explanation,
    kind: Kind,
    id: String,
    region: Region,
) -> impl IntoView {
    let fix = explanation.field.map(|field| {
        let href = routes::in_region(&routes::edit_focused(kind, &id, field), &region);
        view! { <a class="button secondary small" href=href>{crate::explain::fix_label(field)}</a> }
    });
    view! {
        <div class="explanation">
            <p><strong>"Why: "</strong>{explanation.cause}</p>
            <p><strong>"What to do: "</strong>{explanation.action}</p>
            {fix}
        </div>
    }
}

/// The few words of a list row on why it is in `error`, when the cause is known.
pub fn short_why(item: &impl Explain) -> Option<impl IntoView> {
    item.explanation()
        .map(|e| view! { <span class="why">{e.short}</span> })
}
