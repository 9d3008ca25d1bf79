//! Live status: the one polling mechanism of the console.
//!
//! The app has one `Poller`: one interval and one visibility listener. Each
//! thing shown that may be transient subscribes with `use_status_polling`;
//! while it is transient and the tab is visible its `refresh` runs after
//! 1 s, then 2, 4, 8 and every 10 s. The interval runs only while some
//! subscriber is transient and the tab is visible, and each subscriber's
//! backoff starts again from 1 s when it becomes transient again.
//!
//! `use_live` reads something and keeps it live through failures: a read
//! that fails keeps the last good data on screen (with when it was read),
//! and a failure that may pass (network, 5xx, 429) is retried with the same
//! backoff, never sooner than a 429 asked.

use crate::api::ApiError;
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
    /// No refresh before this instant (ms since the epoch): a 429 asked to wait.
    hold_until: Rc<Cell<f64>>,
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
                        let held = js_sys::Date::now() < s.hold_until.get();
                        (!held && s.waited.get() >= backoff_secs(s.round.get())).then(|| {
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

    fn subscribe(
        &self,
        transient: Signal<bool>,
        refresh: Rc<dyn Fn()>,
        hold_until: Rc<Cell<f64>>,
    ) -> u64 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.subscriptions.update_value(|subs| {
            subs.push(Subscription {
                id,
                transient,
                refresh,
                hold_until,
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

/// Holds a subscriber's refreshes back (after a 429).
#[derive(Clone)]
pub struct Hold(Rc<Cell<f64>>);

impl Hold {
    /// No refresh before `secs` seconds from now.
    pub fn for_secs(&self, secs: u64) {
        self.0.set(js_sys::Date::now() + secs as f64 * 1000.0);
    }
}

/// Re-runs `refresh` with backoff while `transient` is true and the tab is
/// visible, through the app's one poller (one is made here when a component
/// is used on its own, as in tests).
pub fn use_status_polling(transient: Signal<bool>, refresh: impl Fn() + 'static) -> Hold {
    let poller = use_context::<Poller>().unwrap_or_else(provide_poller);
    let hold_until = Rc::new(Cell::new(0.0));
    let id = poller.subscribe(transient, Rc::new(refresh), hold_until.clone());
    on_cleanup(move || poller.unsubscribe(id));
    Hold(hold_until)
}

/// Something read from the API and kept live: the last good read and when
/// it was made, and the failure of the reads since, if any.
pub struct Live<T: Send + Sync + 'static> {
    resource: LocalResource<Option<(bool, Result<T, ApiError>)>>,
    /// Set before a refresh, so that its failure keeps what is shown.
    refreshing: StoredValue<bool>,
    /// The last good read, and when (ms since the epoch).
    pub good: RwSignal<Option<(T, f64)>>,
    /// Why the latest read failed (what is shown is then older, or nothing).
    pub failure: RwSignal<Option<ApiError>>,
    /// Nothing to read: no secret key is set.
    pub idle: RwSignal<bool>,
}

impl<T: Send + Sync + 'static> Clone for Live<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Live<T> {}

impl<T: Send + Sync + 'static> Live<T> {
    /// Reads again, keeping what is shown until the answer comes.
    pub fn refresh(&self) {
        self.refreshing.set_value(true);
        self.resource.refetch();
    }

    /// When what is shown was read (ms since the epoch), if anything is.
    pub fn read_at(&self) -> Signal<Option<f64>> {
        let good = self.good;
        Signal::derive(move || good.with(|g| g.as_ref().map(|(_, at)| *at)))
    }
}

/// Reads with `fetch` (which may read signals: a change of them starts a
/// fresh read; `None` means there is nothing to read), re-reads while the
/// data is `transient` or the last read failed in a way that may pass, and
/// keeps the last good data through failures.
pub fn use_live<T, Fut>(
    fetch: impl Fn() -> Option<Fut> + 'static,
    transient: impl Fn(&T) -> bool + Send + Sync + 'static,
) -> Live<T>
where
    T: Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, ApiError>> + 'static,
{
    let refreshing = StoredValue::new(false);
    let resource = LocalResource::new(move || {
        let call = fetch();
        // A read the dependencies started is fresh: its failure replaces what is shown.
        let refresh = std::mem::take(&mut *refreshing.write_value());
        async move {
            match call {
                Some(call) => Some((refresh, call.await)),
                None => None,
            }
        }
    });
    let live = Live {
        resource,
        refreshing,
        good: RwSignal::new(None),
        failure: RwSignal::new(None),
        idle: RwSignal::new(false),
    };
    Effect::new(move |_| match resource.get() {
        None => {}
        Some(None) => {
            live.idle.set(true);
            live.good.set(None);
            live.failure.set(None);
        }
        Some(Some((_, Ok(value)))) => {
            live.idle.set(false);
            live.good.set(Some((value, js_sys::Date::now())));
            live.failure.set(None);
        }
        // A read aborted because a newer one replaced it says nothing.
        Some(Some((_, Err(error)))) if error.is_aborted() => {}
        Some(Some((refresh, Err(error)))) => {
            live.idle.set(false);
            if !refresh {
                live.good.set(None);
            }
            live.failure.set(Some(error));
        }
    });
    let transient = Signal::derive(move || {
        live.good
            .with(|g| g.as_ref().is_some_and(|(v, _)| transient(v)))
            || live
                .failure
                .with(|f| f.as_ref().is_some_and(ApiError::may_pass))
    });
    let hold = use_status_polling(transient, move || live.refresh());
    // A 429 says how long to wait: no read before that.
    Effect::new(move |_| {
        if let Some(secs) = live
            .failure
            .with(|f| f.as_ref().and_then(ApiError::retry_after))
        {
            hold.for_secs(secs);
        }
    });
    live
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
