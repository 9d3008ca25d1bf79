//! The HTTP side: one handler per operation, around the functions above.

use super::containers::redeploy_container;
use super::listing::list;
use super::*;

pub async fn service_info(Path(region): Path<String>) -> Answer {
    region_ok(&region)?;
    Ok(Json(json!({
        "name": "containers-api", "description": "Serverless Containers API (local emulator)",
        "version": env!("CARGO_PKG_VERSION"), "documentation_url": null,
        "built_at": null, "git_commit": "",
    })))
}

/// Runs `f` on the settled store; persists when `mutates`. A change that
/// cannot be saved is undone and answers 500: what the API says is what the
/// state file holds.
fn with_store<T>(
    app: &Shared,
    mutates: bool,
    f: impl FnOnce(&mut Store, u64) -> Result<T, ApiErr>,
) -> Result<T, ApiErr> {
    let now = now_ms();
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

macro_rules! resource_handlers {
    ($kind:expr, $list:ident, $get:ident, $create:ident, $create_fn:path, $update:ident, $update_fn:path, $delete:ident) => {
        pub async fn $list(
            State(app): State<Shared>,
            Path(region): Path<String>,
            Query(q): Query<HashMap<String, String>>,
        ) -> Answer {
            region_ok(&region)?;
            with_store(&app, false, |s, _| list(s, $kind, &region, &q)).map(Json)
        }

        pub async fn $get(
            State(app): State<Shared>,
            Path((region, id)): Path<(String, String)>,
        ) -> Answer {
            region_ok(&region)?;
            with_store(&app, false, |s, _| {
                found(s, $kind, &region, &id).map(Record::render)
            })
            .map(Json)
        }

        pub async fn $create(
            State(app): State<Shared>,
            Path(region): Path<String>,
            body: Bytes,
        ) -> Answer {
            region_ok(&region)?;
            let b = object(&body)?;
            with_store(&app, true, |s, now| $create_fn(s, &region, &b, now)).map(Json)
        }

        pub async fn $update(
            State(app): State<Shared>,
            Path((region, id)): Path<(String, String)>,
            body: Bytes,
        ) -> Answer {
            region_ok(&region)?;
            let b = object(&body)?;
            with_store(&app, true, |s, now| $update_fn(s, &region, &id, &b, now)).map(Json)
        }

        pub async fn $delete(
            State(app): State<Shared>,
            Path((region, id)): Path<(String, String)>,
        ) -> Answer {
            region_ok(&region)?;
            with_store(&app, true, |s, now| delete(s, $kind, &region, &id, now)).map(Json)
        }
    };
}

resource_handlers!(
    Kind::Namespace,
    list_namespaces,
    get_namespace,
    create_namespace_h,
    create_namespace,
    update_namespace_h,
    update_namespace,
    delete_namespace
);
resource_handlers!(
    Kind::Container,
    list_containers,
    get_container,
    create_container_h,
    create_container,
    update_container_h,
    update_container,
    delete_container
);
resource_handlers!(
    Kind::Domain,
    list_domains,
    get_domain,
    create_domain_h,
    create_domain,
    update_domain_h,
    update_domain,
    delete_domain
);
resource_handlers!(
    Kind::Trigger,
    list_triggers,
    get_trigger,
    create_trigger_h,
    create_trigger,
    update_trigger_h,
    update_trigger,
    delete_trigger
);

pub async fn redeploy(
    State(app): State<Shared>,
    Path((region, id)): Path<(String, String)>,
) -> Answer {
    region_ok(&region)?;
    with_store(&app, true, |s, now| {
        redeploy_container(s, &region, &id, now)
    })
    .map(Json)
}
