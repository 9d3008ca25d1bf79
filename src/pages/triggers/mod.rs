//! Triggers pages.

mod list;

pub use list::TriggerList;
