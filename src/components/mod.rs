//! Reusable view pieces, one per file.

pub mod confirm_delete;
pub mod copy_button;
pub mod env_editor;
pub mod error_banner;
pub mod field;
pub mod filter_bar;
pub mod resource_table;
pub mod status_badge;
pub mod time;
pub mod unsaved;
