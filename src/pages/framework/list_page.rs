//! A list page's head.

use crate::api::Resource;
use crate::routes;
use crate::state::query::{use_list_params, OwnerFilter};
use crate::state::session::use_session;
use leptos::prelude::*;

/// The head of a list page: its title, and the button that creates one of
/// `R`, carrying the `owner` chosen in the filters (a domain added from the
/// list of a container's domains belongs to that container).
pub fn list_head<R: Resource>(
    title: &'static str,
    create_label: &'static str,
    owner: Option<OwnerFilter>,
) -> impl IntoView {
    let session = use_session();
    let params = use_list_params();
    let href = move || {
        let chosen = owner.and_then(|o| {
            params
                .params
                .with(|p| o.get(p).map(|id| (o, id.to_string())))
        });
        session.link(&routes::create::<R>(
            chosen.as_ref().map(|(o, id)| (*o, id.as_str())),
        ))
    };
    view! {
        <div class="page-head">
            <h1>{title}</h1>
            <a class="button" href=href>{create_label}</a>
        </div>
    }
}
