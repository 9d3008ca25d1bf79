//! What needs attention in a region: what is in `error`, what has been
//! transient for longer than usual, and the custom domains whose container
//! is not ready. Pure rules, host-tested.

use crate::api::{Kind, Region, Resource, Status};
use crate::explain::{Explain, Explanation};
use crate::state::inventory::RegionItems;

const MINUTE_MS: i64 = 60_000;

/// How long a status usually lasts at most: creating or updating 5 minutes
/// (a failing container reaches `error` after minutes), deleting 2.
fn usual_limit_ms(status: &Status) -> i64 {
    match status {
        Status::Deleting => 2 * MINUTE_MS,
        _ => 5 * MINUTE_MS,
    }
}

/// How long something has been transient, when that is longer than usual:
/// `since_ms` is when it last changed (its `updated_at`, else `created_at`).
pub fn transient_too_long(status: &Status, since_ms: Option<i64>, now_ms: i64) -> Option<i64> {
    if !status.is_transient() {
        return None;
    }
    let lasted = now_ms - since_ms?;
    (lasted > usual_limit_ms(status)).then_some(lasted)
}

/// Why an entry needs attention.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// In `error`, with the API's message and, for a known cause, its explanation.
    Failed {
        message: String,
        explanation: Option<Explanation>,
    },
    /// Transient for this long (ms).
    TooLong { lasted_ms: i64 },
    /// A custom domain whose container is not ready.
    ContainerNotReady { container: String, status: Status },
}

/// One entry of "Needs attention".
#[derive(Clone, Debug, PartialEq)]
pub struct Attention {
    pub kind: Kind,
    pub region: Region,
    pub id: String,
    pub label: String,
    pub status: Status,
    pub problem: Problem,
}

/// When a resource last changed, in ms since the epoch.
pub trait Changed {
    fn changed_millis(&self) -> Option<i64>;
}

macro_rules! changed {
    ($($ty:ty),*) => {$(
        impl Changed for $ty {
            fn changed_millis(&self) -> Option<i64> {
                self.updated_at
                    .as_ref()
                    .and_then(|t| t.unix_millis)
                    .or_else(|| self.created_millis())
            }
        }
    )*};
}
changed!(
    crate::api::namespaces::Namespace,
    crate::api::containers::Container,
    crate::api::domains::Domain,
    crate::api::triggers::Trigger
);

fn of_kind<R: Resource + Explain + Changed>(
    region: &Region,
    items: &[R],
    now_ms: i64,
    out: &mut Vec<Attention>,
) {
    for item in items {
        let problem = if *item.status() == Status::Error {
            Problem::Failed {
                message: item.error_message().unwrap_or_default().to_string(),
                explanation: item.explanation(),
            }
        } else if let Some(lasted_ms) =
            transient_too_long(item.status(), item.changed_millis(), now_ms)
        {
            Problem::TooLong { lasted_ms }
        } else {
            continue;
        };
        out.push(Attention {
            kind: R::KIND,
            region: region.clone(),
            id: item.id().to_string(),
            label: item.label().to_string(),
            status: item.status().clone(),
            problem,
        });
    }
}

/// What needs attention in the regions read, across regions: failures
/// first, then what is slow, then domains waiting on their container.
pub fn needs_attention<'a>(
    reads: impl IntoIterator<Item = (&'a Region, &'a RegionItems)>,
    now_ms: i64,
) -> Vec<Attention> {
    let mut out = Vec::new();
    for (region, items) in reads {
        in_region(region, items, now_ms, &mut out);
    }
    // A stable sort: within a rank, regions stay in their order.
    out.sort_by_key(Attention::rank);
    out
}

impl Attention {
    fn rank(&self) -> u8 {
        match self.problem {
            Problem::Failed { .. } => 0,
            Problem::TooLong { .. } => 1,
            Problem::ContainerNotReady { .. } => 2,
        }
    }

    /// Whether it is a failure (not something slow or waiting).
    pub fn is_failure(&self) -> bool {
        self.rank() == 0
    }
}

fn in_region(region: &Region, items: &RegionItems, now_ms: i64, out: &mut Vec<Attention>) {
    of_kind(region, &items.namespaces, now_ms, out);
    of_kind(region, &items.containers, now_ms, out);
    of_kind(region, &items.domains, now_ms, out);
    of_kind(region, &items.triggers, now_ms, out);
    for domain in &items.domains {
        let listed = out
            .iter()
            .any(|a| a.kind == Kind::Domain && a.id == domain.id);
        let container = items.container(&domain.container_id);
        let not_ready = container.filter(|c| c.status != Status::Ready);
        if let (false, Some(c)) = (listed, not_ready) {
            out.push(Attention {
                kind: Kind::Domain,
                region: region.clone(),
                id: domain.id.clone(),
                label: domain.hostname.clone(),
                status: domain.status.clone(),
                problem: Problem::ContainerNotReady {
                    container: c.name.clone(),
                    status: c.status.clone(),
                },
            });
        }
    }
}

