//! The page mechanisms every resource shares: routes and their typed ID,
//! loading one resource (polled on detail pages, once on edit pages), the
//! detail page head, and the create and edit pages around a resource's form.

use crate::api::client::percent_encode;
use crate::api::containers::Container;
use crate::api::namespaces::Namespace;
use crate::api::{ApiError, Client, ListQuery, Resource};
use crate::components::delete_button::{Cascade, DeleteButton};
use crate::components::error_banner::ErrorBanner;
use crate::components::filter_bar::FilterBar;
use crate::components::key_prompt::KeyPrompt;
use crate::components::resource_select::{Catalog, OwnerFilterSelect};
use crate::components::stale_notice::stale_notice;
use crate::components::status_badge::StatusBadge;
use crate::forms::rebase::{changed_fields, field_label, rebase};
use crate::forms::{server_field_errors, FieldErrors, ResourceForm};
use crate::pages::common::GoneNotice;
use crate::poll::use_live;
use crate::state::query::{use_list_params, ListParams, OwnerFilter};
use crate::state::session::use_session;
use leptos::prelude::*;
use leptos::Params;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;

/// `/containers/{id}`: a resource's page (the console's routes mirror the API's paths).
pub fn detail_path<R: Resource>(id: &str) -> String {
    format!("{}/{}", R::PATH, percent_encode(id))
}

pub fn edit_path<R: Resource>(id: &str) -> String {
    format!("{}/edit", detail_path::<R>(id))
}

/// The `:id` of `/namespaces/:id` and `/namespaces/:id/edit`.
#[derive(Params, Clone, Debug, PartialEq)]
struct RouteId {
    id: Option<String>,
}

pub fn use_route_id() -> Memo<String> {
    let params = use_params::<RouteId>();
    Memo::new(move |_| params.get().ok().and_then(|p| p.id).unwrap_or_default())
}

/// The resource the route names, read once: an edit page's, so that nothing
/// overwrites the user's edits.
fn use_routed_resource<R: Resource>() -> LocalResource<Result<R, ApiError>> {
    let session = use_session();
    let id = use_route_id();
    LocalResource::new(move || {
        let (client, id) = (session.client(), id.get());
        async move { client.read::<R>(&id).await }
    })
}

/// A page body for one resource read once: `render` it once loaded; a 404
/// says it is gone (deleted meanwhile, or another region); other errors in
/// words, with a Retry button.
pub fn loaded<R: Resource + Send + Sync>(
    data: LocalResource<Result<R, ApiError>>,
    render: impl Fn(R) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let retry = Callback::new(move |_| data.refetch());
    view! {
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || data.get().map(|result| match result {
                Ok(value) => render(value),
                Err(e) if e.is_not_found() => view! { <GoneNotice kind=R::NOUN list=R::PATH/> }.into_any(),
                Err(error) => view! { <ErrorBanner error retry/> }.into_any(),
            })}
        </Transition>
    }
}

/// A detail page: the resource of the route, live while it is transient and
/// through failed reads (the last good read stays, marked as such). `render`
/// also gets a way to read it again at once (after an action that changed
/// it, such as a redeploy). The view is rebuilt only when a read brings
/// something new, so an open dialog or a scrolled table stays as it is.
pub fn detail_page<R: Resource + Send + Sync>(
    render: impl Fn(R, Callback<()>) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let session = use_session();
    let id = use_route_id();
    let live = use_live(
        move || {
            let (client, id) = (session.client(), id.get());
            Some(async move { client.read::<R>(&id).await })
        },
        |r: &R| r.status().is_transient(),
    );
    let reload = Callback::new(move |_| live.refresh());
    let current = Memo::new(move |_| live.good.with(|g| g.as_ref().map(|(v, _)| v.clone())));
    let gone = Memo::new(move |_| {
        live.failure
            .with(|f| f.as_ref().is_some_and(ApiError::is_not_found))
    });
    let body = move || {
        if gone.get() {
            return view! { <GoneNotice kind=R::NOUN list=R::PATH/> }.into_any();
        }
        match current.get() {
            Some(item) => render(item, reload),
            None => match live.failure.get() {
                Some(error) => view! { <ErrorBanner error retry=reload/> }.into_any(),
                None => view! { <p class="loading">"Loading…"</p> }.into_any(),
            },
        }
    };
    let stale = stale_notice(live.failure, live.read_at(), reload);
    view! { <section class="page">{stale}{body}</section> }
}

