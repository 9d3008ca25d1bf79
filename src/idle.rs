//! Work that can wait: run a moment after the page has what it came for,
//! when the browser is idle (`requestIdleCallback`, within 2 s at most), so
//! that it never delays a page's first rows, the user's first move to
//! another page, or a keystroke's frame. Browsers without it get a timeout.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How long work that can wait leaves the page alone first: the first
/// clicks after the rows (and the chunks they fetch) come before it.
const SETTLE_MS: i32 = 3000;

/// Runs `work` when the browser is idle, at least `SETTLE_MS` from now.
pub fn when_idle(work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let later = Closure::once_into_js(move || idle_now(work));
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), SETTLE_MS);
}

fn idle_now(work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(work);
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match idle {
        Some(request) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &2000.into());
            let _ = request.call2(&window, &callback, &options);
        }
        None => {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
        }
    }
}
