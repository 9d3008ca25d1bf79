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
use crate::api::{Kind, Region, Resource};
use crate::overview;
use crate::pages::{containers, domains, namespaces, settings, triggers};
use crate::state::query::{ListParams, OwnerFilter};
use crate::state::session::use_session;
use leptos::prelude::*;
use leptos::Params;
use leptos_router::components::{Route, Routes};
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use leptos_router::{path, Lazy, LazyRoute};

pub const SETTINGS: &str = "/settings";
pub const OVERVIEW: &str = "/";

/// The main navigation: each page's path and its name.
pub const MAIN_NAV: [(&str, &str); 6] = [
    (OVERVIEW, "Overview"),
    (Namespace::PATH, "Namespaces"),
    (Container::PATH, "Containers"),
    (Domain::PATH, "Domains"),
    (Trigger::PATH, "Triggers"),
    (SETTINGS, "Settings"),
];

/// An in-app link to `path` in `region` (the link carries it, so that it
/// opens there and can be shared).
pub fn in_region(path: &str, region: &Region) -> String {
    let sep = if path.contains('?') { '&' } else { '?' };
    format!("{path}{sep}region={region}")
}

/// The edit form of a resource, with `field` (an element ID) focused: the
/// link of an error's fix.
pub fn edit_focused(kind: Kind, id: &str, field: &str) -> String {
    format!(
        "{}/edit?{FOCUS}={}",
        detail_of(kind, id),
        percent_encode(field)
    )
}

/// The query parameter that names the field a form focuses when it opens.
pub const FOCUS: &str = "focus";

/// A resource's list.
pub fn list<R: Resource>() -> &'static str {
    R::PATH
}

/// A resource's page.
pub fn detail<R: Resource>(id: &str) -> String {
    detail_of(R::KIND, id)
}

/// The page of a resource of `kind`.
pub fn detail_of(kind: Kind, id: &str) -> String {
    format!("{}/{}", kind.path(), percent_encode(id))
}

pub fn edit<R: Resource>(id: &str) -> String {
    edit_of(R::KIND, id)
}

/// The edit form of a resource of `kind`.
pub fn edit_of(kind: Kind, id: &str) -> String {
    format!("{}/edit", detail_of(kind, id))
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

/// Pages load lazily, in eight chunks: the overview, each resource's list,
/// the detail pages, the forms and Settings (with the split build:
/// `.ci/build_split.py` builds with the `split` feature). Each chunk is split
/// out of the main wasm and fetched when one of its pages is first opened, or
/// when the browser is idle; the first visit downloads the shell and one chunk.
///
/// Why not one per page: the splitter puts the code that several chunks share
/// into one extra module per set of chunks sharing it, and the browser
/// compiles every module on its own. With one chunk per page, `/containers`
/// needed 87 modules and its first rows came 150 ms later on loopback than
/// with the whole app in one module (the benchmark, issue 14's closing note).
/// The lists are one chunk each because a first visit most often lands on
/// one: when this was measured, `/containers` downloaded 172 KB gzip of page
/// code instead of the 218 KB of all four lists, at the price of more shared modules (130 for
/// `/containers`), which the first page of a visit gets merged into one
/// landing module (`.ci/build_split.py`). The detail pages and the forms
/// stay one chunk each: split by resource, landing on a container's page
/// downloaded 451 KB gzip instead of 479, but `/containers` 374 instead of
/// 363, the whole app 1,075 instead of 960, and every page was ready 5.5 s
/// after a first visit instead of 3.6 s (the benchmark, issue 14's note).
#[cfg(feature = "split")]
macro_rules! lazy_pages {
    ($($route:ident => $page:path, in $chunk:ident,)*) => {$(
        struct $route {}

        impl LazyRoute for $route {
            fn data() -> Self {
                $route {}
            }

            async fn view(_this: Self) -> AnyView {
                $route().await
            }
        }

        /// The page, in its chunk.
        #[allow(non_snake_case)]
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split)]
        fn $route() -> AnyView {
            view! { <$page/> }.into_any()
        }
    )*};
}

/// Without the split build (the browser tests run without a splitter), the
/// same routes, loaded with the main module.
#[cfg(not(feature = "split"))]
macro_rules! lazy_pages {
    ($($route:ident => $page:path, in $chunk:ident,)*) => {$(
        struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_this: Self) -> AnyView {
                view! { <$page/> }.into_any()
            }
        }
    )*};
}

