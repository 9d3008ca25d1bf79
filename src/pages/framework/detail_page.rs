//! A resource's detail page: read live while transient and through failed
//! reads, a page body for a resource read once, and the page's head.

use crate::api::{ApiError, Resource, Status};
use crate::components::delete_button::{Cascade, DeleteButton};
use crate::components::error_banner::ErrorBanner;
use crate::components::explanation::ExplanationView;
use crate::components::history_panel::History;
use crate::components::stale_notice::stale_notice;
use crate::components::status_badge::StatusBadge;
use crate::explain::Explain;
use crate::history;
use crate::pages::common::GoneNotice;
use crate::poll::use_live;
use crate::routes::{self, use_route_id};
use crate::state::session::use_session;
use leptos::prelude::*;

/// The resource the route names, read once: an edit page's, so that nothing
/// overwrites the user's edits.
pub(super) fn use_routed_resource<R: Resource>() -> LocalResource<Result<R, ApiError>> {
    let session = use_session();
    let id = use_route_id();
    LocalResource::new(move || {
        let (client, id) = (session.client(), id.get());
        async move { client.read::<R>(&id).await }
    })
}

/// A page body for one resource read once: `render` it once loaded; a 404
/// says it is gone (deleted meanwhile, or another region); other errors in
/// words, with a Retry button.
pub fn loaded<R: Resource + Send + Sync>(
    data: LocalResource<Result<R, ApiError>>,
    render: impl Fn(R) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let retry = Callback::new(move |_| data.refetch());
    view! {
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || data.get().map(|result| match result {
                Ok(value) => render(value),
                Err(e) if e.is_not_found() => view! { <GoneNotice kind=R::NOUN list=R::PATH/> }.into_any(),
                Err(error) => view! { <ErrorBanner error retry/> }.into_any(),
            })}
        </Transition>
    }
}

/// A detail page: the resource of the route, live while it is transient and
/// through failed reads (the last good read stays, marked as such). `render`
/// also gets a way to read it again at once (after an action that changed
/// it, such as a redeploy). The view is rebuilt only when a read brings
/// something new, so an open dialog or a scrolled table stays as it is.
pub fn detail_page<R: Resource + Send + Sync>(
    render: impl Fn(R, Callback<()>) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let session = use_session();
    let id = use_route_id();
    let live = use_live(
        move || {
            let (client, id) = (session.client(), id.get());
            Some(async move {
                let read = client.read::<R>(&id).await;
                // Every version read is kept; a 404 means it is gone, its history stays.
                match &read {
                    Ok(item) => history::remember_now(&client.config.region, item),
                    Err(e) if e.is_not_found() => {
                        history::mark_gone::<R>(&client.config.region, &id)
                    }
                    Err(_) => {}
                }
                read
            })
        },
        |r: &R| r.status().is_transient(),
    );
    let reload = Callback::new(move |_| live.refresh());
    let current = Memo::new(move |_| live.good.with(|g| g.as_ref().map(|(v, _)| v.clone())));
    let gone = Memo::new(move |_| {
        live.failure
            .with(|f| f.as_ref().is_some_and(ApiError::is_not_found))
    });
    let region = move || session.region.get_untracked();
    let body = move || {
        if gone.get() {
            // Its history stays in this browser: what it was, and a way to recreate it.
            return view! {
                <GoneNotice kind=R::NOUN list={routes::list::<R>()}/>
                <History kind=R::KIND region=region() id=id.get_untracked() gone=true/>
            }
            .into_any();
        }
        match current.get() {
            Some(item) => {
                let current = serde_json::to_value(&item)
                    .ok()
                    .map(|body| (item.label().to_string(), body));
                view! {
                    {render(item, reload)}
                    <History kind=R::KIND region=region() id=id.get_untracked() current/>
                }
                .into_any()
            }
            .into_any(),
            None => match live.failure.get() {
                Some(error) => view! { <ErrorBanner error retry=reload/> }.into_any(),
                None => view! { <p class="loading">"Loading…"</p> }.into_any(),
            },
        }
    };
    let stale = stale_notice(live.failure, live.read_at(), reload);
    view! { <section class="page">{stale}{body}</section> }
}

/// The head of a detail page: name and status, Edit, any `extra` actions,
/// Delete (going to `after_delete` once accepted), and the error message of
/// a resource in `error`, explained when its cause is known.
pub fn detail_head<R: Resource + Explain + Send + Sync>(
    item: &R,
    extra: impl IntoView,
    after_delete: String,
    cascade: Option<Cascade>,
) -> impl IntoView {
    let session = use_session();
    let error = (*item.status() == Status::Error).then(|| {
        let message = item.error_message().unwrap_or_default();
        if message.is_empty() {
            "The API gave no reason.".to_string()
        } else {
            message.to_string()
        }
    });
    let explanation = item.explanation().map(|explanation| {
        view! {
            <ExplanationView explanation kind=R::KIND id=item.id().to_string()
                region=session.region.get_untracked()/>
        }
    });
    view! {
        <div class="page-head">
            <h1>{item.label().to_string()} " " <StatusBadge status=item.status().clone() live=true/></h1>
            <div class="actions">
                <a class="button secondary" href=session.link(&routes::edit::<R>(item.id()))>"Edit"</a>
                {extra}
                <DeleteButton item=item.clone() after=after_delete cascade/>
            </div>
        </div>
        {error.map(|m| view! {
            <div class="banner banner-error" role="alert">
                <p><strong>"Error: "</strong>{m}</p>
                {explanation}
            </div>
        })}
    }
}
