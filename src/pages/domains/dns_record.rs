use crate::components::copy_button::CopyButton;
use crate::components::dns_check::dns_check_view;
use crate::forms::net::url_host;
use leptos::prelude::*;

/// The DNS record a custom domain needs: a CNAME from the hostname to the
/// container's endpoint host, with buttons to copy it.
#[component]
pub fn DnsRecord(
    #[prop(into)] hostname: Signal<String>,
    /// The container's public endpoint (`https://…`), once known.
    #[prop(into)]
    endpoint: Signal<Option<String>>,
    /// Whether to check where the hostname points now (the form; a domain not ready).
    #[prop(optional)]
    check: bool,
) -> impl IntoView {
    let target = Signal::derive(move || {
        endpoint
            .get()
            .map(|e| url_host(&e).to_string())
            .filter(|h| !h.is_empty())
    });
    let name = Signal::derive(move || {
        let h = hostname.get();
        if h.is_empty() {
            "your hostname".to_string()
        } else {
            h
        }
    });
    let line = Signal::derive(move || {
        format!(
            "{}. CNAME {}.",
            name.get(),
            target.get().unwrap_or_default()
        )
    });
    view! {
        <section class="dns-record" aria-labelledby="dns-record-title">
            <h2 id="dns-record-title">"DNS record"</h2>
            <p class="hint">"Create this record at your DNS provider: traffic for the hostname then reaches the container."</p>
            {move || match target.get() {
                Some(target) => {
                    let copied = target.clone();
                    view! {
                    <table class="kv-table">
                        <thead><tr><th scope="col">"Type"</th><th scope="col">"Name"</th><th scope="col">"Value"</th></tr></thead>
                        <tbody><tr>
                            <td class="mono">"CNAME"</td>
                            <td class="mono" id="dns-name">{name.get()}</td>
                            <td class="mono" id="dns-target">{target}</td>
                        </tr></tbody>
                    </table>
                    <p class="actions">
                        <CopyButton text=Signal::derive(move || copied.clone()) label="Copy value"/>
                        " " <CopyButton text=line label="Copy record"/>
                    </p>
                }.into_any()
                }
                None => view! { <p class="empty">"The record appears once the container is chosen and has an endpoint."</p> }.into_any(),
            }}
            {check.then(|| Suspend::new(dns_check_view(hostname, target)))}
        </section>
    }
}
