use crate::api::containers::Container;
use crate::api::domains::Domain;
use crate::components::explanation::short_why;
use crate::components::resource_select::Catalog;
use crate::components::resource_table::{owner_cell, ResourceTable};
use crate::components::status_badge::StatusBadge;
use crate::pages::containers::container_owned_list;
use crate::routes;
use crate::state::query::{ListParams, OwnerFilter};
use crate::state::session::use_session;
use crate::time::local_time;
use leptos::prelude::*;

#[component]
pub fn DomainList() -> impl IntoView {
    container_owned_list::<Domain>("Custom domains", "Add custom domain", |containers| {
        view! { <DomainTable containers/> }.into_any()
    })
}

/// The custom domains of the list page (filtered and sorted from the URL)
/// or of one container (`container_id`, on the container's page).
#[component]
pub fn DomainTable(
    #[prop(optional)] container_id: Option<String>,
    /// Containers of the region, to show their names.
    #[prop(optional)]
    containers: Option<Catalog<Container>>,
) -> impl IntoView {
    let session = use_session();
    let is_fixed = container_id.is_some();
    let owned_by = container_id.map(|id| ListParams::owned_by(OwnerFilter::Container, id));
    view! {
        <ResourceTable
            headers=&["Hostname", "Status", "Error", "Created"]
            owner_header="Container"
            owned_by
            empty=is_fixed.then_some("No custom domains for this container.")
            row=move |d: &Domain| { let why = short_why(d); view! {
                <tr>
                    <td><a class="mono" href=session.link(&routes::detail::<Domain>(&d.id))>{d.hostname.clone()}</a></td>
                    <td><StatusBadge status=d.status.clone()/></td>
                    {(!is_fixed).then(|| owner_cell(containers, d.container_id.clone()))}
                    <td class="error-text">{why} " " {d.error_message.clone().unwrap_or_default()}</td>
                    <td>{local_time(&d.created_at)}</td>
                </tr>
            }}
        />
    }
}
