//! Field validation with the real API's limits (DESIGN.md §1). Each problem
//! becomes an `invalid_arguments` detail naming the field.

use crate::error::{detail, ApiErr};
use serde_json::{Map, Value};

#[derive(Default)]
pub struct Check {
    pub details: Vec<Value>,
    /// Path of the object being checked (`liveness_probe.`), so that every
    /// detail names the field in full.
    prefix: String,
}

impl Check {
    pub fn fail(&mut self, field: &str, reason: &str, help: &str) {
        let name = format!("{}{field}", self.prefix);
        self.details.push(detail(&name, reason, help));
    }

    /// Checks the fields of the nested object `field` with `f`: their
    /// details are named `field.<name>`.
    pub fn nested<T>(&mut self, field: &str, f: impl FnOnce(&mut Check) -> T) -> T {
        let inner = format!("{}{field}.", self.prefix);
        let outer = std::mem::replace(&mut self.prefix, inner);
        let out = f(self);
        self.prefix = outer;
        out
    }

    /// A required name following `rule`.
    pub fn required_name(&mut self, body: &Map<String, Value>, rule: NameRule) -> Option<String> {
        // `name()` checks the length of each kind of name.
        let name = self.text(body, "name", true, usize::MAX)?;
        self.name("name", &name, rule);
        Some(name)
    }

    pub fn finish(self) -> Result<(), ApiErr> {
        if self.details.is_empty() {
            Ok(())
        } else {
            Err(ApiErr::invalid(self.details))
        }
    }

    /// A string field: required or not, within a length, matching `valid`.
    pub fn text(
        &mut self,
        body: &Map<String, Value>,
        field: &str,
        required: bool,
        max: usize,
    ) -> Option<String> {
        match body.get(field) {
            None | Some(Value::Null) => {
                if required {
                    self.fail(field, "required", &format!("{field} is required"));
                }
                None
            }
            Some(Value::String(s)) => {
                if s.chars().count() > max {
                    self.fail(
                        field,
                        "constraint",
                        &format!("{field} must be at most {max} characters"),
                    );
                }
                if required && s.is_empty() {
                    self.fail(field, "required", &format!("{field} is required"));
                }
                Some(s.clone())
            }
            Some(_) => {
                self.fail(field, "format", &format!("{field} must be a string"));
                None
            }
        }
    }

    pub fn int(
        &mut self,
        body: &Map<String, Value>,
        field: &str,
        min: u64,
        max: u64,
    ) -> Option<u64> {
        match body.get(field) {
            None | Some(Value::Null) => None,
            Some(v) => match v
                .as_u64()
                .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
            {
                Some(n) if (min..=max).contains(&n) => Some(n),
                Some(_) => {
                    self.fail(
                        field,
                        "constraint",
                        &format!("{field} must be between {min} and {max}"),
                    );
                    None
                }
                None => {
                    self.fail(
                        field,
                        "format",
                        &format!("{field} must be an unsigned integer"),
                    );
                    None
                }
            },
        }
    }

    pub fn name(&mut self, field: &str, value: &str, rule: NameRule) {
        let (min, max, ok) = match rule {
            NameRule::Namespace => (1, 50, namespace_name_ok(value)),
            NameRule::Container => (2, 34, container_name_ok(value)),
            NameRule::Trigger => (1, 50, trigger_name_ok(value)),
        };
        let len = value.chars().count();
        if len < min || len > max {
            self.fail(
                field,
                "constraint",
                &format!("{field} must be {min} to {max} characters"),
            );
        } else if !ok {
            self.fail(field, "format", rule.help());
        }
    }

    /// Environment variables: a string map, keys ≤ 100, values ≤ 1000,
    /// `PORT` and `SCW_*` reserved.
    pub fn env(
        &mut self,
        body: &Map<String, Value>,
        field: &str,
        secret: bool,
    ) -> Option<Map<String, Value>> {
        match body.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::Object(map)) => {
                if map.len() > 100 {
                    self.fail(field, "constraint", "at most 100 environment variables");
                }
                for (key, value) in map {
                    let name = format!("{field}.{key}");
                    if key.is_empty() || key.len() > 100 {
                        self.fail(&name, "constraint", "keys are 1 to 100 characters");
                    } else if key == "PORT" || key.starts_with("SCW_") {
                        self.fail(&name, "constraint", "PORT and SCW_* are reserved names");
                    }
                    match value.as_str() {
                        Some(v) if secret && v.len() > 65_536 => {
                            self.fail(&name, "constraint", "secret values are at most 65536 bytes")
                        }
                        Some(v) if !secret && v.chars().count() > 1000 => {
                            self.fail(&name, "constraint", "values are at most 1000 characters")
                        }
                        Some(_) => {}
                        None => self.fail(&name, "format", "values must be strings"),
                    }
                }
                Some(map.clone())
            }
            Some(_) => {
                self.fail(
                    field,
                    "format",
                    &format!("{field} must be a map of strings"),
                );
                None
            }
        }
    }

    pub fn strings(&mut self, body: &Map<String, Value>, field: &str) -> Option<Vec<Value>> {
        match body.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::Array(items)) if items.iter().all(Value::is_string) => Some(items.clone()),
            Some(_) => {
                self.fail(
                    field,
                    "format",
                    &format!("{field} must be a list of strings"),
                );
                None
            }
        }
    }

    /// One of `allowed`; the `unknown_*` value means "not set" and is `None`.
    pub fn choice(
        &mut self,
        body: &Map<String, Value>,
        field: &str,
        allowed: &[&str],
    ) -> Option<String> {
        match body.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.starts_with("unknown_") => None,
            Some(Value::String(s)) if allowed.contains(&s.as_str()) => Some(s.clone()),
            Some(_) => {
                self.fail(
                    field,
                    "format",
                    &format!("{field} must be one of {}", allowed.join(", ")),
                );
                None
            }
        }
    }

    /// A protobuf duration `"<seconds>[.<fraction>]s"`, as milliseconds.
    pub fn duration(&mut self, field: &str, value: &Value, max_secs: u64) -> Option<u64> {
        let parsed = value.as_str().and_then(parse_duration_ms);
        match parsed {
            Some(ms) if ms <= max_secs * 1000 => Some(ms),
            Some(_) => {
                self.fail(
                    field,
                    "constraint",
                    &format!("{field} must be at most {max_secs}s"),
                );
                None
            }
            None => {
                self.fail(
                    field,
                    "format",
                    &format!("{field} must be a duration such as \"10s\""),
                );
                None
            }
        }
    }
}

