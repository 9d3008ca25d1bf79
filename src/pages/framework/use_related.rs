//! A resource a page shows alongside its own, and its name.

use crate::api::Resource;
use crate::state::session::use_session;
use leptos::prelude::*;

/// A resource a page shows alongside its own (a domain's container, for its
/// name and endpoint): read once; `None` until read, or if it cannot be.
pub fn use_related<R: Resource>(id: String) -> LocalResource<Option<R>> {
    let session = use_session();
    LocalResource::new(move || {
        let (client, id) = (session.client(), id.clone());
        async move { client.read::<R>(&id).await.ok() }
    })
}

/// The name of a related resource once read, its ID until then.
pub fn related_label<R: Resource + Send + Sync>(
    related: LocalResource<Option<R>>,
    id: String,
) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    move || {
        related
            .get()
            .flatten()
            .map_or_else(|| id.clone(), |r| r.label().to_string())
    }
}
