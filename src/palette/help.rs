use super::modal::Modal;
use crate::overlays::{is_mac, use_overlays};
use leptos::prelude::*;

/// The keyboard shortcuts, listed by `?`.
#[component]
pub fn Shortcuts() -> impl IntoView {
    let overlays = use_overlays();
    let palette_key = if is_mac() { "⌘ K" } else { "Ctrl K" };
    let close_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = close_ref.get() {
            let _ = button.focus();
        }
    });
    view! {
        <Modal label="Keyboard shortcuts" class="shortcuts">
            <h2>"Keyboard shortcuts"</h2>
            <dl class="keys">
                <dt><kbd>{palette_key}</kbd></dt><dd>"Go anywhere: search resources and actions"</dd>
                <dt><kbd>"/"</kbd></dt><dd>"The same, outside a text field"</dd>
                <dt><kbd>"↑"</kbd> " " <kbd>"↓"</kbd> " " <kbd>"Enter"</kbd></dt><dd>"Choose in the search's results"</dd>
                <dt><kbd>"Esc"</kbd></dt><dd>"Close a dialog"</dd>
                <dt><kbd>"?"</kbd></dt><dd>"This list"</dd>
            </dl>
            <button type="button" class="secondary" node_ref=close_ref on:click=move |_| overlays.close()>"Close"</button>
        </Modal>
    }
}
