//! A list's views made here, in the browser: the name filter (which the API
//! does not honour on every list), and a new order or a narrower name shown
//! at once from a list read whole.

use crate::api::list::{ListOrder, SortField};
use crate::api::{List, Resource};
use crate::state::query::ListParams;

/// What a list's own sort and name filter read of an item: every resource,
/// and a table's type-erased row (`components::resource_table`).
pub trait Listed {
    fn sort_keys(&self) -> SortKeys<'_>;
}

impl<R: Resource> Listed for R {
    fn sort_keys(&self) -> SortKeys<'_> {
        SortKeys {
            created: self.created_millis(),
            id: self.id(),
            label: self.label(),
        }
    }
}

/// What a "Name contains" filter looks for: the text, trimmed, in lower case
/// (names are compared in lower case).
pub fn name_needle(name: &str) -> String {
    crate::case::lower(name.trim())
}

impl<R: Listed> List<R> {
    /// Page `page` (of `page_size`) of the items whose label contains `name`,
    /// ignoring case.
    pub fn named(self, name: &str, page: u32, page_size: u32) -> List<R> {
        let needle = name_needle(name);
        let matching: Vec<R> = self
            .items
            .into_iter()
            .filter(|r| crate::case::lower(r.sort_keys().label).contains(&needle))
            .collect();
        let total_count = matching.len() as u64;
        let skip = (page.max(1) as usize - 1).saturating_mul(page_size as usize);
        List {
            items: matching
                .into_iter()
                .skip(skip)
                .take(page_size as usize)
                .collect(),
            total_count,
        }
    }
}

/// What a sort compares of an item.
pub struct SortKeys<'a> {
    pub created: Option<i64>,
    pub id: &'a str,
    pub label: &'a str,
}

/// The positions of `keys` in the order asked for: stable, and compared as
/// the API does (created time then ID, or label bytes). Not generic, so one
/// copy sorts every resource.
fn sorted_positions(keys: Vec<SortKeys>, (field, descending): (SortField, bool)) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..keys.len()).collect();
    positions.sort_by(|&a, &b| {
        let (a, b) = (&keys[a], &keys[b]);
        let order = match field {
            SortField::CreatedAt => (a.created, a.id).cmp(&(b.created, b.id)),
            SortField::Label => a.label.cmp(b.label),
        };
        if descending {
            order.reverse()
        } else {
            order
        }
    });
    positions
}

/// The sort an `R` list's params ask for (`None`: an order `R`'s list does not know).
pub fn sort_key_of<R: Resource>(params: &ListParams) -> Option<(SortField, bool)> {
    params.order::<R::Order>().map(ListOrder::sort_key)
}

