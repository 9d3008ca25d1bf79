use super::modal::Modal;
use super::search::{entries, search, Target};
use crate::components::status_badge::StatusBadge;
use crate::overlays::use_overlays;
use crate::routes;
use crate::state::inventory::{read_region, use_inventory};
use crate::state::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

/// At most this many results are listed.
const SHOWN: usize = 50;

/// The palette: a search box (the WAI-ARIA combobox pattern) over every
/// resource read and the console's actions. Arrow keys move, Enter goes.
#[component]
pub fn Palette() -> impl IntoView {
    let session = use_session();
    let inventory = use_inventory();
    let overlays = use_overlays();
    // Not Send: it is only ever called on this thread.
    let navigate = send_wrapper::SendWrapper::new(use_navigate());
    let location = use_location();
    // The current region is read here when the overview has not read it.
    let region = session.region.get_untracked();
    let read = inventory
        .0
        .with_untracked(|all| all.iter().any(|(r, _)| *r == region));
    if session.has_token() && !read {
        let (client, project) = (
            session.client_untracked(),
            session.project_id.get_untracked(),
        );
        leptos::task::spawn_local(async move {
            if let Ok(items) = read_region(client, project).await {
                inventory.store(region, items);
            }
        });
    }
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let all = Memo::new(move |_| {
        let region = session.region.get();
        inventory.0.with(|read| entries(&region, read))
    });
    let found = Memo::new(move |_| all.with(|all| query.with(|q| search(all, q, SHOWN))));
    let choose = Callback::new(move |index: usize| {
        let Some(target) = all.with_untracked(|all| all.get(index).map(|e| e.target.clone()))
        else {
            return;
        };
        overlays.close();
        let path = match target {
            Target::Page(path) => session.link(&path),
            Target::Resource { kind, region, id } => {
                routes::in_region(&routes::detail_of(kind, &id), &region)
            }
            Target::Region(region) => {
                // A form stays in its region: the switch opens the overview there.
                let here = if session.forms_open.get_untracked() > 0 {
                    routes::OVERVIEW.to_string()
                } else {
                    location.pathname.get_untracked()
                };
                session.set_region(region.clone());
                routes::in_region(&here, &region)
            }
        };
        navigate(&path, Default::default());
    });
    let input_ref = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = input_ref.get() {
            let _ = input.focus();
        }
    });
    let on_key = {
        move |ev: leptos::ev::KeyboardEvent| {
            let count = found.with_untracked(Vec::len);
            match ev.key().as_str() {
                "ArrowDown" if count > 0 => {
                    ev.prevent_default();
                    active.update(|a| *a = (*a + 1) % count);
                }
                "ArrowUp" if count > 0 => {
                    ev.prevent_default();
                    active.update(|a| *a = (*a + count - 1) % count);
                }
                "Enter" => {
                    ev.prevent_default();
                    if let Some(index) =
                        found.with_untracked(|f| f.get(active.get_untracked()).copied())
                    {
                        choose.run(index);
                    }
                }
                _ => {}
            }
        }
    };
    let option_id = |n: usize| format!("palette-option-{n}");
    view! {
        <Modal label="Go to" class="palette">
            <label for="palette-input" class="visually-hidden">"Search resources and actions"</label>
            <input id="palette-input" type="text" role="combobox" autocomplete="off" spellcheck="false"
                placeholder="Search by name, hostname or ID, or type an action"
                aria-expanded=move || (!found.with(Vec::is_empty)).to_string()
                aria-controls="palette-list" aria-autocomplete="list"
                aria-activedescendant=move || (!found.with(Vec::is_empty)).then(|| option_id(active.get()))
                node_ref=input_ref
                prop:value=move || query.get()
                on:input=move |ev| { query.set(event_target_value(&ev)); active.set(0); }
                on:keydown=on_key/>
            // Hidden while empty: a listbox holds options.
            <ul id="palette-list" role="listbox" aria-label="Results" hidden=move || found.with(Vec::is_empty)>
                {move || all.with(|all| found.get().into_iter().enumerate().map(|(n, index)| {
                    let entry = &all[index];
                    let selected = move || active.get() == n;
                    view! {
                        <li id=option_id(n) role="option" aria-selected=move || selected().to_string()
                            class:active=selected
                            on:mousemove=move |_| if active.get_untracked() != n { active.set(n) }
                            on:click=move |_| choose.run(index)>
                            <span class="title">{entry.title.clone()}</span>
                            <span class="detail">{entry.detail.clone()}</span>
                            {entry.status.clone().map(|status| view! { <StatusBadge status/> })}
                        </li>
                    }
                }).collect_view())}
            </ul>
            <p class="hint" role="status">{move || match found.with(Vec::len) {
                0 => "Nothing matches.".to_string(),
                1 => "1 result.".to_string(),
                n if n == SHOWN => format!("The first {n} results."),
                n => format!("{n} results."),
            }}</p>
        </Modal>
    }
}
