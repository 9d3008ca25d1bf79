//! Small Copy context structs shared by every page: the session, and the
//! typed URL query of list pages.

pub mod inventory;
pub(crate) mod list_view;
pub mod query;
pub mod session;
