use crate::api::containers::{Container, Probe, ProbeCheck, ScalingRule};
use crate::api::domains::Domain;
use crate::api::namespaces::Namespace;
use crate::api::triggers::Trigger;
use crate::api::Duration;
use crate::components::copy_button::CopyButton;
use crate::components::error_banner::ErrorBanner;
use crate::format::{bytes_text, cpu_text};
use crate::forms::container::ContainerForm;
use crate::forms::net::url_problem;
use crate::pages::cascade;
use crate::pages::common::{or_dash, EnvTable, SecretKeys, Tags};
use crate::pages::domains::DomainTable;
use crate::pages::framework::{as_code_of, detail_head, detail_page, related_label, use_related};
use crate::pages::triggers::TriggerTable;
use crate::routes;
use crate::state::query::OwnerFilter;
use crate::state::session::use_session;
use crate::time::local_time;
use leptos::prelude::*;

#[component]
pub fn ContainerDetail() -> impl IntoView {
    detail_page(|c: Container, reload| view! { <ContainerView c reload/> }.into_any())
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
fn ContainerView(c: Container, reload: Callback<()>) -> impl IntoView {
    let session = use_session();
    // Redeploy answers with the container (now `updating`): read it again at
    // once, then polling carries it to `ready`.
    let redeploy = Action::new_local({
        let id = c.id.clone();
        move |_: &()| {
            let (client, id) = (session.client_untracked(), id.clone());
            async move {
                let answer = client.redeploy_container(&id).await;
                if answer.is_ok() {
                    reload.run(());
                }
                answer
            }
        }
    });
    let transient = c.status.is_transient();
    let endpoint = c.public_endpoint.clone();
    let redeploy_button = view! {
        <button type="button" class="secondary" disabled=move || transient || redeploy.pending().get()
            on:click=move |_| { redeploy.dispatch(()); }>
            {move || if redeploy.pending().get() { "Redeploying…" } else { "Redeploy" }}
        </button>
    };
    let after_delete = session.link(&routes::detail::<Namespace>(&c.namespace_id));
    let namespace = use_related::<Namespace>(c.namespace_id.clone());
    let namespace_name = related_label(namespace, c.namespace_id.clone());
    view! {
        {detail_head(&c, redeploy_button, after_delete, Some(cascade::of_container(&c.id)))}
        {move || redeploy.value().get().and_then(|r| r.err()).map(|error| view! { <ErrorBanner error/> })}
        <dl class="facts">
            <dt>"Endpoint"</dt>
            <dd>
                // Only an http(s) address becomes a link: API data never becomes a `javascript:` link.
                {if url_problem(&endpoint, &["https", "http"]).is_none() {
                    view! { <a class="mono" href=endpoint.clone() target="_blank" rel="noopener noreferrer">{endpoint.clone()}</a> }.into_any()
                } else {
                    view! { <span class="mono">{or_dash(&endpoint)}</span> }.into_any()
                }}
                {(!endpoint.is_empty()).then(|| view! { " " <CopyButton text=endpoint.clone() label="Copy URL"/> })}
            </dd>
            <dt>"ID"</dt><dd class="mono">{c.id.clone()}</dd>
            <dt>"Namespace"</dt>
            <dd><a href=session.link(&routes::detail::<Namespace>(&c.namespace_id))>{namespace_name}</a></dd>
            <dt>"Description"</dt><dd>{or_dash(&c.description)}</dd>
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
        <div class="page-head">
            <h2>"Custom domains"</h2>
            <a class="button secondary" href=session.link(&routes::create::<Domain>(Some((OwnerFilter::Container, &c.id))))>"Add custom domain"</a>
        </div>
        <DomainTable container_id=c.id.clone()/>
        <div class="page-head">
            <h2>"Triggers"</h2>
            <a class="button secondary" href=session.link(&routes::create::<Trigger>(Some((OwnerFilter::Container, &c.id))))>"Create trigger"</a>
        </div>
        <TriggerTable container_id=c.id.clone()/>
        {as_code_of::<ContainerForm>(&c)}
    }
}
