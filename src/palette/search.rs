//! What the palette offers and how it ranks it: every resource read (the
//! current region first, then the regions the overview has read) and the
//! console's actions, matched on any part of a name, hostname or ID.
//! Pure, host-tested; filtering 1,000 resources is one pass of `contains`
//! over text lower-cased once.

use crate::api::{Kind, Region, Resource, Status};
use crate::routes;
use crate::state::inventory::RegionItems;

/// Where choosing an entry goes.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// A path of the console, in the current region.
    Page(String),
    /// A resource's page in its own region.
    Resource {
        kind: Kind,
        region: Region,
        id: String,
    },
    /// Switches the region.
    Region(Region),
}

/// One thing the palette can list.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub title: String,
    /// What it is: a resource's kind and region, or "Action".
    pub detail: String,
    pub status: Option<Status>,
    pub target: Target,
    /// Name, hostname and ID, lower-cased once.
    haystack: String,
    /// The region's place: 0 for the current one.
    region_rank: usize,
}

fn resources<R: Resource>(items: &[R], region: &Region, region_rank: usize, out: &mut Vec<Entry>) {
    for item in items {
        out.push(Entry {
            title: item.label().to_string(),
            detail: format!("{} · {region}", R::KIND.noun()),
            status: Some(item.status().clone()),
            target: Target::Resource {
                kind: R::KIND,
                region: region.clone(),
                id: item.id().to_string(),
            },
            haystack: crate::case::lower(&format!("{}\n{}", item.label(), item.id())),
            region_rank,
        });
    }
}

fn action(title: String, target: Target) -> Entry {
    Entry {
        haystack: crate::case::lower(&title),
        title,
        detail: "Action".to_string(),
        status: None,
        target,
        region_rank: 0,
    }
}

/// Everything the palette can list: the resources of `read` (the current
/// region first), then the actions.
pub fn entries(current: &Region, read: &[(Region, RegionItems)]) -> Vec<Entry> {
    let mut out = Vec::new();
    let ordered = read
        .iter()
        .filter(|(r, _)| r == current)
        .chain(read.iter().filter(|(r, _)| r != current));
    for (rank, (region, items)) in ordered.enumerate() {
        resources(&items.namespaces, region, rank, &mut out);
        resources(&items.containers, region, rank, &mut out);
        resources(&items.domains, region, rank, &mut out);
        resources(&items.triggers, region, rank, &mut out);
    }
    out.push(action(
        "Overview".into(),
        Target::Page(routes::OVERVIEW.into()),
    ));
    for kind in Kind::ALL {
        out.push(action(
            format!("Create {}", kind_with_article(kind)),
            Target::Page(format!("{}/new", kind.path())),
        ));
        out.push(action(
            format!("Go to {}", kind.title().to_ascii_lowercase()),
            Target::Page(kind.path().into()),
        ));
    }
    out.push(action(
        "Settings".into(),
        Target::Page(routes::SETTINGS.into()),
    ));
    for region in Region::ALL.iter().filter(|r| *r != current) {
        out.push(action(
            format!("Switch region to {region}"),
            Target::Region(region.clone()),
        ));
    }
    out
}

fn kind_with_article(kind: Kind) -> String {
    format!("a {}", kind.noun())
}

/// How well `entry` matches `query` (lower case): lower is better, `None`
/// when it does not. A whole name first, then a name that starts with it,
/// a word of the name that does, any part of the name, then any part of the ID.
fn score(entry: &Entry, query: &str) -> Option<u8> {
    let (name, id) = entry
        .haystack
        .split_once('\n')
        .unwrap_or((entry.haystack.as_str(), ""));
    if name == query {
        Some(0)
    } else if name.starts_with(query) {
        Some(1)
    } else if name
        .split(['-', '_', '.', ' '])
        .any(|word| word.starts_with(query))
    {
        Some(2)
    } else if name.contains(query) {
        Some(3)
    } else if id.contains(query) {
        Some(4)
    } else {
        None
    }
}

