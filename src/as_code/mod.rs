//! "As code": the request a form would send, or a resource as it is, written
//! as curl, as Terraform and as the JSON body alone. Pure, host-tested.
//!
//! Secret values never appear: a secret variable, an SQS secret key and NATS
//! credentials become placeholders the user fills in (`$NAME` in the shell,
//! `var.name` in Terraform).

mod hcl;
mod shell;
mod terraform;

use crate::api::{Kind, Region};
use serde_json::Value;

pub use hcl::quote as hcl_quote;
pub use shell::quote as shell_quote;

/// How the request is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verb {
    /// A create.
    Post,
    /// A minimal update.
    Patch,
}

/// One call, and the resource it describes.
#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    pub verb: Verb,
    pub kind: Kind,
    pub region: Region,
    /// The resource's ID, when it exists (the URL of a PATCH; Terraform's import).
    pub id: Option<String>,
    /// The request's JSON body; `None` for an edit that changes nothing yet.
    pub body: Option<Value>,
    /// The whole resource as a create body: what Terraform describes (for a
    /// PATCH, the form as it would leave the resource).
    pub whole: Value,
}

/// The three ways of writing it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Code {
    pub curl: String,
    pub terraform: String,
    pub json: String,
}

/// A secret left out, and the name of what stands for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Secret {
    /// A shell variable's name: `API_KEY`, `SQS_SECRET_ACCESS_KEY`.
    pub var: String,
}

/// What a placeholder looks like inside a body until each writer puts its own.
const MARK: char = '\u{1}';

fn mark(var: &str) -> Value {
    Value::String(format!("{MARK}{var}{MARK}"))
}

/// The name of a marked placeholder, when `value` is one.
pub(crate) fn marked(value: &Value) -> Option<&str> {
    value.as_str()?.strip_prefix(MARK)?.strip_suffix(MARK)
}

/// An identifier from any text, for shell variables and Terraform names:
/// ASCII letters and digits kept (upper- or lower-cased), anything else `_`,
/// and `prefix` in front when it would not start with a letter.
pub(super) fn identifier(text: &str, upper: bool, prefix: &str) -> String {
    let mut name: String = text
        .chars()
        .map(|c| match (c.is_ascii_alphanumeric(), upper) {
            (true, true) => c.to_ascii_uppercase(),
            (true, false) => c.to_ascii_lowercase(),
            (false, _) => '_',
        })
        .collect();
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        name.insert_str(0, prefix);
    }
    name
}

/// A variable name from a secret's: `db-password` → `DB_PASSWORD`, unique
/// among those `taken`.
fn var_name(text: &str, taken: &[Secret]) -> String {
    let base = identifier(text, true, "SECRET_");
    let mut name = base.clone();
    let mut n = 2;
    while taken.iter().any(|s| s.var == name) {
        name = format!("{base}_{n}");
        n += 1;
    }
    name
}

/// Replaces every secret value of `body` with a placeholder and names them.
/// In a PATCH (`whole` false) an empty secret keeps the stored value: it is
/// no secret, and stays. In a whole resource every secret is one, and the
/// write-only fields of a trigger's source (never read back) are put in.
pub(crate) fn mask_secrets(body: &mut Value, whole: bool) -> Vec<Secret> {
    let mut secrets = Vec::new();
    let is_secret = |value: &Value| whole || value.as_str().is_some_and(|v| !v.is_empty());
    if let Some(map) = body
        .get_mut("secret_environment_variables")
        .and_then(Value::as_object_mut)
    {
        for (key, value) in map.iter_mut() {
            if is_secret(value) {
                let var = var_name(key, &secrets);
                *value = mark(&var);
                secrets.push(Secret { var });
            }
        }
    }
    for (config, field, var) in [
        ("sqs_config", "secret_access_key", "SQS_SECRET_ACCESS_KEY"),
        (
            "nats_config",
            "credentials_file_content",
            "NATS_CREDENTIALS",
        ),
    ] {
        let Some(config) = body.get_mut(config).and_then(Value::as_object_mut) else {
            continue;
        };
        if whole {
            config.entry(field).or_insert(Value::Null);
        }
        if let Some(value) = config.get_mut(field).filter(|v| is_secret(v)) {
            *value = mark(var);
            secrets.push(Secret { var: var.into() });
        }
    }
    secrets
}

/// The request's URL: `{base}/containers/v1/regions/{region}/{collection}[/{id}]`.
fn url(base: &str, call: &Call) -> String {
    let base = base.trim().trim_end_matches('/');
    let mut url = format!(
        "{base}/containers/v1/regions/{}{}",
        call.region,
        call.kind.path()
    );
    if let (Verb::Patch, Some(id)) = (call.verb, &call.id) {
        url.push('/');
        url.push_str(&crate::api::client::percent_encode(id));
    }
    url
}

/// Writes `call` three ways; `base` is where the console sends its calls
/// (its own origin, or the API base URL of Settings).
pub fn as_code(base: &str, call: &Call) -> Code {
    let mut whole = call.whole.clone();
    let whole_secrets = mask_secrets(&mut whole, true);
    let terraform = terraform::resource(call, &whole, &whole_secrets);
    let Some(mut body) = call.body.clone() else {
        let nothing = "# Nothing to send: nothing has changed yet.\n".to_string();
        return Code {
            curl: nothing.clone(),
            terraform,
            json: nothing,
        };
    };
    let secrets = mask_secrets(&mut body, call.verb == Verb::Post);
    let method = match call.verb {
        Verb::Post => "POST",
        Verb::Patch => "PATCH",
    };
    Code {
        curl: shell::curl(method, &url(base, call), &body, &secrets),
        terraform,
        json: shell::json_with_placeholders(&body, |var| format!("${var}")),
    }
}

#[cfg(test)]
mod tests;
