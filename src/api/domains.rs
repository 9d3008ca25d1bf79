//! Custom domains: DTO and request bodies.

use super::list::HostnameOrder;
use super::resource::resource;
use super::wire::{null_as_default, Status, Timestamp};
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

resource!(Domain {
    kind: Domain,
    list_key: "domains",
    plural: "custom domains",
    create: CreateDomainRequest,
    update: UpdateDomainRequest,
    order: HostnameOrder,
    label: hostname,
    owner: container_id,
});

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
    }
}
