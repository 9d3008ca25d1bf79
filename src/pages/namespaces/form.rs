use crate::components::field::TextField;
use crate::components::kv_editor::{KeyValueEditor, SecretEditor};
use crate::forms::namespace::NamespaceForm;
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

fn namespace_fields(_: FormState<NamespaceForm>, creating: bool) -> AnyView {
    type N = NamespaceForm;
    view! {
        {creating.then(|| view! {
            <TextField lens=N::PROJECT id="project_id" label="Project ID"
                hint="The project the namespace belongs to (default from Settings)."/>
            <TextField lens=N::NAME id="name" label="Name" required=true
                hint="Letters, digits and dashes; starts with a letter; up to 50 characters."/>
        })}
        <TextField lens=N::DESCRIPTION id="description" label="Description"
            multiline=true hint="Up to 255 characters."/>
        <KeyValueEditor lens=N::ENV id="env" legend="Environment variables" paste=true/>
        <SecretEditor lens=N::SECRETS id="secrets" legend="Secret variables"/>
        <TextField lens=N::TAGS id="tags" label="Tags" hint="Separated by commas."/>
    }
    .into_any()
}
