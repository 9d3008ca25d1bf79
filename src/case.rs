//! Lower and upper case, for matching text and for starting a sentence.
//!
//! Rust's own (`str::to_lowercase`, `char::to_uppercase`) bring Unicode's
//! case tables into the wasm: 26 KB of data and 3 KB of code, 11 KB gzip
//! of the first page. ASCII text (nearly all of it: the API's names are
//! ASCII) is changed here; other text by the browser's own
//! `toLowerCase`/`toUpperCase`, which follow the same Unicode rules.

/// `text` in lower case.
pub fn lower(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        unicode::lower(text)
    }
}

/// `text` with its first letter in upper case.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut out = if first.is_ascii() {
        first.to_ascii_uppercase().to_string()
    } else {
        unicode::upper(first.encode_utf8(&mut [0; 4]))
    };
    out.push_str(chars.as_str());
    out
}

#[cfg(target_arch = "wasm32")]
mod unicode {
    use js_sys::JsString;

    pub fn lower(text: &str) -> String {
        JsString::from(text).to_lower_case().into()
    }

    pub fn upper(text: &str) -> String {
        JsString::from(text).to_upper_case().into()
    }
}

/// Host builds (the unit tests) have no browser: Rust's own, same rules.
#[cfg(not(target_arch = "wasm32"))]
mod unicode {
    pub fn lower(text: &str) -> String {
        text.to_lowercase()
    }

    pub fn upper(text: &str) -> String {
        text.to_uppercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_and_unicode_change_case() {
        assert_eq!(lower("My-Container_2"), "my-container_2");
        assert_eq!(lower("ÉCOLE Été"), "école été");
        assert_eq!(capitalised("image not found"), "Image not found");
        assert_eq!(capitalised("été chaud"), "Été chaud");
        assert_eq!(capitalised("ß"), "SS");
        assert_eq!(capitalised(""), "");
        assert_eq!(capitalised("1 thing"), "1 thing");
    }
}
