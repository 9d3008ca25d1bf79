//! Reusable view pieces, one per file.

pub mod error_banner;
pub mod resource_table;
pub mod status_badge;
pub mod time;
