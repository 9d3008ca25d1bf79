use crate::api::containers::ListContainersQuery;
use crate::api::list::NameOrder;
use crate::components::filter_bar::{FilterBar, NAME_ORDERS};
use crate::components::resource_table::{Page, ResourceTable, PAGE_SIZE};
use crate::components::status_badge::StatusBadge;
use crate::forms::container::{bytes_text, cpu_text};
use crate::state::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ContainerList() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let new_href = move || {
        let ns = query.with(|q| q.get("namespace_id")).unwrap_or_default();
        session.link(&format!("/containers/new?namespace_id={ns}"))
    };
    view! {
        <section class="page">
            <div class="page-head">
                <h1>"Containers"</h1>
                <a class="button" href=new_href>"Create container"</a>
            </div>
            <FilterBar filters=&[("namespace_id", "Namespace ID"), ("name", "Name"), ("project_id", "Project ID")] orders=NAME_ORDERS/>
            <ResourceTable
                noun="containers"
                headers=&["Name", "Status", "Image", "Endpoint", "Scale", "Memory", "CPU"]
                fetch=move |client, page| {
                    let q = query.get();
                    async move {
                        let list = client
                            .list_containers(&ListContainersQuery {
                                page: Some(page),
                                page_size: Some(PAGE_SIZE),
                                order_by: Some(q.get("order_by").map_or(NameOrder::CreatedAtDesc, |o| NameOrder::from_wire(&o))),
                                namespace_id: q.get("namespace_id"),
                                project_id: q.get("project_id"),
                                name: q.get("name"),
                                ..Default::default()
                            })
                            .await?;
                        Ok(Page { items: list.containers, total_count: list.total_count })
                    }
                }
                transient=|c| c.status.is_transient()
                row=move |c| view! {
                    <tr>
                        <td><a href=session.link(&format!("/containers/{}", c.id))>{c.name}</a></td>
                        <td><StatusBadge status=c.status/></td>
                        <td class="mono">{c.image}</td>
                        <td class="mono">{c.public_endpoint}</td>
                        <td>{format!("{}–{}", c.min_scale, c.max_scale)}</td>
                        <td>{bytes_text(c.memory_limit_bytes)}</td>
                        <td>{cpu_text(c.mvcpu_limit)}</td>
                    </tr>
                }
            />
        </section>
    }
}
