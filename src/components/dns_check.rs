//! Where a custom domain's hostname points, said as it is typed (debounced)
//! on the domain form and on the page of a domain that is not ready.

use crate::dns::answer::Verdict;
use crate::dns::check;
use crate::dns::resolver::Resolver;
use crate::forms::net::hostname_problem;
use crate::routes;
use crate::state::session::use_session;
use leptos::prelude::*;
use std::time::Duration;

/// The check, in a chunk of its own with the split build.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn dns_check_view(hostname: Signal<String>, target: Signal<Option<String>>) -> AnyView {
    view! { <DnsCheck hostname target/> }.into_any()
}

/// How long typing must pause before the hostname is looked up.
const DEBOUNCE: Duration = Duration::from_millis(500);

#[component]
fn DnsCheck(hostname: Signal<String>, target: Signal<Option<String>>) -> impl IntoView {
    let session = use_session();
    let settled = RwSignal::new(hostname.get_untracked());
    Effect::new(move |pending: Option<Option<TimeoutHandle>>| {
        let typed = hostname.get();
        if let Some(Some(handle)) = pending {
            handle.clear();
        }
        set_timeout_with_handle(move || settled.set(typed), DEBOUNCE).ok()
    });
    let result = LocalResource::new(move || {
        let (host, target) = (settled.get().trim().to_ascii_lowercase(), target.get());
        let resolver = session
            .dns_resolver
            .get()
            .url(&window().location().origin().unwrap_or_default());
        async move {
            let (Some(resolver), Some(target)) = (resolver, target) else {
                return None;
            };
            if host.is_empty() || hostname_problem(&host).is_some() {
                return None;
            }
            Some((
                host.clone(),
                target.clone(),
                check(resolver, host, target).await,
            ))
        }
    });
    move || {
        if session.dns_resolver.get() == Resolver::Off {
            return view! {
                <p class="hint" id="dns-check">"DNS check is off: choose a resolver in "
                    <a href=session.link(routes::SETTINGS)>"Settings"</a>" to see where the hostname points."</p>
            }
            .into_any();
        }
        match result.get().flatten() {
            None => ().into_any(),
            Some((host, target, verdict)) => {
                let (class, text) = match verdict {
                    Ok(Verdict::Points) => ("banner banner-ok", format!("{host} points at the container's endpoint ({target}): good.")),
                    Ok(Verdict::Elsewhere(found)) => ("banner banner-warn", format!(
                        "{host} points elsewhere: {}. It should be a CNAME to {target}.", found.join(", "))),
                    Ok(Verdict::NoRecord) => ("banner banner-warn", format!(
                        "{host} has no DNS record yet: create the CNAME {host} → {target}, or the domain will end in error.")),
                    Err(e) => ("banner banner-info", format!("The DNS check could not be made: {e}.")),
                };
                view! { <div class=class role="status" id="dns-check"><p>{text}</p></div> }
                    .into_any()
            }
        }
    }
}
