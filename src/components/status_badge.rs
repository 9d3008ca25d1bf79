use crate::api::Status;
use leptos::prelude::*;

/// A status as text (never colour alone), styled by family. A row is
/// rebuilt when its status changes (keyed tables), so the badge is plain,
/// with no reactive work of its own. `live` announces changes to assistive
/// technology: for the one status a page is about, not for every row.
#[component]
pub fn StatusBadge(status: Status, #[prop(optional)] live: bool) -> impl IntoView {
    let family = if status.is_transient() {
        "transient"
    } else {
        match status {
            Status::Ready => "ready",
            Status::Error => "error",
            Status::Locked => "locked",
            _ => "unknown",
        }
    };
    let label = match &status {
        Status::UnknownStatus => "unknown".to_string(),
        Status::Unknown(s) if s.is_empty() => "unknown".to_string(),
        other => other.as_str().to_string(),
    };
    view! { <span class=format!("badge badge-{family}") role=live.then_some("status")>{label}</span> }
}
