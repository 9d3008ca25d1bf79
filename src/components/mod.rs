//! Reusable view pieces, one per file.

pub mod copy_button;
pub mod delete_button;
pub mod error_banner;
pub mod error_text;
pub mod field;
pub mod filter_bar;
pub mod key_prompt;
pub mod kv_editor;
pub mod resource_select;
pub mod resource_table;
pub mod stale_notice;
pub mod status_badge;
pub mod unsaved;
