use crate::api::containers::{Privacy, Protocol, Sandbox};
use crate::api::namespaces::Namespace;
use crate::components::field::{error_for, CheckField, Choice, Lens, SelectField, TextField};
use crate::components::kv_editor::{KeyValueEditor, SecretEditor};
use crate::components::resource_select::{Catalog, ResourcePicker};
use crate::forms::container::{ContainerForm, ProbeForm, ProbeKind, ScalingKind};
use crate::lens;
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

/// The lenses, error keys and element IDs of one of the two probes.
struct ProbeParts {
    probe: Lens<ContainerForm, ProbeForm>,
    kind: Lens<ContainerForm, ProbeKind>,
    path: Lens<ContainerForm, String>,
    threshold: Lens<ContainerForm, String>,
    interval: Lens<ContainerForm, String>,
    timeout: Lens<ContainerForm, String>,
    /// Error keys: path, failure threshold, interval, timeout.
    keys: [&'static str; 4],
    /// Element IDs: kind radio name, path, threshold, interval, timeout.
    ids: [&'static str; 5],
}

fn probe_parts(startup: bool) -> ProbeParts {
    if startup {
        ProbeParts {
            probe: lens!(startup),
            kind: lens!(startup.kind),
            path: lens!(startup.path),
            threshold: lens!(startup.failure_threshold),
            interval: lens!(startup.interval_s),
            timeout: lens!(startup.timeout_s),
            keys: [
                "startup_probe.http.path",
                "startup_probe.failure_threshold",
                "startup_probe.interval",
                "startup_probe.timeout",
            ],
            ids: [
                "startup-kind",
                "startup-path",
                "startup-threshold",
                "startup-interval",
                "startup-timeout",
            ],
        }
    } else {
        ProbeParts {
            probe: lens!(liveness),
            kind: lens!(liveness.kind),
            path: lens!(liveness.path),
            threshold: lens!(liveness.failure_threshold),
            interval: lens!(liveness.interval_s),
            timeout: lens!(liveness.timeout_s),
            keys: [
                "liveness_probe.http.path",
                "liveness_probe.failure_threshold",
                "liveness_probe.interval",
                "liveness_probe.timeout",
            ],
            ids: [
                "liveness-kind",
                "liveness-path",
                "liveness-threshold",
                "liveness-interval",
                "liveness-timeout",
            ],
        }
    }
}

/// The fields of one probe; `startup` chooses which probe of the form.
#[component]
fn ProbeFields(
    form: RwSignal<ContainerForm>,
    errors: RwSignal<crate::forms::FieldErrors>,
    startup: bool,
) -> impl IntoView {
    let ProbeParts {
        probe,
        kind,
        path,
        threshold,
        interval,
        timeout,
        keys,
        ids,
    } = probe_parts(startup);
    let is_http = move || form.with(|f| (probe.get)(f).kind == ProbeKind::Http);
    view! {
        <Choice form lens=kind name=ids[0] legend="Check" options=PROBE_KINDS/>
        {move || is_http().then(|| view! {
            <TextField form lens=path id=ids[1] label="HTTP path" key=keys[0] errors placeholder="/health"
                hint="1 to 100 characters, starting with /."/>
        })}
        <div class="field-grid">
            <TextField form lens=threshold id=ids[2] label="Failure threshold" key=keys[1] errors input_type="number"
                hint="3 to 50 failed checks."/>
            <TextField form lens=interval id=ids[3] label="Interval" key=keys[2] errors suffix="s"/>
            <TextField form lens=timeout id=ids[4] label="Timeout" key=keys[3] errors suffix="s"/>
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
    let threshold_unit = move || match form.with(|f| f.scaling_kind) {
        ScalingKind::ConcurrentRequests => "Requests per instance before adding one (1 to 80).",
        ScalingKind::CpuPercent => "CPU usage, in percent, before adding an instance.",
        ScalingKind::MemoryPercent => "Memory usage, in percent, before adding an instance.",
    };
    view! {
            <fieldset>
                <legend>"General"</legend>
                {creating.then(|| view! {
                    <ResourcePicker form lens=lens!(namespace_id) errors catalog={Catalog::<Namespace>::all()}
                        key="namespace_id" id="namespace_id" label="Namespace" none_label="Choose a namespace"/>
                    <TextField form lens=lens!(name) id="name" label="Name" key="name" errors required=true
                        hint="2 to 34 lowercase letters, digits and dashes."/>
                })}
                <TextField form lens=lens!(image) id="image" label="Image" key="image" errors required=true
                    placeholder="rg.fr-par.scw.cloud/namespace/image:tag"/>
                <TextField form lens=lens!(description) id="description" label="Description" key="description" errors multiline=true/>
            </fieldset>
            <fieldset>
                <legend>"Networking"</legend>
                <div class="field-grid">
                    <TextField form lens=lens!(port) id="port" label="Port" key="port" errors input_type="number"
                        hint="The port the container listens on."/>
                    <SelectField form lens=lens!(protocol) id="protocol" label="Protocol"
                        options=vec![(Protocol::Http1, "HTTP/1"), (Protocol::H2c, "HTTP/2 cleartext (h2c)")]/>
                    <SelectField form lens=lens!(privacy) id="privacy" label="Privacy"
                        options=vec![(Privacy::Public, "Public"), (Privacy::Private, "Private (needs a token)")]/>
                </div>
                <CheckField form lens=lens!(https_only) id="https_only" label="HTTPS connections only"
                    hint="Redirect plain HTTP to HTTPS."/>
                <TextField form lens=lens!(private_network_id) id="private_network_id" label="Private network ID"
                    key="private_network_id" errors hint="Leave empty for none; clearing it detaches the container."/>
            </fieldset>
            <fieldset>
                <legend>"Resources"</legend>
                <div class="field-grid">
                    <TextField form lens=lens!(memory_mb) id="memory" label="Memory" key="memory_limit_bytes" errors suffix="MB"
                        hint="128 to 12288 MB."/>
                    <TextField form lens=lens!(mvcpu) id="mvcpu" label="CPU" key="mvcpu_limit" errors suffix="mvCPU"
                        hint="70 to 6000 (1000 = 1 vCPU)."/>
                    <TextField form lens=lens!(storage_mb) id="storage" label="Local storage" key="local_storage_limit_bytes" errors suffix="MB"
                        hint="1000 to 24456 MB."/>
                    <TextField form lens=lens!(timeout_s) id="timeout" label="Request timeout" key="timeout" errors suffix="s"
                        hint="At most 900 s."/>
                </div>
                <SelectField form lens=lens!(sandbox) id="sandbox" label="Sandbox"
                    options=vec![(Sandbox::V2, "v2 (faster cold starts)"), (Sandbox::V1, "v1 (legacy)")]/>
            </fieldset>
            <fieldset>
                <legend>"Scaling"</legend>
                <div class="field-grid">
                    <TextField form lens=lens!(min_scale) id="min_scale" label="Minimum instances" key="min_scale" errors input_type="number"
                        hint="0 to 10; 0 scales to zero when idle."/>
                    <TextField form lens=lens!(max_scale) id="max_scale" label="Maximum instances" key="max_scale" errors input_type="number"
                        hint="1 to 50."/>
                </div>
                <Choice form lens=lens!(scaling_kind) name="scaling-kind" legend="Add instances on" options=SCALING_KINDS/>
                <TextField form lens=lens!(scaling_value) id="scaling_value" label="Threshold" key="scaling_option" errors input_type="number"/>
                <p class="hint">{threshold_unit}</p>
            </fieldset>
            <fieldset>
                <legend>"Liveness probe"</legend>
                <ProbeFields form errors startup=false/>
            </fieldset>
            <fieldset>
                <legend>"Startup probe"</legend>
                <CheckField form lens=lens!(startup_enabled) id="startup_enabled"
                    label="Check that the container has started before sending traffic"
                    disabled=Signal::derive(move || form.with(|f| f.startup_locked && f.startup_enabled))/>
                {move || form.with(|f| f.startup_locked).then(|| view! {
                    <p class="hint">"Set on this container: it can be changed, not removed (the API has no way to remove it)."</p>
                })}
                {move || error_for(errors, "startup_probe").get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                {move || form.with(|f| f.startup_enabled).then(|| view! { <ProbeFields form errors startup=true/> })}
            </fieldset>
            <KeyValueEditor form lens=lens!(env) id="env" legend="Environment variables" field="environment_variables" errors paste=true/>
            <SecretEditor form lens=lens!(secrets) id="secrets" legend="Secret variables" field="secret_environment_variables" errors/>
            <fieldset>
                <legend>"Command"</legend>
                <TextField form lens=lens!(command) id="command" label="Command" key="command" errors multiline=true
                    hint="Overrides the image's entrypoint; one item per line. Empty keeps the image's."/>
                <TextField form lens=lens!(args) id="args" label="Arguments" key="args" errors multiline=true
                    hint="One argument per line."/>
            </fieldset>
            <TextField form lens=lens!(tags) id="tags" label="Tags" key="tags" errors hint="Separated by commas."/>
    }
    .into_any()
}
