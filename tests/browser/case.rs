//! The browser's case changes (what `console::case` uses for text that is
//! not ASCII) agree with Rust's own, which the host tests use.

use console::case::{capitalised, lower};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn non_ascii_text_changes_case_as_in_rust() {
    for text in [
        "ÉCOLE Été",
        "ΣΟΦΙΑ",
        "İstanbul",
        "Straße",
        "ǅemal",
        "plain-ascii",
    ] {
        assert_eq!(lower(text), text.to_lowercase(), "{text}");
    }
    for text in ["été chaud", "ßtraße", "ǆ", "ωmega", "image"] {
        let mut chars = text.chars();
        let first = chars.next().unwrap();
        let rust: String = first.to_uppercase().chain(chars).collect();
        assert_eq!(capitalised(text), rust, "{text}");
    }
}
