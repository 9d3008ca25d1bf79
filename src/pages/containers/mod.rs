//! Container pages: list, detail (with redeploy and delete), and one form
//! for create and edit.

mod detail;
mod form;
mod list;
mod owned_list;

pub use detail::ContainerDetail;
pub use form::{ContainerCreate, ContainerEdit};
pub use list::{ContainerList, ContainerTable};
pub use owned_list::container_owned_list;
