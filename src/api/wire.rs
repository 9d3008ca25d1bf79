//! Wire-format building blocks shared by every resource: lenient enums,
//! durations, timestamps and integers that may arrive as strings.
//!
//! The API grows: an enum value or a field this console does not know must
//! never break decoding, so every enum keeps unknown values as text.

use crate::time::days_from_civil;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Declares a string enum that round-trips its known values and keeps any
/// other value as `Unknown(text)` instead of failing to decode. Its default
/// is the first value, which is the spec's default for every enum of the API.
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $wire:literal),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
            /// A value this console does not know yet, kept as sent.
            Unknown(String),
        }

        impl $name {
            /// Every known value, in the spec's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)+
                    $name::Unknown(s) => s.as_str(),
                }
            }

            pub fn from_wire(s: &str) -> Self {
                match s {
                    $($wire => $name::$variant,)+
                    other => $name::Unknown(other.to_string()),
                }
            }
        }

        impl Default for $name {
            fn default() -> Self {
                $name::ALL[0].clone()
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok($name::from_wire(s))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                // `null` decodes as the empty (unknown) value rather than failing.
                let s: Option<::std::borrow::Cow<'de, str>> =
                    ::serde::Deserialize::deserialize(d)?;
                Ok($name::from_wire(s.as_deref().unwrap_or("")))
            }
        }
    };
}
pub(crate) use wire_enum;

wire_enum! {
    /// The regions the API serves.
    pub enum Region { FrPar = "fr-par", NlAms = "nl-ams", PlWaw = "pl-waw" }
}

wire_enum! {
    /// Lifecycle status shared by namespaces, containers, domains and triggers.
    pub enum Status {
        UnknownStatus = "unknown_status",
        Creating = "creating",
        Updating = "updating",
        Deleting = "deleting",
        Locking = "locking",
        Upgrading = "upgrading",
        Ready = "ready",
        Error = "error",
        Locked = "locked",
    }
}

impl Status {
    /// A transient status changes by itself: whatever shows it must be re-read.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            Status::Creating
                | Status::Updating
                | Status::Deleting
                | Status::Locking
                | Status::Upgrading
        )
    }
}

/// A protobuf duration as the API writes it: `"300s"`, `"2.5s"`, `"300.000000000s"`.
/// Kept in milliseconds, the finest unit the console shows or edits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Duration {
    pub millis: u64,
}

impl Duration {
    pub const fn from_secs(secs: u64) -> Self {
        Duration {
            millis: secs * 1000,
        }
    }

    pub const fn from_millis(millis: u64) -> Self {
        Duration { millis }
    }

    pub fn as_secs_f64(&self) -> f64 {
        self.millis as f64 / 1000.0
    }

    /// Parses `"<seconds>[.<fraction>]s"`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let number = text.trim().strip_suffix('s')?;
        let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
        if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let secs: u64 = whole.parse().ok()?;
        // Milliseconds from the first three fraction digits; finer digits are dropped.
        let mut millis = 0u64;
        for (i, digit) in fraction.bytes().take(3).enumerate() {
            millis += u64::from(digit - b'0') * 10u64.pow(2 - i as u32);
        }
        secs.checked_mul(1000)?
            .checked_add(millis)
            .map(Duration::from_millis)
    }
}

impl fmt::Display for Duration {
    /// The shortest wire form: `"300s"`, `"2.5s"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (secs, millis) = (self.millis / 1000, self.millis % 1000);
        if millis == 0 {
            write!(f, "{secs}s")
        } else {
            let fraction = format!("{millis:03}");
            write!(f, "{secs}.{}s", fraction.trim_end_matches('0'))
        }
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Duration::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("invalid duration {text:?}")))
    }
}

/// An RFC 3339 timestamp, kept as sent (so nothing is lost) with its instant
/// computed once for sorting and relative display.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timestamp {
    pub raw: String,
    /// Milliseconds since the Unix epoch, when `raw` parses.
    pub unix_millis: Option<i64>,
}

