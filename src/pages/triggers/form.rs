use crate::api::containers::Container;
use crate::api::namespaces::Namespace;
use crate::api::triggers::HttpMethod;
use crate::components::field::{Choice, SecretField, SelectField, TextField};
use crate::components::kv_editor::KeyValueEditor;
use crate::components::resource_select::{Catalog, ResourcePicker};
use crate::forms::trigger::{SourceKind, TriggerForm};
use crate::pages::framework::{create_page, edit_page, FormState};
use crate::pages::triggers::cron_fields::{cron_preview, TimeZoneField};
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

/// The trigger form's fields.
type T = TriggerForm;

const SOURCES: &[(SourceKind, &str)] = &[
    (SourceKind::Cron, "Schedule (cron)"),
    (SourceKind::Sqs, "SQS queue"),
    (SourceKind::Nats, "NATS subject"),
];

fn trigger_fields(state: FormState<TriggerForm>, creating: bool) -> AnyView {
    let form = state.form;
    let source = Memo::new(move |_| form.with(|f| f.source));
    let existing = form.with_untracked(|f| f.existing);
    let unknown = form.with_untracked(|f| f.unknown_source.clone());
    let containers = Catalog::<Container>::all();
    let source_fields = move || match source.get() {
        SourceKind::Cron => cron_fields(state).into_any(),
        SourceKind::Sqs => sqs_fields(existing).into_any(),
        SourceKind::Nats => nats_fields(existing).into_any(),
    };
    view! {
        <fieldset>
            <legend>"General"</legend>
            {if creating {
                view! {
                    <ResourcePicker lens=T::CONTAINER catalog=containers id="container_id" label="Container" none_label="Choose a container"
                    groups={Catalog::<Namespace>::all().names()}
                        hint="The container the trigger sends its events to."/>
                }.into_any()
            } else {
                let id = form.with_untracked(|f| f.container_id.clone());
                view! { <p>"Container: " <strong>{move || containers.label_of(&id)}</strong></p> }.into_any()
            }}
            <TextField lens=T::NAME id="name" label="Name" required=true
                hint="Letters, digits, dashes and underscores; up to 50 characters."/>
            <TextField lens=T::DESCRIPTION id="description" label="Description" multiline=true/>
        </fieldset>
        <fieldset>
            <legend>"Source"</legend>
            {match unknown {
                Some(kind) => view! {
                    <p>{format!("This trigger's source is of type “{kind}”, which this console does not know: its settings are left as they are.")}</p>
                }.into_any(),
                None => view! {
                    <Choice lens=T::SOURCE name="source" legend="What fires the trigger" options=SOURCES
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
                <TextField lens=T::HTTP_PATH id="http_path" label="Path"
                    placeholder="/" hint="Starts with /; up to 255 characters."/>
                <SelectField lens=T::HTTP_METHOD id="http_method" label="Method"
                    options=vec![(HttpMethod::Post, "POST"), (HttpMethod::Get, "GET"), (HttpMethod::Put, "PUT"),
                        (HttpMethod::Patch, "PATCH"), (HttpMethod::Delete, "DELETE")]/>
            </div>
        </fieldset>
        <TextField lens=T::TAGS id="tags" label="Tags" hint="Separated by commas."/>
    }
    .into_any()
}

fn cron_fields(state: FormState<TriggerForm>) -> impl IntoView {
    let form = state.form;
    let schedule = Signal::derive(move || form.with(|f| f.cron.schedule.clone()));
    let timezone = Signal::derive(move || form.with(|f| f.cron.timezone.clone()));
    view! {
        <TextField lens=T::CRON_SCHEDULE id="cron_schedule" label="Schedule"
            required=true placeholder="0 9 * * 1-5"
            hint="Five fields: minute, hour, day of the month, month, day of the week. Lists (1,15), ranges (1-5), steps (*/10) and names (MON, JAN)."/>
        {Suspend::new(cron_preview(schedule, timezone))}
        <TimeZoneField lens=T::CRON_TIMEZONE id="cron_timezone"/>
        <TextField lens=T::CRON_BODY id="cron_body" label="Body" multiline=true
            hint="Sent with each request; up to 10,000 characters. JSON is checked."/>
        <KeyValueEditor lens=T::CRON_HEADERS id="cron_headers" legend="Headers"
            add_label="Add header" key_placeholder="Header-Name"/>
    }
}

fn sqs_fields(existing: bool) -> impl IntoView {
    view! {
        <TextField lens=T::SQS_QUEUE_URL id="sqs_queue_url" label="Queue URL"
            required=true placeholder="https://sqs.mnq.fr-par.scaleway.com/project-…/my-queue"/>
        <div class="field-grid">
            <TextField lens=T::SQS_REGION id="sqs_region" label="Region"
                required=true placeholder="fr-par"/>
            <TextField lens=T::SQS_ENDPOINT id="sqs_endpoint" label="Endpoint"
                required=true placeholder="https://sqs.mnq.fr-par.scaleway.com"/>
        </div>
        <TextField lens=T::SQS_ACCESS_KEY_ID id="sqs_access_key_id" label="Access key ID"
            required=true/>
        <SecretField lens=T::SQS_SECRET_ACCESS_KEY id="sqs_secret_access_key" label="Secret access key" is_set=existing/>
    }
}

fn nats_fields(existing: bool) -> impl IntoView {
    view! {
        <TextField lens=T::NATS_SERVER_URLS id="nats_server_urls" label="Server URLs"
            multiline=true required=true placeholder="nats://nats.mnq.fr-par.scaleway.com:4222"
            hint="One per line, 1 to 5; nats:// or tls://."/>
        <TextField lens=T::NATS_SUBJECT id="nats_subject" label="Subject"
            required=true placeholder="orders.created" hint="Up to 100 characters, no spaces."/>
        <SecretField lens=T::NATS_CREDENTIALS id="nats_credentials" label="Credentials file" is_set=existing multiline=true from_file=true/>
    }
}
