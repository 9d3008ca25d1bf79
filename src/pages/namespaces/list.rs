use crate::api::containers::ListContainersQuery;
use crate::api::list::NameOrder;
use crate::api::namespaces::ListNamespacesQuery;
use crate::components::filter_bar::{FilterBar, NAME_ORDERS};
use crate::components::resource_table::{Page, ResourceTable, PAGE_SIZE};
use crate::components::status_badge::StatusBadge;
use crate::components::time::local_time;
use crate::state::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::collections::HashMap;

#[component]
pub fn NamespaceList() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    view! {
        <section class="page">
            <div class="page-head">
                <h1>"Namespaces"</h1>
                <a class="button" href="/namespaces/new">"Create namespace"</a>
            </div>
            <FilterBar filters=&[("name", "Name"), ("project_id", "Project ID")] orders=NAME_ORDERS/>
            <ResourceTable
                noun="namespaces"
                headers=&["Name", "Status", "Containers", "Project", "Created", "Updated"]
                fetch=move |client, page| {
                    let q = query.get();
                    async move {
                        let list = client
                            .list_namespaces(&ListNamespacesQuery {
                                page: Some(page),
                                page_size: Some(PAGE_SIZE),
                                order_by: Some(q.get("order_by").map_or(NameOrder::CreatedAtDesc, |o| NameOrder::from_wire(&o))),
                                project_id: q.get("project_id"),
                                name: q.get("name"),
                                ..Default::default()
                            })
                            .await?;
                        // One list call counts the containers of every namespace shown.
                        let mut counts: HashMap<String, usize> = HashMap::new();
                        if let Ok(all) = client
                            .list_containers(&ListContainersQuery { page_size: Some(1000), ..Default::default() })
                            .await
                        {
                            for c in all.containers {
                                *counts.entry(c.namespace_id).or_default() += 1;
                            }
                        }
                        let items = list
                            .namespaces
                            .into_iter()
                            .map(|ns| {
                                let count = counts.get(&ns.id).copied().unwrap_or(0);
                                (ns, count)
                            })
                            .collect();
                        Ok(Page { items, total_count: list.total_count })
                    }
                }
                transient=|(ns, _)| ns.status.is_transient()
                row=move |(ns, count)| view! {
                    <tr>
                        <td><a href=session.link(&format!("/namespaces/{}", ns.id))>{ns.name}</a></td>
                        <td><StatusBadge status=ns.status/></td>
                        <td>{count}</td>
                        <td class="mono">{ns.project_id}</td>
                        <td>{local_time(&ns.created_at)}</td>
                        <td>{local_time(&ns.updated_at)}</td>
                    </tr>
                }
            />
        </section>
    }
}
