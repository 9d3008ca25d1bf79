use crate::api::list::NameOrder;
use crate::api::namespaces::ListNamespacesQuery;
use crate::components::resource_table::{Page, ResourceTable, PAGE_SIZE};
use crate::components::status_badge::StatusBadge;
use crate::components::time::local_time;
use leptos::prelude::*;

#[component]
pub fn NamespaceList() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Namespaces"</h1>
            <ResourceTable
                noun="namespaces"
                headers=&["Name", "Status", "Project", "Created"]
                fetch=|client, page| async move {
                    let query = ListNamespacesQuery {
                        page: Some(page),
                        page_size: Some(PAGE_SIZE),
                        order_by: Some(NameOrder::CreatedAtDesc),
                        ..Default::default()
                    };
                    let list = client.list_namespaces(&query).await?;
                    Ok(Page { items: list.namespaces, total_count: list.total_count })
                }
                row=|ns| view! {
                    <tr>
                        <td>{ns.name}</td>
                        <td><StatusBadge status=ns.status/></td>
                        <td class="mono">{ns.project_id}</td>
                        <td>{local_time(&ns.created_at)}</td>
                    </tr>
                }
            />
        </section>
    }
}
