use leptos::html::Details;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A `<details>` whose content is built only once it is opened (so that a
/// part in a chunk of its own is fetched then), open at first when `open`.
///
/// A page rebuilt in place by a new read (a detail page's) builds this anew
/// into the same element, which stays open: the new copy takes the element's
/// state, so an open disclosure keeps showing its content instead of going
/// blank while open.
pub fn disclosure<V: IntoView + 'static>(
    class: &'static str,
    summary: &'static str,
    open: bool,
    content: impl Fn() -> V + Send + Sync + 'static,
) -> impl IntoView {
    let shown = RwSignal::new(open);
    let element = NodeRef::<Details>::new();
    // Runs when the element is bound: when built, and again when a rebuild
    // binds this copy to the element of the one before. Not an `open`
    // attribute: rebuilt, that closes the element the user opened.
    Effect::new(move || {
        if let Some(details) = element.get() {
            if shown.get_untracked() {
                details.set_open(true);
            } else if details.open() {
                shown.set(true);
            }
        }
    });
    view! {
        <details class=class node_ref=element on:toggle=move |ev| {
            if let Some(details) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                shown.set(details.open());
            }
        }>
            <summary>{summary}</summary>
            {move || shown.get().then(&content)}
        </details>
    }
}
