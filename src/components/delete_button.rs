//! The delete flow of every resource: a Delete button, a dialog that says
//! what goes with the resource, the call, and navigation once the API has
//! accepted the delete.

use crate::api::{ApiError, Client, Resource};
use crate::components::error_banner::ErrorBanner;
use crate::state::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::future::Future;
use std::pin::Pin;

/// What a delete takes with it (the API cascades), said in the dialog, one
/// line per kind of thing, counted when the dialog opens. A delete that
/// cascades wants the name typed.
/// Lines that say what goes with a delete, once counted.
pub type Consequences = Pin<Box<dyn Future<Output = Vec<String>>>>;

#[derive(Clone)]
pub struct Cascade {
    /// The resource deleted.
    pub id: String,
    /// Its consequences in words, read with the client given.
    pub consequences: fn(Client, String) -> Consequences,
}

/// Deletes `item` after confirmation, then opens `after` (a link with the region).
#[component]
pub fn DeleteButton<R: Resource + Send + Sync>(
    item: R,
    after: String,
    cascade: Option<Cascade>,
) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let confirming = RwSignal::new(false);
    let id = item.id().to_string();
    let delete = Action::new_local(move |_: &()| {
        let (client, id, after, navigate) = (
            session.client_untracked(),
            id.clone(),
            after.clone(),
            navigate.clone(),
        );
        async move {
            let answer = client.delete::<R>(&id).await;
            if answer.is_ok() {
                // Its history stays, under "Recently deleted".
                crate::history::mark_gone::<R>(&client.config.region, &id);
                navigate(&after, Default::default());
            }
            answer.map(|_| ())
        }
    });
    let consequences = LocalResource::new({
        let cascade = cascade.clone();
        move || {
            let (open, client, cascade) = (confirming.get(), session.client(), cascade.clone());
            async move {
                match cascade.filter(|_| open) {
                    Some(cascade) => (cascade.consequences)(client, cascade.id).await,
                    None => Vec::new(),
                }
            }
        }
    });
    let typed = cascade.is_some();
    let name = item.label().to_string();
    view! {
        <button type="button" class="danger" on:click=move |_| confirming.set(true)>"Delete"</button>
        {move || confirming.get().then(|| view! {
            <ConfirmDelete
                kind=R::NOUN
                name=name.clone()
                typed
                consequences=Signal::derive(move || consequences.get().unwrap_or_default())
                on_confirm=Callback::new(move |_| { delete.dispatch(()); })
                on_cancel=Callback::new(move |_| confirming.set(false))
                pending=delete.pending().into()
                error=Signal::derive(move || delete.value().get().and_then(|r| r.err()))
            />
        })}
    }
}

/// Asks before a delete: says what goes with the resource and, when it
/// cascades, wants its name typed, so a delete is never one stray click.
#[component]
fn ConfirmDelete(
    kind: &'static str,
    name: String,
    typed: bool,
    /// What is deleted with it, one line each (may load after opening).
    consequences: Signal<Vec<String>>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
    pending: Signal<bool>,
    error: Signal<Option<ApiError>>,
) -> impl IntoView {
    let typed_name = RwSignal::new(String::new());
    let expected = name.clone();
    let confirmed = move || !typed || typed_name.with(|t| t == &expected);
    // Escape cancels, as in any dialog.
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            on_cancel.run(());
        }
    });
    on_cleanup(move || escape.remove());
    view! {
        <div class="dialog-backdrop">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="confirm-title">
                <h2 id="confirm-title">{format!("Delete {kind} {name}?")}</h2>
                <ul class="consequences">
                    {move || consequences.get().into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                </ul>
                <p>"This cannot be undone."</p>
                {typed.then(|| view! {
                    <div class="field">
                        <label for="confirm-name">{format!("Type {name} to confirm")}</label>
                        <input id="confirm-name" name="confirm-name" autocomplete="off" spellcheck="false" autofocus
                            prop:value=move || typed_name.get() on:input=move |ev| typed_name.set(event_target_value(&ev))/>
                    </div>
                })}
                {move || error.get().map(|error| view! { <ErrorBanner error/> })}
                <div class="actions">
                    <button type="button" class="danger" autofocus=!typed disabled=move || !confirmed() || pending.get()
                        on:click=move |_| on_confirm.run(())>
                        {move || if pending.get() { "Deleting…".to_string() } else { format!("Delete {kind}") }}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>"Cancel"</button>
                </div>
            </div>
        </div>
    }
}
