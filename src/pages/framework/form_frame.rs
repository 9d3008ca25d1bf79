//! The `<form>` around a resource's fields, and the banner of a failed submit.

use super::form_state::FormState;
use crate::api::ApiError;
use crate::components::error_text::ErrorText;
use crate::components::key_prompt::KeyPrompt;
use leptos::prelude::*;

/// The banner of a failed submit, saying that nothing typed was lost; a
/// refused key can be replaced here without leaving the form.
#[component]
pub fn FailureBanner(failure: RwSignal<Option<ApiError>>) -> impl IntoView {
    move || {
        failure.get().map(|error| {
            let auth = error.is_auth();
            view! {
                <div class="banner banner-error" role="alert" id="form-failure">
                    <p>{error.user_message()}</p>
                    <p class="hint">"Nothing you typed was lost: correct what is needed and submit again."</p>
                    {auth.then(|| view! { <KeyPrompt then="Submit again."/> })}
                </div>
            }
        })
    }
}

/// Renders the fields of a form for `F`; `creating` tells create from edit.
pub type FormFields<F> = fn(FormState<F>, bool) -> AnyView;

/// The `<form>` around a resource's fields: the failure banner, the fields,
/// submit and cancel.
pub(super) fn form_frame<F: Clone + PartialEq + Send + Sync + 'static>(
    state: FormState<F>,
    submit: impl Fn() + 'static,
    pending: Signal<bool>,
    submit_label: &'static str,
    cancel_href: String,
    fields: AnyView,
) -> impl IntoView {
    view! {
        <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
            <FailureBanner failure=state.failure/>
            {fields}
            <div class="actions">
                <button type="submit" disabled=move || pending.get()>
                    {move || if pending.get() { "Saving…" } else { submit_label }}
                </button>
                <a class="button secondary" href=cancel_href>"Cancel"</a>
            </div>
        </form>
    }
}
