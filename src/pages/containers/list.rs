use crate::api::containers::Container;
use crate::api::list::NameOrder;
use crate::api::namespaces::Namespace;
use crate::api::ListQuery;
use crate::components::filter_bar::{FilterBar, NAME_ORDERS};
use crate::components::resource_select::{Catalog, OwnerFilterSelect};
use crate::components::resource_table::{Page, ResourceTable, PAGE_SIZE};
use crate::components::status_badge::StatusBadge;
use crate::forms::container::{bytes_text, cpu_text};
use crate::pages::shell::detail_path;
use crate::state::query::{use_list_params, OwnerFilter, TextFilter};
use crate::state::session::use_session;
use leptos::prelude::*;

#[component]
pub fn ContainerList() -> impl IntoView {
    let session = use_session();
    let params = use_list_params();
    let new_href = move || {
        let ns = params
            .params
            .with(|p| p.namespace_id.clone())
            .unwrap_or_default();
        session.link(&format!("/containers/new?namespace_id={ns}"))
    };
    // Namespaces by name, for the filter and the namespace column.
    let namespaces = Catalog::<Namespace>::all();
    view! {
        <section class="page">
            <div class="page-head">
                <h1>"Containers"</h1>
                <a class="button" href=new_href>"Create container"</a>
            </div>
            <div class="filter-row">
                <OwnerFilterSelect params filter=OwnerFilter::Namespace catalog=namespaces
                    id="filter-namespace" label="Namespace" none_label="All namespaces"/>
                <FilterBar filters=&[TextFilter::Name, TextFilter::ProjectId] orders=NAME_ORDERS/>
            </div>
            <ContainerTable namespaces/>
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
    let params = use_list_params();
    let fixed = namespace_id.is_some();
    let namespace_id = StoredValue::new(namespace_id);
    let headers: &'static [&'static str] = if fixed {
        &[
            "Name", "Status", "Image", "Endpoint", "Scale", "Memory", "CPU",
        ]
    } else {
        &[
            "Name",
            "Namespace",
            "Status",
            "Image",
            "Endpoint",
            "Scale",
            "Memory",
            "CPU",
        ]
    };
    view! {
        <ResourceTable
            noun="containers"
            headers
            local_pages=fixed
            empty=if fixed { "No containers in this namespace yet." } else { "No containers in this region." }
            fetch=move |client, page| {
                let query = match namespace_id.get_value() {
                    Some(id) => ListQuery {
                        page: Some(page),
                        page_size: Some(PAGE_SIZE),
                        order_by: Some(NameOrder::NameAsc),
                        namespace_id: Some(id),
                        ..Default::default()
                    },
                    None => params.get().to_list_query(page, NameOrder::CreatedAtDesc),
                };
                async move {
                    let list = client.list::<Container>(&query).await?;
                    Ok(Page { items: list.items, total_count: list.total_count })
                }
            }
            transient=|c| c.status.is_transient()
            row=move |c| view! {
                <tr>
                    <td><a href=session.link(&detail_path::<Container>(&c.id))>{c.name}</a></td>
                    {(!fixed).then(|| view! {
                        <td>
                            <a href=session.link(&detail_path::<Namespace>(&c.namespace_id))>
                                {let id = c.namespace_id.clone(); move || namespaces.map_or_else(|| id.clone(), |n| n.label_of(&id))}
                            </a>
                        </td>
                    })}
                    <td><StatusBadge status=c.status/></td>
                    <td class="mono">{c.image}</td>
                    <td class="mono">{c.public_endpoint}</td>
                    <td>{format!("{}–{}", c.min_scale, c.max_scale)}</td>
                    <td>{bytes_text(c.memory_limit_bytes)}</td>
                    <td>{cpu_text(c.mvcpu_limit)}</td>
                </tr>
            }
        />
    }
}
