use crate::api::containers::ListContainersQuery;
use crate::api::list::NameOrder;
use crate::api::namespaces::{ListNamespacesQuery, Namespace};
use crate::components::filter_bar::{FilterBar, NAME_ORDERS};
use crate::components::resource_table::{Page, ResourceTable, PAGE_SIZE};
use crate::components::status_badge::StatusBadge;
use crate::forms::container::{bytes_text, cpu_text};
use crate::state::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::{query_signal, use_query_map};

#[component]
pub fn ContainerList() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let new_href = move || {
        let ns = query.with(|q| q.get("namespace_id")).unwrap_or_default();
        session.link(&format!("/containers/new?namespace_id={ns}"))
    };
    // Namespaces by name, for the filter and the namespace column.
    let namespaces = LocalResource::new(move || {
        let (ready, client) = (session.has_token(), session.client());
        async move {
            if !ready {
                return Vec::new();
            }
            client
                .list_namespaces(&ListNamespacesQuery {
                    page_size: Some(1000),
                    ..Default::default()
                })
                .await
                .map(|l| l.namespaces)
                .unwrap_or_default()
        }
    });
    let namespaces = Signal::derive(move || namespaces.get().unwrap_or_default());
    view! {
        <section class="page">
            <div class="page-head">
                <h1>"Containers"</h1>
                <a class="button" href=new_href>"Create container"</a>
            </div>
            <div class="filter-row">
                <NamespaceFilter namespaces/>
                <FilterBar filters=&[("name", "Name"), ("project_id", "Project ID")] orders=NAME_ORDERS/>
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
    #[prop(optional, into)]
    namespaces: Signal<Vec<Namespace>>,
) -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let fixed = namespace_id.is_some();
    let namespace_id = StoredValue::new(namespace_id);
    let namespace_name = move |id: &str| -> String {
        namespaces
            .with(|list| list.iter().find(|n| n.id == id).map(|n| n.name.clone()))
            .unwrap_or_else(|| id.to_string())
    };
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
            fetch=move |client, page| {
                let q = query.get();
                let namespace_id = namespace_id.get_value().or_else(|| q.get("namespace_id"));
                async move {
                    let list = client
                        .list_containers(&ListContainersQuery {
                            page: Some(page),
                            page_size: Some(PAGE_SIZE),
                            order_by: Some(q.get("order_by").map_or(NameOrder::CreatedAtDesc, |o| NameOrder::from_wire(&o))),
                            namespace_id,
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
                    {(!fixed).then(|| view! {
                        <td>
                            <a href=session.link(&format!("/namespaces/{}", c.namespace_id))>
                                {let id = c.namespace_id.clone(); move || namespace_name(&id)}
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

/// Shows the containers of one namespace, chosen by name (kept in the URL).
#[component]
fn NamespaceFilter(namespaces: Signal<Vec<Namespace>>) -> impl IntoView {
    let (chosen, set_chosen) = query_signal::<String>("namespace_id");
    let (_, set_page) = query_signal::<u32>("page");
    view! {
        <div class="field inline">
            <label for="filter-namespace">"Namespace"</label>
            <select id="filter-namespace" on:change=move |ev| {
                let id = event_target_value(&ev);
                set_chosen.set(Some(id).filter(|i| !i.is_empty()));
                set_page.set(None);
            }>
                <option value="" selected=move || chosen.get().is_none()>"All namespaces"</option>
                {move || namespaces.get().into_iter().map(|ns| {
                    let id = ns.id.clone();
                    view! {
                        <option value=ns.id.clone() selected=move || chosen.get().as_deref() == Some(id.as_str())>{ns.name}</option>
                    }
                }).collect_view()}
            </select>
        </div>
    }
}
