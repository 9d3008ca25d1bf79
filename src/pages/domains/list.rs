use crate::api::domains::ListDomainsQuery;
use crate::api::list::HostnameOrder;
use crate::components::resource_table::{Page, ResourceTable, PAGE_SIZE};
use crate::components::status_badge::StatusBadge;
use crate::components::time::local_time;
use leptos::prelude::*;

#[component]
pub fn DomainList() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Custom domains"</h1>
            <ResourceTable
                noun="domains"
                headers=&["Hostname", "Status", "Container", "Created"]
                fetch=|client, page| async move {
                    let query = ListDomainsQuery {
                        page: Some(page),
                        page_size: Some(PAGE_SIZE),
                        order_by: Some(HostnameOrder::HostnameAsc),
                        ..Default::default()
                    };
                    let list = client.list_domains(&query).await?;
                    Ok(Page { items: list.domains, total_count: list.total_count })
                }
                transient=|x| x.status.is_transient()
                row=|d| view! {
                    <tr>
                        <td>{d.hostname}</td>
                        <td><StatusBadge status=d.status/></td>
                        <td class="mono">{d.container_id}</td>
                        <td>{local_time(&d.created_at)}</td>
                    </tr>
                }
            />
        </section>
    }
}
