//! Warns before leaving a form with unsaved changes: closing or reloading the
//! tab (beforeunload) and following a link inside the console.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub const LEAVE_QUESTION: &str = "You have unsaved changes. Leave this page and lose them?";

pub fn use_unsaved_guard(dirty: Signal<bool>) {
    let unload = window_event_listener_untyped("beforeunload", move |ev| {
        if dirty.get_untracked() {
            ev.prevent_default();
            if let Some(ev) = ev.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                ev.set_return_value(LEAVE_QUESTION);
            }
        }
    });
    // Links are checked in the capture phase, before the router follows them.
    let on_click = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if !dirty.get_untracked() {
            return;
        }
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten());
        if link.is_some()
            && !window()
                .confirm_with_message(LEAVE_QUESTION)
                .unwrap_or(true)
        {
            ev.prevent_default();
            ev.stop_immediate_propagation();
        }
    });
    let _ = document().add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    let on_click = SendWrapper::new(on_click);
    on_cleanup(move || {
        unload.remove();
        let _ = document().remove_event_listener_with_callback_and_bool(
            "click",
            on_click.as_ref().unchecked_ref(),
            true,
        );
    });
}
