//! The create and edit pages around a resource's form.

use super::conflict::ChangedMeanwhile;
use super::detail_page::{loaded, use_routed_resource};
use super::form_frame::{form_frame, FormFields};
use super::form_state::FormState;
use super::use_submit::{use_submit, Submission};
use crate::api::{Kind, Resource, Timestamp};
use crate::as_code::{Call, Verb};
use crate::components::as_code_panel::AsCode;
use crate::components::history_panel::{RECREATE, RESTORE};
use crate::forms::rebase::changed_since;
use crate::forms::ResourceForm;
use crate::history;
use crate::history::restore::restorable;
use crate::routes;
use crate::state::session::use_session;
use crate::time::local_time;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde_json::Value;

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
    let recreating = recreate_from_history(state);
    // The request the form would send, as it is typed.
    let code = Signal::derive(move || {
        state.form.with(|f| {
            let whole = valid_create_body(f, true)?;
            Ok(Call {
                verb: Verb::Post,
                kind: <F::Item as Resource>::KIND,
                region: session.region.get(),
                id: None,
                body: Some(whole.clone()),
                whole,
            })
        })
    });
    view! {
        <section class="page narrow">
            <h1>{title}</h1>
            {move || recreating.get().map(|notes| view! {
                <div class="banner banner-info" role="status">
                    {notes.into_iter().map(|n| view! { <p>{n}</p> }).collect_view()}
                </div>
            })}
            {form_frame(state, submit, pending, submit_label, cancel, fields(state, true))}
            <AsCode call=code/>
        </section>
    }
}

/// The create body of a form whose values pass its checks, or why not yet.
fn valid_create_body<F: ResourceForm>(form: &F, creating: bool) -> Result<Value, String> {
    let problems = form.validate(creating).len();
    if problems > 0 {
        return Err(format!(
            "Correct the form first: {problems} {} to fix.",
            if problems == 1 { "field" } else { "fields" }
        ));
    }
    serde_json::to_value(form.to_create()).map_err(|e| e.to_string())
}

/// A resource as it is, as code: the create request that makes it again,
/// and Terraform with its import block (for its detail page).
pub fn as_code_of<F: ResourceForm>(item: &F::Item) -> impl IntoView {
    let session = use_session();
    let whole = serde_json::to_value(F::from_item(item).to_create()).unwrap_or_default();
    let call = Call {
        verb: Verb::Post,
        kind: <F::Item as Resource>::KIND,
        region: session.region.get_untracked(),
        id: Some(item.id().to_string()),
        body: Some(whole.clone()),
        whole,
    };
    view! { <AsCode call=Signal::stored(Ok(call))/> }
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
    let restoring = restore_from_history(state, &item);
    // The minimal PATCH the form would send, and the resource as it would be.
    let code = Signal::derive(move || {
        state.form.with(|f| {
            let whole = valid_create_body(f, false)?;
            let body = original
                .with_value(|o| f.to_update(o))
                .map(|patch| serde_json::to_value(patch).map_err(|e| e.to_string()))
                .transpose()?;
            Ok(Call {
                verb: Verb::Patch,
                kind: <F::Item as Resource>::KIND,
                region: session.region.get(),
                id: Some(original.with_value(|o| o.id().to_string())),
                body,
                whole,
            })
        })
    });
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
        {move || restoring.get().map(|notes| view! {
            <div class="banner banner-info" role="status" id="restoring">
                {notes.into_iter().map(|n| view! { <p>{n}</p> }).collect_view()}
            </div>
        })}
        {form_frame(state, submit, pending, submit_label, cancel, fields(state, false))}
        <AsCode call=code/>
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

/// With `?restore=<version>`, fills the edit form with that version of the
/// history (what cannot be restored taken from `current`); answers what the
/// form then says: which version, and what could not be restored.
fn restore_from_history<F: ResourceForm>(
    state: FormState<F>,
    current: &F::Item,
) -> RwSignal<Option<Vec<String>>> {
    let notes = RwSignal::new(None);
    let Some(at) = use_query_map().with_untracked(|q| q.get(RESTORE)) else {
        return notes;
    };
    let kind = <F::Item as Resource>::KIND;
    let (region, id) = (
        use_session().region.get_untracked(),
        current.id().to_string(),
    );
    let current = serde_json::to_value(current).unwrap_or_default();
    leptos::task::spawn_local(async move {
        let version = history::load(kind, region, id)
            .await
            .and_then(|r| r.versions.into_iter().find(|v| v.updated_at == at));
        let Some(version) = version else {
            notes.set(Some(vec!["That version is not kept in this browser any more: the form shows the resource as it is now.".into()]));
            return;
        };
        let (merged, not_restored) = restorable(kind, &version.body, &current);
        match serde_json::from_value::<F::Item>(merged) {
            Ok(restored) => {
                state.form.set(F::from_item(&restored));
                let mut said = vec![format!(
                    "Restoring the version of {}: review it and save. Only what differs from now is sent.",
                    local_time(&Some(Timestamp::parse(&at)))
                )];
                said.extend(not_restored.into_iter().map(|n| n.text().to_string()));
                notes.set(Some(said));
            }
            Err(e) => notes.set(Some(vec![format!(
                "That version could not be read back: {e}."
            )])),
        }
    });
    notes
}

/// With `?recreate=<version>&id=<id>`, fills a create form with that version
/// of a deleted resource's history; answers what the form then says. Secret
/// values were never kept: the form names the secrets to enter again.
fn recreate_from_history<F: ResourceForm>(state: FormState<F>) -> RwSignal<Option<Vec<String>>> {
    let notes = RwSignal::new(None);
    let (at, id) = use_query_map().with_untracked(|q| (q.get(RECREATE), q.get("id")));
    let (Some(at), Some(id)) = (at, id) else {
        return notes;
    };
    let kind = <F::Item as Resource>::KIND;
    let region = use_session().region.get_untracked();
    leptos::task::spawn_local(async move {
        let Some(record) = history::load(kind, region, id).await else {
            notes.set(Some(vec![
                "Nothing of it is kept in this browser any more.".into(),
            ]));
            return;
        };
        let Some(mut version) = record.versions.into_iter().find(|v| v.updated_at == at) else {
            notes.set(Some(vec![
                "That version is not kept in this browser any more.".into(),
            ]));
            return;
        };
        let secrets: Vec<String> = version
            .body
            .get_mut("secret_environment_variables")
            .and_then(Value::as_object_mut)
            .map(|m| std::mem::take(m).into_iter().map(|(k, _)| k).collect())
            .unwrap_or_default();
        match serde_json::from_value::<F::Item>(version.body) {
            Ok(item) => {
                state.form.set(F::from_item(&item));
                let mut said = vec![format!(
                    "Filled from the version of {} kept in this browser.",
                    local_time(&Some(Timestamp::parse(&at)))
                )];
                if !secrets.is_empty() {
                    said.push(format!(
                        "Secret values are never kept: add the secrets {} again.",
                        secrets.join(", ")
                    ));
                }
                if kind == Kind::Trigger {
                    said.push(
                        "A source's secret key or credentials are never kept: enter them again."
                            .into(),
                    );
                }
                notes.set(Some(said));
            }
            Err(e) => notes.set(Some(vec![format!(
                "That version could not be read back: {e}."
            )])),
        }
    });
    notes
}
