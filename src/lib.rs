//! A browser console for the Serverless Containers API v1.
//!
//! `api` is the typed client (pure Rust, host-tested); `state` holds the
//! session context; `components` and `pages` are the Leptos views.

pub mod api;
pub(crate) mod app;
pub mod as_code;
pub mod case;
pub mod chunk_loader;
pub mod components;
pub mod dns;
pub mod explain;
pub(crate) mod format;
pub mod forms;
pub mod history;
pub(crate) mod idle;
pub(crate) mod landing;
pub(crate) mod overlays;
pub(crate) mod overview;
pub(crate) mod pages;
pub(crate) mod palette;
pub(crate) mod poll;
pub(crate) mod routes;
pub mod state;
pub mod time;

pub use app::App;
