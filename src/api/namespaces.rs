//! Namespaces: DTO and request bodies.

use super::list::NameOrder;
use super::resource::resource;
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

resource!(Namespace {
    kind: Namespace,
    list_key: "namespaces",
    plural: "namespaces",
    create: CreateNamespaceRequest,
    update: UpdateNamespaceRequest,
    order: NameOrder,
    label: name,
});

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
