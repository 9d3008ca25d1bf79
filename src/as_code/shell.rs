//! curl: the shell's quoting, and the command that sends a request.

use super::{marked, Secret};
use serde_json::Value;

/// `text` as one shell word that the shell takes literally: in single
/// quotes, each `'` written as `'\''`. Nothing inside is expanded (`$`,
/// backquotes, `\`, newlines all stay as they are).
pub fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// The body as pretty JSON, each placeholder written by `write(var)` in place
/// of its quoted string.
pub(super) fn json_with_placeholders(body: &Value, write: impl Fn(&str) -> String) -> String {
    let mut text = serde_json::to_string_pretty(body).unwrap_or_default();
    let mut vars = Vec::new();
    collect_marks(body, &mut vars);
    for var in vars {
        let quoted = serde_json::to_string(&super::mark(&var)).unwrap_or_default();
        text = text.replace(&quoted, &write(&var));
    }
    text
}

fn collect_marks(value: &Value, out: &mut Vec<String>) {
    if let Some(var) = marked(value) {
        out.push(var.to_string());
    }
    match value {
        Value::Object(map) => map.values().for_each(|v| collect_marks(v, out)),
        Value::Array(items) => items.iter().for_each(|v| collect_marks(v, out)),
        _ => {}
    }
}

/// The curl command. With secrets, the body is built by `jq` from shell
/// variables (`--arg` escapes their values into JSON strings, whatever they
/// hold: quotes, newlines) and piped to curl; without, it is one quoted word.
pub(super) fn curl(method: &str, url: &str, body: &Value, secrets: &[Secret]) -> String {
    let headers = format!(
        "-X {method} {} \\\n  -H \"X-Auth-Token: $SCW_SECRET_KEY\" \\\n  -H 'Content-Type: application/json'",
        quote(url)
    );
    if secrets.is_empty() {
        let json = json_with_placeholders(body, |var| var.to_string());
        return format!("curl {headers} \\\n  --data-binary {}\n", quote(&json));
    }
    let needs: Vec<&str> = secrets.iter().map(|s| s.var.as_str()).collect();
    let args: String = needs
        .iter()
        .map(|var| format!(" --arg {var} \"${var}\""))
        .collect();
    // jq reads a JSON value with `$VAR` in place of each secret as its program.
    let program = json_with_placeholders(body, |var| format!("${var}"));
    format!(
        "# Set SCW_SECRET_KEY and {} first; jq writes their values into the JSON.\njq -n{args} {} |\n  curl {} \\\n  --data-binary @-\n",
        needs.join(", "),
        quote(&program),
        headers.replace("\n  ", "\n    ")
    )
}
