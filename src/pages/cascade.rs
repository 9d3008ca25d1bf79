//! What deleting a namespace or a container takes with it: the API deletes
//! a namespace's containers, and a container's domains and triggers.

use crate::api::containers::Container;
use crate::api::domains::Domain;
use crate::api::triggers::Trigger;
use crate::api::{ApiError, Client, ListQuery};
use crate::components::delete_button::Cascade;

/// A namespace's delete: its containers, their domains and triggers.
pub fn of_namespace(id: &str) -> Cascade {
    Cascade {
        id: id.to_string(),
        consequences: |client, id| Box::pin(namespace_consequences(client, id)),
    }
}

/// A container's delete: its domains and triggers.
pub fn of_container(id: &str) -> Cascade {
    Cascade {
        id: id.to_string(),
        consequences: |client, id| Box::pin(container_consequences(client, id)),
    }
}

fn counted(n: Result<u64, ApiError>, what: &str) -> String {
    match n {
        Ok(n) => format!("{n} {what}(s)"),
        Err(_) => format!("its {what}s (count unavailable)"),
    }
}

async fn namespace_consequences(client: Client, id: String) -> Vec<String> {
    let ns = || Some(id.clone());
    let containers = client.count::<Container>(owned_by(ns(), None)).await;
    let domains = client.count::<Domain>(owned_by(ns(), None)).await;
    let triggers = client.count::<Trigger>(owned_by(ns(), None)).await;
    vec![
        format!(
            "All of its containers: {}.",
            counted(containers, "container")
        ),
        format!("Their custom domains: {}.", counted(domains, "domain")),
        format!("Their triggers: {}.", counted(triggers, "trigger")),
    ]
}

async fn container_consequences(client: Client, id: String) -> Vec<String> {
    let c = || Some(id.clone());
    let domains = client.count::<Domain>(owned_by(None, c())).await;
    let triggers = client.count::<Trigger>(owned_by(None, c())).await;
    vec![
        format!("Its custom domains: {}.", counted(domains, "domain")),
        format!("Its triggers: {}.", counted(triggers, "trigger")),
    ]
}

/// The items of a namespace or of a container.
fn owned_by<O>(namespace_id: Option<String>, container_id: Option<String>) -> ListQuery<O> {
    ListQuery {
        namespace_id,
        container_id,
        ..Default::default()
    }
}
