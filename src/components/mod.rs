//! Reusable view pieces, one per file.

pub(crate) mod as_code_panel;
pub(crate) mod copy_button;
pub(crate) mod delete_button;
pub mod disclosure;
pub(crate) mod dns_check;
pub(crate) mod error_banner;
pub mod error_text;
pub(crate) mod explanation;
pub(crate) mod field;
pub(crate) mod filter_bar;
pub(crate) mod history_panel;
pub(crate) mod key_prompt;
pub(crate) mod kv_editor;
pub(crate) mod on_demand;
pub(crate) mod recently_deleted;
pub(crate) mod resource_select;
pub mod resource_table;
pub(crate) mod stale_notice;
pub(crate) mod status_badge;
pub(crate) mod unsaved;
