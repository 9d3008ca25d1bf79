//! Every path of the console in one place: the route table, the typed ID of
//! a resource's pages, and the links to them. A resource's pages live at its
//! API path (`/containers`, `/containers/{id}`, `/containers/{id}/edit`,
//! `/containers/new`). Links encode what they carry; nothing else in the
//! console writes a path (`Session::link` adds the region).

use crate::api::client::percent_encode;
use crate::api::containers::Container;
use crate::api::domains::Domain;
use crate::api::namespaces::Namespace;
use crate::api::triggers::Trigger;
use crate::api::Resource;
use crate::pages::{containers, domains, namespaces, settings, triggers};
use crate::state::query::{ListParams, OwnerFilter};
use crate::state::session::use_session;
use leptos::prelude::*;
use leptos::Params;
use leptos_router::components::{Redirect, Route, Routes};
use leptos_router::hooks::{use_location, use_params};
use leptos_router::params::Params;
use leptos_router::path;

pub const SETTINGS: &str = "/settings";

/// The main navigation: each page's path and its name.
pub const MAIN_NAV: [(&str, &str); 5] = [
    (Namespace::PATH, "Namespaces"),
    (Container::PATH, "Containers"),
    (Domain::PATH, "Domains"),
    (Trigger::PATH, "Triggers"),
    (SETTINGS, "Settings"),
];

/// A resource's list.
pub fn list<R: Resource>() -> &'static str {
    R::PATH
}

/// A resource's page.
pub fn detail<R: Resource>(id: &str) -> String {
    format!("{}/{}", R::PATH, percent_encode(id))
}

pub fn edit<R: Resource>(id: &str) -> String {
    format!("{}/edit", detail::<R>(id))
}

/// The create form of `R`, for a chosen owner when given (a container
/// created from a namespace's page belongs to that namespace).
pub fn create<R: Resource>(owner: Option<(OwnerFilter, &str)>) -> String {
    let new = format!("{}/new", R::PATH);
    match owner {
        Some((filter, id)) => format!(
            "{new}?{}",
            ListParams::owned_by(filter, id.to_string()).to_query_string()
        ),
        None => new,
    }
}

/// The `:id` of `/namespaces/:id` and `/namespaces/:id/edit`.
#[derive(Params, Clone, Debug, PartialEq)]
struct RouteId {
    id: Option<String>,
}

/// The ID of the resource the route names (`""` on a route without one).
pub fn use_route_id() -> Memo<String> {
    let params = use_params::<RouteId>();
    Memo::new(move |_| params.get().ok().and_then(|p| p.id).unwrap_or_default())
}

/// The route table: the list, create, detail and edit pages of the four
/// resources, and Settings.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=NotFound>
            <Route path=path!("/") view=HomeRedirect/>
            <Route path=path!("/namespaces") view=namespaces::NamespaceList/>
            <Route path=path!("/namespaces/new") view=namespaces::NamespaceCreate/>
            <Route path=path!("/namespaces/:id") view=namespaces::NamespaceDetail/>
            <Route path=path!("/namespaces/:id/edit") view=namespaces::NamespaceEdit/>
            <Route path=path!("/containers") view=containers::ContainerList/>
            <Route path=path!("/containers/new") view=containers::ContainerCreate/>
            <Route path=path!("/containers/:id") view=containers::ContainerDetail/>
            <Route path=path!("/containers/:id/edit") view=containers::ContainerEdit/>
            <Route path=path!("/domains") view=domains::DomainList/>
            <Route path=path!("/domains/new") view=domains::DomainCreate/>
            <Route path=path!("/domains/:id") view=domains::DomainDetail/>
            <Route path=path!("/domains/:id/edit") view=domains::DomainEdit/>
            <Route path=path!("/triggers") view=triggers::TriggerList/>
            <Route path=path!("/triggers/new") view=triggers::TriggerCreate/>
            <Route path=path!("/triggers/:id") view=triggers::TriggerDetail/>
            <Route path=path!("/triggers/:id/edit") view=triggers::TriggerEdit/>
            <Route path=path!("/settings") view=settings::SettingsPage/>
        </Routes>
    }
}

/// `/` opens the namespaces, keeping the query (a shared link's region).
#[component]
fn HomeRedirect() -> impl IntoView {
    let search = use_location().search.get_untracked();
    let home = list::<Namespace>();
    let path = if search.is_empty() {
        home.to_string()
    } else {
        format!("{home}?{search}")
    };
    view! { <Redirect path/> }
}

#[component]
fn NotFound() -> impl IntoView {
    let session = use_session();
    view! {
        <section class="page">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. " <a href=move || session.link(list::<Namespace>())>"Go to namespaces"</a></p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_encode_what_they_carry() {
        assert_eq!(detail::<Container>("a/b c"), "/containers/a%2Fb%20c");
        assert_eq!(edit::<Namespace>("n1"), "/namespaces/n1/edit");
        assert_eq!(create::<Domain>(None), "/domains/new");
        assert_eq!(
            create::<Container>(Some((OwnerFilter::Namespace, "n&1"))),
            "/containers/new?namespace_id=n%261"
        );
    }
}
