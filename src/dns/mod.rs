//! The DNS check of custom domains: a lookup through DNS over HTTPS (JSON)
//! of where a hostname points, against the container's endpoint.

pub mod answer;
mod lookup;
pub mod resolver;

pub use lookup::check;
