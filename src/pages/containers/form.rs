use crate::api::containers::{Privacy, Protocol, Sandbox};
use crate::api::namespaces::Namespace;
use crate::components::field::{
    error_for, use_form_scope, CheckField, Choice, SelectField, TextField,
};
use crate::components::kv_editor::{KeyValueEditor, SecretEditor};
use crate::components::resource_select::{Catalog, ResourcePicker};
use crate::forms::container::{ContainerForm, ProbeKind, ScalingKind};
use crate::pages::framework::{create_page, edit_page, FormState};
use crate::state::query::use_list_params;
use leptos::prelude::*;

#[component]
pub fn ContainerCreate() -> impl IntoView {
    // A link from a namespace's page names the namespace.
    let namespace = use_list_params()
        .params
        .with_untracked(|p| p.namespace_id.clone())
        .unwrap_or_default();
    create_page(
        "Create a container",
        ContainerForm::new(&namespace),
        "Create container",
        container_fields,
    )
}

#[component]
pub fn ContainerEdit() -> impl IntoView {
    edit_page("Save and deploy", container_fields)
}

const PROBE_KINDS: &[(ProbeKind, &str)] = &[(ProbeKind::Tcp, "TCP"), (ProbeKind::Http, "HTTP")];

/// The element IDs of one probe's fields.
struct ProbeIds {
    kind: &'static str,
    path: &'static str,
    threshold: &'static str,
    interval: &'static str,
    timeout: &'static str,
}

const LIVENESS_IDS: ProbeIds = ProbeIds {
    kind: "liveness-kind",
    path: "liveness-path",
    threshold: "liveness-threshold",
    interval: "liveness-interval",
    timeout: "liveness-timeout",
};

const STARTUP_IDS: ProbeIds = ProbeIds {
    kind: "startup-kind",
    path: "startup-path",
    threshold: "startup-threshold",
    interval: "startup-interval",
    timeout: "startup-timeout",
};

/// The fields of one probe; `startup` chooses which probe of the form.
#[component]
fn ProbeFields(startup: bool) -> impl IntoView {
    let (fields, ids) = if startup {
        (ContainerForm::STARTUP, STARTUP_IDS)
    } else {
        (ContainerForm::LIVENESS, LIVENESS_IDS)
    };
    let form = use_form_scope::<ContainerForm>().form;
    let probe = fields.probe;
    let is_http = move || form.with(|f| (probe.get)(f).kind == ProbeKind::Http);
    view! {
        <Choice lens=fields.kind name=ids.kind legend="Check" options=PROBE_KINDS/>
        {move || is_http().then(|| view! {
            <TextField lens=fields.path id=ids.path label="HTTP path" placeholder="/health"
                hint="1 to 100 characters, starting with /."/>
        })}
        <div class="field-grid">
            <TextField lens=fields.threshold id=ids.threshold label="Failure threshold" input_type="number"
                hint="3 to 50 failed checks."/>
            <TextField lens=fields.interval id=ids.interval label="Interval" suffix="s"/>
            <TextField lens=fields.timeout id=ids.timeout label="Timeout" suffix="s"/>
        </div>
    }
}

const SCALING_KINDS: &[(ScalingKind, &str)] = &[
    (ScalingKind::ConcurrentRequests, "Concurrent requests"),
    (ScalingKind::CpuPercent, "CPU usage"),
    (ScalingKind::MemoryPercent, "Memory usage"),
];

