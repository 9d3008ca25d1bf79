use crate::api::containers::Container;
use crate::api::list::NameOrder;
use crate::api::namespaces::Namespace;
use crate::api::triggers::{Trigger, TriggerSource};
use crate::api::ListQuery;
use crate::components::filter_bar::{FilterBar, NAME_ORDERS};
use crate::components::resource_select::{Catalog, OwnerFilterSelect};
use crate::components::resource_table::{Page, ResourceTable, PAGE_SIZE};
use crate::components::status_badge::StatusBadge;
use crate::pages::shell::detail_path;
use crate::state::query::{use_list_params, OwnerFilter};
use crate::state::session::use_session;
use leptos::prelude::*;

#[component]
pub fn TriggerList() -> impl IntoView {
    let session = use_session();
    let params = use_list_params();
    let namespaces = Catalog::<Namespace>::all();
    let containers = Catalog::<Container>::new(move || ListQuery {
        namespace_id: params.params.with(|p| p.namespace_id.clone()),
        ..ListQuery::all()
    });
    let new_href = move || {
        let container = params
            .params
            .with(|p| p.container_id.clone())
            .unwrap_or_default();
        session.link(&format!("/triggers/new?container_id={container}"))
    };
    view! {
        <section class="page">
            <div class="page-head">
                <h1>"Triggers"</h1>
                <a class="button" href=new_href>"Create trigger"</a>
            </div>
            <div class="filter-row">
                <OwnerFilterSelect params filter=OwnerFilter::Namespace catalog=namespaces clears=OwnerFilter::Container
                    id="filter-namespace" label="Namespace" none_label="All namespaces"/>
                <OwnerFilterSelect params filter=OwnerFilter::Container catalog=containers
                    id="filter-container" label="Container" none_label="All containers"/>
                <FilterBar filters=&[] orders=NAME_ORDERS/>
            </div>
            <TriggerTable containers/>
        </section>
    }
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

/// `POST /path`.
pub fn destination_text(t: &Trigger) -> String {
    format!(
        "{} {}",
        t.destination_config.http_method.as_str().to_uppercase(),
        t.destination_config.http_path
    )
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
    let params = use_list_params();
    let fixed = container_id.is_some();
    let container_id = StoredValue::new(container_id);
    let headers: &'static [&'static str] = if fixed {
        &[
            "Name",
            "Source",
            "Schedule, queue or subject",
            "Destination",
            "Status",
            "Error",
        ]
    } else {
        &[
            "Name",
            "Container",
            "Source",
            "Schedule, queue or subject",
            "Destination",
            "Status",
            "Error",
        ]
    };
    view! {
        <ResourceTable
            noun="triggers"
            headers
            local_pages=fixed
            empty=if fixed { "No triggers for this container." } else { "No triggers in this region." }
            fetch=move |client, page| {
                let query = match container_id.get_value() {
                    Some(id) => ListQuery {
                        page: Some(page),
                        page_size: Some(PAGE_SIZE),
                        order_by: Some(NameOrder::NameAsc),
                        container_id: Some(id),
                        ..Default::default()
                    },
                    None => params.get().to_list_query(page, NameOrder::CreatedAtDesc),
                };
                async move {
                    let list = client.list::<Trigger>(&query).await?;
                    Ok(Page { items: list.items, total_count: list.total_count })
                }
            }
            transient=|t| t.status.is_transient()
            row=move |t| {
                let (summary, destination) = (source_summary(&t.source), destination_text(&t));
                view! {
                    <tr>
                        <td><a href=session.link(&detail_path::<Trigger>(&t.id))>{t.name}</a></td>
                        {(!fixed).then(|| view! {
                            <td>
                                <a href=session.link(&detail_path::<Container>(&t.container_id))>
                                    {let id = t.container_id.clone(); move || containers.map_or_else(|| id.clone(), |c| c.label_of(&id))}
                                </a>
                            </td>
                        })}
                        <td>{t.source.source_type().to_string()}</td>
                        <td class="mono">{summary}</td>
                        <td class="mono">{destination}</td>
                        <td><StatusBadge status=t.status/></td>
                        <td class="error-text">{t.error_message.unwrap_or_default()}</td>
                    </tr>
                }
            }
        />
    }
}
