//! One error type for every way a call can fail: each JSON error shape the
//! API sends (current and legacy), a body that is not JSON, a 2xx body that
//! does not decode, and a network failure.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// Why one argument was rejected (`invalid_arguments.details[]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ArgumentError {
    pub argument_name: String,
    /// `required`, `format`, `constraint` or `unknown`.
    pub reason: String,
    pub help_message: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct PermissionDetail {
    pub resource: String,
    pub action: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct QuotaDetail {
    pub resource: String,
    pub quota: u64,
    pub current: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct RateLimit {
    pub quota: u64,
    pub window_seconds: u64,
}

/// What went wrong, with the structured details each shape carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    InvalidArguments {
        details: Vec<ArgumentError>,
    },
    DeniedAuthentication {
        method: String,
        reason: String,
    },
    PermissionsDenied {
        details: Vec<PermissionDetail>,
    },
    QuotasExceeded {
        details: Vec<QuotaDetail>,
    },
    NotFound {
        resource: String,
        resource_id: String,
    },
    TransientState {
        resource: String,
        resource_id: String,
        current_state: String,
    },
    AlreadyExists {
        resource: String,
        resource_id: String,
        help_message: String,
    },
    PreconditionFailed {
        precondition: String,
        help_message: String,
    },
    Locked {
        resource: String,
        resource_id: String,
    },
    TooManyRequests {
        help_message: String,
        limit: Option<RateLimit>,
        reset_seconds: Option<u64>,
    },
    /// Legacy shape: `{"type":"invalid_request_error","message":..,"fields":{name:[msgs]}}`.
    InvalidRequest {
        fields: BTreeMap<String, Vec<String>>,
    },
    /// A JSON error with no `type` (legacy `{"message": ...}`) or a type not listed above.
    Other {
        error_type: Option<String>,
    },
    /// The body was not JSON (a proxy's HTML page, an empty 502...).
    NotJson {
        excerpt: String,
    },
    /// A success status whose body does not decode into what the call expects.
    Decode,
    /// The request never got an answer (offline, DNS, CORS refusal, aborted).
    Network,
    /// The stored secret key cannot be put in a header (a character outside
    /// printable ASCII): nothing was sent.
    UnusableKey,
    /// The server answered with a redirect, which is not followed: it would
    /// carry the key to another address.
    Redirected,
    /// The request was aborted on purpose: what asked for it is gone.
    Aborted,
    /// An edit was not sent: the resource changed since the form was loaded.
    ChangedMeanwhile {
        noun: String,
        fields: Vec<String>,
    },
}

/// A failed API call. `status` is the HTTP status, 0 when there was no response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    pub status: u16,
    /// The server's own message, or a description of the failure.
    pub message: String,
    pub kind: ErrorKind,
}

/// The union of every field any error shape may carry; each is optional.
#[derive(Deserialize, Default)]
#[serde(default)]
struct ErrorBody {
    #[serde(rename = "type")]
    error_type: Option<String>,
    message: Option<String>,
    details: Option<serde_json::Value>,
    method: Option<String>,
    reason: Option<String>,
    resource: Option<String>,
    resource_id: Option<String>,
    current_state: Option<String>,
    help_message: Option<String>,
    precondition: Option<String>,
    limit: Option<RateLimit>,
    reset_seconds: Option<u64>,
    fields: Option<BTreeMap<String, Vec<String>>>,
}

fn details<T: for<'de> Deserialize<'de>>(value: Option<serde_json::Value>) -> Vec<T> {
    value
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default()
}

impl ApiError {
    pub fn network(message: impl Into<String>) -> Self {
        ApiError {
            status: 0,
            message: message.into(),
            kind: ErrorKind::Network,
        }
    }

