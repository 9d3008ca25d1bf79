//! One folder per resource, one file per view; settings on its own.

pub(crate) mod cascade;
pub(crate) mod common;
pub(crate) mod containers;
pub(crate) mod domains;
pub(crate) mod framework;
pub(crate) mod namespaces;
pub(crate) mod settings;
mod settings_dns;
mod settings_history;
pub(crate) mod triggers;