/// The head of a detail page: name and status, Edit, any `extra` actions,
/// Delete (going to `after_delete` once accepted), and the error message of
/// a resource in `error`.
pub fn detail_head<R: Resource + Send + Sync>(
    item: &R,
    extra: impl IntoView,
    after_delete: String,
    cascade: Option<Cascade>,
) -> impl IntoView {
    let session = use_session();
    let error = item
        .error_message()
        .filter(|m| !m.is_empty())
        .map(str::to_string);
    view! {
        <div class="page-head">
            <h1>{item.label().to_string()} " " <StatusBadge status=item.status().clone() live=true/></h1>
            <div class="actions">
                <a class="button secondary" href=session.link(&edit_path::<R>(item.id()))>"Edit"</a>
                {extra}
                <DeleteButton item=item.clone() after=after_delete cascade/>
            </div>
        </div>
        {error.map(|m| view! {
            <div class="banner banner-error" role="alert"><p><strong>"Error: "</strong>{m}</p></div>
        })}
    }
}

/// The state every create and edit form keeps: what the user typed, what was
/// last saved (to know whether leaving loses anything), the messages by
/// field, problems the page knows from other data (`blockers`, e.g. a
/// container that has all its domains), and the last failure. Nothing here
/// is ever reset by a failure.
pub struct FormState<F: Send + Sync + 'static> {
    pub form: RwSignal<F>,
    pub saved: RwSignal<F>,
    pub errors: RwSignal<FieldErrors>,
    pub blockers: RwSignal<FieldErrors>,
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
            blockers: RwSignal::new(FieldErrors::new()),
            failure: RwSignal::new(None),
        };
        crate::components::unsaved::use_unsaved_guard(Signal::derive(move || state.is_dirty()));
        // A form belongs to a region: switching it would swap what the form edits.
        let session = use_session();
        session.forms_open.update(|n| *n += 1);
        on_cleanup(move || {
            session.forms_open.try_update(|n| *n = n.saturating_sub(1));
        });
        state
    }

    pub fn is_dirty(&self) -> bool {
        self.form.with(|f| self.saved.with(|s| f != s))
    }

    /// Shows the client-side messages; `true` when there are none.
    pub fn accept(&self, mut errors: FieldErrors) -> bool {
        self.blockers.with_untracked(|b| {
            for (field, message) in b {
                errors
                    .entry(field.clone())
                    .or_insert_with(|| message.clone());
            }
        });
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
    send: impl Fn(Client, &F) -> Option<Fut> + Copy + 'static,
    open: impl Fn(&T) -> String + Copy + 'static,
) -> Submission<impl Fn() + Clone + 'static>
where
    F: Clone + PartialEq + Send + Sync + 'static,
    T: 'static,
    Fut: std::future::Future<Output = Result<T, ApiError>> + 'static,
{
    let session = use_session();
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

/// Renders the fields of a form for `F`; `creating` tells create from edit.
pub type FormFields<F> = fn(FormState<F>, bool) -> AnyView;

/// The `<form>` around a resource's fields: the failure banner, the fields,
/// submit and cancel.
fn form_frame<F: Clone + PartialEq + Send + Sync + 'static>(
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

/// The create page of `F::Item`: `initial` values (the API's defaults, and
/// whatever the link that led here chose); on success, the new resource's page.
pub fn create_page<F: ResourceForm>(
    title: &'static str,
    initial: F,
    submit_label: &'static str,
    fields: FormFields<F>,
) -> impl IntoView {
    let session = use_session();
    let state = FormState::new(initial);
    let Submission {
        submit, pending, ..
    } = use_submit(
        state,
        |f: &F| f.validate(true),
        |client, f: &F| {
            let body = f.to_create();
            Some(async move { client.create::<F::Item>(&body).await })
        },
        move |item: &F::Item| session.link(&detail_path::<F::Item>(item.id())),
    );
    let cancel = session.link(<F::Item as Resource>::PATH);
    view! {
        <section class="page narrow">
            <h1>{title}</h1>
            {form_frame(state, submit, pending, submit_label, cancel, fields(state, true))}
        </section>
    }
}

/// The edit page of the resource the route names: loaded once, saved as a
/// minimal PATCH; it says when nothing changed, and when the resource is
/// transient (the API may then refuse the change).
pub fn edit_page<F: ResourceForm>(
    submit_label: &'static str,
    fields: FormFields<F>,
) -> impl IntoView {
    let data = use_routed_resource::<F::Item>();
    view! {
        <section class="page narrow">
            {loaded(data, move |item| edit_form::<F>(item, submit_label, fields))}
        </section>
    }
}

fn edit_form<F: ResourceForm>(
    item: F::Item,
    submit_label: &'static str,
    fields: FormFields<F>,
) -> AnyView {
    let session = use_session();
    let state = FormState::new(F::from_item(&item));
    let original = StoredValue::new(item.clone());
    // The resource as it is now, when it changed since the form was loaded.
    let changed_meanwhile = RwSignal::new(None::<F::Item>);
    let Submission {
        submit,
        pending,
        nothing_to_save,
    } = use_submit(
        state,
        |f: &F| f.validate(false),
        move |client, f: &F| {
            let (id, body, loaded) =
                original.with_value(|o| (o.id().to_string(), f.to_update(o), o.clone()));
            body.map(|body| async move {
                // Read it again just before saving: a PATCH computed from an
                // older copy could undo or lose what someone else changed.
                let fresh = client.read::<F::Item>(&id).await?;
                let others = changed_fields(&to_json(&loaded), &to_json(&fresh));
                if !others.is_empty() {
                    changed_meanwhile.set(Some(fresh));
                    return Err(ApiError::changed_meanwhile(
                        <F::Item as Resource>::NOUN,
                        others.iter().map(|f| field_label(f)).collect(),
                    ));
                }
                client.update::<F::Item>(&id, &body).await
            })
        },
        move |item: &F::Item| session.link(&detail_path::<F::Item>(item.id())),
    );
    let noun = <F::Item as Resource>::NOUN;
    let status = item.status().clone();
    let cancel = session.link(&detail_path::<F::Item>(item.id()));
    let choice = move || {
        changed_meanwhile
            .get()
            .map(|fresh| view! { <ChangedMeanwhile state original fresh changed_meanwhile/> })
    };
    view! {
        <h1>{format!("Edit {noun} {}", item.label())}</h1>
        {status.is_transient().then(|| view! {
            <div class="banner banner-info" role="status">
                <p>{format!("This {noun} is {status} right now: saving may be refused until it settles.")}</p>
            </div>
        })}
        {move || nothing_to_save.get().then(|| view! {
            <p class="banner banner-info" role="status">"Nothing changed: there is nothing to save."</p>
        })}
        {choice}
        {form_frame(state, submit, pending, submit_label, cancel, fields(state, false))}
    }
    .into_any()
}

fn to_json<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or_default()
}

