//! Namespace pages: list, detail, and one form for create and edit.

mod detail;
mod form;
mod list;

pub use detail::NamespaceDetail;
pub use form::{NamespaceCreate, NamespaceEdit};
pub use list::NamespaceList;
