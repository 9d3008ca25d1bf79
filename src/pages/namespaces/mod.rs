//! Namespaces pages.

mod list;

pub use list::NamespaceList;
