use crate::api::list::NameOrder;
use crate::api::triggers::ListTriggersQuery;
use crate::components::filter_bar::{FilterBar, NAME_ORDERS};
use crate::components::resource_table::{Page, ResourceTable, PAGE_SIZE};
use crate::components::status_badge::StatusBadge;
use crate::state::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn TriggerList() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    view! {
        <section class="page">
            <h1>"Triggers"</h1>
            <FilterBar filters=&[("container_id", "Container ID"), ("namespace_id", "Namespace ID"), ("project_id", "Project ID")] orders=NAME_ORDERS/>
            <ResourceTable
                noun="triggers"
                headers=&["Name", "Status", "Source", "Destination", "Container"]
                fetch=move |client, page| {
                    let q = query.get();
                    async move {
                        let query = ListTriggersQuery {
                            page: Some(page),
                            page_size: Some(PAGE_SIZE),
                            order_by: Some(q.get("order_by").map_or(NameOrder::CreatedAtDesc, |o| NameOrder::from_wire(&o))),
                            container_id: q.get("container_id"),
                            namespace_id: q.get("namespace_id"),
                            project_id: q.get("project_id"),
                            ..Default::default()
                        };
                        let list = client.list_triggers(&query).await?;
                        Ok(Page { items: list.triggers, total_count: list.total_count })
                    }
                }
                transient=|t| t.status.is_transient()
                row=move |t| view! {
                    <tr>
                        <td>{t.name}</td>
                        <td><StatusBadge status=t.status/></td>
                        <td>{t.source.source_type().to_string()}</td>
                        <td class="mono">
                            {format!("{} {}", t.destination_config.http_method.as_str().to_uppercase(), t.destination_config.http_path)}
                        </td>
                        <td><a class="mono" href=session.link(&format!("/containers/{}", t.container_id))>{t.container_id.clone()}</a></td>
                    </tr>
                }
            />
        </section>
    }
}