    pub fn decode(status: u16, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
            kind: ErrorKind::Decode,
        }
    }

    /// Turns a non-2xx answer into a typed error. Never fails: anything
    /// unrecognised still becomes an error with a readable message.
    pub fn from_response(status: u16, body: &str) -> Self {
        let parsed = serde_json::from_str::<serde_json::Value>(body)
            .ok()
            .filter(serde_json::Value::is_object)
            .and_then(|v| serde_json::from_value::<ErrorBody>(v).ok());
        let Some(b) = parsed else {
            let excerpt: String = body.trim().chars().take(200).collect();
            return ApiError {
                status,
                message: String::new(),
                kind: ErrorKind::NotJson { excerpt },
            };
        };
        let s = |o: Option<String>| o.unwrap_or_default();
        let kind = match b.error_type.as_deref() {
            Some("invalid_arguments") => ErrorKind::InvalidArguments {
                details: details(b.details),
            },
            Some("denied_authentication") => ErrorKind::DeniedAuthentication {
                method: s(b.method),
                reason: s(b.reason),
            },
            Some("permissions_denied") => ErrorKind::PermissionsDenied {
                details: details(b.details),
            },
            Some("quotas_exceeded") => ErrorKind::QuotasExceeded {
                details: details(b.details),
            },
            Some("not_found") => ErrorKind::NotFound {
                resource: s(b.resource),
                resource_id: s(b.resource_id),
            },
            Some("transient_state") => ErrorKind::TransientState {
                resource: s(b.resource),
                resource_id: s(b.resource_id),
                current_state: s(b.current_state),
            },
            Some("already_exists") => ErrorKind::AlreadyExists {
                resource: s(b.resource),
                resource_id: s(b.resource_id),
                help_message: s(b.help_message),
            },
            Some("precondition_failed") => ErrorKind::PreconditionFailed {
                precondition: s(b.precondition),
                help_message: s(b.help_message),
            },
            Some("locked") => ErrorKind::Locked {
                resource: s(b.resource),
                resource_id: s(b.resource_id),
            },
            Some("too_many_requests") => ErrorKind::TooManyRequests {
                help_message: s(b.help_message),
                limit: b.limit,
                reset_seconds: b.reset_seconds,
            },
            Some("invalid_request_error") => ErrorKind::InvalidRequest {
                fields: b.fields.unwrap_or_default(),
            },
            // A bare 404 without a type is still "not found".
            None if status == 404 => ErrorKind::NotFound {
                resource: s(b.resource),
                resource_id: s(b.resource_id),
            },
            other => ErrorKind::Other {
                error_type: other.map(str::to_string),
            },
        };
        ApiError {
            status,
            message: s(b.message),
            kind,
        }
    }

    /// A 404: after a delete this means the resource is gone, not a failure.
    pub fn is_not_found(&self) -> bool {
        matches!(self.kind, ErrorKind::NotFound { .. })
    }

    /// An expired or wrong secret key: the user must fix the settings.
    pub fn is_auth(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::DeniedAuthentication { .. } | ErrorKind::UnusableKey
        ) || self.status == 401
    }

    /// Seconds the server asked to wait before the next request: a 429's
    /// `reset_seconds` (or its `Retry-After` header, which the client folds in).
    pub fn retry_after(&self) -> Option<u64> {
        match self.kind {
            ErrorKind::TooManyRequests { reset_seconds, .. } => reset_seconds,
            _ => None,
        }
    }

    /// A failure that may pass by itself (the network, a 5xx, a 429, a 408):
    /// a read is worth trying again later. Others need the user.
    pub fn may_pass(&self) -> bool {
        match self.kind {
            ErrorKind::Network => true,
            ErrorKind::UnusableKey | ErrorKind::Redirected => false,
            _ => self.status >= 500 || self.status == 429 || self.status == 408,
        }
    }

    pub fn unusable_key() -> Self {
        ApiError {
            status: 0,
            message: String::new(),
            kind: ErrorKind::UnusableKey,
        }
    }

    pub fn aborted() -> Self {
        ApiError {
            status: 0,
            message: String::new(),
            kind: ErrorKind::Aborted,
        }
    }

    pub fn is_aborted(&self) -> bool {
        self.kind == ErrorKind::Aborted
    }

    pub fn changed_meanwhile(noun: &str, fields: Vec<String>) -> Self {
        ApiError {
            status: 0,
            message: String::new(),
            kind: ErrorKind::ChangedMeanwhile {
                noun: noun.to_string(),
                fields,
            },
        }
    }

    pub fn redirected() -> Self {
        ApiError {
            status: 0,
            message: String::new(),
            kind: ErrorKind::Redirected,
        }
    }

    /// Per-field messages, keyed by the API's argument name (e.g.
    /// `liveness_probe.http.path`), for forms to place next to the input.
    pub fn field_errors(&self) -> Vec<(String, String)> {
        match &self.kind {
            ErrorKind::InvalidArguments { details } => details
                .iter()
                .filter(|d| !d.argument_name.is_empty())
                .map(|d| {
                    let text = if d.help_message.is_empty() {
                        reason_text(&d.reason).to_string()
                    } else {
                        d.help_message.clone()
                    };
                    (d.argument_name.clone(), text)
                })
                .collect(),
            ErrorKind::InvalidRequest { fields } => fields
                .iter()
                .map(|(name, msgs)| (name.clone(), msgs.join("; ")))
                .collect(),
            // A duplicate is a problem with the field that names the resource.
            ErrorKind::AlreadyExists { resource, .. } => {
                let field = if resource == "domain" {
                    "hostname"
                } else {
                    "name"
                };
                vec![(field.to_string(), self.user_message())]
            }
            _ => Vec::new(),
        }
    }

    /// A plain-language sentence that says what happened and what to do.
    pub fn user_message(&self) -> String {
        let server = |fallback: &str| {
            if self.message.is_empty() {
                fallback.to_string()
            } else {
                capitalise(&self.message)
            }
        };
        match &self.kind {
            ErrorKind::InvalidArguments { details } if !details.is_empty() => {
                let parts: Vec<String> = details
                    .iter()
                    .map(|d| {
                        let why = if d.help_message.is_empty() {
                            reason_text(&d.reason)
                        } else {
                            &d.help_message
                        };
                        format!("{}: {}", d.argument_name, why)
                    })
                    .collect();
                format!("Some values were rejected. {}", parts.join("; "))
            }
            ErrorKind::InvalidArguments { .. } => {
                server("Some values were rejected; check the form and try again.")
            }
            ErrorKind::DeniedAuthentication { .. } => {
                "The secret key was refused (missing, wrong or expired). Set a valid key in Settings."
                    .to_string()
            }
            ErrorKind::PermissionsDenied { details } => {
                let what: Vec<String> = details
                    .iter()
                    .map(|d| format!("{} on {}", d.action, d.resource))
                    .collect();
                if what.is_empty() {
                    "This secret key is not allowed to do that. Check its permissions.".to_string()
                } else {
                    format!(
                        "This secret key is not allowed to do that ({}). Check its permissions.",
                        what.join(", ")
                    )
                }
            }
            ErrorKind::QuotasExceeded { details } => {
                let what: Vec<String> = details
                    .iter()
                    .map(|d| format!("{} ({} of {} used)", d.resource, d.current, d.quota))
                    .collect();
                format!(
                    "A quota is reached{}. Delete something or ask for a higher quota.",
                    if what.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", what.join(", "))
                    }
                )
            }
            ErrorKind::NotFound { resource, .. } if !resource.is_empty() => {
                format!("This {resource} does not exist (it may have been deleted).")
            }
            ErrorKind::NotFound { .. } => "Not found: it may have been deleted.".to_string(),
            ErrorKind::TransientState {
                resource,
                current_state,
                ..
            } => format!(
                "This {} is {} right now. Wait until it is ready, then try again.",
                non_empty(resource, "resource"),
                non_empty(current_state, "busy")
            ),
            ErrorKind::AlreadyExists {
                resource,
                help_message,
                ..
            } => {
                let base = format!(
                    "A {} with this name already exists.",
                    non_empty(resource, "resource")
                );
                if help_message.is_empty() {
                    format!("{base} Choose another name.")
                } else {
                    format!("{base} {}", capitalise(help_message))
                }
            }
            ErrorKind::PreconditionFailed { help_message, .. } => {
                if help_message.is_empty() {
                    server("A precondition failed.")
                } else {
                    help_message.clone()
                }
            }
            ErrorKind::Locked { resource, .. } => format!(
                "This {} is locked and cannot be changed.",
                non_empty(resource, "resource")
            ),
            ErrorKind::TooManyRequests { reset_seconds, .. } => match reset_seconds {
                Some(secs) => format!("Too many requests. Try again in {secs} s."),
                None => "Too many requests. Wait a moment and try again.".to_string(),
            },
            ErrorKind::InvalidRequest { fields } if !fields.is_empty() => {
                let parts: Vec<String> = fields
                    .iter()
                    .map(|(k, v)| format!("{k}: {}", v.join("; ")))
                    .collect();
                format!("Some values were rejected. {}", parts.join("; "))
            }
            ErrorKind::Other { .. } if self.status >= 500 => format!(
                "{} Try again in a moment.",
                server(&format!("The server failed (HTTP {}).", self.status))
            ),
            ErrorKind::InvalidRequest { .. } | ErrorKind::Other { .. } => server(&format!(
                "The server answered with an error (HTTP {}).",
                self.status
            )),
            ErrorKind::NotJson { .. } => match self.status {
                502..=504 => format!(
                    "The API could not be reached through the proxy (HTTP {}). Check the API base URL in Settings.",
                    self.status
                ),
                404 => "Nothing answers the API path at this address (HTTP 404). Check the API base URL in Settings.".to_string(),
                s if s >= 500 => format!("The server failed (HTTP {s}). Try again in a moment."),
                s => format!("Unexpected answer from the server (HTTP {s}, not JSON)."),
            },
            ErrorKind::Decode => format!(
                "The server's answer could not be read ({}).",
                self.message
            ),
            ErrorKind::Aborted => "The request was cancelled.".to_string(),
            ErrorKind::ChangedMeanwhile { noun, fields } => format!(
                "This {noun} was changed since you opened this form ({}). Nothing was saved yet: choose below.",
                fields.join(", ")
            ),
            ErrorKind::UnusableKey => "The secret key has a character that cannot be sent (a space, an invisible or a non-ASCII character). Nothing was sent: paste the key again.".to_string(),
            ErrorKind::Redirected => "The API base URL answered with a redirect. The console does not follow redirects, which would carry your key to another address: set the final address in Settings.".to_string(),
            ErrorKind::Network => format!(
                "The API could not be reached{}. Check your connection and the API base URL in Settings.",
                if self.message.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", self.message)
                }
            ),
        }
    }
}

