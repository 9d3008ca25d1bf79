//! HCL (Terraform's language): quoting, and a small writer of arguments and
//! blocks, indented as `terraform fmt` indents (it would also align the `=`).

use serde_json::Value;

/// `text` as an HCL string: `"`, `\` and control characters escaped, and
/// `${` and `%{` doubled so that Terraform reads them as text, not templates.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A block's body being written, at a depth of indentation.
pub(super) struct Body {
    pub text: String,
    depth: usize,
}

impl Body {
    pub fn new(depth: usize) -> Self {
        Body {
            text: String::new(),
            depth,
        }
    }

    fn indent(&self) -> String {
        "  ".repeat(self.depth)
    }

    /// `name = value`, written as is (a number, a reference).
    pub fn raw(&mut self, name: &str, value: &str) {
        self.text
            .push_str(&format!("{}{name} = {value}\n", self.indent()));
    }

    /// `name = value` for a JSON value: strings quoted, lists and maps
    /// written out; `value_of` may replace a string (a placeholder) by a
    /// reference.
    pub fn value(
        &mut self,
        name: &str,
        value: &Value,
        value_of: &dyn Fn(&Value) -> Option<String>,
    ) {
        let written = self.write(value, value_of);
        self.raw(name, &written);
    }

    fn write(&self, value: &Value, value_of: &dyn Fn(&Value) -> Option<String>) -> String {
        if let Some(reference) = value_of(value) {
            return reference;
        }
        match value {
            Value::String(s) => quote(s),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Null => "null".into(),
            Value::Array(items) => {
                let items: Vec<String> = items.iter().map(|v| self.write(v, value_of)).collect();
                format!("[{}]", items.join(", "))
            }
            Value::Object(map) if map.is_empty() => "{}".into(),
            Value::Object(map) => {
                let inner = "  ".repeat(self.depth + 1);
                let lines: Vec<String> = map
                    .iter()
                    .map(|(k, v)| format!("{inner}{} = {}", quote(k), self.write(v, value_of)))
                    .collect();
                format!("{{\n{}\n{}}}", lines.join("\n"), self.indent())
            }
        }
    }

    /// A nested block `name { ... }` written by `fill`.
    pub fn block(&mut self, name: &str, fill: impl FnOnce(&mut Body)) {
        let mut inner = Body::new(self.depth + 1);
        fill(&mut inner);
        self.text.push_str(&format!(
            "{}{name} {{\n{}{}}}\n",
            self.indent(),
            inner.text,
            self.indent()
        ));
    }
}
