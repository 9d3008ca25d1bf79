use crate::api::containers::Container;
use crate::api::namespaces::Namespace;
use crate::forms::namespace::NamespaceForm;
use crate::pages::cascade;
use crate::pages::common::{or_dash, EnvTable, SecretKeys, Tags};
use crate::pages::containers::ContainerTable;
use crate::pages::framework::{as_code_of, detail_head, detail_page};
use crate::routes;
use crate::state::query::OwnerFilter;
use crate::state::session::use_session;
use crate::time::local_time;
use leptos::prelude::*;

#[component]
pub fn NamespaceDetail() -> impl IntoView {
    detail_page(|ns: Namespace, _| view! { <NamespaceView ns/> }.into_any())
}

#[component]
fn NamespaceView(ns: Namespace) -> impl IntoView {
    let session = use_session();
    let new_container_href = session.link(&routes::create::<Container>(Some((
        OwnerFilter::Namespace,
        &ns.id,
    ))));
    let region = ns
        .region
        .clone()
        .unwrap_or_else(|| session.region.get_untracked());
    view! {
        {detail_head(&ns, (), session.link(routes::list::<Namespace>()), Some(cascade::of_namespace(&ns.id)))}
        <dl class="facts">
            <dt>"ID"</dt><dd class="mono">{ns.id.clone()}</dd>
            <dt>"Description"</dt><dd>{or_dash(&ns.description)}</dd>
            <dt>"Project"</dt><dd class="mono">{ns.project_id.clone()}</dd>
            <dt>"Organization"</dt><dd class="mono">{ns.organization_id.clone()}</dd>
            <dt>"Region"</dt><dd>{region.to_string()}</dd>
            <dt>"Created"</dt><dd>{local_time(&ns.created_at)}</dd>
            <dt>"Updated"</dt><dd>{local_time(&ns.updated_at)}</dd>
            <dt>"Tags"</dt><dd><Tags tags=ns.tags.clone()/></dd>
        </dl>
        <h2>"Environment variables"</h2>
        <EnvTable vars=ns.environment_variables.clone()/>
        <h2>"Secret variables"</h2>
        <SecretKeys keys=ns.secret_environment_variables.keys().cloned().collect()/>
        <div class="page-head">
            <h2>"Containers"</h2>
            <a class="button" href=new_container_href>"Create container"</a>
        </div>
        <ContainerTable namespace_id=ns.id.clone()/>
        {as_code_of::<NamespaceForm>(&ns)}
    }
}
