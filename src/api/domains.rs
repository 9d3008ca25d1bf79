//! Custom domains: DTO, request bodies and the five calls.

use super::client::{Client, Query};
use super::error::ApiError;
use super::list::HostnameOrder;
use super::wire::{null_as_default, number_lenient, Status, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Domain {
    pub id: String,
    /// Required when decoding, with `hostname`: they tell a domain from other resources.
    pub container_id: String,
    pub hostname: String,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub error_message: Option<String>,
    #[serde(default)]
    pub created_at: Option<Timestamp>,
    #[serde(default)]
    pub updated_at: Option<Timestamp>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub tags: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct ListDomainsResponse {
    pub domains: Vec<Domain>,
    #[serde(default, deserialize_with = "number_lenient")]
    pub total_count: u64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListDomainsQuery {
    pub page: Option<u32>,
    pub page_size: Option<u32>,
    pub order_by: Option<HostnameOrder>,
    pub organization_id: Option<String>,
    pub project_id: Option<String>,
    pub namespace_id: Option<String>,
    pub container_id: Option<String>,
}

impl ListDomainsQuery {
    pub fn to_query(&self) -> Query {
        Query::new()
            .opt("page", self.page)
            .opt("page_size", self.page_size)
            .opt("order_by", self.order_by.as_ref())
            .opt("organization_id", self.organization_id.as_ref())
            .opt("project_id", self.project_id.as_ref())
            .opt("namespace_id", self.namespace_id.as_ref())
            .opt("container_id", self.container_id.as_ref())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CreateDomainRequest {
    pub container_id: String,
    pub hostname: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// Only the tags of a domain can change; `Some(vec![])` clears them.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct UpdateDomainRequest {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
}

impl Client {
    pub async fn list_domains(
        &self,
        query: &ListDomainsQuery,
    ) -> Result<ListDomainsResponse, ApiError> {
        self.get("/domains", query.to_query()).await
    }

    pub async fn get_domain(&self, id: &str) -> Result<Domain, ApiError> {
        self.get(&format!("/domains/{id}"), Query::new()).await
    }

    pub async fn create_domain(&self, request: &CreateDomainRequest) -> Result<Domain, ApiError> {
        self.post("/domains", request).await
    }

    pub async fn update_domain(
        &self,
        id: &str,
        request: &UpdateDomainRequest,
    ) -> Result<Domain, ApiError> {
        self.patch(&format!("/domains/{id}"), request).await
    }

    pub async fn delete_domain(&self, id: &str) -> Result<Domain, ApiError> {
        self.delete(&format!("/domains/{id}")).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn requests_use_wire_names() {
        let create = CreateDomainRequest {
            container_id: "c".into(),
            hostname: "app.example.com".into(),
            tags: vec![],
        };
        assert_eq!(
            serde_json::to_value(&create).unwrap(),
            json!({"container_id": "c", "hostname": "app.example.com"})
        );
        let clear = UpdateDomainRequest { tags: Some(vec![]) };
        assert_eq!(serde_json::to_value(&clear).unwrap(), json!({"tags": []}));
        assert_eq!(
            serde_json::to_value(UpdateDomainRequest::default()).unwrap(),
            json!({})
        );
        let q = ListDomainsQuery {
            order_by: Some(HostnameOrder::HostnameAsc),
            container_id: Some("c".into()),
            ..Default::default()
        };
        assert_eq!(
            q.to_query().0,
            vec![
                ("order_by", "hostname_asc".to_string()),
                ("container_id", "c".to_string())
            ]
        );
    }
}
