use crate::api::Timestamp;

/// A timestamp in the user's locale and time zone (the browser's `Intl`,
/// not a time zone crate); the raw text when it does not parse.
pub fn local_time(ts: &Option<Timestamp>) -> String {
    match ts {
        Some(Timestamp {
            unix_millis: Some(ms),
            ..
        }) => {
            let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(*ms as f64));
            String::from(date.to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED))
        }
        Some(ts) => ts.raw.clone(),
        None => "—".to_string(),
    }
}
