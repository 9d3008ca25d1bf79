//! Namespaces: DTO, request bodies and the five calls.

use super::client::{Client, Query};
use super::error::ApiError;
use super::list::NameOrder;
use super::wire::{null_as_default, Region, Status, Timestamp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Namespace {
    pub id: String,
    pub name: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub organization_id: String,
    /// Required when decoding: it tells a namespace from other resources.
    pub project_id: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub description: String,
    #[serde(default)]
    pub status: Status,
    /// Absent while transient, `""` when ready, set on `error`.
    #[serde(default)]
    pub error_message: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub environment_variables: BTreeMap<String, String>,
    /// Values are argon2id hashes, never the secret itself.
    #[serde(default, deserialize_with = "null_as_default")]
    pub secret_environment_variables: BTreeMap<String, String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub tags: Vec<String>,
    #[serde(default)]
    pub created_at: Option<Timestamp>,
    #[serde(default)]
    pub updated_at: Option<Timestamp>,
    #[serde(default)]
    pub region: Option<Region>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct ListNamespacesResponse {
    pub namespaces: Vec<Namespace>,
    #[serde(default, deserialize_with = "super::wire::number_lenient")]
    pub total_count: u64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListNamespacesQuery {
    pub page: Option<u32>,
    pub page_size: Option<u32>,
    pub order_by: Option<NameOrder>,
    pub organization_id: Option<String>,
    pub project_id: Option<String>,
    pub name: Option<String>,
}

impl ListNamespacesQuery {
    pub fn to_query(&self) -> Query {
        Query::new()
            .opt("page", self.page)
            .opt("page_size", self.page_size)
            .opt("order_by", self.order_by.as_ref())
            .opt("organization_id", self.organization_id.as_ref())
            .opt("project_id", self.project_id.as_ref())
            .opt("name", self.name.as_ref())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CreateNamespaceRequest {
    pub project_id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub environment_variables: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub secret_environment_variables: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// A minimal PATCH: `None` fields are omitted and left unchanged; `Some` of an
/// empty map or list clears it. Build the secret map with `wire::secret_patch`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct UpdateNamespaceRequest {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub environment_variables: Option<BTreeMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret_environment_variables: Option<BTreeMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
}

impl UpdateNamespaceRequest {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

impl Client {
    pub async fn list_namespaces(
        &self,
        query: &ListNamespacesQuery,
    ) -> Result<ListNamespacesResponse, ApiError> {
        self.get("/namespaces", query.to_query()).await
    }

    pub async fn get_namespace(&self, id: &str) -> Result<Namespace, ApiError> {
        self.get(&format!("/namespaces/{id}"), Query::new()).await
    }

    pub async fn create_namespace(
        &self,
        request: &CreateNamespaceRequest,
    ) -> Result<Namespace, ApiError> {
        self.post("/namespaces", request).await
    }

    pub async fn update_namespace(
        &self,
        id: &str,
        request: &UpdateNamespaceRequest,
    ) -> Result<Namespace, ApiError> {
        self.patch(&format!("/namespaces/{id}"), request).await
    }

    pub async fn delete_namespace(&self, id: &str) -> Result<Namespace, ApiError> {
        self.delete(&format!("/namespaces/{id}")).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn create_omits_what_is_not_set() {
        let req = CreateNamespaceRequest {
            project_id: "p".into(),
            name: "web".into(),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_value(&req).unwrap(),
            json!({"project_id": "p", "name": "web"})
        );
        let req = CreateNamespaceRequest {
            description: Some("d".into()),
            secret_environment_variables: BTreeMap::from([("K".into(), "v".into())]),
            tags: vec!["t".into()],
            ..req
        };
        assert_eq!(
            serde_json::to_value(&req).unwrap(),
            json!({"project_id": "p", "name": "web", "description": "d",
                   "secret_environment_variables": {"K": "v"}, "tags": ["t"]})
        );
    }

    #[test]
    fn update_sends_only_changed_fields_and_empty_clears() {
        let req = UpdateNamespaceRequest {
            tags: Some(vec![]),
            environment_variables: Some(BTreeMap::new()),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_value(&req).unwrap(),
            json!({"tags": [], "environment_variables": {}})
        );
        assert!(UpdateNamespaceRequest::default().is_empty());
        assert_eq!(
            serde_json::to_string(&UpdateNamespaceRequest::default()).unwrap(),
            "{}"
        );
    }

    #[test]
    fn list_query_carries_every_filter() {
        let q = ListNamespacesQuery {
            page: Some(3),
            page_size: Some(20),
            order_by: Some(NameOrder::NameDesc),
            organization_id: Some("o".into()),
            project_id: Some("p".into()),
            name: Some("web".into()),
        };
        let names: Vec<_> = q.to_query().0.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            names,
            [
                "page",
                "page_size",
                "order_by",
                "organization_id",
                "project_id",
                "name"
            ]
        );
        assert_eq!(q.to_query().0[2].1, "name_desc");
    }

    #[test]
    fn decodes_absent_and_null_fields() {
        let ns: Namespace = serde_json::from_value(json!({
            "id": "1", "name": "n", "project_id": "p", "status": "ready",
            "environment_variables": null, "tags": null, "future_field": 1
        }))
        .unwrap();
        assert!(ns.environment_variables.is_empty() && ns.tags.is_empty());
        assert_eq!(ns.error_message, None);
        assert_eq!(ns.status, Status::Ready);
        // A container body is not a namespace.
        assert!(serde_json::from_value::<Namespace>(
            json!({"id": "1", "name": "c", "namespace_id": "n"})
        )
        .is_err());
    }
}
