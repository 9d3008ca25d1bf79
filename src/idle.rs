//! Work that can wait: run when the browser is idle (`requestIdleCallback`,
//! within 2 s at most), so that it never delays a page's first rows or a
//! keystroke's frame. Browsers without it get a short timeout instead.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Runs `work` when the browser is next idle.
pub fn when_idle(work: impl FnOnce() + 'static) {
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
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.unchecked_ref(),
                200,
            );
        }
    }
}
