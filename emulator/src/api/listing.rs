//! The four List operations: filters, order, pages.

use crate::error::ApiErr;
use crate::store::{Kind, Record, Store};
use crate::validate::Check;
use serde_json::{json, Value};
use std::collections::HashMap;

pub fn list(
    store: &Store,
    kind: Kind,
    region: &str,
    q: &HashMap<String, String>,
) -> Result<Value, ApiErr> {
    let mut c = Check::default();
    // `page` is an int32 in the spec.
    let page = match q.get("page").map(|p| p.parse::<u64>()) {
        None => 1,
        Some(Ok(p)) if (1..=i32::MAX as u64).contains(&p) => p,
        Some(_) => {
            c.fail("page", "constraint", "page must be from 1 to 2147483647");
            1
        }
    };
    let page_size = match q.get("page_size").map(|p| p.parse::<u64>()) {
        None => 20,
        Some(Ok(p)) if (1..=1000).contains(&p) => p,
        Some(_) => {
            c.fail(
                "page_size",
                "constraint",
                "page_size must be between 1 and 1000",
            );
            20
        }
    };
    let sort_key = if kind == Kind::Domain {
        "hostname"
    } else {
        "name"
    };
    let orders = [
        "created_at_asc",
        "created_at_desc",
        &format!("{sort_key}_asc"),
        &format!("{sort_key}_desc"),
    ]
    .map(String::from);
    let order = q
        .get("order_by")
        .cloned()
        .unwrap_or_else(|| "created_at_asc".into());
    if !orders.contains(&order) {
        c.fail(
            "order_by",
            "format",
            &format!("order_by must be one of {}", orders.join(", ")),
        );
    }
    c.finish()?;

    // Filters by owner: containers belong to a namespace, domains and triggers to a container.
    let namespace_of = |r: &Record| -> String {
        match r.kind {
            Kind::Namespace => r.id().to_string(),
            Kind::Container => r.str_field("namespace_id").to_string(),
            _ => store
                .records
                .get(r.str_field("container_id"))
                .map(|c| c.str_field("namespace_id").to_string())
                .unwrap_or_default(),
        }
    };
    let project_of = |r: &Record| -> String {
        store
            .records
            .get(&namespace_of(r))
            .map(|n| n.str_field("project_id").to_string())
            .unwrap_or_default()
    };
    let wanted = |key: &str| q.get(key).filter(|v| !v.is_empty());
    let mut items: Vec<&Record> = store
        .list(kind, region)
        .filter(|r| wanted("project_id").is_none_or(|p| project_of(r) == *p))
        .filter(|r| wanted("organization_id").is_none_or(|p| project_of(r) == *p))
        .filter(|r| wanted("namespace_id").is_none_or(|n| namespace_of(r) == *n))
        .filter(|r| wanted("container_id").is_none_or(|c| r.str_field("container_id") == c))
        // As the real API: ListNamespaces ignores `name` (it answers every
        // namespace); the others match the exact name.
        .filter(|r| {
            kind == Kind::Namespace || wanted("name").is_none_or(|n| r.str_field("name") == n)
        })
        .collect();
    items.sort_by(|a, b| match order.as_str() {
        "created_at_desc" => (b.created_ms, b.id()).cmp(&(a.created_ms, a.id())),
        o if o.ends_with("_asc") && !o.starts_with("created") => {
            a.str_field(sort_key).cmp(b.str_field(sort_key))
        }
        o if o.ends_with("_desc") => b.str_field(sort_key).cmp(a.str_field(sort_key)),
        _ => (a.created_ms, a.id()).cmp(&(b.created_ms, b.id())),
    });
    let total = items.len();
    // Checked: a far page is an empty page, never an overflow.
    let start = (page - 1)
        .checked_mul(page_size)
        .and_then(|s| usize::try_from(s).ok())
        .unwrap_or(usize::MAX);
    let shown: Vec<Value> = items
        .into_iter()
        .skip(start)
        .take(page_size as usize)
        .map(Record::render)
        .collect();
    let key = match kind {
        Kind::Namespace => "namespaces",
        Kind::Container => "containers",
        Kind::Domain => "domains",
        Kind::Trigger => "triggers",
    };
    Ok(json!({ key: shown, "total_count": total }))
}