#[derive(Clone, Copy)]
pub enum NameRule {
    Namespace,
    Container,
    Trigger,
}

impl NameRule {
    fn help(self) -> &'static str {
        match self {
            NameRule::Namespace => "must start with a letter and contain only letters, digits and dashes, not ending with a dash",
            NameRule::Container => "must contain only lowercase letters, digits and dashes, starting and ending with a letter or digit",
            NameRule::Trigger => "must contain only letters, digits, dashes and underscores, starting and ending with a letter or digit",
        }
    }
}

/// `^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])$`
fn namespace_name_ok(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2
        && b[0].is_ascii_alphabetic()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
}

/// `^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`
fn container_name_ok(s: &str) -> bool {
    let b = s.as_bytes();
    let ok = |c: &u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    !b.is_empty() && ok(&b[0]) && ok(&b[b.len() - 1]) && b.iter().all(|c| ok(c) || *c == b'-')
}

/// `^[a-zA-Z0-9]([-_a-zA-Z0-9]*[a-zA-Z0-9])$`
fn trigger_name_ok(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_')
}

pub fn parse_duration_ms(s: &str) -> Option<u64> {
    let number = s.strip_suffix('s')?;
    let (whole, frac) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut ms: u64 = whole.parse::<u64>().ok()?.checked_mul(1000)?;
    for (i, d) in frac.bytes().take(3).enumerate() {
        ms = ms.checked_add(u64::from(d - b'0') * 10u64.pow(2 - i as u32))?;
    }
    Some(ms)
}

/// A DNS name of 3–63 characters: dot-separated labels of letters, digits
/// and inner dashes, at least two labels.
pub fn hostname_ok(s: &str) -> bool {
    let len = s.len();
    (3..=63).contains(&len)
        && s.split('.').count() >= 2
        && s.split('.').all(|label| {
            let b = label.as_bytes();
            !b.is_empty()
                && b[0].is_ascii_alphanumeric()
                && b[b.len() - 1].is_ascii_alphanumeric()
                && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        })
}

/// Five whitespace-separated fields of cron characters.
pub fn cron_ok(s: &str) -> bool {
    let fields: Vec<&str> = s.split_whitespace().collect();
    fields.len() == 5
        && fields.iter().all(|f| {
            f.bytes()
                .all(|c| c.is_ascii_alphanumeric() || b"*/,-?".contains(&c))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_api_patterns() {
        assert!(
            namespace_name_ok("tf-acctest-basic")
                && !namespace_name_ok("1abc")
                && !namespace_name_ok("ab-")
        );
        assert!(
            container_name_ok("tf-co-dreamy-joliot")
                && !container_name_ok("Web")
                && !container_name_ok("-a")
        );
        assert!(trigger_name_ok("test_container-trigger") && !trigger_name_ok("_t"));
    }

    #[test]
    fn durations_hosts_and_cron() {
        assert_eq!(parse_duration_ms("300.000000000s"), Some(300_000));
        // Out of range is refused, never an overflow.
        assert_eq!(parse_duration_ms("18446744073709551.7s"), None);
        assert_eq!(parse_duration_ms("99999999999999999999s"), None);
        assert_eq!(parse_duration_ms("2.5s"), Some(2500));
        assert_eq!(parse_duration_ms("5m"), None);
        assert!(hostname_ok(
            "container.container-basic.scaleway-terraform.com"
        ));
        assert!(!hostname_ok("localhost") && !hostname_ok("a..b") && !hostname_ok("-a.com"));
        assert!(cron_ok("*/5 * * * SUN") && !cron_ok("* * *"));
    }
}
