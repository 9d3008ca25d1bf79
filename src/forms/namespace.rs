//! The namespace form: create (project, name, description, variables, tags)
//! and edit (all but project and name).

use super::env::{
    env_map, env_rows, existing_secrets, secret_map, secret_update, validate_env, validate_secrets,
    EnvRow, SecretRow,
};
use super::field::Lens;
use super::{changed, check_length, is_uuid, parse_tags, FieldErrors};
use crate::api::namespaces::{CreateNamespaceRequest, Namespace, UpdateNamespaceRequest};
use crate::lens;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct NamespaceForm {
    pub project_id: String,
    pub name: String,
    pub description: String,
    pub env: Vec<EnvRow>,
    pub secrets: Vec<SecretRow>,
    pub tags: String,
}

/// Every field of the namespace form, declared once (see `ContainerForm`).
impl NamespaceForm {
    pub const PROJECT: Lens<Self, String> = lens!(project_id);
    pub const NAME: Lens<Self, String> = lens!(name);
    pub const DESCRIPTION: Lens<Self, String> = lens!(description);
    pub const ENV: Lens<Self, Vec<EnvRow>> = lens!(env => "environment_variables");
    pub const SECRETS: Lens<Self, Vec<SecretRow>> =
        lens!(secrets => "secret_environment_variables");
    pub const TAGS: Lens<Self, String> = lens!(tags);
}

/// `^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])$`, 1–50 characters.
pub fn namespace_name_problem(name: &str) -> Option<&'static str> {
    let b = name.as_bytes();
    if name.is_empty() {
        Some("Give the namespace a name.")
    } else if name.chars().count() > 50 {
        Some("At most 50 characters.")
    } else if !b[0].is_ascii_alphabetic() {
        Some("Start with a letter.")
    } else if !b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-') {
        Some("Use only letters, digits and dashes.")
    } else if b.len() < 2 || b[b.len() - 1] == b'-' {
        Some("End with a letter or a digit (at least 2 characters).")
    } else {
        None
    }
}

impl NamespaceForm {
    pub fn new(project_id: &str) -> Self {
        NamespaceForm {
            project_id: project_id.to_string(),
            ..Default::default()
        }
    }

    pub fn from_namespace(ns: &Namespace) -> Self {
        NamespaceForm {
            project_id: ns.project_id.clone(),
            name: ns.name.clone(),
            description: ns.description.clone(),
            env: env_rows(&ns.environment_variables),
            secrets: existing_secrets(ns.secret_environment_variables.keys().cloned()),
            tags: ns.tags.join(", "),
        }
    }

    pub fn validate(&self, creating: bool) -> FieldErrors {
        let mut errors = FieldErrors::new();
        if creating {
            if !is_uuid(self.project_id.trim()) {
                errors.insert(
                    Self::PROJECT.key.into(),
                    "Give the project ID (a UUID, e.g. from Settings).".into(),
                );
            }
            if let Some(problem) = namespace_name_problem(&self.name) {
                errors.insert(Self::NAME.key.into(), problem.into());
            }
        }
        check_length(
            &mut errors,
            Self::DESCRIPTION.key,
            &self.description,
            255,
            "The description",
        );
        validate_env(&self.env, Self::ENV.key, &mut errors);
        validate_secrets(&self.secrets, Self::SECRETS.key, &mut errors);
        errors
    }

    pub fn to_create(&self) -> CreateNamespaceRequest {
        CreateNamespaceRequest {
            project_id: self.project_id.trim().to_string(),
            name: self.name.clone(),
            description: Some(self.description.clone()).filter(|d| !d.is_empty()),
            environment_variables: env_map(&self.env),
            secret_environment_variables: secret_map(&self.secrets),
            tags: parse_tags(&self.tags),
        }
    }

    /// Only what changed since `original` was loaded.
    pub fn to_update(&self, original: &Namespace) -> UpdateNamespaceRequest {
        UpdateNamespaceRequest {
            description: changed(&original.description, self.description.clone()),
            environment_variables: changed(&original.environment_variables, env_map(&self.env)),
            secret_environment_variables: secret_update(&self.secrets),
            tags: changed(&original.tags, parse_tags(&self.tags)),
        }
    }
}

impl super::ResourceForm for NamespaceForm {
    type Item = Namespace;
    fn from_item(item: &Namespace) -> Self {
        Self::from_namespace(item)
    }
    fn validate(&self, creating: bool) -> FieldErrors {
        Self::validate(self, creating)
    }
    fn to_create(&self) -> <Namespace as crate::api::Resource>::Create {
        Self::to_create(self)
    }
    fn to_update(&self, original: &Namespace) -> Option<UpdateNamespaceRequest> {
        Some(Self::to_update(self, original)).filter(|u| !u.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn loaded() -> Namespace {
        serde_json::from_value(json!({
            "id": "n", "name": "web", "project_id": "105bdce1-64c0-48ab-899d-868455867ecf",
            "description": "d", "environment_variables": {"A": "1"},
            "secret_environment_variables": {"S1": "$argon2id$x", "S2": "$argon2id$y"},
            "tags": ["t1", "t2"], "status": "ready"
        }))
        .unwrap()
    }

    #[test]
    fn names_are_checked_before_sending() {
        assert_eq!(namespace_name_problem("web-1"), None);
        assert!(namespace_name_problem("1web").is_some());
        assert!(namespace_name_problem("web-").is_some());
        assert!(namespace_name_problem("w_b").is_some());
        assert!(namespace_name_problem(&"a".repeat(51)).is_some());
        let form = NamespaceForm::new("not-a-uuid");
        let errors = form.validate(true);
        assert!(errors.contains_key("project_id") && errors.contains_key("name"));
        assert!(!NamespaceForm::from_namespace(&loaded())
            .validate(false)
            .contains_key("name"));
    }

    #[test]
    fn untouched_edit_is_an_empty_patch() {
        let ns = loaded();
        let form = NamespaceForm::from_namespace(&ns);
        assert!(form.to_update(&ns).is_empty());
    }

    #[test]
    fn edit_sends_only_changes_and_keeps_other_secrets() {
        let ns = loaded();
        let mut form = NamespaceForm::from_namespace(&ns);
        form.secrets[1].value = "new".into();
        form.tags = String::new();
        let patch = serde_json::to_value(form.to_update(&ns)).unwrap();
        assert_eq!(
            patch,
            json!({"secret_environment_variables": {"S1": "", "S2": "new"}, "tags": []})
        );
        form.env.clear();
        let patch = serde_json::to_value(form.to_update(&ns)).unwrap();
        assert_eq!(
            patch["environment_variables"],
            json!({}),
            "clearing really clears"
        );
    }

    #[test]
    fn create_carries_every_field() {
        let mut form = NamespaceForm::new("105bdce1-64c0-48ab-899d-868455867ecf");
        form.name = "web".into();
        form.env = vec![EnvRow {
            key: "A".into(),
            value: "1".into(),
        }];
        form.secrets = vec![SecretRow {
            key: "S".into(),
            value: "v".into(),
            ..Default::default()
        }];
        form.tags = "x, y".into();
        assert!(form.validate(true).is_empty());
        assert_eq!(
            serde_json::to_value(form.to_create()).unwrap(),
            json!({"project_id": "105bdce1-64c0-48ab-899d-868455867ecf", "name": "web",
                   "environment_variables": {"A": "1"}, "secret_environment_variables": {"S": "v"},
                   "tags": ["x", "y"]})
        );
    }
}
