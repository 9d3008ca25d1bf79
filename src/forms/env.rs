//! Environment and secret variable rows: `.env` pasting, validation, and the
//! maps and PATCH values they become.

use super::FieldErrors;
use crate::api::wire::secret_patch;
use std::collections::{BTreeMap, BTreeSet};

/// Limits from the API: at most 100 variables, keys up to 100 characters,
/// values up to 1000 characters (secrets up to 65536 bytes).
pub const MAX_VARIABLES: usize = 100;
pub const MAX_KEY: usize = 100;
pub const MAX_VALUE: usize = 1000;
pub const MAX_SECRET_BYTES: usize = 65_536;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EnvRow {
    pub key: String,
    pub value: String,
}

/// A secret variable row. An `existing` row holds no value (the API returns
/// only a hash): left empty it keeps the secret; filled it replaces it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SecretRow {
    pub key: String,
    pub value: String,
    pub existing: bool,
    pub removed: bool,
}

/// Parses a `.env` block: `KEY=value` lines, `export` prefixes, quotes and
/// comments; lines without `=` are skipped.
pub fn parse_dotenv(text: &str) -> Vec<EnvRow> {
    text.lines()
        .filter_map(|line| {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                return None;
            }
            let line = line.strip_prefix("export ").unwrap_or(line);
            let (key, value) = line.split_once('=')?;
            let value = value.trim();
            let unquoted = ['"', '\'']
                .iter()
                .find_map(|q| value.strip_prefix(*q).and_then(|v| v.strip_suffix(*q)))
                .unwrap_or(value);
            Some(EnvRow {
                key: key.trim().to_string(),
                value: unquoted.to_string(),
            })
        })
        .collect()
}

/// Adds pasted rows to `rows`: a pasted key replaces the value of a row with
/// the same key; empty placeholder rows are dropped.
pub fn merge_rows(rows: &mut Vec<EnvRow>, pasted: Vec<EnvRow>) {
    rows.retain(|r| !(r.key.is_empty() && r.value.is_empty()));
    for new in pasted {
        match rows.iter_mut().find(|r| r.key == new.key) {
            Some(row) => row.value = new.value,
            None => rows.push(new),
        }
    }
}

/// Why a key is not acceptable, if it is not.
pub fn key_problem(key: &str) -> Option<&'static str> {
    if key.trim().is_empty() {
        Some("The name is empty.")
    } else if key == "PORT" || key.starts_with("SCW_") {
        Some("PORT and names starting with SCW_ are reserved.")
    } else if key.chars().count() > MAX_KEY {
        Some("The name is longer than 100 characters.")
    } else if key.chars().any(char::is_whitespace) {
        Some("The name contains a space.")
    } else {
        None
    }
}

fn check_keys<'a>(
    keys: impl Iterator<Item = (usize, &'a str)>,
    field: &str,
    errors: &mut FieldErrors,
) {
    let mut seen = BTreeSet::new();
    let mut count = 0;
    for (i, key) in keys {
        count += 1;
        if let Some(problem) = key_problem(key) {
            errors.insert(format!("{field}[{i}]"), problem.to_string());
        } else if !seen.insert(key) {
            errors.insert(format!("{field}[{i}]"), format!("{key} is set twice."));
        }
    }
    if count > MAX_VARIABLES {
        errors.insert(field.to_string(), "At most 100 variables.".to_string());
    }
}

/// Row errors are keyed `field[index]`; a whole-list error is keyed `field`.
pub fn validate_env(rows: &[EnvRow], field: &str, errors: &mut FieldErrors) {
    check_keys(
        rows.iter().enumerate().map(|(i, r)| (i, r.key.as_str())),
        field,
        errors,
    );
    for (i, row) in rows.iter().enumerate() {
        if row.value.chars().count() > MAX_VALUE {
            errors
                .entry(format!("{field}[{i}]"))
                .or_insert_with(|| "The value is longer than 1000 characters.".to_string());
        }
    }
}

pub fn validate_secrets(rows: &[SecretRow], field: &str, errors: &mut FieldErrors) {
    let live = rows.iter().enumerate().filter(|(_, r)| !r.removed);
    check_keys(
        live.clone().map(|(i, r)| (i, r.key.as_str())),
        field,
        errors,
    );
    for (i, row) in live {
        if !row.existing && row.value.is_empty() {
            errors
                .entry(format!("{field}[{i}]"))
                .or_insert_with(|| "Give the secret a value.".to_string());
        } else if row.value.len() > MAX_SECRET_BYTES {
            errors
                .entry(format!("{field}[{i}]"))
                .or_insert_with(|| "The value is larger than 64 KiB.".to_string());
        }
    }
}

