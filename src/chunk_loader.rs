//! The app's side of the page-chunk loader (`src/js/chunk_fetch.js`): the
//! pages' code is in chunks of the wasm (`routes::lazy_pages!`), fetched when
//! one of their pages is first opened. The loader retries a failed fetch with
//! backoff and then waits; this module shows the page's place while it waits
//! (what failed, with Retry, or a reload when the chunk belongs to an older
//! build that is gone), and tells the loader when the first API answer is in,
//! so that it fetches the other chunks while the browser is idle.

use leptos::ev::CustomEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the loader reports (`detail.state` of its `console-chunk` event).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChunkState {
    /// Nothing to show: every chunk asked for has arrived.
    Loaded,
    /// The fetch failed after its retries; the loader waits for Retry.
    Failed,
    /// The server no longer has the chunk (404): a new build was deployed.
    Gone,
}

impl ChunkState {
    pub fn from_wire(state: &str) -> Option<Self> {
        match state {
            "loaded" => Some(Self::Loaded),
            "failed" => Some(Self::Failed),
            "gone" => Some(Self::Gone),
            _ => None,
        }
    }
}

/// The loader's event to the app, and the app's answer to a failure.
const STATE_EVENT: &str = "console-chunk";
const RETRY_EVENT: &str = "console-chunk-retry";
/// Sent once, when the first API answer is in (the first rows are shown).
const FIRST_ANSWER_EVENT: &str = "console-first-answer";

fn dispatch(name: &str) {
    if let Ok(event) = web_sys::Event::new(name) {
        let _ = window().dispatch_event(&event);
    }
}

/// Tells the loader that the page has its first answer: it may now use the
/// idle network to fetch the other pages' chunks. Only the first call counts.
pub fn first_answer_arrived() {
    thread_local! {
        static SENT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if !SENT.with(|sent| sent.replace(true)) {
        dispatch(FIRST_ANSWER_EVENT);
    }
}

/// Stands in the page's place while the page's code cannot be fetched.
#[component]
pub fn ChunkStatus() -> impl IntoView {
    let state = RwSignal::new(ChunkState::Loaded);
    let listener = window_event_listener_untyped(STATE_EVENT, move |event| {
        let reported = event
            .dyn_ref::<CustomEvent>()
            .and_then(|event| js_sys::Reflect::get(&event.detail(), &"state".into()).ok())
            .and_then(|value| value.as_string())
            .and_then(|value| ChunkState::from_wire(&value));
        if let Some(reported) = reported {
            state.set(reported);
        }
    });
    on_cleanup(move || listener.remove());
    let retry = move || {
        state.set(ChunkState::Loaded);
        dispatch(RETRY_EVENT);
    };
    let reload = || {
        let _ = window().location().reload();
    };
    move || match state.get() {
        ChunkState::Loaded => None,
        ChunkState::Failed => Some(banner(
            "banner-error",
            "This page's code could not be downloaded: the network failed several times. \
             What you typed is kept.",
            "Retry",
            retry,
        )),
        ChunkState::Gone => Some(banner(
            "banner-info",
            "A new version of the console is available. This page belongs to the version you \
             opened, which the server no longer has.",
            "Reload",
            reload,
        )),
    }
}

/// The page's place while its chunk is missing: what happened, and what to do.
fn banner(
    kind: &'static str,
    message: &'static str,
    action: &'static str,
    act: impl Fn() + 'static,
) -> AnyView {
    view! {
        <div class=format!("banner {kind} chunk-status") role="alert">
            <p>{message}</p>
            <button type="button" on:click=move |_| act()>{action}</button>
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loaders_states_are_read() {
        assert_eq!(ChunkState::from_wire("failed"), Some(ChunkState::Failed));
        assert_eq!(ChunkState::from_wire("gone"), Some(ChunkState::Gone));
        assert_eq!(ChunkState::from_wire("loaded"), Some(ChunkState::Loaded));
        assert_eq!(ChunkState::from_wire("retrying"), None);
    }
}
