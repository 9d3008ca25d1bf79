//! An edit saved on top of a resource that someone else changed since the
//! form was loaded: the user's PATCH is rebased onto the resource as it now
//! is, so that nothing the user did not touch is undone or lost (a secret
//! added meanwhile is kept, a variable added meanwhile stays).
//!
//! It works on the wire form (JSON), the same for every resource: `patch` is
//! the user's minimal PATCH computed against `original`, the copy the form
//! was loaded from; `fresh` is the resource read just before saving.

use serde_json::{Map, Value};

/// Fields that change by themselves and are not the user's to conflict with.
const DERIVED: [&str; 5] = [
    "status",
    "updated_at",
    "error_message",
    "created_at",
    "region",
];

/// Maps for which a PATCH replaces the whole value: merged key by key.
const VARIABLE_MAPS: [&str; 1] = ["environment_variables"];
/// Secret maps: an omitted key is deleted, `""` keeps, a value replaces.
const SECRET_MAPS: [&str; 1] = ["secret_environment_variables"];

/// The field of a resource a PATCH field sets (UpdateContainer spells one differently).
fn resource_field(patch_field: &str) -> &str {
    match patch_field {
        "https_connection_only" => "https_connections_only",
        other => other,
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Rebased {
    /// The PATCH to send on top of `fresh`.
    pub patch: Value,
    /// Fields someone else changed since the form was loaded (resource field names).
    pub changed_by_others: Vec<String>,
    /// Of those, the ones the user changed too: the user's value wins if sent.
    pub changed_by_both: Vec<String>,
}

fn object(v: &Value) -> Map<String, Value> {
    v.as_object().cloned().unwrap_or_default()
}

/// Any value in its wire form.
pub fn to_json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or_default()
}

/// The fields of a resource that changed between the copy a form was
/// loaded from and the one read just before saving.
pub fn changed_since<T: serde::Serialize>(loaded: &T, fresh: &T) -> Vec<String> {
    changed_fields(&to_json(loaded), &to_json(fresh))
}

/// The fields that differ between two reads of a resource, derived ones aside.
pub fn changed_fields(original: &Value, fresh: &Value) -> Vec<String> {
    let (a, b) = (object(original), object(fresh));
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| !DERIVED.contains(&k.as_str()))
        .filter(|k| a.get(*k) != b.get(*k))
        .cloned()
        .collect()
}

/// Applies the user's changes of a variable map (what they added, changed or
/// removed against `original`) to the map as it now is.
fn merge_variables(user: &Value, original: &Value, fresh: &Value) -> Value {
    let (user, original) = (object(user), object(original));
    let mut merged = object(fresh);
    for (key, value) in &user {
        if original.get(key) != Some(value) {
            merged.insert(key.clone(), value.clone());
        }
    }
    for key in original.keys() {
        if !user.contains_key(key) {
            merged.remove(key);
        }
    }
    Value::Object(merged)
}

/// Keeps every secret added since the form was loaded (sent as `""`), and
/// the user's changes and removals of the others.
fn merge_secrets(user: &Value, original: &Value, fresh: &Value) -> Value {
    let (mut merged, original) = (object(user), object(original));
    for key in object(fresh).keys() {
        if !original.contains_key(key) && !merged.contains_key(key) {
            merged.insert(key.clone(), Value::String(String::new()));
        }
    }
    Value::Object(merged)
}

pub fn rebase(patch: &Value, original: &Value, fresh: &Value) -> Rebased {
    let changed_by_others = changed_fields(original, fresh);
    let (o, f) = (object(original), object(fresh));
    let null = Value::Null;
    let mut rebased = Map::new();
    let mut changed_by_both = Vec::new();
    for (field, value) in object(patch) {
        let name = resource_field(&field).to_string();
        let (before, now) = (o.get(&name).unwrap_or(&null), f.get(&name).unwrap_or(&null));
        let value = if VARIABLE_MAPS.contains(&field.as_str()) {
            merge_variables(&value, before, now)
        } else if SECRET_MAPS.contains(&field.as_str()) {
            merge_secrets(&value, before, now)
        } else {
            if before != now {
                changed_by_both.push(name);
            }
            value
        };
        rebased.insert(field, value);
    }
    // A secret map the user did not touch is not sent: nothing to rebase.
    Rebased {
        patch: Value::Object(rebased),
        changed_by_others,
        changed_by_both,
    }
}

/// `environment_variables` → `environment variables`, for people.
pub fn field_label(field: &str) -> String {
    field.replace('_', " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_secret_added_meanwhile_is_kept() {
        let original =
            json!({"secret_environment_variables": {"A": "$argon2id$a"}, "status": "ready"});
        let fresh = json!({"secret_environment_variables": {"A": "$argon2id$a", "B": "$argon2id$b"}, "status": "updating"});
        // The user replaced A (computed against the copy with A only).
        let patch = json!({"secret_environment_variables": {"A": "new"}});
        let r = rebase(&patch, &original, &fresh);
        assert_eq!(
            r.patch,
            json!({"secret_environment_variables": {"A": "new", "B": ""}}),
            "B is kept, not deleted"
        );
        assert_eq!(r.changed_by_others, ["secret_environment_variables"]);
        // A secret the user removed stays removed; one removed meanwhile is not re-added.
        let original = json!({"secret_environment_variables": {"A": "h", "C": "h"}});
        let fresh = json!({"secret_environment_variables": {"A": "h"}});
        let patch = json!({"secret_environment_variables": {"C": ""}});
        assert_eq!(
            rebase(&patch, &original, &fresh).patch,
            json!({"secret_environment_variables": {"C": ""}})
        );
    }

    #[test]
    fn variables_merge_key_by_key() {
        let original = json!({"environment_variables": {"A": "1", "B": "2", "C": "3"}});
        let fresh = json!({"environment_variables": {"A": "1", "B": "two", "C": "3", "D": "4"}});
        // The user changed A, removed C and added E.
        let patch = json!({"environment_variables": {"A": "one", "B": "2", "E": "5"}});
        let r = rebase(&patch, &original, &fresh);
        assert_eq!(
            r.patch,
            json!({"environment_variables": {"A": "one", "B": "two", "D": "4", "E": "5"}}),
            "their B and D stay, my A, C and E apply"
        );
        assert!(r.changed_by_both.is_empty());
    }

    #[test]
    fn fields_both_changed_are_named_and_mine_is_sent() {
        let original = json!({"description": "a", "memory_limit_bytes": 1, "https_connections_only": false, "updated_at": "t1"});
        let fresh = json!({"description": "theirs", "memory_limit_bytes": 1, "https_connections_only": true, "updated_at": "t2"});
        let patch = json!({"description": "mine", "https_connection_only": false});
        let r = rebase(&patch, &original, &fresh);
        assert_eq!(r.patch, patch);
        assert_eq!(
            r.changed_by_others,
            ["description", "https_connections_only"]
        );
        assert_eq!(r.changed_by_both, ["description", "https_connections_only"]);
        assert_eq!(changed_fields(&original, &original), Vec::<String>::new());
        assert_eq!(
            field_label("secret_environment_variables"),
            "secret environment variables"
        );
    }
}
