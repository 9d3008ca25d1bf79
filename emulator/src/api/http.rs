//! The HTTP side: the five routes every resource has, written once over its
//! create and update rules, and the service's own route.

use super::listing::list;
use super::rules::{delete, found, object, region_ok};
use crate::error::ApiErr;
use crate::store::{Kind, Record, Store};
use crate::Shared;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// Where every operation lives.
pub(super) const BASE: &str = "/containers/v1/regions/{region}";

pub(super) type Answer = Result<Json<Value>, ApiErr>;

/// A resource's create rule: store, region, body, now.
pub(super) type CreateRule =
    fn(&mut Store, &str, &Map<String, Value>, u64) -> Result<Value, ApiErr>;
/// A resource's update rule: store, region, ID, body, now.
pub(super) type UpdateRule =
    fn(&mut Store, &str, &str, &Map<String, Value>, u64) -> Result<Value, ApiErr>;

async fn service_info(Path(region): Path<String>) -> Answer {
    region_ok(&region)?;
    Ok(Json(json!({
        "name": "containers-api", "description": "Serverless Containers API (local emulator)",
        "version": env!("CARGO_PKG_VERSION"), "documentation_url": null,
        "built_at": null, "git_commit": "",
    })))
}

/// GetServiceInfo.
pub(super) fn service_router() -> Router<Shared> {
    Router::new().route(BASE, get(service_info))
}

/// Runs `f` on the store, settled at the app's clock; persists when
/// `mutates`. A change that cannot be saved is undone and answers 500: what
/// the API says is what the state file holds.
pub(super) fn with_store<T>(
    app: &Shared,
    mutates: bool,
    f: impl FnOnce(&mut Store, u64) -> Result<T, ApiErr>,
) -> Result<T, ApiErr> {
    let now = app.clock.now_ms();
    let mut store = app.store.lock().unwrap_or_else(|e| e.into_inner());
    store.settle(now, app.config.delays);
    let before = (mutates && app.config.state_file.is_some()).then(|| store.clone());
    let out = f(&mut store, now)?;
    if let Some(before) = before {
        if let Err(e) = app.persist(&store) {
            *store = before;
            return Err(ApiErr::not_saved(&e.to_string()));
        }
    }
    Ok(out)
}

/// List, create, get, update and delete of `kind` at `{BASE}/{collection}`.
pub(super) fn resource_router(
    kind: Kind,
    collection: &str,
    create: CreateRule,
    update: UpdateRule,
) -> Router<Shared> {
    type Query_ = Query<HashMap<String, String>>;
    let list_one =
        move |State(app): State<Shared>, Path(region): Path<String>, Query(q): Query_| async move {
            region_ok(&region)?;
            with_store(&app, false, |s, _| list(s, kind, &region, &q)).map(Json)
        };
    let create_one = move |State(app): State<Shared>, Path(region): Path<String>, body: Bytes| async move {
        region_ok(&region)?;
        let b = object(&body)?;
        with_store(&app, true, |s, now| create(s, &region, &b, now)).map(Json)
    };
    let get_one = move |State(app): State<Shared>, Path((region, id)): Path<(String, String)>| async move {
        region_ok(&region)?;
        with_store(&app, false, |s, _| {
            found(s, kind, &region, &id).map(Record::render)
        })
        .map(Json)
    };
    let update_one = move |State(app): State<Shared>,
                           Path((region, id)): Path<(String, String)>,
                           body: Bytes| async move {
        region_ok(&region)?;
        let b = object(&body)?;
        with_store(&app, true, |s, now| update(s, &region, &id, &b, now)).map(Json)
    };
    let delete_one = move |State(app): State<Shared>,
                           Path((region, id)): Path<(String, String)>| async move {
        region_ok(&region)?;
        with_store(&app, true, |s, now| delete(s, kind, &region, &id, now)).map(Json)
    };
    Router::new()
        .route(
            &format!("{BASE}/{collection}"),
            get(list_one).post(create_one),
        )
        .route(
            &format!("{BASE}/{collection}/{{id}}"),
            get(get_one).patch(update_one).delete(delete_one),
        )
}
