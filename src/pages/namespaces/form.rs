use crate::api::namespaces::Namespace;
use crate::components::env_editor::{EnvEditor, SecretEditor};
use crate::components::field::TextField;
use crate::forms::namespace::NamespaceForm;
use crate::lens;
use crate::pages::common::{
    loaded, use_route_id, use_submit, FailureBanner, FormState, Submission,
};
use crate::state::session::use_session;
use leptos::prelude::*;

#[component]
pub fn NamespaceCreate() -> impl IntoView {
    let session = use_session();
    let state = FormState::new(NamespaceForm::new(&session.project_id.get_untracked()));
    let Submission {
        submit, pending, ..
    } = use_submit(
        state,
        |f: &NamespaceForm| f.validate(true),
        |client, f| {
            let request = f.to_create();
            Some(async move { client.create_namespace(&request).await })
        },
        move |ns: &Namespace| session.link(&format!("/namespaces/{}", ns.id)),
    );
    view! {
        <section class="page narrow">
            <h1>"Create a namespace"</h1>
            <NamespaceFormView state creating=true submit pending submit_label="Create namespace"/>
        </section>
    }
}

#[component]
pub fn NamespaceEdit() -> impl IntoView {
    let session = use_session();
    let id = use_route_id();
    // Loaded once (no polling): nothing re-reads the namespace over the user's edits.
    let data = LocalResource::new(move || {
        let (client, id) = (session.client(), id.get());
        async move { client.get_namespace(&id).await }
    });
    view! {
        <section class="page narrow">
            {loaded(data, "namespace", "/namespaces", |ns| view! { <NamespaceEditForm ns/> }.into_any())}
        </section>
    }
}

#[component]
fn NamespaceEditForm(ns: Namespace) -> impl IntoView {
    let session = use_session();
    let state = FormState::new(NamespaceForm::from_namespace(&ns));
    let original = StoredValue::new(ns.clone());
    let Submission {
        submit,
        pending,
        nothing_to_save,
    } = use_submit(
        state,
        |f: &NamespaceForm| f.validate(false),
        move |client, f| {
            let (id, request) = original.with_value(|o| (o.id.clone(), f.to_update(o)));
            (!request.is_empty())
                .then_some(async move { client.update_namespace(&id, &request).await })
        },
        move |ns: &Namespace| session.link(&format!("/namespaces/{}", ns.id)),
    );
    view! {
        <h1>{format!("Edit namespace {}", ns.name)}</h1>
        {ns.status.is_transient().then(|| view! {
            <div class="banner banner-info"><p>{format!("This namespace is {} right now: saving may be refused until it is ready.", ns.status)}</p></div>
        })}
        {move || nothing_to_save.get().then(|| view! { <p class="banner banner-info" role="status">"Nothing changed: there is nothing to save."</p> })}
        <NamespaceFormView state creating=false submit pending submit_label="Save changes"/>
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
