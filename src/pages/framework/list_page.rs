//! A list page's head, and the list of what containers own.

use crate::api::containers::Container;
use crate::api::namespaces::Namespace;
use crate::api::{ListQuery, Resource};
use crate::components::filter_bar::filter_bar;
use crate::components::resource_select::{Catalog, OwnerFilterSelect};
use crate::routes;
use crate::state::query::{use_list_params, OwnerFilter};
use crate::state::session::use_session;
use leptos::prelude::*;

/// The head of a list page: its title, and the button that creates one of
/// `R`, carrying the `owner` chosen in the filters (a domain added from the
/// list of a container's domains belongs to that container).
pub fn list_head<R: Resource>(
    title: &'static str,
    create_label: &'static str,
    owner: Option<OwnerFilter>,
) -> impl IntoView {
    let session = use_session();
    let params = use_list_params();
    let href = move || {
        let chosen = owner.and_then(|o| {
            params
                .params
                .with(|p| o.get(p).map(|id| (o, id.to_string())))
        });
        session.link(&routes::create::<R>(
            chosen.as_ref().map(|(o, id)| (*o, id.as_str())),
        ))
    };
    view! {
        <div class="page-head">
            <h1>{title}</h1>
            <a class="button" href=href>{create_label}</a>
        </div>
    }
}

/// The list page of what containers own (custom domains, triggers): its
/// head, filters by namespace then by one of its containers, the sort, and
/// the `table`, given the containers shown (they name its container column).
pub fn container_owned_list<R: Resource>(
    title: &'static str,
    create_label: &'static str,
    table: fn(Catalog<Container>) -> AnyView,
) -> impl IntoView {
    let params = use_list_params();
    let namespaces = Catalog::<Namespace>::all();
    let containers = Catalog::<Container>::new(move || ListQuery {
        namespace_id: params.params.with(|p| p.namespace_id.clone()),
        ..ListQuery::all()
    });
    view! {
        <section class="page">
            {list_head::<R>(title, create_label, Some(OwnerFilter::Container))}
            <div class="filter-row">
                <OwnerFilterSelect params filter=OwnerFilter::Namespace catalog=namespaces clears=OwnerFilter::Container
                    id="filter-namespace" label="Namespace" none_label="All namespaces"/>
                <OwnerFilterSelect params filter=OwnerFilter::Container catalog=containers groups=namespaces.names()
                    id="filter-container" label="Container" none_label="All containers"/>
                {filter_bar::<R::Order>(&[])}
            </div>
            {table(containers)}
        </section>
    }
}
