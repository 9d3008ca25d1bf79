//! Settings: API base URL, secret key, default project, region, and a
//! connection test (GetServiceInfo).

use crate::api::{ApiError, Region};
use crate::components::error_banner::ErrorBanner;
use crate::components::field::{provide_form_scope, CheckField, SelectField, TextField};
use crate::components::on_demand::on_demand;
use crate::forms::settings::{base_url_check, KeyDestination, SettingsForm};
use crate::forms::FieldErrors;
use crate::pages::settings_dns::DnsSettings;
use crate::pages::settings_history::history_settings;
use crate::state::session::use_session;
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let session = use_session();
    type S = SettingsForm;
    let form = RwSignal::new(SettingsForm {
        base_url: session.base_url.get_untracked(),
        secret_key: String::new(),
        remember: session.remember.get_untracked(),
        project_id: session.project_id.get_untracked(),
        region: session.region.get_untracked(),
        agreed_origin: None,
    });
    let errors = RwSignal::new(FieldErrors::new());
    provide_form_scope(form, errors);
    let saved = RwSignal::new(false);
    // Where the key goes with the base URL as typed; another origin must be
    // agreed to before it is saved (it will receive the key with every call).
    let page_origin = window().location().origin().unwrap_or_default();
    // Only a change of the address itself counts, not of another field.
    let base_url = Memo::new(move |_| form.with(|f| f.base_url.clone()));
    let destination = {
        let page_origin = page_origin.clone();
        Memo::new(move |_| base_url.with(|u| base_url_check(u, &page_origin)))
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = form.get_untracked();
        let problems = draft.validate(&page_origin, &session.base_url.get_untracked());
        let ok = problems.is_empty();
        errors.set(problems);
        if !ok {
            saved.set(false);
            return;
        }
        session.set_base_url(&draft.base_url);
        session.set_project_id(&draft.project_id);
        session.set_region(draft.region);
        let new_key = draft.secret_key.trim();
        if new_key.is_empty() {
            session.set_remember(draft.remember);
        } else {
            session.set_token(new_key, draft.remember);
            form.update(|f| f.secret_key.clear());
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
                <TextField lens=S::BASE_URL id="base-url" label="API base URL" input_type="url"
                    placeholder="(this page's origin)"
                    hint="Leave empty to call the API through this page's own origin (a same-origin proxy: the real API sends no CORS headers). An absolute https:// URL works for backends that allow CORS."/>
                {move || match destination.get() {
                    Ok(KeyDestination::Elsewhere(origin)) => Some(view! {
                        <div class="banner banner-warn" role="status">
                            <p>{format!("Your secret key will be sent to {origin} with every call.")}</p>
                            <label class="check">
                                <input type="checkbox" id="agree-destination"
                                    prop:checked={
                                        let origin = origin.clone();
                                        move || form.with(|f| f.agreed_origin.as_ref() == Some(&origin))
                                    }
                                    on:change={
                                        let origin = origin.clone();
                                        move |ev| {
                                            let agreed = event_target_checked(&ev).then(|| origin.clone());
                                            form.update(|f| f.agreed_origin = agreed);
                                            errors.update(|e| { e.remove(S::BASE_URL.key); });
                                        }
                                    }/>
                                {format!(" I trust {origin} with my key")}
                            </label>
                        </div>
                    }),
                    _ => None,
                }}
                <TextField lens=S::SECRET_KEY id="secret-key" label="Secret key" input_type="password"
                    placeholder="Paste a new secret key"/>
                <div class="field">
                    <p class="hint" id="key-state">{key_state}</p>
                    <CheckField lens=S::REMEMBER id="remember" label="Remember on this device"/>
                    <button type="button" class="secondary" disabled=move || !session.has_token()
                        on:click=move |_| { session.forget_token(); form.update(|f| f.remember = false); }>
                        "Forget key"
                    </button>
                </div>
                <TextField lens=S::PROJECT id="project-id" label="Default project ID"
                    hint="Used when you create a namespace."/>
                <SelectField lens=S::REGION id="settings-region" label="Region"
                    options=Region::ALL.iter().map(|r| (r.clone(), r.as_str())).collect()/>
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
            <DnsSettings/>
            {on_demand(history_settings())}
        </section>
    }
}