/// The choice when the resource changed since the form was loaded: save the
/// user's changes on top of the resource as it now is (rebased, so that
/// nothing else is undone or lost), or drop them and edit the new version.
#[component]
fn ChangedMeanwhile<F: ResourceForm>(
    state: FormState<F>,
    original: StoredValue<F::Item>,
    fresh: F::Item,
    changed_meanwhile: RwSignal<Option<F::Item>>,
) -> impl IntoView {
    let session = use_session();
    let navigate = leptos_router::hooks::use_navigate();
    let (loaded, now) = original.with_value(|o| (to_json(o), to_json(&fresh)));
    let mine = state
        .form
        .with_untracked(|f| original.with_value(|o| f.to_update(o)))
        .map(|patch| to_json(&patch));
    let rebased = mine.as_ref().map(|patch| rebase(patch, &loaded, &now));
    let both: Vec<String> = rebased
        .as_ref()
        .map(|r| r.changed_by_both.iter().map(|f| field_label(f)).collect())
        .unwrap_or_default();
    let id = fresh.id().to_string();
    let save = Action::new_local(move |patch: &serde_json::Value| {
        let (client, id, patch, navigate) = (
            session.client_untracked(),
            id.clone(),
            patch.clone(),
            navigate.clone(),
        );
        async move {
            match client.update_value::<F::Item>(&id, &patch).await {
                Ok(saved) => {
                    state.mark_saved();
                    navigate(
                        &session.link(&detail_path::<F::Item>(saved.id())),
                        Default::default(),
                    );
                }
                Err(error) => state.rejected(error),
            }
        }
    });
    let fresh = StoredValue::new(fresh);
    let take_theirs = move |_| {
        let theirs = fresh.get_value();
        let form = F::from_item(&theirs);
        state.form.set(form.clone());
        state.saved.set(form);
        state.errors.set(Default::default());
        state.failure.set(None);
        original.set_value(theirs);
        changed_meanwhile.set(None);
    };
    view! {
        <div class="banner banner-warn" role="alert" id="changed-meanwhile">
            {(!both.is_empty()).then(|| view! {
                <p>{format!("You changed {} too: saving on top keeps yours.", both.join(", "))}</p>
            })}
            <p class="actions">
                {rebased.map(|r| view! {
                    <button type="button" disabled=move || save.pending().get()
                        on:click=move |_| { save.dispatch(r.patch.clone()); }>
                        "Save mine on top of theirs"
                    </button>
                })}
                <button type="button" class="secondary" on:click=take_theirs>"Drop mine, edit theirs"</button>
            </p>
        </div>
    }
}

