use crate::api::containers::Container;
use crate::api::triggers::{Trigger, TriggerSource};
use crate::format::destination_text;
use crate::forms::trigger::TriggerForm;
use crate::pages::common::{or_dash, EnvTable, Tags};
use crate::pages::framework::{as_code_of, detail_head, detail_page, related_label, use_related};
use crate::pages::triggers::cron_preview;
use crate::routes;
use crate::state::session::use_session;
use crate::time::local_time;
use leptos::prelude::*;

#[component]
pub fn TriggerDetail() -> impl IntoView {
    detail_page(|t: Trigger, _| view! { <TriggerView t/> }.into_any())
}

/// A write-only value: the API never returns it, so it can only be "set".
fn write_only() -> impl IntoView {
    view! { <span class="set">"set (never shown)"</span> }
}

#[component]
fn TriggerView(t: Trigger) -> impl IntoView {
    let session = use_session();
    let container = use_related::<Container>(t.container_id.clone());
    let container_name = related_label(container, t.container_id.clone());
    let after_delete = session.link(&routes::detail::<Container>(&t.container_id));
    let source = match t.source.clone() {
        TriggerSource::Cron(c) => {
            let (schedule, timezone) = (c.schedule.clone(), c.timezone.clone());
            view! {
                <h2>"Cron schedule"</h2>
                <dl class="facts">
                    <dt>"Schedule"</dt><dd class="mono">{c.schedule}</dd>
                    <dt>"Time zone"</dt><dd>{c.timezone}</dd>
                    <dt>"Body"</dt><dd><pre class="mono body">{or_dash(&c.body)}</pre></dd>
                </dl>
                {Suspend::new(cron_preview(
                    Signal::derive(move || schedule.clone()),
                    Signal::derive(move || timezone.clone()),
                ))}
                <h3>"Headers"</h3>
                <EnvTable vars=c.headers/>
            }
            .into_any()
        }
        TriggerSource::Sqs(c) => view! {
            <h2>"SQS queue"</h2>
            <dl class="facts">
                <dt>"Queue URL"</dt><dd class="mono">{c.queue_url}</dd>
                <dt>"Region"</dt><dd>{c.region}</dd>
                <dt>"Endpoint"</dt><dd class="mono">{c.endpoint}</dd>
                <dt>"Access key ID"</dt><dd class="mono">{c.access_key_id}</dd>
                <dt>"Secret access key"</dt><dd>{write_only()}</dd>
            </dl>
        }
        .into_any(),
        TriggerSource::Nats(c) => view! {
            <h2>"NATS subject"</h2>
            <dl class="facts">
                <dt>"Subject"</dt><dd class="mono">{c.subject}</dd>
                <dt>"Servers"</dt>
                <dd><ul class="plain">{c.server_urls.into_iter().map(|u| view! { <li class="mono">{u}</li> }).collect_view()}</ul></dd>
                <dt>"Credentials file"</dt><dd>{write_only()}</dd>
            </dl>
        }
        .into_any(),
        TriggerSource::Unknown(kind) => view! {
            <h2>"Source"</h2>
            <p>{format!("A source of type “{kind}”, which this console does not know yet.")}</p>
        }
        .into_any(),
    };
    view! {
        {detail_head(&t, (), after_delete, None)}
        <dl class="facts">
            <dt>"Container"</dt>
            <dd><a href=session.link(&routes::detail::<Container>(&t.container_id))>{container_name}</a></dd>
            <dt>"Source"</dt><dd>{t.source.source_type().to_string()}</dd>
            <dt>"Destination"</dt><dd class="mono">{destination_text(&t)}</dd>
            <dt>"Description"</dt><dd>{or_dash(&t.description)}</dd>
            <dt>"ID"</dt><dd class="mono">{t.id.clone()}</dd>
            <dt>"Created"</dt><dd>{local_time(&t.created_at)}</dd>
            <dt>"Updated"</dt><dd>{local_time(&t.updated_at)}</dd>
            <dt>"Tags"</dt><dd><Tags tags=t.tags.clone()/></dd>
        </dl>
        {source}
        {as_code_of::<TriggerForm>(&t)}
    }
}
