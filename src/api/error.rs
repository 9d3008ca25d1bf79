//! One error type for every way a call can fail: each JSON error shape the
//! API sends (current and legacy), a body that is not JSON, a 2xx body that
//! does not decode, and what stops a call on the way (no answer, a redirect,
//! an abort, a key the browser cannot put in a header). The words people
//! read for each are in `components::error_text`, with the views.

use super::wire::null_as_default;
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// Why one argument was rejected (`invalid_arguments.details[]`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArgumentError {
    pub argument_name: String,
    /// `required`, `format`, `constraint` or `unknown`.
    pub reason: String,
    pub help_message: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PermissionDetail {
    pub resource: String,
    pub action: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
/// Read straight from the body text: through `serde_json::Value` (its
/// deserializer and three `from_value`) the reading was 2.7 KB gzip larger.
#[derive(Deserialize, Default)]
#[serde(default)]
struct ErrorBody {
    #[serde(rename = "type")]
    error_type: Option<String>,
    message: Option<String>,
    #[serde(deserialize_with = "list_or_nothing")]
    details: Vec<Detail>,
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

/// The union of the fields of every kind of `details[]` entry; the error's
/// type says which ones it has.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Detail {
    #[serde(deserialize_with = "null_as_default")]
    argument_name: String,
    #[serde(deserialize_with = "null_as_default")]
    reason: String,
    #[serde(deserialize_with = "null_as_default")]
    help_message: String,
    #[serde(deserialize_with = "null_as_default")]
    resource: String,
    #[serde(deserialize_with = "null_as_default")]
    action: String,
    #[serde(deserialize_with = "null_as_default")]
    quota: u64,
    #[serde(deserialize_with = "null_as_default")]
    current: u64,
}

impl From<Detail> for ArgumentError {
    fn from(d: Detail) -> Self {
        ArgumentError {
            argument_name: d.argument_name,
            reason: d.reason,
            help_message: d.help_message,
        }
    }
}

impl From<Detail> for PermissionDetail {
    fn from(d: Detail) -> Self {
        PermissionDetail {
            resource: d.resource,
            action: d.action,
        }
    }
}

impl From<Detail> for QuotaDetail {
    fn from(d: Detail) -> Self {
        QuotaDetail {
            resource: d.resource,
            quota: d.quota,
            current: d.current,
        }
    }
}

/// `details` when it is an array; anything else there (a text, an object,
/// null) reads as no details, so that the error's type and message are kept.
fn list_or_nothing<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Detail>, D::Error> {
    struct ListOrNothing;
    impl<'de> Visitor<'de> for ListOrNothing {
        type Value = Vec<Detail>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list of details")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut list = Vec::new();
            while let Some(detail) = seq.next_element()? {
                list.push(detail);
            }
            Ok(list)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(Vec::new())
        }
        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
    }
    d.deserialize_any(ListOrNothing)
}

fn details<T: From<Detail>>(entries: Vec<Detail>) -> Vec<T> {
    entries.into_iter().map(T::from).collect()
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
        // An object only: serde would also fill a struct from a JSON array.
        let parsed = Some(body)
            .filter(|b| b.trim_start().starts_with('{'))
            .and_then(|b| serde_json::from_str::<ErrorBody>(b).ok());
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

    pub fn redirected() -> Self {
        ApiError {
            status: 0,
            message: String::new(),
            kind: ErrorKind::Redirected,
        }
    }
}

impl fmt::Display for ApiError {
    /// A technical line (for logs and debugging); people read
    /// `components::error_text` instead.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {} {:?}: {}", self.status, self.kind, self.message)
    }
}

impl std::error::Error for ApiError {}
