use crate::forms::settings::secret_key_problem;
use crate::state::session::use_session;
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Replaces the secret key right where a call was refused, so that a form
/// in progress is neither left nor lost (Settings in another tab would not
/// even see this tab's key: session storage is per tab).
#[component]
pub fn KeyPrompt(
    /// What to do once the key is saved, e.g. "Submit again."
    then: &'static str,
) -> impl IntoView {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let id = format!("key-prompt-{}", NEXT.fetch_add(1, Ordering::Relaxed));
    let session = use_session();
    let draft = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let saved = RwSignal::new(false);
    let save = move || {
        let key = draft.get_untracked().trim().to_string();
        match secret_key_problem(&key) {
            Some(p) => problem.set(Some(p)),
            None => {
                session.set_token(&key, session.remember.get_untracked());
                draft.set(String::new());
                problem.set(None);
                saved.set(true);
            }
        }
    };
    let error_id = format!("{id}-error");
    view! {
        <div class="key-prompt">
            <label for=id.clone()>"Paste a new secret key"</label>
            <div class="input-row">
                <input id=id type="password" autocomplete="off" spellcheck="false"
                    aria-invalid=move || problem.with(Option::is_some).to_string()
                    aria-describedby=error_id.clone()
                    prop:value=move || draft.get()
                    on:input=move |ev| { draft.set(event_target_value(&ev)); problem.set(None); saved.set(false); }
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); save(); }/>
                <button type="button" class="secondary small" on:click=move |_| save()>"Use this key"</button>
            </div>
            {move || problem.get().map(|m| view! { <p class="field-error" id=error_id.clone() role="alert">{m}</p> })}
            {move || saved.get().then(|| view! { <p role="status">{format!("Key saved for this tab. {then}")}</p> })}
        </div>
    }
}
