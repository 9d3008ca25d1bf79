use crate::api::containers::{Container, Probe, ProbeCheck, ScalingRule};
use crate::api::domains::ListDomainsQuery;
use crate::api::triggers::ListTriggersQuery;
use crate::api::Duration;
use crate::components::confirm_delete::ConfirmDelete;
use crate::components::copy_button::CopyButton;
use crate::components::error_banner::ErrorBanner;
use crate::components::status_badge::StatusBadge;
use crate::components::time::local_time;
use crate::forms::container::{bytes_text, cpu_text};
use crate::pages::common::{loaded, use_route_id, EnvTable, SecretKeys, Tags};
use crate::poll::use_polled_resource;
use crate::state::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn ContainerDetail() -> impl IntoView {
    let session = use_session();
    let id = use_route_id();
    let data = use_polled_resource(
        move || {
            let (client, id) = (session.client(), id.get());
            async move { client.get_container(&id).await }
        },
        |c: &Container| c.status.is_transient(),
    );
    // Redeploy answers with the container (now `updating`): show it at once,
    // then let polling carry it to `ready`.
    let redeploy = Action::new_local(move |_: &()| {
        let (client, id) = (session.client_untracked(), id.get_untracked());
        async move { client.redeploy_container(&id).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = redeploy.value().get() {
            data.refetch();
        }
    });
    view! {
        <section class="page">
            {loaded(data, "container", "/containers", move |c| view! { <ContainerView c redeploy/> }.into_any())}
        </section>
    }
}

fn secs(d: Option<Duration>) -> String {
    d.map(|d| format!("{} s", d.to_string().trim_end_matches('s')))
        .unwrap_or_else(|| "—".into())
}

fn probe_text(p: &Option<Probe>) -> String {
    match p {
        None => "None".into(),
        Some(p) => {
            let check = match &p.check {
                ProbeCheck::Tcp => "TCP connection to the port".to_string(),
                ProbeCheck::Http { path } => format!("HTTP GET {path}"),
            };
            format!(
                "{check}; every {}, timeout {}, fails after {} failures",
                secs(p.interval),
                secs(p.timeout),
                p.failure_threshold
            )
        }
    }
}

fn scaling_text(s: &Option<ScalingRule>) -> String {
    match s {
        None => "API default".into(),
        Some(ScalingRule::ConcurrentRequests(n)) => format!("{n} concurrent requests per instance"),
        Some(ScalingRule::CpuPercent(n)) => format!("CPU usage above {n} %"),
        Some(ScalingRule::MemoryPercent(n)) => format!("Memory usage above {n} %"),
    }
}

fn list_text(items: &[String]) -> String {
    if items.is_empty() {
        "—".into()
    } else {
        items.join(" ")
    }
}

#[component]
fn ContainerView(
    c: Container,
    redeploy: Action<(), Result<Container, crate::api::ApiError>>,
) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let confirming = RwSignal::new(false);
    let id = c.id.clone();
    let related = LocalResource::new({
        let id = id.clone();
        move || {
            let (client, id) = (session.client(), id.clone());
            async move {
                let domains = client
                    .list_domains(&ListDomainsQuery {
                        container_id: Some(id.clone()),
                        page_size: Some(100),
                        ..Default::default()
                    })
                    .await;
                let triggers = client
                    .list_triggers(&ListTriggersQuery {
                        container_id: Some(id),
                        page_size: Some(100),
                        ..Default::default()
                    })
                    .await;
                (domains, triggers)
            }
        }
    });
    let delete = Action::new_local({
        let id = id.clone();
        move |_: &()| {
            let (client, id) = (session.client_untracked(), id.clone());
            async move { client.delete_container(&id).await }
        }
    });
    let namespace_id = c.namespace_id.clone();
    Effect::new(move |_| {
        if let Some(Ok(_)) = delete.value().get() {
            confirming.set(false);
            navigate(
                &session.link(&format!("/namespaces/{namespace_id}")),
                Default::default(),
            );
        }
    });
    let consequences = Signal::derive(move || match related.get() {
        Some((Ok(d), Ok(t))) => vec![
            format!("Its custom domains: {}.", d.total_count),
            format!("Its triggers: {}.", t.total_count),
        ],
        Some(_) => vec!["Its custom domains and triggers (counts unavailable).".to_string()],
        None => vec!["Counting its custom domains and triggers…".to_string()],
    });
    let transient = c.status.is_transient();
    let container_id = StoredValue::new(c.id.clone());
    let container_id = move || container_id.get_value();
    let endpoint = c.public_endpoint.clone();
    let name = c.name.clone();
    view! {
        <div class="page-head">
            <h1>{c.name.clone()} " " <StatusBadge status=c.status.clone()/></h1>
            <div class="actions">
                <a class="button secondary" href=session.link(&format!("/containers/{}/edit", c.id))>"Edit"</a>
                <button type="button" class="secondary" disabled=move || transient || redeploy.pending().get()
                    on:click=move |_| { redeploy.dispatch(()); }>
                    {move || if redeploy.pending().get() { "Redeploying…" } else { "Redeploy" }}
                </button>
                <button type="button" class="danger" on:click=move |_| confirming.set(true)>"Delete"</button>
            </div>
        </div>
        {move || redeploy.value().get().and_then(|r| r.err()).map(|error| view! { <ErrorBanner error/> })}
        {c.error_message.clone().filter(|m| !m.is_empty()).map(|m| view! {
            <div class="banner banner-error" role="alert"><p><strong>"Error: "</strong>{m}</p></div>
        })}
        <dl class="facts">
            <dt>"Endpoint"</dt>
            <dd>
                {(!endpoint.is_empty()).then(|| view! {
                    <a class="mono" href=endpoint.clone() target="_blank" rel="noopener noreferrer">{endpoint.clone()}</a>
                    " " <CopyButton text=endpoint.clone() label="Copy URL"/>
                })}
            </dd>
            <dt>"ID"</dt><dd class="mono">{c.id.clone()}</dd>
            <dt>"Namespace"</dt>
            <dd><a class="mono" href=session.link(&format!("/namespaces/{}", c.namespace_id))>{c.namespace_id.clone()}</a></dd>
            <dt>"Description"</dt><dd>{if c.description.is_empty() { "—".to_string() } else { c.description.clone() }}</dd>
            <dt>"Image"</dt><dd class="mono">{c.image.clone()}</dd>
            <dt>"Port"</dt><dd>{c.port}</dd>
            <dt>"Protocol"</dt><dd>{c.protocol.to_string()}</dd>
            <dt>"Privacy"</dt><dd>{c.privacy.to_string()}</dd>
            <dt>"HTTPS only"</dt><dd>{if c.https_connections_only { "yes" } else { "no" }}</dd>
            <dt>"Sandbox"</dt><dd>{c.sandbox.to_string()}</dd>
            <dt>"Scale"</dt><dd>{format!("{} to {} instances", c.min_scale, c.max_scale)}</dd>
            <dt>"Scaling rule"</dt><dd>{scaling_text(&c.scaling_option)}</dd>
            <dt>"Memory"</dt><dd>{bytes_text(c.memory_limit_bytes)}</dd>
            <dt>"CPU"</dt><dd>{format!("{} ({} mvCPU)", cpu_text(c.mvcpu_limit), c.mvcpu_limit)}</dd>
            <dt>"Local storage"</dt><dd>{bytes_text(c.local_storage_limit_bytes)}</dd>
            <dt>"Timeout"</dt><dd>{secs(c.timeout)}</dd>
            <dt>"Liveness probe"</dt><dd>{probe_text(&c.liveness_probe)}</dd>
            <dt>"Startup probe"</dt><dd>{probe_text(&c.startup_probe)}</dd>
            <dt>"Command"</dt><dd class="mono">{list_text(&c.command)}</dd>
            <dt>"Arguments"</dt><dd class="mono">{list_text(&c.args)}</dd>
            <dt>"Private network"</dt>
            <dd class="mono">{c.private_network_id.clone().filter(|p| !p.is_empty()).unwrap_or_else(|| "—".into())}</dd>
            <dt>"Region"</dt><dd>{c.region.clone().map(|r| r.to_string()).unwrap_or_default()}</dd>
            <dt>"Created"</dt><dd>{local_time(&c.created_at)}</dd>
            <dt>"Updated"</dt><dd>{local_time(&c.updated_at)}</dd>
            <dt>"Tags"</dt><dd><Tags tags=c.tags.clone()/></dd>
        </dl>
        <h2>"Environment variables"</h2>
        <EnvTable vars=c.environment_variables.clone()/>
        <h2>"Secret variables"</h2>
        <SecretKeys keys=c.secret_environment_variables.keys().cloned().collect()/>
        <h2>"Custom domains and triggers"</h2>
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || related.get().map(|(domains, triggers)| view! {
                <div class="related">
                    <div>
                        <h3>"Domains"</h3>
                        {match domains {
                            Ok(d) if d.domains.is_empty() => view! { <p class="empty">"None."</p> }.into_any(),
                            Ok(d) => view! { <ul>{d.domains.into_iter().map(|d| view! { <li><span class="mono">{d.hostname}</span> " " <StatusBadge status=d.status/></li> }).collect_view()}</ul> }.into_any(),
                            Err(error) => view! { <ErrorBanner error/> }.into_any(),
                        }}
                        <a href=session.link(&format!("/domains?container_id={}", container_id()))>"Domains of this container"</a>
                    </div>
                    <div>
                        <h3>"Triggers"</h3>
                        {match triggers {
                            Ok(t) if t.triggers.is_empty() => view! { <p class="empty">"None."</p> }.into_any(),
                            Ok(t) => view! { <ul>{t.triggers.into_iter().map(|t| view! { <li>{t.name} " (" {t.source.source_type().to_string()} ") " <StatusBadge status=t.status/></li> }).collect_view()}</ul> }.into_any(),
                            Err(error) => view! { <ErrorBanner error/> }.into_any(),
                        }}
                        <a href=session.link(&format!("/triggers?container_id={}", container_id()))>"Triggers of this container"</a>
                    </div>
                </div>
            })}
        </Transition>
        {move || confirming.get().then(|| view! {
            <ConfirmDelete
                kind="container"
                name=name.clone()
                consequences
                on_confirm=Callback::new(move |_| { delete.dispatch(()); })
                on_cancel=Callback::new(move |_| confirming.set(false))
                pending=delete.pending()
                error=Signal::derive(move || delete.value().get().and_then(|r| r.err()))
            />
        })}
    }
}
