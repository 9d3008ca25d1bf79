//! Small views shared by the resource pages.

use crate::state::session::use_session;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Environment variables as a name/value table.
#[component]
pub fn EnvTable(vars: BTreeMap<String, String>) -> impl IntoView {
    if vars.is_empty() {
        return view! { <p class="empty">"None."</p> }.into_any();
    }
    view! {
        <table class="kv-table">
            <thead><tr><th scope="col">"Name"</th><th scope="col">"Value"</th></tr></thead>
            <tbody>
                {vars.into_iter().map(|(k, v)| view! { <tr><td class="mono">{k}</td><td class="mono">{v}</td></tr> }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// Secret variables by name only: the API returns hashes, which are not values.
#[component]
pub fn SecretKeys(keys: Vec<String>) -> impl IntoView {
    if keys.is_empty() {
        return view! { <p class="empty">"None."</p> }.into_any();
    }
    view! {
        <table class="kv-table">
            <thead><tr><th scope="col">"Name"</th><th scope="col">"Value"</th></tr></thead>
            <tbody>
                {keys.into_iter().map(|k| view! { <tr><td class="mono">{k}</td><td><span class="set">"set (hidden)"</span></td></tr> }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
pub fn Tags(tags: Vec<String>) -> impl IntoView {
    if tags.is_empty() {
        return view! { <span class="empty">"—"</span> }.into_any();
    }
    view! { <ul class="tags">{tags.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> }.into_any()
}

/// What a detail page shows once the API answers 404: the resource is gone.
#[component]
pub fn GoneNotice(kind: &'static str, list: &'static str) -> impl IntoView {
    let session = use_session();
    view! {
        <div class="banner banner-info" role="status">
            <p>{format!("This {kind} does not exist any more (it was deleted, or the link points to another region).")}</p>
            <p><a href=session.link(list)>{format!("Back to the {kind} list")}</a></p>
        </div>
    }
}

use crate::api::ApiError;
use crate::forms::{server_field_errors, FieldErrors};

/// The state every create and edit form keeps: what the user typed, what was
/// last saved (to know whether leaving loses anything), the messages by
/// field, and the last failure. Nothing here is ever reset by a failure.
pub struct FormState<F: Send + Sync + 'static> {
    pub form: RwSignal<F>,
    pub saved: RwSignal<F>,
    pub errors: RwSignal<FieldErrors>,
    pub failure: RwSignal<Option<ApiError>>,
}

impl<F: Send + Sync + 'static> Clone for FormState<F> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<F: Send + Sync + 'static> Copy for FormState<F> {}

impl<F: Clone + PartialEq + Send + Sync + 'static> FormState<F> {
    pub fn new(initial: F) -> Self {
        let state = FormState {
            form: RwSignal::new(initial.clone()),
            saved: RwSignal::new(initial),
            errors: RwSignal::new(FieldErrors::new()),
            failure: RwSignal::new(None),
        };
        crate::components::unsaved::use_unsaved_guard(Signal::derive(move || state.is_dirty()));
        state
    }

    pub fn is_dirty(&self) -> bool {
        self.form.with(|f| self.saved.with(|s| f != s))
    }

    /// Shows the client-side messages; `true` when there are none.
    pub fn accept(&self, errors: FieldErrors) -> bool {
        let ok = errors.is_empty();
        self.errors.set(errors);
        if ok {
            self.failure.set(None);
        } else {
            focus_first_error();
        }
        ok
    }

    /// A rejected request: messages on the fields the server named, the
    /// whole error in the banner, and every input left as typed.
    pub fn rejected(&self, error: ApiError) {
        self.errors.set(server_field_errors(&error));
        self.failure.set(Some(error));
    }

    /// The form now matches what the API holds: leaving loses nothing.
    pub fn mark_saved(&self) {
        self.saved.set(self.form.get_untracked());
    }
}

/// Moves focus to the first field marked invalid, once it is rendered.
fn focus_first_error() {
    request_animation_frame(|| {
        if let Some(el) = document()
            .query_selector("[aria-invalid=true]")
            .ok()
            .flatten()
        {
            use wasm_bindgen::JsCast;
            if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// The banner of a failed submit, saying that nothing typed was lost.
#[component]
pub fn FailureBanner(failure: RwSignal<Option<ApiError>>) -> impl IntoView {
    move || {
        failure.get().map(|error| {
            let auth = error.is_auth();
            view! {
                <div class="banner banner-error" role="alert" id="form-failure">
                    <p>{error.user_message()}</p>
                    <p class="hint">"Nothing you typed was lost: correct what is needed and submit again."</p>
                    {auth.then(|| view! { <p><a href="/settings" target="_blank">"Open Settings in a new tab"</a></p> })}
                </div>
            }
        })
    }
}

/// What submitting a form does, for create and edit alike: validate on the
/// client; build the request (`send` answers `None` when an edit changed
/// nothing); while it runs, show it; on success mark the form saved and open
/// `open(answer)`; on failure keep every input and show why.
pub struct Submission<S> {
    pub submit: S,
    pub pending: Signal<bool>,
    pub nothing_to_save: Signal<bool>,
}

pub fn use_submit<F, T, Fut>(
    state: FormState<F>,
    check: impl Fn(&F) -> FieldErrors + Copy + 'static,
    send: impl Fn(crate::api::Client, &F) -> Option<Fut> + Copy + 'static,
    open: impl Fn(&T) -> String + Copy + 'static,
) -> Submission<impl Fn() + Clone + 'static>
where
    F: Clone + PartialEq + Send + Sync + 'static,
    T: 'static,
    Fut: std::future::Future<Output = Result<T, ApiError>> + 'static,
{
    let session = crate::state::session::use_session();
    let navigate = leptos_router::hooks::use_navigate();
    let pending = RwSignal::new(false);
    let nothing_to_save = RwSignal::new(false);
    let submit = move || {
        if pending.get_untracked() || !state.accept(state.form.with_untracked(check)) {
            return;
        }
        let request = state
            .form
            .with_untracked(|f| send(session.client_untracked(), f));
        nothing_to_save.set(request.is_none());
        let Some(request) = request else { return };
        pending.set(true);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let answer = request.await;
            // The page may have been left meanwhile: then there is nothing to update.
            if pending.try_set(false).is_some() {
                return;
            }
            match answer {
                Ok(saved) => {
                    state.mark_saved();
                    navigate(&open(&saved), Default::default());
                }
                Err(error) => state.rejected(error),
            }
        });
    };
    Submission {
        submit,
        pending: pending.into(),
        nothing_to_save: nothing_to_save.into(),
    }
}

/// A page body for one loaded resource: `render` it once loaded; a 404 says
/// it is gone (deleted meanwhile, or another region); other errors in words.
/// Polling re-reads the resource often: the view is rebuilt only when what
/// was read differs, so an open dialog or a scrolled table stays as it is.
pub fn loaded<T: Clone + PartialEq + Send + Sync + 'static>(
    data: LocalResource<Result<T, ApiError>>,
    kind: &'static str,
    list: &'static str,
    render: impl Fn(T) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let current = Memo::new(move |_| data.get());
    view! {
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || current.get().map(|result| match result {
                Ok(value) => render(value),
                Err(e) if e.is_not_found() => view! { <GoneNotice kind list/> }.into_any(),
                Err(error) => view! { <crate::components::error_banner::ErrorBanner error/> }.into_any(),
            })}
        </Transition>
    }
}

/// The `:id` of the current route.
pub fn use_route_id() -> Memo<String> {
    let params = leptos_router::hooks::use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()))
}