impl Timestamp {
    pub fn parse(raw: &str) -> Self {
        Timestamp {
            raw: raw.to_string(),
            unix_millis: parse_rfc3339_millis(raw),
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.raw)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Ok(Timestamp::parse(&raw))
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` to Unix milliseconds.
pub fn parse_rfc3339_millis(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = text.get(range)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 {
        return None;
    }
    if second > 60 {
        return None;
    }
    let mut rest = &text[19..];
    let mut millis = 0i64;
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        for (i, d) in fraction.bytes().take(digits.min(3)).enumerate() {
            millis += i64::from(d - b'0') * 10i64.pow(2 - i as u32);
        }
        rest = &fraction[digits..];
    }
    let offset_minutes = match rest {
        "Z" | "z" => 0,
        _ if rest.len() == 6 && rest.as_bytes()[3] == b':' => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let h: i64 = rest.get(1..3)?.parse().ok()?;
            let m: i64 = rest.get(4..6)?.parse().ok()?;
            sign * (h * 60 + m)
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let secs = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    Some(secs * 1000 + millis)
}

/// Decodes an integer sent as a JSON number, as a decimal string (protobuf's
/// JSON mapping allows both for 64-bit values) or as `null` (the default).
pub fn number_lenient<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + std::str::FromStr + Deserialize<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum NumberOrText<T> {
        Number(T),
        Text(String),
    }
    match Option::<NumberOrText<T>>::deserialize(d)? {
        None => Ok(T::default()),
        Some(NumberOrText::Number(n)) => Ok(n),
        Some(NumberOrText::Text(t)) => t
            .parse()
            .map_err(|_| serde::de::Error::custom(format!("invalid integer {t:?}"))),
    }
}

/// Decodes `null` or an absent value as the type's default (empty map, list, text).
pub fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// Builds the `secret_environment_variables` map of a PATCH.
///
/// The API replaces the whole set: a key omitted is deleted, a key sent as
/// `""` keeps its value, a key with a value is replaced. So every existing key
/// that is neither changed nor removed must be sent as `""`.
pub fn secret_patch<'a>(
    existing_keys: impl IntoIterator<Item = &'a str>,
    changed: &BTreeMap<String, String>,
    removed: &BTreeSet<String>,
) -> BTreeMap<String, String> {
    let mut patch: BTreeMap<String, String> = existing_keys
        .into_iter()
        .filter(|k| !removed.contains(*k))
        .map(|k| (k.to_string(), String::new()))
        .collect();
    for (key, value) in changed {
        if !removed.contains(key) {
            patch.insert(key.clone(), value.clone());
        }
    }
    patch
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_every_form_the_api_sends() {
        assert_eq!(Duration::parse("300s"), Some(Duration::from_secs(300)));
        assert_eq!(Duration::parse("2.5s"), Some(Duration::from_millis(2500)));
        assert_eq!(
            Duration::parse("300.000000000s"),
            Some(Duration::from_secs(300))
        );
        assert_eq!(Duration::parse("0.001s"), Some(Duration::from_millis(1)));
        assert_eq!(
            Duration::parse("1.23456s"),
            Some(Duration::from_millis(1234))
        );
        for bad in ["", "s", "300", "3m", "-1s", "1.s.s", "a.5s", "1.xs"] {
            assert_eq!(Duration::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn durations_print_the_shortest_wire_form() {
        assert_eq!(Duration::from_secs(300).to_string(), "300s");
        assert_eq!(Duration::from_millis(2500).to_string(), "2.5s");
        assert_eq!(Duration::from_millis(10).to_string(), "0.01s");
        assert_eq!(
            serde_json::to_string(&Duration::from_secs(1)).unwrap(),
            "\"1s\""
        );
    }

    #[test]
    fn timestamps_with_and_without_fraction() {
        let with = parse_rfc3339_millis("2026-05-05T14:43:04.719230Z").unwrap();
        let without = parse_rfc3339_millis("2026-05-05T14:43:04Z").unwrap();
        assert_eq!(with - without, 719);
        assert_eq!(parse_rfc3339_millis("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_rfc3339_millis("1970-01-01T02:00:00+02:00"),
            Some(0),
            "offsets are honoured"
        );
        // 2000-03-01 is day 11017 after the epoch (leap year handled).
        assert_eq!(
            parse_rfc3339_millis("2000-03-01T00:00:00Z"),
            Some(11_017 * 86_400_000)
        );
        assert_eq!(parse_rfc3339_millis("yesterday"), None);
        assert_eq!(parse_rfc3339_millis("2026-13-05T14:43:04Z"), None);
        // Unparseable text is kept rather than rejected.
        let ts: Timestamp = serde_json::from_str("\"soon\"").unwrap();
        assert_eq!((ts.raw.as_str(), ts.unix_millis), ("soon", None));
    }

    #[test]
    fn enums_keep_unknown_values_and_accept_null() {
        let s: Status = serde_json::from_str("\"hibernating\"").unwrap();
        assert_eq!(s, Status::Unknown("hibernating".into()));
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"hibernating\"");
        let s: Status = serde_json::from_str("null").unwrap();
        assert_eq!(s, Status::Unknown(String::new()));
        assert!(Status::Creating.is_transient() && !Status::Ready.is_transient());
        assert_eq!(Region::ALL.len(), 3);
    }

    #[test]
    fn numbers_accept_numbers_strings_and_null() {
        #[derive(Deserialize)]
        struct T {
            #[serde(deserialize_with = "number_lenient")]
            n: u64,
        }
        let a: T = serde_json::from_str(r#"{"n":2048000000}"#).unwrap();
        let b: T = serde_json::from_str(r#"{"n":"2048000000"}"#).unwrap();
        let c: T = serde_json::from_str(r#"{"n":null}"#).unwrap();
        assert_eq!((a.n, b.n, c.n), (2_048_000_000, 2_048_000_000, 0));
        assert!(serde_json::from_str::<T>(r#"{"n":"x"}"#).is_err());
    }

    #[test]
    fn secret_patch_keeps_untouched_keys_with_empty_values() {
        let existing = ["A", "B", "C"];
        let changed = BTreeMap::from([
            ("B".to_string(), "new".to_string()),
            ("D".to_string(), "d".to_string()),
        ]);
        let removed = BTreeSet::from(["C".to_string()]);
        let patch = secret_patch(existing, &changed, &removed);
        assert_eq!(
            serde_json::to_string(&patch).unwrap(),
            r#"{"A":"","B":"new","D":"d"}"#
        );
        // Nothing touched: every key is kept, none is lost.
        let patch = secret_patch(existing, &BTreeMap::new(), &BTreeSet::new());
        assert_eq!(patch.len(), 3);
        assert!(patch.values().all(String::is_empty));
    }
}
