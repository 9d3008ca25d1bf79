//! One folder per resource, one file per view; settings on its own.

pub mod cascade;
pub mod common;
pub mod containers;
pub mod domains;
pub mod framework;
pub mod namespaces;
pub mod settings;
pub mod triggers;
