//! The hook behind every form's submit button.

use super::form_state::FormState;
use crate::api::{ApiError, Client};
use crate::forms::FieldErrors;
use crate::state::session::use_session;
use leptos::prelude::*;

/// What submitting a form does, for create and edit alike: validate on the
/// client; build the request (`send` answers `None` when an edit changed
/// nothing); while it runs, show it; on success mark the form saved and open
/// `open(answer)`; on failure keep every input and show why. A request that
/// ends in `Ok(None)` was not sent after all, and the page says why (an edit
/// on a resource changed meanwhile).
pub struct Submission<S> {
    pub submit: S,
    pub pending: Signal<bool>,
    pub nothing_to_save: Signal<bool>,
}

pub fn use_submit<F, T, Fut>(
    state: FormState<F>,
    check: impl Fn(&F) -> FieldErrors + Copy + 'static,
    send: impl Fn(Client, &F) -> Option<Fut> + Copy + 'static,
    open: impl Fn(&T) -> String + Copy + 'static,
) -> Submission<impl Fn() + Clone + 'static>
where
    F: Clone + PartialEq + Send + Sync + 'static,
    T: 'static,
    Fut: std::future::Future<Output = Result<Option<T>, ApiError>> + 'static,
{
    let session = use_session();
    let navigate = leptos_router::hooks::use_navigate();
    let pending = RwSignal::new(false);
    let nothing_to_save = RwSignal::new(false);
    let submit = move || {
        if pending.get_untracked() || !state.accept(state.form.with_untracked(check)) {
            return;
        }
        let request = state
            .form
            .with_untracked(|f| send(session.client_untracked(), f));
        nothing_to_save.set(request.is_none());
        let Some(request) = request else { return };
        pending.set(true);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let answer = request.await;
            // The page may have been left meanwhile: then there is nothing to update.
            if pending.try_set(false).is_some() {
                return;
            }
            match answer {
                Ok(Some(saved)) => {
                    state.mark_saved();
                    navigate(&open(&saved), Default::default());
                }
                Ok(None) => state.failure.set(None),
                Err(error) => state.rejected(error),
            }
        });
    };
    Submission {
        submit,
        pending: pending.into(),
        nothing_to_save: nothing_to_save.into(),
    }
}
