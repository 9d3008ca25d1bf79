//! The app: its providers, and the frame around every page (navigation,
//! region switch); the pages come from `routes`.

use crate::api::Region;
use crate::chunk_loader::ChunkStatus;
use crate::components::on_demand::on_demand;
use crate::overlays::{is_mac, provide_overlays, Overlay};
use crate::palette::overlay_view;
use crate::poll::provide_poller;
use crate::routes::{self, AppRoutes};
use crate::state::inventory::provide_inventory;
use crate::state::session::{provide_session, use_session};
use leptos::prelude::*;
use leptos_router::components::{Router, A};
use leptos_router::hooks::query_signal_with_options;
use leptos_router::NavigateOptions;

#[component]
pub fn App() -> impl IntoView {
    let session = provide_session();
    crate::landing::send_first_read(&session);
    provide_poller();
    provide_inventory();
    let overlays = provide_overlays();
    // The navigation folds into a menu on a phone's width (CSS); this opens it.
    let menu_open = RwSignal::new(false);
    let palette_key = if is_mac() { "⌘K" } else { "Ctrl+K" };
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="topbar" class:menu-open=move || menu_open.get()>
                <span class="brand">"Serverless Containers"</span>
                <button type="button" class="menu-button secondary small" aria-controls="main-nav"
                    aria-expanded=move || menu_open.get().to_string()
                    on:click=move |_| menu_open.update(|o| *o = !*o)>"Menu"</button>
                <nav id="main-nav" aria-label="Main" on:click=move |_| menu_open.set(false)>
                    {routes::MAIN_NAV.iter().map(|&(path, label)| {
                        // Every path starts with `/`: the overview is current only on itself.
                        view! { <A href=move || session.link(path) exact={path == routes::OVERVIEW}>{label}</A> }
                    }).collect_view()}
                </nav>
                <button type="button" class="search-button secondary small"
                    aria-keyshortcuts="Control+K Meta+K /" title=format!("Go anywhere ({palette_key} or /)")
                    on:click=move |_| overlays.show(Overlay::Palette)>
                    "Search" <kbd class="key-hint">{palette_key}</kbd>
                </button>
                <RegionSwitch/>
            </header>
            <main id="main">
                <ChunkStatus/>
                <AppRoutes/>
            </main>
            {move || overlays.open.get().map(|overlay| on_demand(overlay_view(overlay)))}
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
            <span class="region-label">"Region "</span>
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