/// The entries that match `query`, best first, at most `limit`: by how well
/// they match, then resources before actions, the current region first,
/// then by name. An empty query lists the actions, then the current
/// region's resources.
pub fn search(entries: &[Entry], query: &str, limit: usize) -> Vec<usize> {
    let query = crate::case::lower(query.trim());
    let is_action = |e: &Entry| e.status.is_none();
    if query.is_empty() {
        let actions = (0..entries.len()).filter(|&i| is_action(&entries[i]));
        let current =
            (0..entries.len()).filter(|&i| !is_action(&entries[i]) && entries[i].region_rank == 0);
        return actions.chain(current).take(limit).collect();
    }
    let mut found: Vec<(u8, bool, usize, usize)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| score(e, &query).map(|s| (s, is_action(e), e.region_rank, i)))
        .collect();
    found.sort_by(|a, b| {
        (a.0, a.1, a.2)
            .cmp(&(b.0, b.1, b.2))
            .then_with(|| entries[a.3].title.cmp(&entries[b.3].title))
    });
    found.into_iter().take(limit).map(|(.., i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::containers::Container;
    use serde_json::json;

    fn container(id: &str, name: &str) -> Container {
        serde_json::from_value(
            json!({"id": id, "name": name, "namespace_id": "n", "status": "ready"}),
        )
        .unwrap()
    }

    fn region(containers: &[(&str, &str)]) -> RegionItems {
        RegionItems {
            containers: containers.iter().map(|(id, n)| container(id, n)).collect(),
            ..Default::default()
        }
    }

    fn titles(all: &[Entry], query: &str) -> Vec<String> {
        search(all, query, 20)
            .into_iter()
            .map(|i| format!("{} ({})", all[i].title, all[i].detail))
            .collect()
    }

    #[test]
    fn matches_any_part_and_ranks_whole_then_prefix_then_word_then_part() {
        let read = vec![
            (
                Region::FrPar,
                region(&[
                    ("1", "shop-api"),
                    ("2", "api"),
                    ("3", "rapid"),
                    ("4", "apis-v2"),
                ]),
            ),
            (Region::NlAms, region(&[("5", "api"), ("6", "blog")])),
        ];
        let all = entries(&Region::NlAms, &read);
        assert_eq!(
            titles(&all, "API"),
            [
                "api (container · nl-ams)",
                "api (container · fr-par)",
                "apis-v2 (container · fr-par)",
                "shop-api (container · fr-par)",
                "rapid (container · fr-par)",
            ],
            "current region first among equals; case does not matter"
        );
        // An ID finds its resource; the current region's come first, then the ones read.
        let by_id = search(&all, "6", 5);
        assert_eq!(all[by_id[0]].title, "blog");
        assert!(matches!(
            &all[by_id[0]].target,
            Target::Resource {
                region: Region::NlAms,
                ..
            }
        ));
        assert!(titles(&all, "nothing-like-it").is_empty());
    }

    #[test]
    fn lists_actions_and_switches_to_other_regions_only() {
        let all = entries(&Region::FrPar, &[]);
        let shown = titles(&all, "");
        assert!(shown.contains(&"Create a container (Action)".to_string()));
        assert!(shown.contains(&"Settings (Action)".to_string()));
        assert!(shown.contains(&"Switch region to nl-ams (Action)".to_string()));
        assert!(!shown.contains(&"Switch region to fr-par (Action)".to_string()));
        let create = search(&all, "create a trig", 5);
        assert_eq!(all[create[0]].target, Target::Page("/triggers/new".into()));
        // A resource named like an action comes before the action.
        let read = vec![(Region::FrPar, region(&[("9", "settings")]))];
        let all = entries(&Region::FrPar, &read);
        assert_eq!(titles(&all, "settings")[0], "settings (container · fr-par)");
    }

    #[test]
    fn a_thousand_resources_filter_in_one_pass() {
        let names: Vec<(String, String)> = (0..1000)
            .map(|i| (format!("id-{i:04}"), format!("service-{i:04}")))
            .collect();
        let pairs: Vec<(&str, &str)> = names
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let all = entries(&Region::FrPar, &[(Region::FrPar, region(&pairs))]);
        let found = search(&all, "0999", 20);
        assert_eq!(all[found[0]].title, "service-0999");
        assert_eq!(
            found.len(),
            1,
            "its name and ID match, and it is listed once: {found:?}"
        );
    }
}
