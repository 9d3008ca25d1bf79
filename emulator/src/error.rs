//! The real API's error shapes, as JSON responses.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

#[derive(Debug)]
pub struct ApiErr {
    pub status: StatusCode,
    pub body: Value,
}

impl ApiErr {
    pub fn invalid(details: Vec<Value>) -> Self {
        ApiErr {
            status: StatusCode::BAD_REQUEST,
            body: json!({"type": "invalid_arguments", "message": "invalid argument(s)", "details": details}),
        }
    }

    pub fn invalid_one(argument: &str, reason: &str, help: &str) -> Self {
        Self::invalid(vec![detail(argument, reason, help)])
    }

    pub fn denied() -> Self {
        ApiErr {
            status: StatusCode::UNAUTHORIZED,
            body: json!({"type": "denied_authentication", "message": "authentication is denied",
                         "method": "api_key", "reason": "invalid_argument"}),
        }
    }

    pub fn not_found(resource: &str, id: &str) -> Self {
        ApiErr {
            status: StatusCode::NOT_FOUND,
            body: json!({"type": "not_found", "message": "resource is not found",
                         "resource": resource, "resource_id": id}),
        }
    }

    pub fn transient(resource: &str, id: &str, state: &str) -> Self {
        ApiErr {
            status: StatusCode::CONFLICT,
            body: json!({"type": "transient_state", "message": "resource is in a transient state",
                         "resource": resource, "resource_id": id, "current_state": state}),
        }
    }

    pub fn exists(resource: &str, id: &str, help: &str) -> Self {
        ApiErr {
            status: StatusCode::CONFLICT,
            body: json!({"type": "already_exists", "message": "resource already exists",
                         "resource": resource, "resource_id": id, "help_message": help}),
        }
    }

    pub fn too_many(limit: u32) -> Self {
        ApiErr {
            status: StatusCode::TOO_MANY_REQUESTS,
            body: json!({"type": "too_many_requests", "message": "too many requests",
                         "help_message": "slow down: the request rate is limited",
                         "limit": {"quota": limit, "window_seconds": 1}, "reset_seconds": 1}),
        }
    }

    /// The change could not be kept (the state file could not be written):
    /// it is undone, and the previous state file stays as it was.
    pub fn not_saved(why: &str) -> Self {
        ApiErr {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            body: json!({"type": "internal_error",
                         "message": format!("the change could not be saved, so it was not made: {why}")}),
        }
    }

    pub fn injected_failure() -> Self {
        ApiErr {
            status: StatusCode::SERVICE_UNAVAILABLE,
            body: json!({"message": "service temporarily unavailable (emulator fault injection)"}),
        }
    }
}

pub fn detail(argument: &str, reason: &str, help: &str) -> Value {
    json!({"argument_name": argument, "reason": reason, "help_message": help})
}

impl IntoResponse for ApiErr {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}
