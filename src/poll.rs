//! Live status: the one polling mechanism of the console.
//!
//! The app has one `Poller`: one interval and one visibility listener. Each
//! thing shown that may be transient subscribes with `use_status_polling`;
//! while it is transient and the tab is visible its `refresh` runs after
//! 1 s, then 2, 4, 8 and every 10 s. The interval runs only while some
//! subscriber is transient and the tab is visible, and each subscriber's
//! backoff starts again from 1 s when it becomes transient again.

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

struct Subscription {
    id: u64,
    transient: Signal<bool>,
    refresh: Rc<dyn Fn()>,
    /// Seconds since the last refresh, and refreshes so far (for the backoff).
    waited: Cell<u32>,
    round: Cell<u32>,
}

impl Subscription {
    /// A subscriber whose component is gone counts as settled.
    fn is_transient(&self) -> bool {
        self.transient.try_get_untracked().unwrap_or(false)
    }
}

#[derive(Clone, Copy)]
pub struct Poller {
    subscriptions: StoredValue<Vec<Subscription>, LocalStorage>,
    next_id: StoredValue<u64>,
    /// Bumped when a subscription comes or goes.
    generation: RwSignal<u64>,
}

impl Poller {
    fn new() -> Self {
        let poller = Poller {
            subscriptions: StoredValue::new_local(Vec::new()),
            next_id: StoredValue::new(0),
            generation: RwSignal::new(0),
        };
        let visible = use_page_visible();
        let timer: StoredValue<Option<IntervalHandle>> = StoredValue::new(None);
        Effect::new(move |_| {
            poller.generation.track();
            // The `transient` signals read here re-run this when they change
            // (up to the first true one: enough to know whether any is).
            let any_transient = poller
                .subscriptions
                .with_value(|subs| subs.iter().any(|s| s.transient.try_get().unwrap_or(false)));
            match (any_transient && visible.get(), timer.get_value()) {
                (true, None) => {
                    poller.subscriptions.with_value(|subs| {
                        for s in subs {
                            s.waited.set(0);
                            s.round.set(0);
                        }
                    });
                    let tick = move || poller.tick();
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
        poller
    }

    /// One second passed: refresh the transient subscribers that are due.
    fn tick(&self) {
        let due: Vec<Rc<dyn Fn()>> = self
            .subscriptions
            .try_with_value(|subs| {
                subs.iter()
                    .filter_map(|s| {
                        if !s.is_transient() {
                            s.waited.set(0);
                            s.round.set(0);
                            return None;
                        }
                        s.waited.set(s.waited.get() + 1);
                        (s.waited.get() >= backoff_secs(s.round.get())).then(|| {
                            s.waited.set(0);
                            s.round.set(s.round.get() + 1);
                            s.refresh.clone()
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        // Called outside the borrow: a refresh may subscribe or unsubscribe.
        for refresh in due {
            refresh();
        }
    }

    fn subscribe(&self, transient: Signal<bool>, refresh: Rc<dyn Fn()>) -> u64 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.subscriptions.update_value(|subs| {
            subs.push(Subscription {
                id,
                transient,
                refresh,
                waited: Cell::new(0),
                round: Cell::new(0),
            })
        });
        self.generation.update(|g| *g += 1);
        id
    }

    fn unsubscribe(&self, id: u64) {
        self.subscriptions
            .try_update_value(|subs| subs.retain(|s| s.id != id));
        self.generation.try_update(|g| *g += 1);
    }
}

/// Provides the app's poller (the app shell does this once).
pub fn provide_poller() -> Poller {
    let poller = Poller::new();
    provide_context(poller);
    poller
}

/// Re-runs `refresh` with backoff while `transient` is true and the tab is
/// visible, through the app's one poller (one is made here when a component
/// is used on its own, as in tests).
pub fn use_status_polling(transient: Signal<bool>, refresh: impl Fn() + 'static) {
    let poller = use_context::<Poller>().unwrap_or_else(provide_poller);
    let id = poller.subscribe(transient, Rc::new(refresh));
    on_cleanup(move || poller.unsubscribe(id));
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
