use crate::api::containers::Container;
use crate::api::list::NameOrder;
use crate::api::namespaces::Namespace;
use crate::api::Resource;
use crate::components::explanation::short_why;
use crate::components::filter_bar::filter_bar;
use crate::components::recently_deleted::RecentlyDeleted;
use crate::components::resource_select::{Catalog, OwnerFilterSelect};
use crate::components::resource_table::{owner_cell, ResourceTable};
use crate::components::status_badge::StatusBadge;
use crate::format::{bytes_text, cpu_text};
use crate::pages::framework::list_head;
use crate::routes;
use crate::state::query::{use_list_params, ListParams, OwnerFilter, TextFilter};
use crate::state::session::use_session;
use leptos::prelude::*;

#[component]
pub fn ContainerList() -> impl IntoView {
    let params = use_list_params();
    // Namespaces by name, for the filter and the namespace column.
    let namespaces = Catalog::<Namespace>::all();
    view! {
        <section class="page">
            {list_head::<Container>("Containers", "Create container", Some(OwnerFilter::Namespace))}
            <div class="filter-row">
                <OwnerFilterSelect params filter=OwnerFilter::Namespace catalog=namespaces
                    id="filter-namespace" label="Namespace" none_label="All namespaces"/>
                {filter_bar::<NameOrder>(&[TextFilter::Name, TextFilter::ProjectId])}
            </div>
            <ContainerTable namespaces/>
            <RecentlyDeleted kind=Container::KIND/>
        </section>
    }
}

/// The containers table of the list page and of a namespace's page. Name,
/// project, sort and page come from the URL; the namespace too, unless
/// `namespace_id` fixes it (then the namespace column is left out).
#[component]
pub fn ContainerTable(
    #[prop(optional)] namespace_id: Option<String>,
    /// Namespaces of the region, to show their names.
    #[prop(optional)]
    namespaces: Option<Catalog<Namespace>>,
) -> impl IntoView {
    let session = use_session();
    let is_fixed = namespace_id.is_some();
    let owned_by = namespace_id.map(|id| ListParams::owned_by(OwnerFilter::Namespace, id));
    view! {
        <ResourceTable
            headers=&["Name", "Status", "Image", "Endpoint", "Scale", "Memory", "CPU"]
            owner_header="Namespace"
            owned_by
            empty=is_fixed.then_some("No containers in this namespace yet.")
            row=move |c: &Container| { let why = short_why(c); view! {
                <tr>
                    <td><a href=session.link(&routes::detail::<Container>(&c.id))>{c.name.clone()}</a></td>
                    <td><StatusBadge status=c.status.clone()/> {why}</td>
                    {(!is_fixed).then(|| owner_cell(namespaces, c.namespace_id.clone()))}
                    <td class="mono">{c.image.clone()}</td>
                    <td class="mono">{c.public_endpoint.clone()}</td>
                    <td>{format!("{}–{}", c.min_scale, c.max_scale)}</td>
                    <td>{bytes_text(c.memory_limit_bytes)}</td>
                    <td>{cpu_text(c.mvcpu_limit)}</td>
                </tr>
            }}
        />
    }
}
