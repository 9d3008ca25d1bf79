//! Times and time zones from the browser (`Intl`), not from a time zone
//! crate: the browser already carries the IANA database, the wasm need not.

use super::civil::{WallTime, Zone};
use crate::api::Timestamp;
use js_sys::{Array, Date, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// A timestamp in the user's locale and time zone; the raw text when it does not parse.
pub fn local_time(ts: &Option<Timestamp>) -> String {
    match ts {
        Some(Timestamp {
            unix_millis: Some(ms),
            ..
        }) => String::from(
            Date::new(&JsValue::from_f64(*ms as f64))
                .to_locale_string("default", &JsValue::UNDEFINED),
        ),
        Some(ts) => ts.raw.clone(),
        None => "—".to_string(),
    }
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object
}

/// The user's own time zone (`Europe/Paris`), or `UTC` if the browser does not say.
pub fn user_time_zone() -> String {
    let format = Intl::DateTimeFormat::new(&Array::new(), &Object::new());
    Reflect::get(&format.resolved_options(), &"timeZone".into())
        .ok()
        .and_then(|z| z.as_string())
        .unwrap_or_else(|| "UTC".to_string())
}

/// Every IANA time zone the browser knows, sorted as it gives them.
pub fn time_zones() -> Vec<String> {
    Intl::supported_values_of(Intl::SupportedValuesKey::TimeZone)
        .iter()
        .map(String::from)
        .collect()
}

/// `new Intl.DateTimeFormat(locale, options)`, or `None` when it throws
/// (an unknown time zone).
fn date_time_format(locale: &str, options: &Object) -> Option<Intl::DateTimeFormat> {
    let constructor = Reflect::get(
        &Reflect::get(&js_sys::global(), &"Intl".into()).ok()?,
        &"DateTimeFormat".into(),
    )
    .ok()?
    .dyn_into::<js_sys::Function>()
    .ok()?;
    let args = Array::of2(&locale.into(), options);
    Reflect::construct(&constructor, &args)
        .ok()
        .map(JsCast::unchecked_into)
}

/// A named time zone as the browser keeps it: offsets at any instant,
/// daylight saving included.
pub struct BrowserZone {
    name: String,
    clock: Intl::DateTimeFormat,
}

impl BrowserZone {
    /// `None` when the browser does not know `name`.
    pub fn new(name: &str) -> Option<Self> {
        let clock = date_time_format(
            "en-US",
            &options(&[
                ("timeZone", name),
                ("hourCycle", "h23"),
                ("year", "numeric"),
                ("month", "numeric"),
                ("day", "numeric"),
                ("hour", "numeric"),
                ("minute", "numeric"),
            ]),
        )?;
        Some(BrowserZone {
            name: name.to_string(),
            clock,
        })
    }

    /// `Fri, 27 Nov 2026, 09:00 CET`, in this zone and the user's locale.
    pub fn format(&self, utc_ms: i64) -> String {
        let opts = options(&[
            ("timeZone", &self.name),
            ("weekday", "short"),
            ("year", "numeric"),
            ("month", "short"),
            ("day", "numeric"),
            ("hour", "2-digit"),
            ("minute", "2-digit"),
            ("timeZoneName", "short"),
        ]);
        String::from(
            Date::new(&JsValue::from_f64(utc_ms as f64)).to_locale_string("default", &opts),
        )
    }
}

impl Zone for BrowserZone {
    fn offset_minutes(&self, utc_ms: i64) -> i64 {
        let utc_minute = utc_ms.div_euclid(60_000) * 60_000;
        let parts = self
            .clock
            .format_to_parts(&Date::new(&JsValue::from_f64(utc_minute as f64)));
        let mut wall = WallTime {
            year: 1970,
            month: 1,
            day: 1,
            hour: 0,
            minute: 0,
        };
        for part in parts.iter() {
            let get = |key: &str| {
                Reflect::get(&part, &key.into())
                    .ok()
                    .and_then(|v| v.as_string())
            };
            let (Some(kind), Some(value)) = (get("type"), get("value")) else {
                continue;
            };
            let n: i64 = value.parse().unwrap_or(0);
            match kind.as_str() {
                "year" => wall.year = n,
                "month" => wall.month = n as u32,
                "day" => wall.day = n as u32,
                "hour" => wall.hour = (n % 24) as u32,
                "minute" => wall.minute = n as u32,
                _ => {}
            }
        }
        (wall.to_naive_ms() - utc_minute) / 60_000
    }
}
