use crate::api::domains::ListDomainsQuery;
use crate::api::list::HostnameOrder;
use crate::components::filter_bar::{FilterBar, HOSTNAME_ORDERS};
use crate::components::resource_table::{Page, ResourceTable, PAGE_SIZE};
use crate::components::status_badge::StatusBadge;
use crate::components::time::local_time;
use crate::state::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn DomainList() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    view! {
        <section class="page">
            <h1>"Custom domains"</h1>
            <FilterBar filters=&[("container_id", "Container ID"), ("namespace_id", "Namespace ID"), ("project_id", "Project ID")] orders=HOSTNAME_ORDERS/>
            <ResourceTable
                noun="domains"
                headers=&["Hostname", "Status", "Container", "Created"]
                fetch=move |client, page| {
                    let q = query.get();
                    async move {
                        let query = ListDomainsQuery {
                            page: Some(page),
                            page_size: Some(PAGE_SIZE),
                            order_by: Some(q.get("order_by").map_or(HostnameOrder::HostnameAsc, |o| HostnameOrder::from_wire(&o))),
                            container_id: q.get("container_id"),
                            namespace_id: q.get("namespace_id"),
                            project_id: q.get("project_id"),
                            ..Default::default()
                        };
                        let list = client.list_domains(&query).await?;
                        Ok(Page { items: list.domains, total_count: list.total_count })
                    }
                }
                transient=|d| d.status.is_transient()
                row=move |d| view! {
                    <tr>
                        <td class="mono">{d.hostname}</td>
                        <td><StatusBadge status=d.status/></td>
                        <td><a class="mono" href=session.link(&format!("/containers/{}", d.container_id))>{d.container_id.clone()}</a></td>
                        <td>{local_time(&d.created_at)}</td>
                    </tr>
                }
            />
        </section>
    }
}
