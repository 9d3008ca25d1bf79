//! The app: its providers, and the frame around every page (navigation,
//! region switch); the pages come from `routes`.

use crate::api::Region;
use crate::chunk_loader::ChunkStatus;
use crate::poll::provide_poller;
use crate::routes::{self, AppRoutes};
use crate::state::session::{provide_session, use_session};
use leptos::prelude::*;
use leptos_router::components::{Router, A};
use leptos_router::hooks::query_signal_with_options;
use leptos_router::NavigateOptions;

#[component]
pub fn App() -> impl IntoView {
    let session = provide_session();
    provide_poller();
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="topbar">
                <span class="brand">"Serverless Containers"</span>
                <nav aria-label="Main">
                    {routes::MAIN_NAV.iter().map(|&(path, label)| {
                        view! { <A href=move || session.link(path)>{label}</A> }
                    }).collect_view()}
                </nav>
                <RegionSwitch/>
            </header>
            <main id="main">
                <ChunkStatus/>
                <AppRoutes/>
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
