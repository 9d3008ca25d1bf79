//! Browser tests: mount the real app in headless Chromium and assert on the DOM.
//! Run with `cargo test --target wasm32-unknown-unknown --test browser`.
//! One file per area; `support` is the harness, `stubs` the fetch stand-ins.
#![cfg(target_arch = "wasm32")]

mod case;
mod disclosure;
mod domains;
mod forms;
mod lists;
mod overview;
mod settings;
mod stubs;
mod support;
mod triggers;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
