//! Domains pages.

mod list;

pub use list::DomainList;