fn reason_text(reason: &str) -> &str {
    match reason {
        "required" => "is required",
        "format" => "has an invalid format",
        "constraint" => "is out of the allowed range",
        "unknown" => "is not a known field",
        _ => "is invalid",
    }
}

fn non_empty<'a>(text: &'a str, fallback: &'a str) -> &'a str {
    if text.is_empty() {
        fallback
    } else {
        text
    }
}

/// The server's message as a sentence: capital first letter, final stop
/// (added only when it has none; the text itself is never rewritten).
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut sentence: String = first.to_uppercase().chain(chars).collect();
    if !sentence.ends_with(['.', '!', '?']) {
        sentence.push('.');
    }
    sentence
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.user_message())
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recorded_not_found_shape() {
        let e = ApiError::from_response(
            404,
            r#"{"message":"resource is not found","resource":"namespace","resource_id":"ba55","type":"not_found"}"#,
        );
        assert_eq!(
            e.kind,
            ErrorKind::NotFound {
                resource: "namespace".into(),
                resource_id: "ba55".into()
            }
        );
        assert!(e.is_not_found());
        assert_eq!(
            e.user_message(),
            "This namespace does not exist (it may have been deleted)."
        );
    }

    #[test]
    fn invalid_arguments_map_to_fields() {
        let e = ApiError::from_response(
            400,
            r#"{"type":"invalid_arguments","message":"invalid argument(s)","details":[
                {"argument_name":"name","reason":"format","help_message":"must match ^[a-z]"},
                {"argument_name":"port","reason":"constraint","help_message":""}]}"#,
        );
        assert_eq!(
            e.field_errors(),
            vec![
                ("name".to_string(), "must match ^[a-z]".to_string()),
                (
                    "port".to_string(),
                    "is out of the allowed range".to_string()
                )
            ]
        );
        assert!(e.user_message().contains("name: must match ^[a-z]"));
    }

    #[test]
    fn every_documented_shape_is_typed() {
        let cases = [
            (
                401,
                r#"{"type":"denied_authentication","message":"authentication is denied","method":"api_key","reason":"invalid_argument"}"#,
            ),
            (
                403,
                r#"{"type":"permissions_denied","message":"insufficient permissions","details":[{"resource":"containers","action":"write"}]}"#,
            ),
            (
                403,
                r#"{"type":"quotas_exceeded","message":"quota exceeded","details":[{"resource":"containers","quota":10,"current":10}]}"#,
            ),
            (
                409,
                r#"{"type":"transient_state","message":"resource is in a transient state","resource":"container","resource_id":"x","current_state":"creating"}"#,
            ),
            (
                409,
                r#"{"type":"already_exists","message":"resource already exists","resource":"namespace","resource_id":"x","help_message":"pick another"}"#,
            ),
            (
                412,
                r#"{"type":"precondition_failed","message":"precondition failed","precondition":"resource_still_in_use","help_message":"delete its containers first"}"#,
            ),
            (
                423,
                r#"{"type":"locked","message":"resource is locked","resource":"namespace","resource_id":"x"}"#,
            ),
            (
                429,
                r#"{"type":"too_many_requests","message":"too many requests","help_message":"slow down","limit":{"quota":50,"window_seconds":1},"reset_seconds":3}"#,
            ),
            (
                400,
                r#"{"type":"invalid_request_error","message":"Validation Error","fields":{"name":["is too long"]}}"#,
            ),
        ];
        for (status, body) in cases {
            let e = ApiError::from_response(status, body);
            assert!(
                !matches!(e.kind, ErrorKind::Other { .. } | ErrorKind::NotJson { .. }),
                "{body}"
            );
            assert!(!e.user_message().contains('{'), "no raw JSON: {body}");
        }
        let e = ApiError::from_response(429, cases[7].1);
        assert_eq!(e.user_message(), "Too many requests. Try again in 3 s.");
        assert_eq!(
            e.kind,
            ErrorKind::TooManyRequests {
                help_message: "slow down".into(),
                limit: Some(RateLimit {
                    quota: 50,
                    window_seconds: 1
                }),
                reset_seconds: Some(3)
            }
        );
        let e = ApiError::from_response(400, cases[8].1);
        assert_eq!(
            e.field_errors(),
            vec![("name".to_string(), "is too long".to_string())]
        );
        let e = ApiError::from_response(409, cases[4].1);
        assert_eq!(
            e.field_errors(),
            vec![(
                "name".to_string(),
                "A namespace with this name already exists. Pick another.".to_string()
            )]
        );
        let e = ApiError::from_response(409, cases[3].1);
        assert_eq!(
            e.user_message(),
            "This container is creating right now. Wait until it is ready, then try again."
        );
    }

    #[test]
    fn legacy_message_only_and_non_json_bodies() {
        let e = ApiError::from_response(500, r#"{"message":"internal error"}"#);
        assert_eq!(e.kind, ErrorKind::Other { error_type: None });
        assert_eq!(e.user_message(), "Internal error. Try again in a moment.");
        let e = ApiError::from_response(418, r#"{"message":"no coffee"}"#);
        assert_eq!(e.user_message(), "No coffee.");
        let e = ApiError::from_response(400, r#"{"message":"path ../x is invalid."}"#);
        assert_eq!(
            e.user_message(),
            "Path ../x is invalid.",
            "text kept as sent"
        );

        let e = ApiError::from_response(502, "<html><body>Bad Gateway</body></html>");
        assert!(matches!(e.kind, ErrorKind::NotJson { .. }));
        assert!(e.user_message().contains("API base URL"));

        let e = ApiError::from_response(503, "");
        assert!(matches!(e.kind, ErrorKind::NotJson { .. }));

        let e = ApiError::from_response(400, "[1,2]");
        assert!(matches!(e.kind, ErrorKind::NotJson { .. }));

        let e = ApiError::network("Failed to fetch");
        assert_eq!(e.status, 0);
        assert!(e
            .user_message()
            .contains("could not be reached (Failed to fetch)"));
    }

    #[test]
    fn malformed_details_do_not_lose_the_error() {
        let e = ApiError::from_response(
            400,
            r#"{"type":"invalid_arguments","message":"bad","details":"oops"}"#,
        );
        assert_eq!(e.kind, ErrorKind::InvalidArguments { details: vec![] });
        assert_eq!(e.user_message(), "Bad.");
    }
}
