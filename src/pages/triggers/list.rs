use crate::api::containers::Container;
use crate::api::triggers::{Trigger, TriggerSource};
use crate::components::explanation::short_why;
use crate::components::resource_select::Catalog;
use crate::components::resource_table::{owner_cell, ResourceTable};
use crate::components::status_badge::StatusBadge;
use crate::format::destination_text;
use crate::pages::containers::container_owned_list;
use crate::routes;
use crate::state::query::{ListParams, OwnerFilter};
use crate::state::session::use_session;
use leptos::prelude::*;

#[component]
pub fn TriggerList() -> impl IntoView {
    container_owned_list::<Trigger>("Triggers", "Create trigger", |containers| {
        view! { <TriggerTable containers/> }.into_any()
    })
}

/// What fires a trigger, in one line: its schedule, queue or subject.
pub fn source_summary(source: &TriggerSource) -> String {
    match source {
        TriggerSource::Cron(c) => format!("{} ({})", c.schedule, c.timezone),
        TriggerSource::Sqs(c) => c.queue_url.clone(),
        TriggerSource::Nats(c) => c.subject.clone(),
        TriggerSource::Unknown(_) => "—".into(),
    }
}

/// The triggers of the list page (filtered and sorted from the URL) or of
/// one container (`container_id`, on the container's page).
#[component]
pub fn TriggerTable(
    #[prop(optional)] container_id: Option<String>,
    /// Containers of the region, to show their names.
    #[prop(optional)]
    containers: Option<Catalog<Container>>,
) -> impl IntoView {
    let session = use_session();
    let is_fixed = container_id.is_some();
    let owned_by = container_id.map(|id| ListParams::owned_by(OwnerFilter::Container, id));
    view! {
        <ResourceTable
            headers=&["Name", "Status", "Source", "Schedule, queue or subject", "Destination", "Error"]
            owner_header="Container"
            owned_by
            empty=is_fixed.then_some("No triggers for this container.")
            row=move |t: &Trigger| {
                let (summary, destination) = (source_summary(&t.source), destination_text(t));
                let why = short_why(t);
                view! {
                    <tr>
                        <td><a href=session.link(&routes::detail::<Trigger>(&t.id))>{t.name.clone()}</a></td>
                        <td><StatusBadge status=t.status.clone()/></td>
                        {(!is_fixed).then(|| owner_cell(containers, t.container_id.clone()))}
                        <td>{t.source.source_type().to_string()}</td>
                        <td class="mono">{summary}</td>
                        <td class="mono">{destination}</td>
                        <td class="error-text">{why} " " {t.error_message.clone().unwrap_or_default()}</td>
                    </tr>
                }
            }
        />
    }
}
