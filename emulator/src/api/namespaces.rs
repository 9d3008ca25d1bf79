//! CreateNamespace and UpdateNamespace.

use super::http::resource_router;
use super::rules::{as_map, finish_update, found, insert, new_id, new_record, refuse_if_transient};
use super::secrets::{hash_all, merge_secrets};
use crate::error::ApiErr;
use crate::store::{rfc3339, Kind, Store};
use crate::validate::{Check, NameRule};
use crate::Shared;
use axum::Router;
use serde_json::{json, Map, Value};

pub fn create_namespace(
    store: &mut Store,
    region: &str,
    b: &Map<String, Value>,
    now: u64,
) -> Result<Value, ApiErr> {
    let mut c = Check::default();
    let project = c.text(b, "project_id", true, 36);
    let name = c.required_name(b, NameRule::Namespace);
    let description = c.text(b, "description", false, 255);
    let env = c.env(b, "environment_variables", false);
    let secrets = c.env(b, "secret_environment_variables", true);
    let tags = c.strings(b, "tags");
    c.finish()?;
    let (project, name) = (project.unwrap_or_default(), name.unwrap_or_default());
    if let Some(other) = store
        .list(Kind::Namespace, region)
        .find(|r| r.str_field("name") == name && r.str_field("project_id") == project)
    {
        return Err(ApiErr::exists(
            "namespace",
            other.id(),
            "choose another name: names are unique in a project",
        ));
    }
    let id = new_id();
    let body = json!({
        "id": id, "name": name, "organization_id": project, "project_id": project,
        "description": description.unwrap_or_default(),
        "environment_variables": env.unwrap_or_default(),
        "secret_environment_variables": hash_all(secrets.unwrap_or_default()),
        "tags": tags.unwrap_or_default(),
        "created_at": rfc3339(now), "region": region,
    });
    Ok(insert(
        store,
        new_record(Kind::Namespace, region, as_map(body), now),
    ))
}

pub fn update_namespace(
    store: &mut Store,
    region: &str,
    id: &str,
    b: &Map<String, Value>,
    now: u64,
) -> Result<Value, ApiErr> {
    refuse_if_transient(found(store, Kind::Namespace, region, id)?)?;
    let mut c = Check::default();
    let description = c.text(b, "description", false, 255);
    let env = c.env(b, "environment_variables", false);
    let secrets = c.env(b, "secret_environment_variables", true);
    let tags = c.strings(b, "tags");
    c.finish()?;
    let r = store
        .get_mut(Kind::Namespace, region, id)
        .expect("checked above");
    let mut settles_at_once = true;
    if let Some(d) = description {
        r.body.insert("description".into(), d.into());
    }
    if let Some(t) = tags {
        r.body.insert("tags".into(), t.into());
    }
    if let Some(e) = env {
        r.body.insert("environment_variables".into(), e.into());
        settles_at_once = false;
    }
    if let Some(s) = secrets {
        let merged = merge_secrets(r.body.get("secret_environment_variables"), &s);
        r.body
            .insert("secret_environment_variables".into(), merged.into());
        settles_at_once = false;
    }
    finish_update(r, settles_at_once, now);
    Ok(r.render())
}

/// The namespace's routes.
pub(super) fn router() -> Router<Shared> {
    resource_router(
        Kind::Namespace,
        "namespaces",
        create_namespace,
        update_namespace,
    )
}
