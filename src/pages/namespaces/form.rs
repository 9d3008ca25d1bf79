use crate::api::namespaces::Namespace;
use crate::components::env_editor::{EnvEditor, SecretEditor};
use crate::components::error_banner::ErrorBanner;
use crate::components::field::TextField;
use crate::forms::namespace::NamespaceForm;
use crate::lens;
use crate::pages::common::{FailureBanner, FormState, GoneNotice};
use crate::state::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn NamespaceCreate() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let state = FormState::new(NamespaceForm::new(&session.project_id.get_untracked()));
    let save = Action::new_local(move |form: &NamespaceForm| {
        let (client, request) = (session.client_untracked(), form.to_create());
        async move { client.create_namespace(&request).await }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(ns)) => {
            state.mark_saved();
            navigate(
                &session.link(&format!("/namespaces/{}", ns.id)),
                Default::default(),
            );
        }
        Some(Err(error)) => state.rejected(error),
        None => {}
    });
    let submit = move || {
        if state.accept(state.form.with(|f| f.validate(true))) {
            save.dispatch(state.form.get_untracked());
        }
    };
    view! {
        <section class="page narrow">
            <h1>"Create a namespace"</h1>
            <NamespaceFormView state creating=true submit pending=save.pending() submit_label="Create namespace"/>
        </section>
    }
}

#[component]
pub fn NamespaceEdit() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    // Loaded once (no polling): nothing re-reads the namespace over the user's edits.
    let data = LocalResource::new(move || {
        let (client, id) = (
            session.client(),
            params.with(|p| p.get("id").unwrap_or_default()),
        );
        async move { client.get_namespace(&id).await }
    });
    view! {
        <section class="page narrow">
            <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
                {move || data.get().map(|result| match result {
                    Ok(ns) => view! { <NamespaceEditForm ns/> }.into_any(),
                    Err(e) if e.is_not_found() => view! { <GoneNotice kind="namespace" list="/namespaces"/> }.into_any(),
                    Err(error) => view! { <ErrorBanner error/> }.into_any(),
                })}
            </Transition>
        </section>
    }
}

#[component]
fn NamespaceEditForm(ns: Namespace) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let state = FormState::new(NamespaceForm::from_namespace(&ns));
    let original = StoredValue::new(ns.clone());
    let nothing_to_save = RwSignal::new(false);
    let save = Action::new_local(move |form: &NamespaceForm| {
        let client = session.client_untracked();
        let (id, request) = original.with_value(|o| (o.id.clone(), form.to_update(o)));
        async move { client.update_namespace(&id, &request).await }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(ns)) => {
            state.mark_saved();
            navigate(
                &session.link(&format!("/namespaces/{}", ns.id)),
                Default::default(),
            );
        }
        Some(Err(error)) => state.rejected(error),
        None => {}
    });
    let submit = move || {
        if !state.accept(state.form.with(|f| f.validate(false))) {
            return;
        }
        let empty = original.with_value(|o| state.form.with(|f| f.to_update(o).is_empty()));
        nothing_to_save.set(empty);
        if !empty {
            save.dispatch(state.form.get_untracked());
        }
    };
    view! {
        <h1>{format!("Edit namespace {}", ns.name)}</h1>
        {ns.status.is_transient().then(|| view! {
            <div class="banner banner-info"><p>{format!("This namespace is {} right now: saving may be refused until it is ready.", ns.status)}</p></div>
        })}
        {move || nothing_to_save.get().then(|| view! { <p class="banner banner-info" role="status">"Nothing changed: there is nothing to save."</p> })}
        <NamespaceFormView state creating=false submit pending=save.pending() submit_label="Save changes"/>
    }
}

#[component]
fn NamespaceFormView(
    state: FormState<NamespaceForm>,
    creating: bool,
    submit: impl Fn() + 'static,
    #[prop(into)] pending: Signal<bool>,
    submit_label: &'static str,
) -> impl IntoView {
    let session = use_session();
    let FormState {
        form,
        errors,
        failure,
        ..
    } = state;
    let cancel_href = session.link("/namespaces");
    view! {
        <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
            <FailureBanner failure/>
            {creating.then(|| view! {
                <TextField form lens=lens!(project_id) id="project_id" label="Project ID" key="project_id" errors
                    hint="The project the namespace belongs to (default from Settings)."/>
                <TextField form lens=lens!(name) id="name" label="Name" key="name" errors required=true
                    hint="Letters, digits and dashes; starts with a letter; up to 50 characters."/>
            })}
            <TextField form lens=lens!(description) id="description" label="Description" key="description" errors
                multiline=true hint="Up to 255 characters."/>
            <EnvEditor form lens=lens!(env) id="env" legend="Environment variables" field="environment_variables" errors/>
            <SecretEditor form lens=lens!(secrets) id="secrets" legend="Secret variables" field="secret_environment_variables" errors/>
            <TextField form lens=lens!(tags) id="tags" label="Tags" key="tags" errors hint="Separated by commas."/>
            <div class="actions">
                <button type="submit" disabled=move || pending.get()>
                    {move || if pending.get() { "Saving…" } else { submit_label }}
                </button>
                <a class="button secondary" href=cancel_href>"Cancel"</a>
            </div>
        </form>
    }
}
