use crate::overlays::use_overlays;
use leptos::prelude::*;

/// A modal dialog over a dimmed page: `Escape` or a click outside closes
/// it (the focus goes back where it was), and `Tab` stays inside: each
/// overlay has one control that holds the focus.
#[component]
pub fn Modal(label: &'static str, class: &'static str, children: Children) -> impl IntoView {
    let overlays = use_overlays();
    view! {
        <div class="dialog-backdrop" on:click=move |ev| {
            // Only a click on the backdrop itself, not one inside the dialog.
            if ev.target() == ev.current_target() {
                overlays.close();
            }
        }>
            <div class=format!("dialog {class}") role="dialog" aria-modal="true" aria-label=label
                on:keydown=move |ev| match ev.key().as_str() {
                    "Escape" => { ev.prevent_default(); overlays.close(); }
                    "Tab" => ev.prevent_default(),
                    _ => {}
                }>
                {children()}
            </div>
        </div>
    }
}
