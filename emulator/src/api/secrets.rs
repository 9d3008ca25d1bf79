//! Secret values: stored only as argon2id-form hashes, and the PATCH rule
//! of secret maps (`""` keeps, omitted deletes, a value replaces).

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// Secrets are kept only as argon2id-form hashes (`$argon2id$v=19$...`):
/// the value itself is never stored nor returned.
pub(super) fn hash_secret(value: &str) -> String {
    let salt = *uuid::Uuid::new_v4().as_bytes();
    let mut hasher = Sha256::new();
    hasher.update(salt);
    hasher.update(value.as_bytes());
    format!(
        "$argon2id$v=19$m=65536,t=3,p=64${}${}",
        base64_no_pad(&salt),
        base64_no_pad(&hasher.finalize())
    )
}

fn base64_no_pad(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, b)| acc | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// The PATCH rule of secret maps: a key sent as `""` keeps its hash, a key
/// with a value is replaced, a key omitted is deleted.
pub(super) fn merge_secrets(
    existing: Option<&Value>,
    patch: &Map<String, Value>,
) -> Map<String, Value> {
    let existing = existing.and_then(Value::as_object);
    patch
        .iter()
        .filter_map(|(key, value)| {
            let value = value.as_str().unwrap_or("");
            if value.is_empty() {
                existing
                    .and_then(|e| e.get(key))
                    .map(|hash| (key.clone(), hash.clone()))
            } else {
                Some((key.clone(), Value::from(hash_secret(value))))
            }
        })
        .collect()
}

pub(super) fn hash_all(secrets: Map<String, Value>) -> Map<String, Value> {
    secrets
        .into_iter()
        .map(|(k, v)| (k, Value::from(hash_secret(v.as_str().unwrap_or("")))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::rules::as_map;
    use serde_json::json;

    #[test]
    fn base64_matches_the_standard_alphabet() {
        assert_eq!(base64_no_pad(b"Man"), "TWFu");
        assert_eq!(base64_no_pad(b"Ma"), "TWE");
        assert_eq!(base64_no_pad(b"M"), "TQ");
    }

    #[test]
    fn secrets_follow_the_patch_rule() {
        let existing = json!({"A": "$argon2id$a", "B": "$argon2id$b", "C": "$argon2id$c"});
        let patch = as_map(json!({"A": "", "B": "new", "D": "d"}));
        let merged = merge_secrets(Some(&existing), &patch);
        assert_eq!(merged["A"], "$argon2id$a", "\"\" keeps");
        assert!(
            merged["B"].as_str().unwrap().starts_with("$argon2id$v=19$")
                && merged["B"] != "$argon2id$b"
        );
        assert!(!merged.contains_key("C"), "omitted is deleted");
        assert!(merged.contains_key("D"));
    }
}