/// The head of a list page: its title, and the button that creates one of
/// `R`, carrying the `owner` chosen in the filters (a domain added from the
/// list of a container's domains belongs to that container).
pub fn list_head<R: Resource>(
    title: &'static str,
    create_label: &'static str,
    owner: Option<OwnerFilter>,
) -> impl IntoView {
    let session = use_session();
    let params = use_list_params();
    let href = move || {
        let new = format!("{}/new", R::PATH);
        let chosen = owner.and_then(|o| {
            params
                .params
                .with(|p| o.get(p).map(|id| (o, id.to_string())))
        });
        match chosen {
            Some((o, id)) => session.link(&format!(
                "{new}?{}",
                ListParams::owned_by(o, id).to_query_string()
            )),
            None => session.link(&new),
        }
    };
    view! {
        <div class="page-head">
            <h1>{title}</h1>
            <a class="button" href=href>{create_label}</a>
        </div>
    }
}

/// A resource a page shows alongside its own (a domain's container, for its
/// name and endpoint): read once; `None` until read, or if it cannot be.
pub fn use_related<R: Resource>(id: String) -> LocalResource<Option<R>> {
    let session = use_session();
    LocalResource::new(move || {
        let (client, id) = (session.client(), id.clone());
        async move { client.read::<R>(&id).await.ok() }
    })
}

/// The list page of what containers own (custom domains, triggers): its
/// head, filters by namespace then by one of its containers, the sort, and
/// the `table`, given the containers shown (they name its container column).
pub fn container_owned_list<R: Resource>(
    title: &'static str,
    create_label: &'static str,
    orders: &'static [(&'static str, &'static str)],
    table: fn(Catalog<Container>) -> AnyView,
) -> impl IntoView {
    let params = use_list_params();
    let namespaces = Catalog::<Namespace>::all();
    let containers = Catalog::<Container>::new(move || ListQuery {
        namespace_id: params.params.with(|p| p.namespace_id.clone()),
        ..ListQuery::all()
    });
    view! {
        <section class="page">
            {list_head::<R>(title, create_label, Some(OwnerFilter::Container))}
            <div class="filter-row">
                <OwnerFilterSelect params filter=OwnerFilter::Namespace catalog=namespaces clears=OwnerFilter::Container
                    id="filter-namespace" label="Namespace" none_label="All namespaces"/>
                <OwnerFilterSelect params filter=OwnerFilter::Container catalog=containers groups=namespaces.names()
                    id="filter-container" label="Container" none_label="All containers"/>
                <FilterBar filters=&[] orders/>
            </div>
            {table(containers)}
        </section>
    }
}

/// The name of a related resource once read, its ID until then.
pub fn related_label<R: Resource + Send + Sync>(
    related: LocalResource<Option<R>>,
    id: String,
) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    move || {
        related
            .get()
            .flatten()
            .map_or_else(|| id.clone(), |r| r.label().to_string())
    }
}
