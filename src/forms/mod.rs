//! Form state and validation, pure Rust (no web-sys): unit-tested on the host.
//!
//! A form holds what the user typed as text; `validate` returns messages
//! keyed by the API's argument names (so server `invalid_arguments` details
//! land on the same fields); `to_create` / `to_update` build the requests,
//! updates as minimal PATCHes against the resource as loaded.

pub(crate) mod container;
pub mod cron;
pub(crate) mod domain;
pub(crate) mod env;
pub(crate) mod field;
pub(crate) mod namespace;
pub(crate) mod net;
pub(crate) mod rebase;
pub(crate) mod settings;
pub(crate) mod trigger;

use crate::api::Resource;
use std::collections::BTreeMap;

/// A form for one resource: what the generic create and edit pages need.
pub trait ResourceForm: Clone + PartialEq + Send + Sync + 'static {
    type Item: Resource + Send + Sync;
    /// The form filled from a loaded resource, for editing it.
    fn from_item(item: &Self::Item) -> Self;
    /// Messages by field; empty when the request may be sent.
    fn validate(&self, creating: bool) -> FieldErrors;
    /// Only called on a validated form.
    fn to_create(&self) -> <Self::Item as Resource>::Create;
    /// A minimal PATCH against `original`, or `None` when nothing changed.
    fn to_update(&self, original: &Self::Item) -> Option<<Self::Item as Resource>::Update>;
}

/// Messages by field (API argument name, or `field[row]` for list rows).
pub type FieldErrors = BTreeMap<String, String>;

/// Tags as typed: comma- or newline-separated, trimmed, empty ones dropped.
pub fn parse_tags(text: &str) -> Vec<String> {
    text.split([',', '\n'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// One item per line (command and arguments), blank lines dropped.
pub fn parse_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

/// A UUID as the API writes them (8-4-4-4-12 hexadecimal digits).
pub fn is_uuid(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.bytes().all(|c| c.is_ascii_hexdigit()))
}

/// `Some(new)` when it differs from `old`: the building block of minimal PATCHes.
pub fn changed<T: PartialEq>(old: &T, new: T) -> Option<T> {
    (*old != new).then_some(new)
}

pub(crate) fn check_length(
    errors: &mut FieldErrors,
    field: &str,
    value: &str,
    max: usize,
    label: &str,
) {
    if value.chars().count() > max {
        errors.insert(
            field.to_string(),
            format!("{label} is at most {max} characters."),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_lines() {
        assert_eq!(parse_tags(" a, b ,,\nc "), ["a", "b", "c"]);
        assert!(parse_tags("  ").is_empty());
        assert_eq!(
            parse_lines("bash\n-c\n\necho hi  "),
            ["bash", "-c", "echo hi"]
        );
        assert_eq!(changed(&1, 1), None);
        assert_eq!(changed(&1, 2), Some(2));
    }
}
