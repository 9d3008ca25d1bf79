use crate::api::containers::Container;
use crate::api::namespaces::Namespace;
use crate::api::triggers::HttpMethod;
use crate::components::field::{Choice, SecretField, SelectField, TextField};
use crate::components::kv_editor::KeyValueEditor;
use crate::components::resource_select::{Catalog, ResourcePicker};
use crate::forms::trigger::{SourceKind, TriggerForm};
use crate::lens;
use crate::pages::framework::{create_page, edit_page, FormState};
use crate::pages::triggers::cron_fields::{CronPreview, TimeZoneField};
use crate::state::query::use_list_params;
use crate::state::session::use_session;
use crate::time::user_time_zone;
use leptos::prelude::*;

#[component]
pub fn TriggerCreate() -> impl IntoView {
    let session = use_session();
    // A link from a container's page names the container.
    let container = use_list_params()
        .params
        .with_untracked(|p| p.container_id.clone())
        .unwrap_or_default();
    let region = session.region.get_untracked();
    let initial = TriggerForm::new(&container, &user_time_zone(), region.as_str());
    create_page(
        "Create a trigger",
        initial,
        "Create trigger",
        trigger_fields,
    )
}

#[component]
pub fn TriggerEdit() -> impl IntoView {
    edit_page("Save changes", trigger_fields)
}

const SOURCES: &[(SourceKind, &str)] = &[
    (SourceKind::Cron, "Schedule (cron)"),
    (SourceKind::Sqs, "SQS queue"),
    (SourceKind::Nats, "NATS subject"),
];

fn trigger_fields(state: FormState<TriggerForm>, creating: bool) -> AnyView {
    let FormState { form, errors, .. } = state;
    let source = Memo::new(move |_| form.with(|f| f.source));
    let existing = form.with_untracked(|f| f.existing);
    let unknown = form.with_untracked(|f| f.unknown_source.clone());
    let containers = Catalog::<Container>::all();
    let source_fields = move || match source.get() {
        SourceKind::Cron => cron_fields(state).into_any(),
        SourceKind::Sqs => sqs_fields(state, existing).into_any(),
        SourceKind::Nats => nats_fields(state, existing).into_any(),
    };
    view! {
        <fieldset>
            <legend>"General"</legend>
            {if creating {
                view! {
                    <ResourcePicker form lens=lens!(container_id) errors catalog=containers
                        key="container_id" id="container_id" label="Container" none_label="Choose a container"
                    groups={Catalog::<Namespace>::all().names()}
                        hint="The container the trigger sends its events to."/>
                }.into_any()
            } else {
                let id = form.with_untracked(|f| f.container_id.clone());
                view! { <p>"Container: " <strong>{move || containers.label_of(&id)}</strong></p> }.into_any()
            }}
            <TextField form lens=lens!(name) id="name" label="Name" key="name" errors required=true
                hint="Letters, digits, dashes and underscores; up to 50 characters."/>
            <TextField form lens=lens!(description) id="description" label="Description" key="description" errors multiline=true/>
        </fieldset>
        <fieldset>
            <legend>"Source"</legend>
            {match unknown {
                Some(kind) => view! {
                    <p>{format!("This trigger's source is of type “{kind}”, which this console does not know: its settings are left as they are.")}</p>
                }.into_any(),
                None => view! {
                    <Choice form lens=lens!(source) name="source" legend="What fires the trigger" options=SOURCES
                        disabled=existing
                        hint=if existing { "The source type of a trigger cannot change. For another source, create a new trigger." } else { "" }/>
                    {source_fields}
                }.into_any(),
            }}
        </fieldset>
        <fieldset>
            <legend>"Destination"</legend>
            <p class="hint">"Each event is an HTTP request to the container. The API's default is POST /."</p>
            <div class="field-grid">
                <TextField form lens=lens!(http_path) id="http_path" label="Path" key="destination_config.http_path" errors
                    placeholder="/" hint="Starts with /; up to 255 characters."/>
                <SelectField form lens=lens!(http_method) id="http_method" label="Method"
                    options=vec![(HttpMethod::Post, "POST"), (HttpMethod::Get, "GET"), (HttpMethod::Put, "PUT"),
                        (HttpMethod::Patch, "PATCH"), (HttpMethod::Delete, "DELETE")]/>
            </div>
        </fieldset>
        <TextField form lens=lens!(tags) id="tags" label="Tags" key="tags" errors hint="Separated by commas."/>
    }
    .into_any()
}

