//! The landing page's first read, sent by the main module as soon as the app
//! starts (`landing::send_first_read`), while the page's own chunk is still
//! being fetched and compiled: when the page then asks for the same URL with
//! the same key, it gets that answer instead of asking again.

use super::client::{Answer, Client, Method};
use super::error::ApiError;
use futures::channel::oneshot;
use std::cell::RefCell;
use std::future::Future;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// An early answer older than this is not handed out: the page reads afresh.
const FRESH_FOR_MS: f64 = 10_000.0;

struct EarlyRead {
    url: String,
    token: String,
    sent_at: f64,
    answer: oneshot::Receiver<Result<Answer, ApiError>>,
    /// Aborts it, when the page that takes it goes away before the answer.
    abort: Option<web_sys::AbortController>,
}

thread_local! {
    static EARLY: RefCell<Option<EarlyRead>> = const { RefCell::new(None) };
}

/// Sends a GET of `url` now; its answer waits for the first request of that
/// URL made by `take`.
pub fn send(client: Client, url: String) {
    let (sender, answer) = oneshot::channel();
    let abort = web_sys::AbortController::new().ok();
    let client = match &abort {
        Some(abort) => client.with_signal(abort.signal()),
        None => client,
    };
    EARLY.with(|early| {
        *early.borrow_mut() = Some(EarlyRead {
            url: url.clone(),
            token: client.config.token.clone(),
            sent_at: js_sys::Date::now(),
            answer,
            abort,
        })
    });
    wasm_bindgen_futures::spawn_local(async move {
        let _ = sender.send(client.fetch(Method::Get, &url, None).await);
    });
}

/// The early answer for a GET of `url` with `token`, once: only the first
/// request of that URL gets it, and only while it is fresh. It is aborted
/// when `signal` (the asking page's) is.
pub(crate) fn take(
    url: &str,
    token: &str,
    signal: Option<&web_sys::AbortSignal>,
) -> Option<impl Future<Output = Result<Answer, ApiError>>> {
    let early = EARLY.with(|early| {
        let mut early = early.borrow_mut();
        let usable = early
            .as_ref()
            .is_some_and(|e| e.url == url && e.token == token);
        usable.then(|| early.take()).flatten()
    })?;
    if let (Some(signal), Some(abort)) = (signal, early.abort) {
        follow(signal, abort);
    }
    (js_sys::Date::now() - early.sent_at < FRESH_FOR_MS).then_some(async move {
        early
            .answer
            .await
            .unwrap_or_else(|_| Err(ApiError::network("the early read was dropped")))
    })
}

/// Aborts the early read that no page has taken (the app is going away).
pub fn cancel() {
    if let Some(abort) = EARLY
        .with(|early| early.borrow_mut().take())
        .and_then(|e| e.abort)
    {
        abort.abort();
    }
}

/// Aborts `abort` when `signal` aborts.
fn follow(signal: &web_sys::AbortSignal, abort: web_sys::AbortController) {
    if signal.aborted() {
        abort.abort();
        return;
    }
    let on_abort = Closure::once_into_js(move || abort.abort());
    let _ = signal.add_event_listener_with_callback("abort", on_abort.unchecked_ref());
}
