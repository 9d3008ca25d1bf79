use crate::api::ApiError;
use crate::components::error_text::ErrorText;
use crate::components::key_prompt::KeyPrompt;
use crate::routes;
use crate::state::session::use_session;
use leptos::prelude::*;

/// A failed call, in words: what happened and what to do. Rendered as text
/// (never as HTML). A refused key can be replaced right here; a view that
/// failed to load offers `retry`.
#[component]
pub fn ErrorBanner(
    error: ApiError,
    #[prop(optional)] retry: Option<Callback<()>>,
) -> impl IntoView {
    let session = use_session();
    let auth = error.is_auth();
    let settings_hint = auth || error.status == 0;
    view! {
        <div class="banner banner-error" role="alert">
            <p>{error.user_message()}</p>
            {auth.then(|| view! { <KeyPrompt then="What this page shows is read again."/> })}
            <p class="actions">
                {retry.map(|retry| view! {
                    <button type="button" class="secondary small" on:click=move |_| retry.run(())>"Retry"</button>
                })}
                {settings_hint.then(|| view! { <a href=session.link(routes::SETTINGS)>"Open Settings"</a> })}
            </p>
        </div>
    }
}
