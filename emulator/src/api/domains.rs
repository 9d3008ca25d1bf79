//! CreateDomain and UpdateDomain.

use super::http::resource_router;
use super::rules::{as_map, found, insert, new_id, new_record, ready_parent, refuse_if_transient};
use crate::error::ApiErr;
use crate::store::{rfc3339, Kind, Store};
use crate::validate::{hostname_ok, Check};
use crate::Shared;
use axum::Router;
use serde_json::{json, Map, Value};

pub fn create_domain(
    store: &mut Store,
    region: &str,
    b: &Map<String, Value>,
    now: u64,
) -> Result<Value, ApiErr> {
    let mut c = Check::default();
    let container_id = c.text(b, "container_id", true, 36);
    let hostname = c.text(b, "hostname", true, 63);
    if let Some(h) = &hostname {
        if !hostname_ok(h) {
            c.fail(
                "hostname",
                "format",
                "must be a valid DNS name of 3 to 63 characters",
            );
        }
    }
    let tags = c.strings(b, "tags");
    c.finish()?;
    let (container_id, hostname) = (
        container_id.unwrap_or_default(),
        hostname.unwrap_or_default(),
    );
    ready_parent(store, Kind::Container, region, &container_id)?;
    if let Some(other) = store
        .list(Kind::Domain, region)
        .find(|r| r.str_field("hostname") == hostname)
    {
        return Err(ApiErr::exists(
            "domain",
            other.id(),
            "this hostname is already attached to a container: detach it there first",
        ));
    }
    if store
        .list(Kind::Domain, region)
        .filter(|r| r.str_field("container_id") == container_id)
        .count()
        >= 50
    {
        return Err(ApiErr::invalid_one(
            "container_id",
            "constraint",
            "a container has at most 50 domains",
        ));
    }
    let id = new_id();
    let body = json!({
        "id": id, "container_id": container_id, "hostname": hostname,
        "created_at": rfc3339(now), "tags": tags.unwrap_or_default(),
    });
    Ok(insert(
        store,
        new_record(Kind::Domain, region, as_map(body), now),
    ))
}

pub fn update_domain(
    store: &mut Store,
    region: &str,
    id: &str,
    b: &Map<String, Value>,
    now: u64,
) -> Result<Value, ApiErr> {
    refuse_if_transient(found(store, Kind::Domain, region, id)?)?;
    let mut c = Check::default();
    let tags = c.strings(b, "tags");
    c.finish()?;
    let r = store
        .get_mut(Kind::Domain, region, id)
        .expect("checked above");
    if let Some(t) = tags {
        r.body.insert("tags".into(), t.into());
    }
    r.updated_ms = now;
    Ok(r.render())
}

/// The domain's routes.
pub(super) fn router() -> Router<Shared> {
    resource_router(Kind::Domain, "domains", create_domain, update_domain)
}
