use crate::components::field::TextField;
use crate::components::kv_editor::{KeyValueEditor, SecretEditor};
use crate::forms::namespace::NamespaceForm;
use crate::lens;
use crate::pages::framework::{create_page, edit_page, FormState};
use crate::state::session::use_session;
use leptos::prelude::*;

#[component]
pub fn NamespaceCreate() -> impl IntoView {
    let session = use_session();
    let initial = NamespaceForm::new(&session.project_id.get_untracked());
    create_page(
        "Create a namespace",
        initial,
        "Create namespace",
        namespace_fields,
    )
}

#[component]
pub fn NamespaceEdit() -> impl IntoView {
    edit_page("Save changes", namespace_fields)
}

fn namespace_fields(state: FormState<NamespaceForm>, creating: bool) -> AnyView {
    let FormState { form, errors, .. } = state;
    view! {
        {creating.then(|| view! {
            <TextField form lens=lens!(project_id) id="project_id" label="Project ID" key="project_id" errors
                hint="The project the namespace belongs to (default from Settings)."/>
            <TextField form lens=lens!(name) id="name" label="Name" key="name" errors required=true
                hint="Letters, digits and dashes; starts with a letter; up to 50 characters."/>
        })}
        <TextField form lens=lens!(description) id="description" label="Description" key="description" errors
            multiline=true hint="Up to 255 characters."/>
        <KeyValueEditor form lens=lens!(env) id="env" legend="Environment variables" field="environment_variables" errors paste=true/>
        <SecretEditor form lens=lens!(secrets) id="secrets" legend="Secret variables" field="secret_environment_variables" errors/>
        <TextField form lens=lens!(tags) id="tags" label="Tags" key="tags" errors hint="Separated by commas."/>
    }
    .into_any()
}