/// What a list shows for `now` while the read `now` started is under way,
/// from the one made for `read_with`: when that read holds every item its
/// filters select, a new order or a narrower name is applied at once, here,
/// so a sort or a filter needs no round trip (the read then confirms it).
/// `sort_key` tells the sort `now` asks for (`sort_key_of`).
/// `None`: the read cannot show `now`, keep it as it is until the new one.
pub fn local_view<R: Listed + Clone>(
    read_with: &ListParams,
    now: &ListParams,
    list: &List<R>,
    sort_key: fn(&ListParams) -> Option<(SortField, bool)>,
) -> Option<List<R>> {
    let complete = list.total_count == list.items.len() as u64;
    if read_with == now || !complete || !read_with.narrows_to(now) {
        return None;
    }
    let items = if now.same_order(read_with) {
        list.items.clone()
    } else {
        let keys = list.items.iter().map(Listed::sort_keys);
        sorted_positions(keys.collect(), sort_key(now)?)
            .into_iter()
            .map(|i| list.items[i].clone())
            .collect()
    };
    let list = List {
        items,
        total_count: list.total_count,
    };
    Some(match &now.name {
        Some(name) => list.named(name, 1, now.page_size()),
        None => list,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::namespaces::Namespace;
    use serde_json::json;

    /// Params as the URL `?order_by=…` gives them (also an order a list does not know).
    fn with_order(order: &str) -> ListParams {
        ListParams::from_lookup(|key| (key == "order_by").then(|| order.to_string()))
    }

    #[test]
    fn a_name_filter_is_applied_here_and_paged() {
        let list: List<Namespace> = serde_json::from_value(json!({"namespaces": [
            {"id": "1", "name": "web-prod", "project_id": "p"},
            {"id": "2", "name": "jobs", "project_id": "p"},
            {"id": "3", "name": "Web-staging", "project_id": "p"},
            {"id": "4", "name": "web-dev", "project_id": "p"}
        ], "total_count": 4}))
        .unwrap();
        let page = list.clone().named("WEB", 1, 2);
        assert_eq!(page.total_count, 3, "every match counts");
        assert_eq!(
            page.items
                .iter()
                .map(|n| n.name.as_str())
                .collect::<Vec<_>>(),
            ["web-prod", "Web-staging"]
        );
        let page = list.named("web", 2, 2);
        assert_eq!(page.items.len(), 1);
        assert_eq!(page.items[0].name, "web-dev");
    }

    fn namespaces(names: &[(&str, &str)]) -> List<crate::api::namespaces::Namespace> {
        let items: Vec<_> = names
            .iter()
            .enumerate()
            .map(|(i, (name, created))| {
                serde_json::json!({"id": format!("n{i}"), "name": name, "project_id": "p",
                    "status": "ready", "created_at": created})
            })
            .collect();
        serde_json::from_value(serde_json::json!({"namespaces": items, "total_count": names.len()}))
            .unwrap()
    }

    fn names(list: &List<crate::api::namespaces::Namespace>) -> Vec<&str> {
        list.items.iter().map(|n| n.name.as_str()).collect()
    }

    #[test]
    fn a_complete_read_is_sorted_and_filtered_here_without_waiting() {
        let read = namespaces(&[
            ("web", "2024-01-03T00:00:00Z"),
            ("api", "2024-01-01T00:00:00Z"),
            ("Batch", "2024-01-02T00:00:00Z"),
        ]);
        let read_with = ListParams::default();
        let by = |order: &str| with_order(order);
        let view =
            local_view(&read_with, &by("name_asc"), &read, sort_key_of::<Namespace>).unwrap();
        assert_eq!(names(&view), ["Batch", "api", "web"]);
        let view = local_view(
            &read_with,
            &by("name_desc"),
            &read,
            sort_key_of::<Namespace>,
        )
        .unwrap();
        assert_eq!(names(&view), ["web", "api", "Batch"]);
        let view = local_view(
            &read_with,
            &by("created_at_asc"),
            &read,
            sort_key_of::<Namespace>,
        )
        .unwrap();
        assert_eq!(names(&view), ["api", "Batch", "web"]);
        // A name narrows what was read (any case), in the order asked for.
        let mut now = by("created_at_desc");
        now.name = Some("AT".into());
        let view = local_view(&read_with, &now, &read, sort_key_of::<Namespace>).unwrap();
        assert_eq!((names(&view), view.total_count), (vec!["Batch"], 1));
        // Nothing to do when the read is for these very params.
        assert!(local_view(&read_with, &read_with, &read, sort_key_of::<Namespace>).is_none());
    }

    #[test]
    fn a_read_that_cannot_show_the_new_params_waits_for_their_own() {
        let mut partial = namespaces(&[("web", "2024-01-03T00:00:00Z")]);
        partial.total_count = 40;
        let sorted = with_order("name_asc");
        // Only part of the list: the other items may come first.
        assert!(local_view(
            &ListParams::default(),
            &sorted,
            &partial,
            sort_key_of::<Namespace>
        )
        .is_none());
        let read = namespaces(&[("web", "2024-01-03T00:00:00Z")]);
        let other = |change: fn(&mut ListParams)| {
            let mut now = ListParams::default();
            change(&mut now);
            local_view(
                &ListParams::default(),
                &now,
                &read,
                sort_key_of::<Namespace>,
            )
            .is_none()
        };
        assert!(other(|p| p.project_id = Some("q".into())));
        assert!(other(|p| p.namespace_id = Some("n".into())));
        assert!(other(|p| p.page = Some(2)));
        assert!(other(|p| p.page_size = Some(50)));
        // An order this list does not know: the API's answer decides.
        assert!(local_view(
            &ListParams::default(),
            &with_order("hostname_asc"),
            &read,
            sort_key_of::<Namespace>
        )
        .is_none());
        // A wider name than was read: items it left out may match.
        let named_as = |name: &str| {
            let mut p = ListParams::default();
            p.name = Some(name.into());
            p
        };
        let (named, wider) = (named_as("we"), named_as("w"));
        assert!(local_view(&named, &wider, &read, sort_key_of::<Namespace>).is_none());
        assert!(local_view(
            &named,
            &ListParams::default(),
            &read,
            sort_key_of::<Namespace>
        )
        .is_none());
    }
}
