//! Form state and validation, pure Rust (no web-sys): unit-tested on the host.
//!
//! A form holds what the user typed as text; `validate` returns messages
//! keyed by the API's argument names (so server `invalid_arguments` details
//! land on the same fields); `to_create` / `to_update` build the requests,
//! updates as minimal PATCHes against the resource as loaded.

pub mod container;
pub mod env;
pub mod namespace;

use std::collections::BTreeMap;

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

/// Server-side field errors, merged in after a rejected request.
pub fn server_field_errors(error: &crate::api::ApiError) -> FieldErrors {
    error.field_errors().into_iter().collect()
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