/// `12 min`, `2 h 5 min`: how long something has lasted.
pub fn lasted_text(ms: i64) -> String {
    let minutes = ms / MINUTE_MS;
    if minutes < 60 {
        format!("{minutes} min")
    } else if minutes < 48 * 60 {
        format!("{} h {} min", minutes / 60, minutes % 60)
    } else {
        format!("{} days", minutes / (24 * 60))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::containers::Container;
    use crate::api::domains::Domain;
    use serde_json::json;

    const NOW: i64 = 1_780_000_000_000;

    #[test]
    fn transient_too_long_follows_the_usual_durations() {
        let ago = |min: i64| Some(NOW - min * MINUTE_MS);
        assert_eq!(transient_too_long(&Status::Creating, ago(4), NOW), None);
        assert_eq!(
            transient_too_long(&Status::Creating, ago(6), NOW),
            Some(6 * MINUTE_MS)
        );
        assert_eq!(
            transient_too_long(&Status::Updating, ago(5), NOW),
            None,
            "at 5 min it is still usual"
        );
        assert!(transient_too_long(&Status::Updating, ago(7), NOW).is_some());
        assert!(transient_too_long(&Status::Deleting, ago(3), NOW).is_some());
        assert_eq!(transient_too_long(&Status::Deleting, ago(1), NOW), None);
        assert_eq!(
            transient_too_long(&Status::Ready, ago(600), NOW),
            None,
            "settled is never too long"
        );
        assert_eq!(transient_too_long(&Status::Error, ago(600), NOW), None);
        assert_eq!(
            transient_too_long(&Status::Creating, None, NOW),
            None,
            "no time, no claim"
        );
        assert_eq!(lasted_text(6 * MINUTE_MS), "6 min");
        assert_eq!(lasted_text(125 * MINUTE_MS), "2 h 5 min");
    }

    fn container(id: &str, status: &str, updated: &str, error: Option<&str>) -> Container {
        serde_json::from_value(
            json!({"id": id, "name": format!("c-{id}"), "namespace_id": "n",
            "status": status, "updated_at": updated, "error_message": error, "port": 8080,
            "image": "ghcr.io/acme/app:1"}),
        )
        .unwrap()
    }

    #[test]
    fn failures_then_slow_then_domains_of_containers_not_ready() {
        let stamp = |min_ago: i64| {
            let ms = NOW - min_ago * MINUTE_MS;
            let (y, m, d) = crate::time::civil_from_days(ms.div_euclid(86_400_000));
            let s = ms.rem_euclid(86_400_000) / 1000;
            format!(
                "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
                s / 3600,
                s / 60 % 60,
                s % 60
            )
        };
        let items = RegionItems {
            containers: vec![
                container("ok", "ready", &stamp(60), Some("")),
                container("slow", "updating", &stamp(9), None),
                container("new", "creating", &stamp(1), None),
                container(
                    "bad",
                    "error",
                    &stamp(30),
                    Some("Container is unable to start OR is not listening on port 8080"),
                ),
            ],
            domains: vec![serde_json::from_value::<Domain>(
                json!({"id": "d", "container_id": "bad", "hostname": "a.example.com", "status": "ready"}),
            )
            .unwrap()],
            ..Default::default()
        };
        let slow_elsewhere = RegionItems {
            containers: vec![container("slow-par", "creating", &stamp(20), None)],
            ..Default::default()
        };
        let found = needs_attention(
            [(&Region::FrPar, &slow_elsewhere), (&Region::NlAms, &items)],
            NOW,
        );
        let ids: Vec<&str> = found.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            ids,
            ["bad", "slow-par", "slow", "d"],
            "failures of every region first, then in region order"
        );
        let found: Vec<Attention> = found
            .into_iter()
            .filter(|a| a.region == Region::NlAms)
            .collect();
        assert_eq!(found[0].region, Region::NlAms);
        match &found[0].problem {
            Problem::Failed { explanation, .. } => {
                assert_eq!(explanation.as_ref().unwrap().field, Some("port"))
            }
            other => panic!("a failure: {other:?}"),
        }
        assert_eq!(
            found[1].problem,
            Problem::TooLong {
                lasted_ms: 9 * MINUTE_MS
            }
        );
        assert!(
            matches!(&found[2].problem, Problem::ContainerNotReady { container, .. } if container == "c-bad")
        );
    }
}
