use crate::api::ApiError;
use crate::components::error_banner::ErrorBanner;
use leptos::prelude::*;

/// Asks before a delete: says what goes with the resource and wants its name
/// typed, so a delete is never one stray click.
#[component]
pub fn ConfirmDelete(
    /// e.g. "namespace"
    kind: &'static str,
    name: String,
    /// What is deleted with it, one line each (may load after opening).
    #[prop(into)]
    consequences: Signal<Vec<String>>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<ApiError>>,
) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let expected = name.clone();
    let matches = move || typed.with(|t| t == &expected);
    // Escape cancels, as in any dialog.
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            on_cancel.run(());
        }
    });
    on_cleanup(move || escape.remove());
    view! {
        <div class="dialog-backdrop">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="confirm-title">
                <h2 id="confirm-title">{format!("Delete {kind} {name}?")}</h2>
                <ul class="consequences">
                    {move || consequences.get().into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                </ul>
                <p>"This cannot be undone."</p>
                <div class="field">
                    <label for="confirm-name">{format!("Type {name} to confirm")}</label>
                    <input id="confirm-name" name="confirm-name" autocomplete="off" spellcheck="false" autofocus
                        prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
                </div>
                {move || error.get().map(|error| view! { <ErrorBanner error/> })}
                <div class="actions">
                    <button type="button" class="danger" disabled=move || !matches() || pending.get()
                        on:click=move |_| on_confirm.run(())>
                        {move || if pending.get() { "Deleting…".to_string() } else { format!("Delete {kind}") }}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>"Cancel"</button>
                </div>
            </div>
        </div>
    }
}
