use crate::api::containers::ListContainersQuery;
use crate::api::list::NameOrder;
use crate::components::resource_table::{Page, ResourceTable, PAGE_SIZE};
use crate::components::status_badge::StatusBadge;
use leptos::prelude::*;

#[component]
pub fn ContainerList() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Containers"</h1>
            <ResourceTable
                noun="containers"
                headers=&["Name", "Status", "Image", "Scale", "Endpoint"]
                fetch=|client, page| async move {
                    let query = ListContainersQuery {
                        page: Some(page),
                        page_size: Some(PAGE_SIZE),
                        order_by: Some(NameOrder::CreatedAtDesc),
                        ..Default::default()
                    };
                    let list = client.list_containers(&query).await?;
                    Ok(Page { items: list.containers, total_count: list.total_count })
                }
                row=|c| view! {
                    <tr>
                        <td>{c.name}</td>
                        <td><StatusBadge status=c.status/></td>
                        <td class="mono">{c.image}</td>
                        <td>{format!("{}–{}", c.min_scale, c.max_scale)}</td>
                        <td class="mono">{c.public_endpoint}</td>
                    </tr>
                }
            />
        </section>
    }
}
