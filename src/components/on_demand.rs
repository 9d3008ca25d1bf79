use leptos::prelude::*;
use std::future::Future;

/// A part of a page that is a chunk of its own (`#[lazy]`): shown once its
/// code has arrived, in a boundary of its own, so that the page around it
/// shows at once instead of waiting for it.
///
/// Only for a part that takes plain values: its future may finish after the
/// view around it was rebuilt, and a signal passed in would then be gone.
/// A part that follows signals (the cron preview, the DNS check, As code)
/// stays a plain `Suspend`, which its page's boundary cancels with it.
pub fn on_demand(part: impl Future<Output = AnyView> + Send + 'static) -> impl IntoView {
    view! { <Suspense fallback=|| ()>{Suspend::new(part)}</Suspense> }
}
