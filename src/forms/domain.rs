//! The custom domain form: create (container, hostname, tags) and edit
//! (tags: the only thing UpdateDomain changes).

use super::field::Lens;
use super::net::hostname_problem;
use super::{changed, parse_tags, FieldErrors, ResourceForm};
use crate::api::domains::{CreateDomainRequest, Domain, UpdateDomainRequest};
use crate::lens;

/// How many custom domains one container can have.
pub const MAX_DOMAINS_PER_CONTAINER: u64 = 50;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DomainForm {
    pub container_id: String,
    pub hostname: String,
    pub tags: String,
}

/// Every field of the domain form, declared once (see `ContainerForm`).
impl DomainForm {
    pub const CONTAINER: Lens<Self, String> = lens!(container_id);
    pub const HOSTNAME: Lens<Self, String> = lens!(hostname);
    pub const TAGS: Lens<Self, String> = lens!(tags);
}

impl DomainForm {
    pub fn new(container_id: &str) -> Self {
        DomainForm {
            container_id: container_id.to_string(),
            ..Default::default()
        }
    }

    /// The hostname as it will be sent: trimmed, lowercase (DNS names are
    /// case-insensitive, and the API compares them as sent).
    pub fn hostname(&self) -> String {
        self.hostname.trim().to_ascii_lowercase()
    }
}

/// The message for a container that already has all the domains it can have.
pub fn domain_limit_problem(count: u64) -> Option<String> {
    (count >= MAX_DOMAINS_PER_CONTAINER).then(|| {
        format!(
            "This container already has {count} custom domains, the most it can have. \
             Delete one first, or choose another container."
        )
    })
}

impl ResourceForm for DomainForm {
    type Item = Domain;

    fn from_item(d: &Domain) -> Self {
        DomainForm {
            container_id: d.container_id.clone(),
            hostname: d.hostname.clone(),
            tags: d.tags.join(", "),
        }
    }

    fn validate(&self, creating: bool) -> FieldErrors {
        let mut errors = FieldErrors::new();
        if creating {
            if self.container_id.trim().is_empty() {
                errors.insert(Self::CONTAINER.key.into(), "Choose a container.".into());
            }
            if let Some(problem) = hostname_problem(&self.hostname()) {
                errors.insert(Self::HOSTNAME.key.into(), problem.into());
            }
        }
        errors
    }

    fn to_create(&self) -> CreateDomainRequest {
        CreateDomainRequest {
            container_id: self.container_id.clone(),
            hostname: self.hostname(),
            tags: parse_tags(&self.tags),
        }
    }

    fn to_update(&self, original: &Domain) -> Option<UpdateDomainRequest> {
        changed(&original.tags, parse_tags(&self.tags))
            .map(|tags| UpdateDomainRequest { tags: Some(tags) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn create_checks_container_and_hostname() {
        let mut form = DomainForm::new("");
        form.hostname = "not a host".into();
        let e = form.validate(true);
        assert!(e.contains_key("container_id") && e.contains_key("hostname"));
        form.container_id = "c".into();
        form.hostname = "  App.Example.com ".into();
        form.tags = "a, b".into();
        assert!(form.validate(true).is_empty());
        assert_eq!(
            serde_json::to_value(form.to_create()).unwrap(),
            json!({"container_id": "c", "hostname": "app.example.com", "tags": ["a", "b"]})
        );
    }

    #[test]
    fn edit_changes_tags_only() {
        let d: Domain = serde_json::from_value(json!({
            "id": "d", "container_id": "c", "hostname": "a.example.com", "tags": ["x"]
        }))
        .unwrap();
        let mut form = DomainForm::from_item(&d);
        assert!(form.validate(false).is_empty());
        assert_eq!(form.to_update(&d), None, "nothing changed");
        form.tags.clear();
        assert_eq!(
            serde_json::to_value(form.to_update(&d).unwrap()).unwrap(),
            json!({"tags": []})
        );
    }

    #[test]
    fn the_fiftieth_domain_is_the_last() {
        assert_eq!(domain_limit_problem(49), None);
        assert!(domain_limit_problem(50)
            .unwrap()
            .contains("50 custom domains"));
    }
}
