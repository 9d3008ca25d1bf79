//! Typed client for the 22 operations of the Serverless Containers API v1.
//!
//! One file per resource holds its DTO, request bodies and calls; `client`
//! is the single way a call reaches the network; `error` the single error type.

pub mod client;
pub mod containers;
pub mod domains;
pub mod early;
pub mod error;
pub mod info;
pub mod list;
pub mod namespaces;
pub mod resource;
pub mod triggers;
pub mod wire;

pub use client::{ApiConfig, Client};
pub use error::{ApiError, ErrorKind};
pub use resource::{Kind, List, ListQuery, Resource};
pub use wire::{Duration, Region, Status, Timestamp};
