use crate::api::containers::ListContainersQuery;
use crate::api::domains::ListDomainsQuery;
use crate::api::namespaces::Namespace;
use crate::api::triggers::ListTriggersQuery;
use crate::components::confirm_delete::ConfirmDelete;
use crate::components::status_badge::StatusBadge;
use crate::components::time::local_time;
use crate::pages::common::{loaded, use_route_id, EnvTable, SecretKeys, Tags};
use crate::pages::containers::ContainerTable;
use crate::poll::use_polled_resource;
use crate::state::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn NamespaceDetail() -> impl IntoView {
    let session = use_session();
    let id = use_route_id();
    let data = use_polled_resource(
        move || {
            let (client, id) = (session.client(), id.get());
            async move { client.get_namespace(&id).await }
        },
        |ns: &Namespace| ns.status.is_transient(),
    );
    view! {
        <section class="page">
            {loaded(data, "namespace", "/namespaces", |ns| view! { <NamespaceView ns/> }.into_any())}
        </section>
    }
}

#[component]
fn NamespaceView(ns: Namespace) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let confirming = RwSignal::new(false);
    let id = ns.id.clone();
    let name = ns.name.clone();
    let consequences = LocalResource::new({
        let id = id.clone();
        move || {
            let (open, client, id) = (confirming.get(), session.client(), id.clone());
            async move {
                if !open {
                    return Vec::new();
                }
                let one = Some(1);
                let containers = client
                    .list_containers(&ListContainersQuery {
                        namespace_id: Some(id.clone()),
                        page_size: one,
                        ..Default::default()
                    })
                    .await
                    .map(|l| l.total_count);
                let domains = client
                    .list_domains(&ListDomainsQuery {
                        namespace_id: Some(id.clone()),
                        page_size: one,
                        ..Default::default()
                    })
                    .await
                    .map(|l| l.total_count);
                let triggers = client
                    .list_triggers(&ListTriggersQuery {
                        namespace_id: Some(id),
                        page_size: one,
                        ..Default::default()
                    })
                    .await
                    .map(|l| l.total_count);
                let count = |r: Result<u64, _>, what: &str| match r {
                    Ok(n) => format!("{n} {what}"),
                    Err(_) => format!("its {what} (count unavailable)"),
                };
                vec![
                    format!(
                        "All of its containers: {}.",
                        count(containers, "container(s)")
                    ),
                    format!("Their custom domains: {}.", count(domains, "domain(s)")),
                    format!("Their triggers: {}.", count(triggers, "trigger(s)")),
                ]
            }
        }
    });
    let delete = Action::new_local({
        let id = id.clone();
        move |_: &()| {
            let (client, id) = (session.client_untracked(), id.clone());
            async move { client.delete_namespace(&id).await }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = delete.value().get() {
            confirming.set(false);
            navigate(&session.link("/namespaces"), Default::default());
        }
    });
    let transient = ns.status.is_transient();
    let edit_href = session.link(&format!("/namespaces/{}/edit", ns.id));
    let new_container_href = session.link(&format!("/containers/new?namespace_id={}", ns.id));
    let containers_id = id.clone();
    view! {
        <div class="page-head">
            <h1>{ns.name.clone()} " " <StatusBadge status=ns.status.clone()/></h1>
            <div class="actions">
                <a class="button secondary" href=edit_href aria-disabled=transient.to_string()>"Edit"</a>
                <button type="button" class="danger" on:click=move |_| confirming.set(true)>"Delete"</button>
            </div>
        </div>
        {ns.error_message.clone().filter(|m| !m.is_empty()).map(|m| view! {
            <div class="banner banner-error" role="alert"><p>{m}</p></div>
        })}
        <dl class="facts">
            <dt>"ID"</dt><dd class="mono">{ns.id.clone()}</dd>
            <dt>"Description"</dt><dd>{if ns.description.is_empty() { "—".to_string() } else { ns.description.clone() }}</dd>
            <dt>"Project"</dt><dd class="mono">{ns.project_id.clone()}</dd>
            <dt>"Organization"</dt><dd class="mono">{ns.organization_id.clone()}</dd>
            <dt>"Region"</dt><dd>{ns.region.clone().map(|r| r.to_string()).unwrap_or_else(|| session.region.get_untracked().to_string())}</dd>
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
        <ContainerTable namespace_id=containers_id/>
        {move || confirming.get().then(|| view! {
            <ConfirmDelete
                kind="namespace"
                name=name.clone()
                consequences=Signal::derive(move || consequences.get().unwrap_or_default())
                on_confirm=Callback::new(move |_| { delete.dispatch(()); })
                on_cancel=Callback::new(move |_| confirming.set(false))
                pending=delete.pending()
                error=Signal::derive(move || delete.value().get().and_then(|r| r.err()))
            />
        })}
    }
}
