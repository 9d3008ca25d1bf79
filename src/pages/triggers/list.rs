use crate::api::list::NameOrder;
use crate::api::triggers::ListTriggersQuery;
use crate::components::resource_table::{Page, ResourceTable, PAGE_SIZE};
use crate::components::status_badge::StatusBadge;
use leptos::prelude::*;

#[component]
pub fn TriggerList() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Triggers"</h1>
            <ResourceTable
                noun="triggers"
                headers=&["Name", "Status", "Source", "Destination", "Container"]
                fetch=|client, page| async move {
                    let query = ListTriggersQuery {
                        page: Some(page),
                        page_size: Some(PAGE_SIZE),
                        order_by: Some(NameOrder::CreatedAtDesc),
                        ..Default::default()
                    };
                    let list = client.list_triggers(&query).await?;
                    Ok(Page { items: list.triggers, total_count: list.total_count })
                }
                transient=|x| x.status.is_transient()
                row=|t| view! {
                    <tr>
                        <td>{t.name}</td>
                        <td><StatusBadge status=t.status/></td>
                        <td>{t.source.source_type().to_string()}</td>
                        <td class="mono">
                            {format!("{} {}", t.destination_config.http_method.as_str().to_uppercase(), t.destination_config.http_path)}
                        </td>
                        <td class="mono">{t.container_id}</td>
                    </tr>
                }
            />
        </section>
    }
}
