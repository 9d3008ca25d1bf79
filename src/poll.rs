//! Live status: the one polling mechanism of the console.
//!
//! A page says whether anything it shows is transient; while that is true
//! and the tab is visible, `refresh` runs after 1 s, then 2, 4, 8 and every
//! 10 s. It stops as soon as everything has settled or the tab is hidden,
//! and starts again (from 1 s) when that changes.

use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

/// Seconds between refreshes: 1, 2, 4, 8, then 10.
pub fn backoff_secs(round: u32) -> u32 {
    2u32.saturating_pow(round).min(10)
}

/// Whether the page is visible (`document.visibilityState`), kept current.
pub fn use_page_visible() -> Signal<bool> {
    let is_visible = || document().visibility_state() == web_sys::VisibilityState::Visible;
    let visible = RwSignal::new(is_visible());
    let listener =
        window_event_listener_untyped("visibilitychange", move |_| visible.set(is_visible()));
    on_cleanup(move || listener.remove());
    visible.into()
}

/// Re-runs `refresh` with backoff while `transient` is true and the tab is visible.
pub fn use_status_polling(transient: Signal<bool>, refresh: impl Fn() + Clone + 'static) {
    let visible = use_page_visible();
    let timer: StoredValue<Option<IntervalHandle>> = StoredValue::new(None);
    Effect::new(move |_| {
        let run = transient.get() && visible.get();
        match (run, timer.get_value()) {
            (true, None) => {
                let refresh = refresh.clone();
                let (waited, round) = (Rc::new(Cell::new(0)), Rc::new(Cell::new(0)));
                let tick = move || {
                    waited.set(waited.get() + 1);
                    if waited.get() >= backoff_secs(round.get()) {
                        waited.set(0);
                        round.set(round.get() + 1);
                        refresh();
                    }
                };
                timer.set_value(set_interval_with_handle(tick, Duration::from_secs(1)).ok());
            }
            (false, Some(handle)) => {
                handle.clear();
                timer.set_value(None);
            }
            _ => {}
        }
    });
    on_cleanup(move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
    });
}

/// Loads something with `fetch` (which may read signals: it re-runs when
/// they change) and re-reads it while `transient` says so.
pub fn use_polled_resource<T, Fut>(
    fetch: impl Fn() -> Fut + 'static,
    transient: fn(&T) -> bool,
) -> LocalResource<Result<T, crate::api::ApiError>>
where
    T: Clone + 'static,
    Fut: std::future::Future<Output = Result<T, crate::api::ApiError>> + 'static,
{
    let data = LocalResource::new(fetch);
    let busy = Signal::derive(move || data.with(|d| matches!(d, Some(Ok(v)) if transient(v))));
    use_status_polling(busy, move || data.refetch());
    data
}

#[cfg(test)]
mod tests {
    use super::backoff_secs;

    #[test]
    fn backoff_grows_from_one_to_ten_seconds() {
        let delays: Vec<u32> = (0..6).map(backoff_secs).collect();
        assert_eq!(delays, [1, 2, 4, 8, 10, 10]);
    }
}
