use crate::api::containers::Container;
use crate::api::domains::Domain;
use crate::api::list::HostnameOrder;
use crate::api::namespaces::Namespace;
use crate::api::ListQuery;
use crate::components::filter_bar::{FilterBar, HOSTNAME_ORDERS};
use crate::components::resource_select::{Catalog, OwnerFilterSelect};
use crate::components::resource_table::{Page, ResourceTable, PAGE_SIZE};
use crate::components::status_badge::StatusBadge;
use crate::components::time::local_time;
use crate::pages::shell::detail_path;
use crate::state::query::{use_list_params, OwnerFilter};
use crate::state::session::use_session;
use leptos::prelude::*;

#[component]
pub fn DomainList() -> impl IntoView {
    let session = use_session();
    let params = use_list_params();
    let namespaces = Catalog::<Namespace>::all();
    // The containers of the chosen namespace (all of them without one).
    let containers = Catalog::<Container>::new(move || ListQuery {
        namespace_id: params.params.with(|p| p.namespace_id.clone()),
        ..ListQuery::all()
    });
    let new_href = move || {
        let container = params
            .params
            .with(|p| p.container_id.clone())
            .unwrap_or_default();
        session.link(&format!("/domains/new?container_id={container}"))
    };
    view! {
        <section class="page">
            <div class="page-head">
                <h1>"Custom domains"</h1>
                <a class="button" href=new_href>"Add custom domain"</a>
            </div>
            <div class="filter-row">
                <OwnerFilterSelect params filter=OwnerFilter::Namespace catalog=namespaces clears=OwnerFilter::Container
                    id="filter-namespace" label="Namespace" none_label="All namespaces"/>
                <OwnerFilterSelect params filter=OwnerFilter::Container catalog=containers
                    id="filter-container" label="Container" none_label="All containers"/>
                <FilterBar filters=&[] orders=HOSTNAME_ORDERS/>
            </div>
            <DomainTable containers/>
        </section>
    }
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
    let params = use_list_params();
    let fixed = container_id.is_some();
    let container_id = StoredValue::new(container_id);
    let headers: &'static [&'static str] = if fixed {
        &["Hostname", "Status", "Error", "Created"]
    } else {
        &["Hostname", "Container", "Status", "Error", "Created"]
    };
    view! {
        <ResourceTable
            noun="custom domains"
            headers
            local_pages=fixed
            empty=if fixed { "No custom domains for this container." } else { "No custom domains in this region." }
            fetch=move |client, page| {
                let query = match container_id.get_value() {
                    Some(id) => ListQuery {
                        page: Some(page),
                        page_size: Some(PAGE_SIZE),
                        order_by: Some(HostnameOrder::HostnameAsc),
                        container_id: Some(id),
                        ..Default::default()
                    },
                    None => params.get().to_list_query(page, HostnameOrder::HostnameAsc),
                };
                async move {
                    let list = client.list::<Domain>(&query).await?;
                    Ok(Page { items: list.items, total_count: list.total_count })
                }
            }
            transient=|d| d.status.is_transient()
            row=move |d| view! {
                <tr>
                    <td><a class="mono" href=session.link(&detail_path::<Domain>(&d.id))>{d.hostname}</a></td>
                    {(!fixed).then(|| view! {
                        <td>
                            <a href=session.link(&detail_path::<Container>(&d.container_id))>
                                {let id = d.container_id.clone(); move || containers.map_or_else(|| id.clone(), |c| c.label_of(&id))}
                            </a>
                        </td>
                    })}
                    <td><StatusBadge status=d.status/></td>
                    <td class="error-text">{d.error_message.unwrap_or_default()}</td>
                    <td>{local_time(&d.created_at)}</td>
                </tr>
            }
        />
    }
}
