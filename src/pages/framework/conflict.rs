//! An edit saved after someone else changed the resource: the user's
//! changes on top of theirs (rebased by `forms::rebase`), or theirs.

use super::form_state::FormState;
use crate::api::Resource;
use crate::forms::rebase::{changed_fields, field_label, rebase, to_json};
use crate::forms::ResourceForm;
use crate::routes;
use crate::state::session::use_session;
use leptos::prelude::*;

/// The choice when the resource changed since the form was loaded: save the
/// user's changes on top of the resource as it now is (rebased, so that
/// nothing else is undone or lost), or drop them and edit the new version.
#[component]
pub(super) fn ChangedMeanwhile<F: ResourceForm>(
    state: FormState<F>,
    original: StoredValue<F::Item>,
    fresh: F::Item,
    changed_meanwhile: RwSignal<Option<F::Item>>,
) -> impl IntoView {
    let session = use_session();
    let navigate = leptos_router::hooks::use_navigate();
    let (loaded, now) = original.with_value(|o| (to_json(o), to_json(&fresh)));
    let changed: Vec<String> = changed_fields(&loaded, &now)
        .iter()
        .map(|f| field_label(f))
        .collect();
    let noun = <F::Item as Resource>::NOUN;
    let mine = state
        .form
        .with_untracked(|f| original.with_value(|o| f.to_update(o)))
        .map(|patch| to_json(&patch));
    let rebased = mine.as_ref().map(|patch| rebase(patch, &loaded, &now));
    let both: Vec<String> = rebased
        .as_ref()
        .map(|r| r.changed_by_both.iter().map(|f| field_label(f)).collect())
        .unwrap_or_default();
    let id = fresh.id().to_string();
    let save = Action::new_local(move |patch: &serde_json::Value| {
        let (client, id, patch, navigate) = (
            session.client_untracked(),
            id.clone(),
            patch.clone(),
            navigate.clone(),
        );
        async move {
            match client.update_value::<F::Item>(&id, &patch).await {
                Ok(saved) => {
                    state.mark_saved();
                    navigate(
                        &session.link(&routes::detail::<F::Item>(saved.id())),
                        Default::default(),
                    );
                }
                Err(error) => state.rejected(error),
            }
        }
    });
    let fresh = StoredValue::new(fresh);
    let take_theirs = move |_| {
        let theirs = fresh.get_value();
        let form = F::from_item(&theirs);
        state.form.set(form.clone());
        state.saved.set(form);
        state.errors.set(Default::default());
        state.failure.set(None);
        original.set_value(theirs);
        changed_meanwhile.set(None);
    };
    view! {
        <div class="banner banner-warn" role="alert" id="changed-meanwhile">
            <p>{format!(
                "This {noun} was changed since you opened this form ({}). Nothing was saved yet: choose below.",
                changed.join(", ")
            )}</p>
            {(!both.is_empty()).then(|| view! {
                <p>{format!("You changed {} too: saving on top keeps yours.", both.join(", "))}</p>
            })}
            <p class="actions">
                {rebased.map(|r| view! {
                    <button type="button" disabled=move || save.pending().get()
                        on:click=move |_| { save.dispatch(r.patch.clone()); }>
                        "Save mine on top of theirs"
                    </button>
                })}
                <button type="button" class="secondary" on:click=take_theirs>"Drop mine, edit theirs"</button>
            </p>
        </div>
    }
}
