//! The page shell: providers, navigation, region switch and routes.

use crate::api::Region;
use crate::pages::{containers, domains, namespaces, settings, triggers};
use crate::poll::provide_poller;
use crate::state::session::{provide_session, use_session};
use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes, A};
use leptos_router::hooks::{query_signal_with_options, use_location};
use leptos_router::path;
use leptos_router::NavigateOptions;

#[component]
pub fn App() -> impl IntoView {
    let session = provide_session();
    provide_poller();
    let link = move |path: &'static str| move || session.link(path);
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="topbar">
                <span class="brand">"Serverless Containers"</span>
                <nav aria-label="Main">
                    <A href=link("/namespaces")>"Namespaces"</A>
                    <A href=link("/containers")>"Containers"</A>
                    <A href=link("/domains")>"Domains"</A>
                    <A href=link("/triggers")>"Triggers"</A>
                    <A href=link("/settings")>"Settings"</A>
                </nav>
                <RegionSwitch/>
            </header>
            <main id="main">
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
            </main>
        </Router>
    }
}

/// The region every call goes to; switching it reloads what is shown. The
/// URL's `?region=` wins on arrival, so a shared link opens the right region.
#[component]
fn RegionSwitch() -> impl IntoView {
    let session = use_session();
    let (url_region, set_url_region) = query_signal_with_options::<Region>(
        "region",
        NavigateOptions {
            replace: true,
            ..Default::default()
        },
    );
    // The URL's region wins (in-app links all carry one: `Session::link`).
    Effect::new(move |_| {
        if let Some(region) = url_region.get().filter(|r| Region::ALL.contains(r)) {
            if region != session.region.get_untracked() {
                session.set_region(region);
            }
        }
    });
    view! {
        <label class="region-switch">
            "Region "
            <select
                name="region"
                disabled={move || session.forms_open.get() > 0}
                title={move || (session.forms_open.get() > 0).then_some("The region is fixed while a form is open: leave the form to switch it.")}
                on:change=move |ev| {
                    let region = Region::from_wire(&event_target_value(&ev));
                    session.set_region(region.clone());
                    set_url_region.set(Some(region));
                }
                prop:value=move || session.region.get().to_string()
            >
                {Region::ALL
                    .iter()
                    .map(|r| {
                        let value = r.as_str();
                        view! {
                            <option value=value selected=move || session.region.get().as_str() == value>
                                {value}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// `/` opens the namespaces, keeping the query (a shared link's region).
#[component]
fn HomeRedirect() -> impl IntoView {
    let search = use_location().search.get_untracked();
    let path = if search.is_empty() {
        "/namespaces".to_string()
    } else {
        format!("/namespaces?{search}")
    };
    view! { <Redirect path/> }
}

#[component]
fn NotFound() -> impl IntoView {
    let session = use_session();
    view! {
        <section class="page">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. " <a href=move || session.link("/namespaces")>"Go to namespaces"</a></p>
        </section>
    }
}
