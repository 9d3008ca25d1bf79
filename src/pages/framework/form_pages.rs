//! The create and edit pages around a resource's form.

use super::conflict::ChangedMeanwhile;
use super::detail_page::{loaded, use_routed_resource};
use super::form_frame::{form_frame, FormFields};
use super::form_state::FormState;
use super::use_submit::{use_submit, Submission};
use crate::api::Resource;
use crate::forms::rebase::changed_since;
use crate::forms::ResourceForm;
use crate::routes;
use crate::state::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The create page of `F::Item`: `initial` values (the API's defaults, and
/// whatever the link that led here chose); on success, the new resource's page.
pub fn create_page<F: ResourceForm>(
    title: &'static str,
    initial: F,
    submit_label: &'static str,
    fields: FormFields<F>,
) -> impl IntoView {
    let session = use_session();
    let state = FormState::new(initial);
    let Submission {
        submit, pending, ..
    } = use_submit(
        state,
        |f: &F| f.validate(true),
        |client, f: &F| {
            let body = f.to_create();
            Some(async move { client.create::<F::Item>(&body).await.map(Some) })
        },
        move |item: &F::Item| session.link(&routes::detail::<F::Item>(item.id())),
    );
    let cancel = session.link(routes::list::<F::Item>());
    view! {
        <section class="page narrow">
            <h1>{title}</h1>
            {form_frame(state, submit, pending, submit_label, cancel, fields(state, true))}
        </section>
    }
}

/// The edit page of the resource the route names: loaded once, saved as a
/// minimal PATCH; it says when nothing changed, and when the resource is
/// transient (the API may then refuse the change).
pub fn edit_page<F: ResourceForm>(
    submit_label: &'static str,
    fields: FormFields<F>,
) -> impl IntoView {
    let data = use_routed_resource::<F::Item>();
    view! {
        <section class="page narrow">
            {loaded(data, move |item| edit_form::<F>(item, submit_label, fields))}
        </section>
    }
}

fn edit_form<F: ResourceForm>(
    item: F::Item,
    submit_label: &'static str,
    fields: FormFields<F>,
) -> AnyView {
    let session = use_session();
    let state = FormState::new(F::from_item(&item));
    let original = StoredValue::new(item.clone());
    // The resource as it is now, when it changed since the form was loaded.
    let changed_meanwhile = RwSignal::new(None::<F::Item>);
    let Submission {
        submit,
        pending,
        nothing_to_save,
    } = use_submit(
        state,
        |f: &F| f.validate(false),
        move |client, f: &F| {
            let (id, body, loaded) =
                original.with_value(|o| (o.id().to_string(), f.to_update(o), o.clone()));
            body.map(|body| async move {
                // Read it again just before saving: a PATCH computed from an
                // older copy could undo or lose what someone else changed.
                let fresh = client.read::<F::Item>(&id).await?;
                if !changed_since(&loaded, &fresh).is_empty() {
                    // Nothing is sent: the choice below says what changed.
                    changed_meanwhile.set(Some(fresh));
                    return Ok(None);
                }
                client.update::<F::Item>(&id, &body).await.map(Some)
            })
        },
        move |item: &F::Item| session.link(&routes::detail::<F::Item>(item.id())),
    );
    let noun = <F::Item as Resource>::NOUN;
    let status = item.status().clone();
    let cancel = session.link(&routes::detail::<F::Item>(item.id()));
    let choice = move || {
        changed_meanwhile
            .get()
            .map(|fresh| view! { <ChangedMeanwhile state original fresh changed_meanwhile/> })
    };
    focus_named_field();
    view! {
        <h1>{format!("Edit {noun} {}", item.label())}</h1>
        {status.is_transient().then(|| view! {
            <div class="banner banner-info" role="status">
                <p>{format!("This {noun} is {status} right now: saving may be refused until it settles.")}</p>
            </div>
        })}
        {move || nothing_to_save.get().then(|| view! {
            <p class="banner banner-info" role="status">"Nothing changed: there is nothing to save."</p>
        })}
        {choice}
        {form_frame(state, submit, pending, submit_label, cancel, fields(state, false))}
    }
    .into_any()
}

/// Focuses the field the URL names (`?focus=port`: the link of an error's
/// fix), once the form is on screen.
fn focus_named_field() {
    use wasm_bindgen::JsCast;
    let Some(field) = use_query_map().with_untracked(|q| q.get(routes::FOCUS)) else {
        return;
    };
    request_animation_frame(move || {
        let element = document()
            .get_element_by_id(&field)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}
