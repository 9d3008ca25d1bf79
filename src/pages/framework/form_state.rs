//! What a create or edit form keeps while it is open.

use crate::api::ApiError;
use crate::components::error_text::ErrorText;
use crate::components::field::provide_form_scope;
use crate::components::unsaved::use_unsaved_guard;
use crate::forms::FieldErrors;
use crate::state::session::use_session;
use leptos::prelude::*;

/// The state every create and edit form keeps: what the user typed, what was
/// last saved (to know whether leaving loses anything), the messages by
/// field, problems the page knows from other data (`blockers`, e.g. a
/// container that has all its domains), and the last failure. Nothing here
/// is ever reset by a failure.
pub struct FormState<F: Send + Sync + 'static> {
    pub form: RwSignal<F>,
    pub saved: RwSignal<F>,
    pub errors: RwSignal<FieldErrors>,
    pub blockers: RwSignal<FieldErrors>,
    pub failure: RwSignal<Option<ApiError>>,
}

impl<F: Send + Sync + 'static> Clone for FormState<F> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<F: Send + Sync + 'static> Copy for FormState<F> {}

impl<F: Clone + PartialEq + Send + Sync + 'static> FormState<F> {
    pub fn new(initial: F) -> Self {
        let state = FormState {
            form: RwSignal::new(initial.clone()),
            saved: RwSignal::new(initial),
            errors: RwSignal::new(FieldErrors::new()),
            blockers: RwSignal::new(FieldErrors::new()),
            failure: RwSignal::new(None),
        };
        use_unsaved_guard(Signal::derive(move || state.is_dirty()));
        // The fields below find the form here, not through their props.
        provide_form_scope(state.form, state.errors);
        // A form belongs to a region: switching it would swap what the form edits.
        let session = use_session();
        session.forms_open.update(|n| *n += 1);
        on_cleanup(move || {
            session.forms_open.try_update(|n| *n = n.saturating_sub(1));
        });
        state
    }

    pub fn is_dirty(&self) -> bool {
        self.form.with(|f| self.saved.with(|s| f != s))
    }

    /// Shows the client-side messages; `true` when there are none.
    pub fn accept(&self, mut errors: FieldErrors) -> bool {
        self.blockers.with_untracked(|b| {
            for (field, message) in b {
                errors
                    .entry(field.clone())
                    .or_insert_with(|| message.clone());
            }
        });
        let ok = errors.is_empty();
        self.errors.set(errors);
        if ok {
            self.failure.set(None);
        } else {
            focus_first_error();
        }
        ok
    }

    /// A rejected request: messages on the fields the server named, the
    /// whole error in the banner, and every input left as typed.
    pub fn rejected(&self, error: ApiError) {
        self.errors.set(error.field_errors().into_iter().collect());
        self.failure.set(Some(error));
    }

    /// The form now matches what the API holds: leaving loses nothing.
    pub fn mark_saved(&self) {
        self.saved.set(self.form.get_untracked());
    }
}

/// Moves focus to the first field marked invalid, once it is rendered.
fn focus_first_error() {
    request_animation_frame(|| {
        if let Some(el) = document()
            .query_selector("[aria-invalid=true]")
            .ok()
            .flatten()
        {
            use wasm_bindgen::JsCast;
            if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}
