//! GetServiceInfo: what "Test connection" calls.

use super::client::{Client, Query};
use super::error::ApiError;
use super::wire::{null_as_default, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct ServiceInfo {
    /// Required when decoding: every answer of GetServiceInfo names the service.
    pub name: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub description: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub version: String,
    #[serde(default)]
    pub documentation_url: Option<String>,
    #[serde(default)]
    pub built_at: Option<Timestamp>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub git_commit: String,
}

impl Client {
    pub async fn service_info(&self) -> Result<ServiceInfo, ApiError> {
        self.get_json("", Query::new()).await
    }
}
