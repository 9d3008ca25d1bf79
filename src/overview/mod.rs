//! The overview (the landing page): every region at once, what needs
//! attention first.

pub mod attention;
mod page;

pub use page::Overview;
