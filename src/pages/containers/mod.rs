//! Containers pages.

mod list;

pub use list::ContainerList;
