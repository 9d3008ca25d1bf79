use crate::api::ApiError;
use crate::state::session::use_session;
use leptos::prelude::*;

/// A failed call, in words: what happened and what to do. Rendered as text
/// (never as HTML), with a link to Settings when the key is the problem.
#[component]
pub fn ErrorBanner(error: ApiError) -> impl IntoView {
    let session = use_session();
    let settings_hint = error.is_auth() || error.status == 0;
    view! {
        <div class="banner banner-error" role="alert">
            <p>{error.user_message()}</p>
            {settings_hint.then(|| view! { <p><a href=session.link("/settings")>"Open Settings"</a></p> })}
        </div>
    }
}
