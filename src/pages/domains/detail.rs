use crate::api::containers::Container;
use crate::api::domains::Domain;
use crate::api::Status;
use crate::forms::domain::DomainForm;
use crate::pages::common::Tags;
use crate::pages::domains::dns_record::DnsRecord;
use crate::pages::framework::{as_code_of, detail_head, detail_page, related_label, use_related};
use crate::routes;
use crate::state::session::use_session;
use crate::time::local_time;
use leptos::prelude::*;

#[component]
pub fn DomainDetail() -> impl IntoView {
    detail_page(|d: Domain, _| view! { <DomainView d/> }.into_any())
}

#[component]
fn DomainView(d: Domain) -> impl IntoView {
    let session = use_session();
    // The container gives the record's target (its endpoint) and its name.
    let container = use_related::<Container>(d.container_id.clone());
    let container_name = related_label(container, d.container_id.clone());
    let endpoint = Signal::derive(move || container.get().flatten().map(|c| c.public_endpoint));
    let after_delete = session.link(&routes::detail::<Container>(&d.container_id));
    let hostname = d.hostname.clone();
    view! {
        {detail_head(&d, (), after_delete, None)}
        <dl class="facts">
            <dt>"Hostname"</dt><dd class="mono">{d.hostname.clone()}</dd>
            <dt>"Container"</dt>
            <dd><a href=session.link(&routes::detail::<Container>(&d.container_id))>{container_name}</a></dd>
            <dt>"ID"</dt><dd class="mono">{d.id.clone()}</dd>
            <dt>"Status"</dt><dd>{d.status.to_string()}</dd>
            <dt>"Created"</dt><dd>{local_time(&d.created_at)}</dd>
            <dt>"Updated"</dt><dd>{local_time(&d.updated_at)}</dd>
            <dt>"Tags"</dt><dd><Tags tags=d.tags.clone()/></dd>
        </dl>
        <DnsRecord hostname=Signal::derive(move || hostname.clone()) endpoint check={d.status != Status::Ready}/>
        {as_code_of::<DomainForm>(&d)}
    }
}