pub fn env_map(rows: &[EnvRow]) -> BTreeMap<String, String> {
    rows.iter()
        .filter(|r| !r.key.is_empty())
        .map(|r| (r.key.clone(), r.value.clone()))
        .collect()
}

/// Secrets of a create request: every row with its value.
pub fn secret_map(rows: &[SecretRow]) -> BTreeMap<String, String> {
    rows.iter()
        .filter(|r| !r.removed && !r.key.is_empty())
        .map(|r| (r.key.clone(), r.value.clone()))
        .collect()
}

/// The secret map of an update, or `None` when nothing changed (so the field
/// is omitted). Untouched existing secrets are sent as `""`: kept.
pub fn secret_update(rows: &[SecretRow]) -> Option<BTreeMap<String, String>> {
    let changed: BTreeMap<String, String> = rows
        .iter()
        .filter(|r| !r.removed && !r.value.is_empty())
        .map(|r| (r.key.clone(), r.value.clone()))
        .collect();
    let removed: BTreeSet<String> = rows
        .iter()
        .filter(|r| r.removed && r.existing)
        .map(|r| r.key.clone())
        .collect();
    if changed.is_empty() && removed.is_empty() {
        return None;
    }
    let existing = rows.iter().filter(|r| r.existing).map(|r| r.key.as_str());
    Some(secret_patch(existing, &changed, &removed))
}

/// Rows for the existing secrets of a resource (values are never shown).
pub fn existing_secrets(keys: impl IntoIterator<Item = String>) -> Vec<SecretRow> {
    keys.into_iter()
        .map(|key| SecretRow {
            key,
            existing: true,
            ..Default::default()
        })
        .collect()
}

pub fn env_rows(map: &BTreeMap<String, String>) -> Vec<EnvRow> {
    map.iter()
        .map(|(k, v)| EnvRow {
            key: k.clone(),
            value: v.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(k: &str, v: &str) -> EnvRow {
        EnvRow {
            key: k.into(),
            value: v.into(),
        }
    }

    #[test]
    fn dotenv_blocks_parse() {
        let rows =
            parse_dotenv("# comment\nexport A=1\nB = \"two words\"\nC='x=y'\n\nnot a pair\nD=\n");
        assert_eq!(
            rows,
            vec![
                row("A", "1"),
                row("B", "two words"),
                row("C", "x=y"),
                row("D", "")
            ]
        );
        let mut existing = vec![row("A", "old"), row("", "")];
        merge_rows(&mut existing, rows);
        assert_eq!(existing[0], row("A", "1"));
        assert_eq!(existing.len(), 4, "placeholder dropped, A replaced");
    }

    #[test]
    fn env_problems_are_flagged_per_row() {
        let long = "K".repeat(101);
        let rows = vec![
            row("A", "1"),
            row("A", "2"),
            row("", "x"),
            row("PORT", "80"),
            row("SCW_X", "1"),
            row(&long, "1"),
            row("V", &"v".repeat(1001)),
        ];
        let mut errors = FieldErrors::new();
        validate_env(&rows, "environment_variables", &mut errors);
        let flagged: Vec<_> = errors.keys().cloned().collect();
        assert_eq!(
            flagged,
            (1..=6)
                .map(|i| format!("environment_variables[{i}]"))
                .collect::<Vec<_>>()
        );
        assert!(errors["environment_variables[1]"].contains("twice"));
        assert!(errors["environment_variables[3]"].contains("reserved"));
    }

    #[test]
    fn editing_one_secret_keeps_the_others() {
        let mut rows = existing_secrets(["A".to_string(), "B".to_string(), "C".to_string()]);
        assert_eq!(secret_update(&rows), None, "nothing touched: omitted");
        rows[1].value = "new-b".into();
        rows[2].removed = true;
        rows.push(SecretRow {
            key: "D".into(),
            value: "d".into(),
            ..Default::default()
        });
        let patch = secret_update(&rows).unwrap();
        assert_eq!(
            patch,
            BTreeMap::from([
                ("A".to_string(), String::new()),
                ("B".to_string(), "new-b".to_string()),
                ("D".to_string(), "d".to_string()),
            ])
        );
        let mut errors = FieldErrors::new();
        rows.push(SecretRow {
            key: "E".into(),
            ..Default::default()
        });
        validate_secrets(&rows, "secret_environment_variables", &mut errors);
        assert_eq!(
            errors
                .get("secret_environment_variables[4]")
                .map(String::as_str),
            Some("Give the secret a value.")
        );
    }
}