lazy_pages! {
    OverviewRoute => overview::Overview, in overview,
    NamespaceListRoute => namespaces::NamespaceList, in namespace_list,
    NamespaceCreateRoute => namespaces::NamespaceCreate, in forms,
    NamespaceDetailRoute => namespaces::NamespaceDetail, in details,
    NamespaceEditRoute => namespaces::NamespaceEdit, in forms,
    ContainerListRoute => containers::ContainerList, in container_list,
    ContainerCreateRoute => containers::ContainerCreate, in forms,
    ContainerDetailRoute => containers::ContainerDetail, in details,
    ContainerEditRoute => containers::ContainerEdit, in forms,
    DomainListRoute => domains::DomainList, in domain_list,
    DomainCreateRoute => domains::DomainCreate, in forms,
    DomainDetailRoute => domains::DomainDetail, in details,
    DomainEditRoute => domains::DomainEdit, in forms,
    TriggerListRoute => triggers::TriggerList, in trigger_list,
    TriggerCreateRoute => triggers::TriggerCreate, in forms,
    TriggerDetailRoute => triggers::TriggerDetail, in details,
    TriggerEditRoute => triggers::TriggerEdit, in forms,
    SettingsRoute => settings::SettingsPage, in settings,
}

/// The route table: the overview, the list, create, detail and edit pages
/// of the four resources, and Settings, each loaded lazily.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=NotFound>
            <Route path=path!("/") view={Lazy::<OverviewRoute>::new()}/>
            <Route path=path!("/namespaces") view={Lazy::<NamespaceListRoute>::new()}/>
            <Route path=path!("/namespaces/new") view={Lazy::<NamespaceCreateRoute>::new()}/>
            <Route path=path!("/namespaces/:id") view={Lazy::<NamespaceDetailRoute>::new()}/>
            <Route path=path!("/namespaces/:id/edit") view={Lazy::<NamespaceEditRoute>::new()}/>
            <Route path=path!("/containers") view={Lazy::<ContainerListRoute>::new()}/>
            <Route path=path!("/containers/new") view={Lazy::<ContainerCreateRoute>::new()}/>
            <Route path=path!("/containers/:id") view={Lazy::<ContainerDetailRoute>::new()}/>
            <Route path=path!("/containers/:id/edit") view={Lazy::<ContainerEditRoute>::new()}/>
            <Route path=path!("/domains") view={Lazy::<DomainListRoute>::new()}/>
            <Route path=path!("/domains/new") view={Lazy::<DomainCreateRoute>::new()}/>
            <Route path=path!("/domains/:id") view={Lazy::<DomainDetailRoute>::new()}/>
            <Route path=path!("/domains/:id/edit") view={Lazy::<DomainEditRoute>::new()}/>
            <Route path=path!("/triggers") view={Lazy::<TriggerListRoute>::new()}/>
            <Route path=path!("/triggers/new") view={Lazy::<TriggerCreateRoute>::new()}/>
            <Route path=path!("/triggers/:id") view={Lazy::<TriggerDetailRoute>::new()}/>
            <Route path=path!("/triggers/:id/edit") view={Lazy::<TriggerEditRoute>::new()}/>
            <Route path=path!("/settings") view={Lazy::<SettingsRoute>::new()}/>
        </Routes>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let session = use_session();
    view! {
        <section class="page">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. " <a href=move || session.link(OVERVIEW)>"Go to the overview"</a></p>
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

    /// index.html paints the navigation before the wasm arrives; it must
    /// name the same pages as the app, or the frame changes under the user
    /// (and a test that reads it early sees another menu).
    #[test]
    fn the_boot_frame_names_the_same_pages_as_the_app() {
        let html = include_str!("../index.html");
        let nav = html
            .split("<nav aria-label=\"Main\">")
            .nth(1)
            .and_then(|rest| rest.split("</nav>").next())
            .expect("a main navigation in index.html");
        let frame: Vec<String> = nav
            .split("<a href=\"")
            .skip(1)
            .map(|link| link.split("</a>").next().unwrap().replace("\">", " "))
            .collect();
        let app: Vec<String> = MAIN_NAV
            .iter()
            .map(|(path, label)| format!("{path} {label}"))
            .collect();
        assert_eq!(frame, app);
    }
}
