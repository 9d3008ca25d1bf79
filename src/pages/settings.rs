//! Settings: API base URL, secret key, default project, region, and a
//! connection test (GetServiceInfo).

use crate::api::{ApiError, Region};
use crate::components::error_banner::ErrorBanner;
use crate::forms::settings::{base_url_check, origin_of, secret_key_problem, KeyDestination};
use crate::state::session::use_session;
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let session = use_session();
    // Drafts: saved on submit. The key draft starts empty and is cleared on
    // save, so the stored key is never put back into the page.
    let base_url = RwSignal::new(session.base_url.get_untracked());
    let key = RwSignal::new(String::new());
    let remember = RwSignal::new(session.remember.get_untracked());
    let project = RwSignal::new(session.project_id.get_untracked());
    let region = RwSignal::new(session.region.get_untracked());
    let saved = RwSignal::new(false);
    // Where the key goes with the base URL as typed; another origin must be
    // agreed to before it is saved (it will receive the key with every call).
    let page_origin = window().location().origin().unwrap_or_default();
    let destination = Memo::new(move |_| base_url.with(|u| base_url_check(u, &page_origin)));
    let agreed = RwSignal::new(false);
    let base_url_error = RwSignal::new(None::<String>);
    let key_error = RwSignal::new(None::<&'static str>);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let destination = destination.get_untracked();
        let new_key = key.get_untracked().trim().to_string();
        let key_problem = (!new_key.is_empty())
            .then(|| secret_key_problem(&new_key))
            .flatten();
        let url_problem = match &destination {
            Err(problem) => Some(problem.clone()),
            // Agreed once (saved before), or now.
            Ok(KeyDestination::Elsewhere(origin))
                if !agreed.get_untracked()
                    && session.base_url.with_untracked(|u| origin_of(u)).as_ref()
                        != Some(origin) =>
            {
                Some(format!(
                    "Tick the box to agree to send your key to {origin}."
                ))
            }
            Ok(_) => None,
        };
        key_error.set(key_problem);
        base_url_error.set(url_problem.clone());
        if key_problem.is_some() || url_problem.is_some() {
            saved.set(false);
            return;
        }
        session.set_base_url(&base_url.get_untracked());
        session.set_project_id(&project.get_untracked());
        session.set_region(region.get_untracked());
        if new_key.is_empty() {
            session.set_remember(remember.get_untracked());
        } else {
            session.set_token(&new_key, remember.get_untracked());
            key.set(String::new());
        }
        saved.set(true);
    };

    let test = Action::new_local(move |_: &()| {
        let client = session.client_untracked();
        async move { client.service_info().await }
    });

    let key_state = move || match (session.has_token(), session.remember.get()) {
        (false, _) => "No secret key is set.",
        (true, false) => "A secret key is set for this browser tab (session storage).",
        (true, true) => "A secret key is remembered on this device (local storage).",
    };

    view! {
        <section class="page narrow">
            <h1>"Settings"</h1>
            <form class="form" on:submit=save on:input=move |_| saved.set(false)>
                <div class="field" class:has-error=move || base_url_error.with(Option::is_some)>
                    <label for="base-url">"API base URL"</label>
                    <input id="base-url" name="base-url" type="url" placeholder="(this page's origin)"
                        aria-describedby="base-url-hint base-url-error"
                        aria-invalid=move || base_url_error.with(Option::is_some).to_string()
                        prop:value=move || base_url.get()
                        on:input=move |ev| { base_url.set(event_target_value(&ev)); agreed.set(false); base_url_error.set(None); }/>
                    <p class="hint" id="base-url-hint">
                        "Leave empty to call the API through this page's own origin (a same-origin proxy: "
                        "the real API sends no CORS headers). An absolute https:// URL works for backends that allow CORS."
                    </p>
                    {move || match destination.get() {
                        Ok(KeyDestination::Elsewhere(origin)) => Some(view! {
                            <div class="banner banner-warn" role="status">
                                <p>{format!("Your secret key will be sent to {origin} with every call.")}</p>
                                <label class="check">
                                    <input type="checkbox" id="agree-destination" prop:checked=move || agreed.get()
                                        on:change=move |ev| { agreed.set(event_target_checked(&ev)); base_url_error.set(None); }/>
                                    {format!(" I trust {origin} with my key")}
                                </label>
                            </div>
                        }),
                        _ => None,
                    }}
                    {move || base_url_error.get().map(|m| view! { <p class="field-error" id="base-url-error" role="alert">{m}</p> })}
                </div>
                <div class="field" class:has-error=move || key_error.with(Option::is_some)>
                    <label for="secret-key">"Secret key"</label>
                    <input id="secret-key" name="secret-key" type="password" autocomplete="off"
                        spellcheck="false" placeholder="Paste a new secret key"
                        aria-describedby="key-state secret-key-error"
                        aria-invalid=move || key_error.with(Option::is_some).to_string()
                        prop:value=move || key.get()
                        on:input=move |ev| { key.set(event_target_value(&ev)); key_error.set(None); }/>
                    {move || key_error.get().map(|m| view! { <p class="field-error" id="secret-key-error" role="alert">{m}</p> })}
                    <p class="hint" id="key-state">{key_state}</p>
                    <label class="check">
                        <input type="checkbox" name="remember"
                            prop:checked=move || remember.get()
                            on:change=move |ev| remember.set(event_target_checked(&ev))/>
                        " Remember on this device"
                    </label>
                    <button type="button" class="secondary" disabled=move || !session.has_token()
                        on:click=move |_| { session.forget_token(); remember.set(false); }>
                        "Forget key"
                    </button>
                </div>
                <div class="field">
                    <label for="project-id">"Default project ID"</label>
                    <input id="project-id" name="project-id" type="text" spellcheck="false"
                        prop:value=move || project.get()
                        on:input=move |ev| project.set(event_target_value(&ev))/>
                    <p class="hint">"Used when you create a namespace."</p>
                </div>
                <div class="field">
                    <label for="settings-region">"Region"</label>
                    <select id="settings-region" name="settings-region"
                        on:change=move |ev| region.set(Region::from_wire(&event_target_value(&ev)))>
                        {Region::ALL.iter().map(|r| {
                            let value = r.as_str();
                            view! { <option value=value selected=move || region.get().as_str() == value>{value}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="actions">
                    <button type="submit">"Save"</button>
                    <button type="button" class="secondary" on:click=move |_| { test.dispatch(()); }
                        disabled=move || test.pending().get()>
                        "Test connection"
                    </button>
                    <span class="saved" role="status">{move || saved.get().then_some("Saved.")}</span>
                </div>
            </form>
            <div class="connection" aria-live="polite">
                {move || test.pending().get().then(|| view! { <p class="loading">"Testing…"</p> })}
                {move || test.value().get().map(|result: Result<_, ApiError>| match result {
                    Ok(info) => view! {
                        <div class="banner banner-ok" id="connection-ok">
                            <p>"Connected to " <strong>{info.name}</strong> " version " {info.version} "."</p>
                        </div>
                    }.into_any(),
                    Err(error) => view! { <ErrorBanner error/> }.into_any(),
                })}
            </div>
        </section>
    }
}
