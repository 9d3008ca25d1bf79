use crate::api::containers::Container;
use crate::api::domains::Domain;
use crate::api::namespaces::Namespace;
use crate::api::ListQuery;
use crate::components::field::TextField;
use crate::components::resource_select::{Catalog, ResourcePicker};
use crate::forms::domain::{domain_limit_problem, DomainForm};
use crate::pages::domains::dns_record::DnsRecord;
use crate::pages::framework::{create_page, edit_page, FormState};
use crate::state::query::use_list_params;
use crate::state::session::use_session;
use leptos::prelude::*;

#[component]
pub fn DomainCreate() -> impl IntoView {
    // A link from a container's page names the container.
    let container = use_list_params()
        .params
        .with_untracked(|p| p.container_id.clone())
        .unwrap_or_default();
    create_page(
        "Add a custom domain",
        DomainForm::new(&container),
        "Add custom domain",
        domain_fields,
    )
}

#[component]
pub fn DomainEdit() -> impl IntoView {
    edit_page("Save changes", domain_fields)
}

fn domain_fields(state: FormState<DomainForm>, creating: bool) -> AnyView {
    let session = use_session();
    let FormState {
        form,
        errors,
        blockers,
        ..
    } = state;
    let containers = Catalog::<Container>::all();
    let chosen = Memo::new(move |_| form.with(|f| f.container_id.clone()));
    // A container has at most 50 domains: say so on the picker before sending.
    let count = LocalResource::new(move || {
        let (client, id) = (session.client(), chosen.get());
        async move {
            if !creating || id.is_empty() {
                return None;
            }
            let query = ListQuery {
                container_id: Some(id),
                ..Default::default()
            };
            client.count::<Domain>(query).await.ok()
        }
    });
    let shown = StoredValue::new(None::<String>);
    let key = DomainForm::CONTAINER.key;
    Effect::new(move |_| {
        let problem = count.get().flatten().and_then(domain_limit_problem);
        blockers.update(|b| match &problem {
            Some(p) => {
                b.insert(key.into(), p.clone());
            }
            None => {
                b.remove(key);
            }
        });
        // Shown at once; a container with room takes its own message away.
        errors.update(|e| match &problem {
            Some(p) => {
                e.insert(key.into(), p.clone());
            }
            None if e.get(key) == shown.get_value().as_ref() => {
                e.remove(key);
            }
            None => {}
        });
        shown.set_value(problem);
    });
    let hostname = Signal::derive(move || form.with(DomainForm::hostname));
    let endpoint =
        Signal::derive(move || containers.find(&chosen.get()).map(|c| c.public_endpoint));
    view! {
        {if creating {
            view! {
                <ResourcePicker lens=DomainForm::CONTAINER catalog=containers
                    id="container_id" label="Container" none_label="Choose a container"
                    groups={Catalog::<Namespace>::all().names()}/>
                <TextField lens=DomainForm::HOSTNAME id="hostname" label="Hostname" required=true
                    placeholder="app.example.com" hint="A domain name you own, 3 to 63 characters."/>
            }.into_any()
        } else {
            view! {
                <dl class="facts">
                    <dt>"Hostname"</dt><dd class="mono">{move || form.with(|f| f.hostname.clone())}</dd>
                    <dt>"Container"</dt><dd>{move || containers.label_of(&chosen.get())}</dd>
                </dl>
                <p class="hint">"Only the tags of a custom domain can change: for another hostname, add a new domain."</p>
            }.into_any()
        }}
        <TextField lens=DomainForm::TAGS id="tags" label="Tags" hint="Separated by commas."/>
        <DnsRecord hostname endpoint check=true/>
    }
    .into_any()
}
