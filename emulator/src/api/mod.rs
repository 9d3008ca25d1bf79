//! The 22 operations, one module per concern: each resource's rules and
//! routes (`namespaces`, `containers`, `domains`, `triggers`), the rules they
//! share, listing, secret hashing, and the HTTP side. Each handler is a thin
//! wrapper around a plain function on the store, so demo data and tests go
//! through the same rules.

mod containers;
mod domains;
mod http;
mod listing;
mod namespaces;
mod rules;
mod secrets;
mod triggers;

pub use containers::{create_container, redeploy_container, update_container};
pub use domains::{create_domain, update_domain};
pub use listing::list;
pub use namespaces::{create_namespace, update_namespace};
pub use rules::{delete, REGIONS};
pub use triggers::{create_trigger, update_trigger};

use crate::Shared;
use axum::Router;

/// Every operation: the service's own, then each resource's routes, from its module.
pub fn router() -> Router<Shared> {
    http::service_router()
        .merge(namespaces::router())
        .merge(containers::router())
        .merge(domains::router())
        .merge(triggers::router())
}
