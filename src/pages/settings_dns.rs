//! Settings' choice of the resolver that checks custom domains' DNS.

use crate::dns::resolver::Resolver;
use crate::state::session::use_session;
use leptos::prelude::*;

#[component]
pub fn DnsSettings() -> impl IntoView {
    let session = use_session();
    view! {
        <section class="settings-dns" aria-labelledby="dns-title">
            <h2 id="dns-title">"DNS check of custom domains"</h2>
            <p>"The domain form and the page of a domain that is not ready can check where the hostname points, through DNS over HTTPS. "
                "The resolver then learns the hostnames checked, so the check is off until you choose one."</p>
            <fieldset class="choice">
                <legend>"Resolver"</legend>
                {Resolver::ALL.into_iter().map(|resolver| {
                    let id = format!("dns-{}", resolver.as_str());
                    view! {
                        <label class="check" for=id.clone()>
                            <input type="radio" id=id.clone() name="dns-resolver"
                                prop:checked=move || session.dns_resolver.get() == resolver
                                on:change=move |_| session.set_dns_resolver(resolver)/>
                            " " {resolver.label()}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <p class="hint" role="status">{move || match session.dns_resolver.get() {
                Resolver::Off => "Saved: no DNS check.".to_string(),
                other => format!("Saved: questions go to {}.", other.url(&window().location().origin().unwrap_or_default()).unwrap_or_default()),
            }}</p>
        </section>
    }
}
