//! Container pages: list, detail (with redeploy and delete), and one form
//! for create and edit.

mod detail;
mod form;
mod list;

pub use detail::ContainerDetail;
pub use form::{ContainerCreate, ContainerEdit};
pub use list::{ContainerList, ContainerTable};
