//! The words shown for a failed call: what happened and what to do, for
//! each error shape the API sends and each way a call can fail on the way;
//! and the messages a form places next to the fields the server named.

use crate::api::error::{ApiError, ErrorKind};

/// What people read of an error.
pub trait ErrorText {
    /// A plain-language sentence that says what happened and what to do.
    fn user_message(&self) -> String;
    /// Per-field messages, keyed by the API's argument name (e.g.
    /// `liveness_probe.http.path`), for forms to place next to the input.
    fn field_errors(&self) -> Vec<(String, String)>;
}

impl ErrorText for ApiError {
    /// Per-field messages, keyed by the API's argument name (e.g.
    /// `liveness_probe.http.path`), for forms to place next to the input.
    fn field_errors(&self) -> Vec<(String, String)> {
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
    fn user_message(&self) -> String {
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
    if text.is_empty() {
        return String::new();
    }
    let mut sentence = crate::case::capitalised(text);
    if !sentence.ends_with(['.', '!', '?']) {
        sentence.push('.');
    }
    sentence
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::error::{ArgumentError, RateLimit};

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

        for details in ["null", r#"{"argument_name":"name"}"#, "7", "true"] {
            let body =
                format!(r#"{{"type":"invalid_arguments","message":"bad","details":{details}}}"#);
            let e = ApiError::from_response(400, &body);
            assert_eq!(
                e.kind,
                ErrorKind::InvalidArguments { details: vec![] },
                "{details}"
            );
            assert_eq!(e.message, "bad");
        }

        // A null inside an entry reads as empty, and the rest of the entry is kept.
        let e = ApiError::from_response(
            400,
            r#"{"type":"invalid_arguments","details":[{"argument_name":"name","reason":null,"help_message":"too long"}]}"#,
        );
        let ErrorKind::InvalidArguments { details } = e.kind else {
            panic!("{:?}", e.kind)
        };
        assert_eq!(
            details,
            vec![ArgumentError {
                argument_name: "name".into(),
                reason: String::new(),
                help_message: "too long".into(),
            }]
        );
    }
}
