use crate::api::containers::Container;
use crate::api::list::NameOrder;
use crate::api::namespaces::Namespace;
use crate::api::ListQuery;
use crate::components::filter_bar::{FilterBar, NAME_ORDERS};
use crate::components::resource_table::{Page, ResourceTable};
use crate::components::status_badge::StatusBadge;
use crate::components::time::local_time;
use crate::pages::shell::{detail_path, list_head};
use crate::state::query::{use_list_params, TextFilter};
use crate::state::session::use_session;
use leptos::prelude::*;
use std::collections::HashMap;

#[component]
pub fn NamespaceList() -> impl IntoView {
    let session = use_session();
    let params = use_list_params();
    view! {
        <section class="page">
            {list_head::<Namespace>("Namespaces", "Create namespace", None)}
            <FilterBar filters=&[TextFilter::Name, TextFilter::ProjectId] orders=NAME_ORDERS/>
            <ResourceTable
                noun="namespaces"
                headers=&["Name", "Status", "Containers", "Project", "Created", "Updated"]
                fetch=move |client, page| {
                    let query = params.get().to_list_query(page, NameOrder::CreatedAtDesc);
                    async move {
                        let list = client.list_page::<Namespace>(query).await?;
                        // One list call counts the containers of every namespace shown.
                        let mut counts: HashMap<String, usize> = HashMap::new();
                        if let Ok(all) = client.list::<Container>(&ListQuery::all()).await {
                            for c in all.items {
                                *counts.entry(c.namespace_id).or_default() += 1;
                            }
                        }
                        let items = list
                            .items
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
                        <td><a href=session.link(&detail_path::<Namespace>(&ns.id))>{ns.name}</a></td>
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
