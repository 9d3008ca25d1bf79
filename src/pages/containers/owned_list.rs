//! The list page of what containers own (custom domains, triggers).

use crate::api::containers::Container;
use crate::api::namespaces::Namespace;
use crate::api::{ListQuery, Resource};
use crate::components::filter_bar::filter_bar;
use crate::components::recently_deleted::RecentlyDeleted;
use crate::components::resource_select::{Catalog, OwnerFilterSelect};
use crate::pages::framework::list_head;
use crate::state::query::{use_list_params, OwnerFilter};
use leptos::prelude::*;

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
            <RecentlyDeleted kind=R::KIND/>
        </section>
    }
}