fn container_fields(state: FormState<ContainerForm>, creating: bool) -> AnyView {
    let FormState { form, errors, .. } = state;
    type C = ContainerForm;
    let threshold_unit = move || match form.with(|f| f.scaling_kind) {
        ScalingKind::ConcurrentRequests => "Requests per instance before adding one (1 to 80).",
        ScalingKind::CpuPercent => "CPU usage, in percent, before adding an instance.",
        ScalingKind::MemoryPercent => "Memory usage, in percent, before adding an instance.",
    };
    view! {
            <fieldset>
                <legend>"General"</legend>
                {creating.then(|| view! {
                    <ResourcePicker lens=C::NAMESPACE catalog={Catalog::<Namespace>::all()} id="namespace_id" label="Namespace" none_label="Choose a namespace"/>
                    <TextField lens=C::NAME id="name" label="Name" required=true
                        hint="2 to 34 lowercase letters, digits and dashes."/>
                })}
                <TextField lens=C::IMAGE id="image" label="Image" required=true
                    placeholder="rg.fr-par.scw.cloud/namespace/image:tag"/>
                <TextField lens=C::DESCRIPTION id="description" label="Description" multiline=true/>
            </fieldset>
            <fieldset>
                <legend>"Networking"</legend>
                <div class="field-grid">
                    <TextField lens=C::PORT id="port" label="Port" input_type="number"
                        hint="The port the container listens on."/>
                    <SelectField lens=C::PROTOCOL id="protocol" label="Protocol"
                        options=vec![(Protocol::Http1, "HTTP/1"), (Protocol::H2c, "HTTP/2 cleartext (h2c)")]/>
                    <SelectField lens=C::PRIVACY id="privacy" label="Privacy"
                        options=vec![(Privacy::Public, "Public"), (Privacy::Private, "Private (needs a token)")]/>
                </div>
                <CheckField lens=C::HTTPS_ONLY id="https_only" label="HTTPS connections only"
                    hint="Redirect plain HTTP to HTTPS."/>
                <TextField lens=C::PRIVATE_NETWORK id="private_network_id" label="Private network ID" hint="Leave empty for none; clearing it detaches the container."/>
            </fieldset>
            <fieldset>
                <legend>"Resources"</legend>
                <div class="field-grid">
                    <TextField lens=C::MEMORY id="memory" label="Memory" suffix="MB"
                        hint="128 to 12288 MB."/>
                    <TextField lens=C::CPU id="mvcpu" label="CPU" suffix="mvCPU"
                        hint="70 to 6000 (1000 = 1 vCPU)."/>
                    <TextField lens=C::STORAGE id="storage" label="Local storage" suffix="MB"
                        hint="1000 to 24456 MB."/>
                    <TextField lens=C::TIMEOUT id="timeout" label="Request timeout" suffix="s"
                        hint="At most 900 s."/>
                </div>
                <SelectField lens=C::SANDBOX id="sandbox" label="Sandbox"
                    options=vec![(Sandbox::V2, "v2 (faster cold starts)"), (Sandbox::V1, "v1 (legacy)")]/>
            </fieldset>
            <fieldset>
                <legend>"Scaling"</legend>
                <div class="field-grid">
                    <TextField lens=C::MIN_SCALE id="min_scale" label="Minimum instances" input_type="number"
                        hint="0 to 10; 0 scales to zero when idle."/>
                    <TextField lens=C::MAX_SCALE id="max_scale" label="Maximum instances" input_type="number"
                        hint="1 to 50."/>
                </div>
                <Choice lens=C::SCALING_KIND name="scaling-kind" legend="Add instances on" options=SCALING_KINDS/>
                <TextField lens=C::SCALING_VALUE id="scaling_value" label="Threshold" input_type="number"/>
                <p class="hint">{threshold_unit}</p>
            </fieldset>
            <fieldset>
                <legend>"Liveness probe"</legend>
                <ProbeFields startup=false/>
            </fieldset>
            <fieldset>
                <legend>"Startup probe"</legend>
                <CheckField lens=C::STARTUP_ENABLED id="startup_enabled"
                    label="Check that the container has started before sending traffic"
                    disabled=Signal::derive(move || form.with(|f| f.startup_locked && f.startup_enabled))/>
                {move || form.with(|f| f.startup_locked).then(|| view! {
                    <p class="hint">"Set on this container: it can be changed, not removed (the API has no way to remove it)."</p>
                })}
                {move || error_for(errors, C::STARTUP_ENABLED.key).get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                {move || form.with(|f| f.startup_enabled).then(|| view! { <ProbeFields startup=true/> })}
            </fieldset>
            <KeyValueEditor lens=C::ENV id="env" legend="Environment variables" paste=true/>
            <SecretEditor lens=C::SECRETS id="secrets" legend="Secret variables"/>
            <fieldset>
                <legend>"Command"</legend>
                <TextField lens=C::COMMAND id="command" label="Command" multiline=true
                    hint="Overrides the image's entrypoint; one item per line. Empty keeps the image's."/>
                <TextField lens=C::ARGS id="args" label="Arguments" multiline=true
                    hint="One argument per line."/>
            </fieldset>
            <TextField lens=C::TAGS id="tags" label="Tags" hint="Separated by commas."/>
    }
    .into_any()
}