fn cron_fields(state: FormState<TriggerForm>) -> impl IntoView {
    let FormState { form, errors, .. } = state;
    let schedule = Signal::derive(move || form.with(|f| f.cron.schedule.clone()));
    let timezone = Signal::derive(move || form.with(|f| f.cron.timezone.clone()));
    view! {
        <TextField form lens=lens!(cron.schedule) id="cron_schedule" label="Schedule" key="cron_config.schedule" errors
            required=true placeholder="0 9 * * 1-5"
            hint="Five fields: minute, hour, day of the month, month, day of the week. Lists (1,15), ranges (1-5), steps (*/10) and names (MON, JAN)."/>
        <CronPreview schedule timezone/>
        <TimeZoneField form lens=lens!(cron.timezone) errors key="cron_config.timezone" id="cron_timezone"/>
        <TextField form lens=lens!(cron.body) id="cron_body" label="Body" key="cron_config.body" errors multiline=true
            hint="Sent with each request; up to 10,000 characters. JSON is checked."/>
        <KeyValueEditor form lens=lens!(cron.headers) id="cron_headers" legend="Headers" field="cron_config.headers" errors
            add_label="Add header" key_placeholder="Header-Name"/>
    }
}

fn sqs_fields(state: FormState<TriggerForm>, existing: bool) -> impl IntoView {
    let FormState { form, errors, .. } = state;
    view! {
        <TextField form lens=lens!(sqs.queue_url) id="sqs_queue_url" label="Queue URL" key="sqs_config.queue_url" errors
            required=true placeholder="https://sqs.mnq.fr-par.scaleway.com/project-…/my-queue"/>
        <div class="field-grid">
            <TextField form lens=lens!(sqs.region) id="sqs_region" label="Region" key="sqs_config.region" errors
                required=true placeholder="fr-par"/>
            <TextField form lens=lens!(sqs.endpoint) id="sqs_endpoint" label="Endpoint" key="sqs_config.endpoint" errors
                required=true placeholder="https://sqs.mnq.fr-par.scaleway.com"/>
        </div>
        <TextField form lens=lens!(sqs.access_key_id) id="sqs_access_key_id" label="Access key ID" key="sqs_config.access_key_id" errors
            required=true/>
        <SecretField form lens=lens!(sqs.secret_access_key) id="sqs_secret_access_key" label="Secret access key"
            key="sqs_config.secret_access_key" errors is_set=existing/>
    }
}

fn nats_fields(state: FormState<TriggerForm>, existing: bool) -> impl IntoView {
    let FormState { form, errors, .. } = state;
    view! {
        <TextField form lens=lens!(nats.server_urls) id="nats_server_urls" label="Server URLs" key="nats_config.server_urls" errors
            multiline=true required=true placeholder="nats://nats.mnq.fr-par.scaleway.com:4222"
            hint="One per line, 1 to 5; nats:// or tls://."/>
        <TextField form lens=lens!(nats.subject) id="nats_subject" label="Subject" key="nats_config.subject" errors
            required=true placeholder="orders.created" hint="Up to 100 characters, no spaces."/>
        <SecretField form lens=lens!(nats.credentials) id="nats_credentials" label="Credentials file"
            key="nats_config.credentials_file_content" errors is_set=existing multiline=true from_file=true/>
    }
}
