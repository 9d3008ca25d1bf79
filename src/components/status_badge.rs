use crate::api::Status;
use leptos::prelude::*;

/// A status as text (never colour alone), styled by family; transient
/// statuses say so to assistive technology as they change.
#[component]
pub fn StatusBadge(#[prop(into)] status: Signal<Status>) -> impl IntoView {
    let class = move || {
        let status = status.get();
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
        format!("badge badge-{family}")
    };
    let label = move || {
        let status = status.get();
        match status {
            Status::UnknownStatus => "unknown".to_string(),
            Status::Unknown(ref s) if s.is_empty() => "unknown".to_string(),
            other => other.as_str().to_string(),
        }
    };
    view! { <span class=class role="status">{label}</span> }
}
