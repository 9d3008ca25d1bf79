use leptos::prelude::*;
use std::future::Future;

/// A part of a page that is a chunk of its own (`#[lazy]`): shown once its
/// code has arrived, in a boundary of its own, so that the page around it
/// shows at once instead of waiting for it.
pub fn on_demand(part: impl Future<Output = AnyView> + Send + 'static) -> impl IntoView {
    view! { <Suspense fallback=|| ()>{Suspend::new(part)}</Suspense> }
}
