use crate::api::containers::Container;
use crate::api::list::NameOrder;
use crate::api::namespaces::Namespace;
use crate::api::Resource;
use crate::components::filter_bar::filter_bar;
use crate::components::recently_deleted::RecentlyDeleted;
use crate::components::resource_select::Catalog;
use crate::components::resource_table::ResourceTable;
use crate::components::status_badge::StatusBadge;
use crate::pages::framework::list_head;
use crate::routes;
use crate::state::query::TextFilter;
use crate::state::session::use_session;
use crate::time::local_time;
use leptos::prelude::*;
use std::collections::HashMap;

#[component]
pub fn NamespaceList() -> impl IntoView {
    let session = use_session();
    // Containers per namespace, from one list read once (not on every poll of
    // the namespaces: what polling costs must not grow with what is counted).
    let containers = Catalog::<Container>::all();
    let counts = Memo::new(move |_| {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for c in containers.items() {
            *counts.entry(c.namespace_id).or_default() += 1;
        }
        counts
    });
    view! {
        <section class="page">
            {list_head::<Namespace>("Namespaces", "Create namespace", None)}
            {filter_bar::<NameOrder>(&[TextFilter::Name, TextFilter::ProjectId])}
            <ResourceTable
                headers=&["Name", "Status", "Containers", "Project", "Created", "Updated"]
                row=move |ns: &Namespace| {
                    let id = ns.id.clone();
                    view! {
                        <tr>
                            <td><a href=session.link(&routes::detail::<Namespace>(&ns.id))>{ns.name.clone()}</a></td>
                            <td><StatusBadge status=ns.status.clone()/></td>
                            <td>{move || counts.with(|c| c.get(&id).copied().unwrap_or(0))}</td>
                            <td class="mono">{ns.project_id.clone()}</td>
                            <td>{local_time(&ns.created_at)}</td>
                            <td>{local_time(&ns.updated_at)}</td>
                        </tr>
                    }
                }
            />
            <RecentlyDeleted kind=Namespace::KIND/>
        </section>
    }
}
