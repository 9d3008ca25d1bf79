//! Custom domain pages: list, detail (with the DNS record to create), and
//! one form for create and edit.

mod detail;
mod dns_record;
mod form;
mod list;

pub use detail::DomainDetail;
pub use form::{DomainCreate, DomainEdit};
pub use list::{DomainList, DomainTable};
