//! Everything of a region, read whole: what the overview shows, and what
//! the palette searches. The app keeps the last read of each region here,
//! so that the palette finds what the overview has read.

use crate::api::containers::Container;
use crate::api::domains::Domain;
use crate::api::namespaces::Namespace;
use crate::api::triggers::Trigger;
use crate::api::{ApiError, Client, Kind, ListQuery, Region, Resource};
use leptos::prelude::*;

/// At most this many pages of 1000 are read of each list (a list longer
/// than that is said to be cut short).
const MAX_PAGES: u32 = 20;

/// The four lists of one region.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RegionItems {
    pub namespaces: Vec<Namespace>,
    pub containers: Vec<Container>,
    pub domains: Vec<Domain>,
    pub triggers: Vec<Trigger>,
    /// The lists that hold more than was read.
    pub cut_short: Vec<Kind>,
}

impl RegionItems {
    /// Whether anything in it is transient (so that it is worth reading again soon).
    pub fn any_transient(&self) -> bool {
        fn any<R: Resource>(items: &[R]) -> bool {
            items.iter().any(|r| r.status().is_transient())
        }
        any(&self.namespaces) || any(&self.containers) || any(&self.domains) || any(&self.triggers)
    }

    /// A container's name and status, by ID.
    pub fn container(&self, id: &str) -> Option<&Container> {
        self.containers.iter().find(|c| c.id == id)
    }
}

/// A list whole (up to `MAX_PAGES`), in `project` when one is given.
async fn read_all<R: Resource>(
    client: &Client,
    project: &Option<String>,
) -> Result<(Vec<R>, bool), ApiError> {
    let query = ListQuery {
        project_id: project.clone(),
        ..Default::default()
    };
    client.list_all::<R>(query, MAX_PAGES).await
}

/// Reads the four lists of the client's region at once. The project
/// filter applies to namespaces and containers; domains and triggers are
/// kept when their container is among the containers read.
pub async fn read_region(client: Client, project: String) -> Result<RegionItems, ApiError> {
    let project = Some(project).filter(|p| !p.is_empty());
    let (namespaces, containers, domains, triggers) = futures::join!(
        read_all::<Namespace>(&client, &project),
        read_all::<Container>(&client, &project),
        read_all::<Domain>(&client, &None),
        read_all::<Trigger>(&client, &None),
    );
    let ((namespaces, ns_whole), (containers, c_whole)) = (namespaces?, containers?);
    let ((mut domains, d_whole), (mut triggers, t_whole)) = (domains?, triggers?);
    if project.is_some() {
        let known = |id: &str| containers.iter().any(|c: &Container| c.id == id);
        domains.retain(|d| known(&d.container_id));
        triggers.retain(|t| known(&t.container_id));
    }
    let cut_short = [
        (Kind::Namespace, ns_whole),
        (Kind::Container, c_whole),
        (Kind::Domain, d_whole),
        (Kind::Trigger, t_whole),
    ]
    .into_iter()
    .filter_map(|(kind, whole)| (!whole).then_some(kind))
    .collect();
    let region = &client.config.region;
    crate::history::remember(region, &namespaces);
    crate::history::remember(region, &containers);
    crate::history::remember(region, &domains);
    crate::history::remember(region, &triggers);
    Ok(RegionItems {
        namespaces,
        containers,
        domains,
        triggers,
        cut_short,
    })
}

/// The last read of each region, shared by the overview and the palette.
#[derive(Clone, Copy)]
pub struct Inventory(pub RwSignal<Vec<(Region, RegionItems)>>);

impl Inventory {
    /// Keeps `items` as the region's latest read.
    pub fn store(&self, region: Region, items: RegionItems) {
        self.0
            .update(|all| match all.iter_mut().find(|(r, _)| *r == region) {
                Some(slot) => slot.1 = items,
                None => all.push((region, items)),
            });
    }
}

/// Provides the app's inventory (the app shell does this once).
pub fn provide_inventory() -> Inventory {
    let inventory = Inventory(RwSignal::new(Vec::new()));
    provide_context(inventory);
    inventory
}

/// The app's inventory (a new, empty one for a component used on its own).
pub fn use_inventory() -> Inventory {
    use_context::<Inventory>().unwrap_or_else(provide_inventory)
}
