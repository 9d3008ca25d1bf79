//! Five-field UNIX cron schedules, as a cron trigger takes them: parsing
//! with a message in words, a plain-language reading, and the next run
//! times in a time zone.
//!
//! Written here rather than taken from a crate: `croner` pulls in chrono
//! (and a time zone database would cost hundreds of KB of wasm), and
//! `saffron` accepts a wider syntax than the API does. Time zones come from
//! the browser (`Intl`) through the [`Zone`] trait (`crate::time`), so
//! this stays pure.
//!
//! Syntax: `minute hour day-of-month month day-of-week`; each field is a
//! list (`,`) of `*`, a value or a range `a-b`, each optionally stepped
//! (`*/15`, `1-30/2`, `5/10` meaning from 5 on). Months take `JAN`–`DEC`,
//! days of the week `SUN`–`SAT` (0 and 7 are both Sunday). As in Vixie
//! cron, when both day fields are restricted (neither starts with `*`) a day
//! matches if either does.

use crate::time::{civil_from_days, instant_of, WallTime, Zone, DAY_MS, MINUTE_MS};

/// One field's accepted values, as a bit set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Field {
    bits: u64,
    /// The field started with `*` (it does not restrict, for the day rule).
    star: bool,
}

impl Field {
    fn has(&self, v: u32) -> bool {
        self.bits & (1 << v) != 0
    }

    fn values(&self, min: u32, max: u32) -> Vec<u32> {
        (min..=max).filter(|v| self.has(*v)).collect()
    }
}

struct Spec {
    name: &'static str,
    min: u32,
    max: u32,
    names: &'static [&'static str],
}

const SPECS: [Spec; 5] = [
    Spec {
        name: "minute",
        min: 0,
        max: 59,
        names: &[],
    },
    Spec {
        name: "hour",
        min: 0,
        max: 23,
        names: &[],
    },
    Spec {
        name: "day of the month",
        min: 1,
        max: 31,
        names: &[],
    },
    Spec {
        name: "month",
        min: 1,
        max: 12,
        names: &[
            "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
        ],
    },
    Spec {
        name: "day of the week",
        min: 0,
        max: 7,
        names: &["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"],
    },
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// A parsed schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    minute: Field,
    hour: Field,
    day: Field,
    month: Field,
    weekday: Field,
    /// The fields as written, for the reading.
    text: [String; 5],
}

fn parse_value(text: &str, spec: &Spec) -> Result<u32, String> {
    let upper = text.to_ascii_uppercase();
    if let Some(i) = spec.names.iter().position(|n| *n == upper) {
        // JAN is 1 (months start at 1), SUN is 0 (weekdays start at 0).
        return Ok(i as u32 + spec.min);
    }
    let value: u32 = text.parse().map_err(|_| {
        if spec.names.is_empty() {
            format!("The {} must be a number, not “{text}”.", spec.name)
        } else {
            format!(
                "The {} must be a number or a name such as {}, not “{text}”.",
                spec.name, spec.names[0]
            )
        }
    })?;
    if value < spec.min || value > spec.max {
        return Err(format!(
            "The {} goes from {} to {}; {value} is out of range.",
            spec.name, spec.min, spec.max
        ));
    }
    Ok(value)
}

fn parse_field(text: &str, spec: &Spec) -> Result<Field, String> {
    let mut bits = 0u64;
    for item in text.split(',') {
        if item.is_empty() {
            return Err(format!("The {} has an empty item in its list.", spec.name));
        }
        let (base, step) = match item.split_once('/') {
            Some((base, step)) => {
                let step: u32 = step.parse().map_err(|_| {
                    format!("The step after / in the {} must be a number.", spec.name)
                })?;
                if step == 0 || step > spec.max {
                    return Err(format!(
                        "The step of the {} must be from 1 to {}.",
                        spec.name, spec.max
                    ));
                }
                (base, Some(step))
            }
            None => (item, None),
        };
        let (low, high) = if base == "*" {
            (spec.min, spec.max)
        } else if let Some((a, b)) = base.split_once('-') {
            let (a, b) = (parse_value(a, spec)?, parse_value(b, spec)?);
            if a > b {
                return Err(format!(
                    "The range {base} of the {} goes backwards.",
                    spec.name
                ));
            }
            (a, b)
        } else {
            let v = parse_value(base, spec)?;
            // `5/10` runs from 5 to the end, stepping.
            (v, if step.is_some() { spec.max } else { v })
        };
        let step = step.unwrap_or(1);
        let mut v = low;
        while v <= high {
            bits |= 1 << v;
            v += step;
        }
    }
    Ok(Field {
        bits,
        star: text.starts_with('*'),
    })
}

/// Why `text` is not a schedule, or the schedule.
pub fn parse(text: &str) -> Result<Schedule, String> {
    let fields: Vec<&str> = text.split_whitespace().collect();
    if text.trim().is_empty() {
        return Err("Give a schedule, e.g. 0 9 * * 1-5 (09:00 on weekdays).".into());
    }
    if text.trim_start().starts_with('@') {
        return Err("Write the schedule as five fields: @daily is 0 0 * * *.".into());
    }
    if fields.len() != 5 {
        return Err(format!(
            "A schedule has five fields (minute hour day month weekday); this one has {}.",
            fields.len()
        ));
    }
    let mut parsed = Vec::with_capacity(5);
    for (field, spec) in fields.iter().zip(&SPECS) {
        parsed.push(parse_field(field, spec)?);
    }
    let mut weekday = parsed[4];
    // 7 is Sunday too.
    if weekday.has(7) {
        weekday.bits = (weekday.bits | 1) & !(1 << 7);
    }
    Ok(Schedule {
        minute: parsed[0],
        hour: parsed[1],
        day: parsed[2],
        month: parsed[3],
        weekday,
        text: fields
            .iter()
            .map(|f| f.to_string())
            .collect::<Vec<_>>()
            .try_into()
            .expect("five fields"),
    })
}

/// How far ahead the next runs are looked for: enough for 29 February.
const SEARCH_DAYS: i64 = 366 * 9;

impl Schedule {
    fn day_matches(&self, t: WallTime) -> bool {
        if !self.month.has(t.month) {
            return false;
        }
        let (dom, dow) = (self.day.has(t.day), self.weekday.has(t.weekday()));
        // Vixie's rule: a field led by `*` joins with AND (`*` itself then
        // changes nothing); two restricted fields join with OR.
        if self.day.star || self.weekday.star {
            dom && dow
        } else {
            dom || dow
        }
    }

    /// Whether the schedule fires at this wall time.
    pub fn matches(&self, t: WallTime) -> bool {
        self.minute.has(t.minute) && self.hour.has(t.hour) && self.day_matches(t)
    }

    /// The next `count` runs strictly after `after_utc_ms`, as UTC instants.
    pub fn next_runs(&self, after_utc_ms: i64, zone: &impl Zone, count: usize) -> Vec<i64> {
        let mut runs = Vec::with_capacity(count);
        let local_start = after_utc_ms + zone.offset_minutes(after_utc_ms) * MINUTE_MS;
        // From the day before: the clock may show an earlier day than the offset guessed.
        let first_day = local_start.div_euclid(DAY_MS) - 1;
        let hours = self.hour.values(0, 23);
        let minutes = self.minute.values(0, 59);
        for day in first_day..first_day + SEARCH_DAYS {
            let (year, month, d) = civil_from_days(day);
            let date = WallTime {
                year,
                month,
                day: d,
                hour: 0,
                minute: 0,
            };
            if !self.day_matches(date) {
                continue;
            }
            for &hour in &hours {
                for &minute in &minutes {
                    let local = WallTime {
                        hour,
                        minute,
                        ..date
                    }
                    .to_naive_ms();
                    if let Some(utc) = instant_of(local, zone).filter(|u| *u > after_utc_ms) {
                        runs.push(utc);
                        if runs.len() == count {
                            return runs;
                        }
                    }
                }
            }
        }
        runs
    }

    /// The schedule in plain words: "At 04:05, on day 1 of the month."
    pub fn describe(&self) -> String {
        let mut sentence = self.describe_time();
        let days = self.describe_days();
        if !days.is_empty() {
            sentence.push_str(", ");
            sentence.push_str(&days);
        }
        if !self.month.star || self.month.bits != full(1, 12) {
            sentence.push_str(", in ");
            sentence.push_str(&self.describe_set(3));
        }
        sentence.push('.');
        sentence
    }

    fn describe_time(&self) -> String {
        let minutes = self.minute.values(0, 59);
        let hours = self.hour.values(0, 23);
        let every_hour = hours.len() == 24;
        match (minutes.as_slice(), every_hour) {
            (m, true) if m.len() == 60 => "Every minute".into(),
            (_, true) if step_of(&self.text[0]).is_some() && self.text[0].starts_with('*') => {
                format!("Every {} minutes", step_of(&self.text[0]).unwrap_or(1))
            }
            ([m], true) => format!("At minute {m} of every hour"),
            ([m], false) if hours.len() <= 6 => {
                let times: Vec<String> = hours.iter().map(|h| format!("{h:02}:{m:02}")).collect();
                format!("At {}", join_words(&times))
            }
            (m, false) if m.len() <= 4 && hours.len() == 1 => {
                let times: Vec<String> = m
                    .iter()
                    .map(|m| format!("{:02}:{m:02}", hours[0]))
                    .collect();
                format!("At {}", join_words(&times))
            }
            (m, true) => format!("At minutes {} of every hour", describe_numbers(m)),
            _ => {
                let minute_text = if minutes.len() == 60 {
                    "Every minute".to_string()
                } else if let Some(step) = step_of(&self.text[0]).filter(|_| self.minute.star) {
                    format!("Every {step} minutes")
                } else if let [m] = minutes.as_slice() {
                    format!("At minute {m}")
                } else {
                    format!("At minutes {}", describe_numbers(&minutes))
                };
                let hour_text = match step_of(&self.text[1]).filter(|_| self.hour.star) {
                    Some(step) => format!("every {step} hours"),
                    None => format!("hours {}", describe_numbers(&hours)),
                };
                format!("{minute_text} past {hour_text}")
            }
        }
    }

    fn describe_days(&self) -> String {
        let dom = !self.day.star || self.day.bits != full(1, 31);
        let dow = !self.weekday.star || self.weekday.bits != full(0, 6);
        let dom_text = || {
            let days = self.day.values(1, 31);
            match step_of(&self.text[2]).filter(|_| self.day.star) {
                Some(step) => format!("every {step} days of the month"),
                None if days.len() == 1 => format!("on day {} of the month", days[0]),
                None => format!("on days {} of the month", describe_numbers(&days)),
            }
        };
        let dow_text = || format!("on {}", self.describe_set(4));
        match (dom, dow) {
            (false, false) => "every day".into(),
            (true, false) => dom_text(),
            (false, true) => dow_text(),
            // Vixie's rule: both restricted means either; a `*`-led one still narrows.
            (true, true) if !self.day.star && !self.weekday.star => {
                format!("{} or {}", dom_text(), dow_text())
            }
            (true, true) => format!(
                "{} if it is {}",
                dom_text(),
                dow_text().trim_start_matches("on ")
            ),
        }
    }

    /// Months (field 3) or weekdays (field 4) by name, with runs as ranges.
    fn describe_set(&self, field: usize) -> String {
        let (values, names): (Vec<u32>, Vec<&str>) = if field == 3 {
            (self.month.values(1, 12), MONTHS.to_vec())
        } else {
            (self.weekday.values(0, 6), WEEKDAYS.to_vec())
        };
        let offset = if field == 3 { 1 } else { 0 };
        let parts: Vec<String> = runs(&values)
            .into_iter()
            .map(|(a, b)| {
                let (a, b) = (names[(a - offset) as usize], names[(b - offset) as usize]);
                if a == b {
                    a.to_string()
                } else {
                    format!("{a} through {b}")
                }
            })
            .collect();
        join_words(&parts)
    }
}

fn full(min: u32, max: u32) -> u64 {
    (min..=max).fold(0, |bits, v| bits | 1 << v)
}

/// The step of a field written `*/n` (or `a-b/n`).
fn step_of(field: &str) -> Option<u32> {
    if field.contains(',') {
        return None;
    }
    field.split_once('/').and_then(|(_, s)| s.parse().ok())
}

/// Consecutive values as (first, last) runs.
fn runs(values: &[u32]) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    for &v in values {
        match out.last_mut() {
            Some((_, last)) if *last + 1 == v => *last = v,
            _ => out.push((v, v)),
        }
    }
    out
}

/// `1, 3 and 5–9`.
fn describe_numbers(values: &[u32]) -> String {
    let parts: Vec<String> = runs(values)
        .into_iter()
        .map(|(a, b)| match b - a {
            0 => a.to_string(),
            1 => format!("{a}, {b}"),
            _ => format!("{a}–{b}"),
        })
        .collect();
    join_words(&parts)
}

/// `a`, `a and b`, `a, b and c`.
fn join_words(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{days_from_civil, Utc};

    /// Europe/Paris by its rules since 1996: UTC+1, and UTC+2 from the last
    /// Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC.
    pub(super) struct Paris;

    fn last_sunday_utc_1am(year: i64, month: u32) -> i64 {
        let last = WallTime {
            year,
            month,
            day: 31,
            hour: 1,
            minute: 0,
        };
        let back = i64::from(last.weekday());
        last.to_naive_ms() - back * DAY_MS
    }

    impl Zone for Paris {
        fn offset_minutes(&self, utc_ms: i64) -> i64 {
            let year = WallTime::from_naive_ms(utc_ms).year;
            let summer = last_sunday_utc_1am(year, 3)..last_sunday_utc_1am(year, 10);
            if summer.contains(&utc_ms) {
                120
            } else {
                60
            }
        }
    }

    fn utc(y: i64, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
        WallTime {
            year: y,
            month: mo,
            day: d,
            hour: h,
            minute: mi,
        }
        .to_naive_ms()
    }

    fn wall(ms: i64) -> String {
        let t = WallTime::from_naive_ms(ms);
        format!(
            "{}-{:02}-{:02} {:02}:{:02}",
            t.year, t.month, t.day, t.hour, t.minute
        )
    }

    fn next(schedule: &str, from: i64, n: usize) -> Vec<String> {
        parse(schedule)
            .unwrap()
            .next_runs(from, &Utc, n)
            .into_iter()
            .map(wall)
            .collect()
    }

    #[test]
    fn civil_dates_round_trip() {
        for days in [-800_000, -1, 0, 1, 11_017, 20_000, 2_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, i64::from(m), i64::from(d)), days);
        }
        // 2026-11-27 is a Friday.
        assert_eq!(
            WallTime::from_naive_ms(utc(2026, 11, 27, 0, 0)).weekday(),
            5
        );
    }

    #[test]
    fn lists_ranges_steps_and_names() {
        let start = utc(2026, 11, 27, 10, 7); // a Friday
        assert_eq!(
            next("*/15 * * * *", start, 3),
            ["2026-11-27 10:15", "2026-11-27 10:30", "2026-11-27 10:45"]
        );
        assert_eq!(
            next("0,30 9-10 * * *", start, 3),
            ["2026-11-27 10:30", "2026-11-28 09:00", "2026-11-28 09:30"]
        );
        assert_eq!(
            next("0 9 * * MON-fri", start, 2),
            ["2026-11-30 09:00", "2026-12-01 09:00"],
            "names, any case; the weekend is skipped"
        );
        assert_eq!(
            next("5 4 1 jan,Jul *", start, 2),
            ["2027-01-01 04:05", "2027-07-01 04:05"]
        );
        assert_eq!(
            next("10/20 0 1 1 *", start, 3),
            ["2027-01-01 00:10", "2027-01-01 00:30", "2027-01-01 00:50"],
            "a value with a step runs to the end of the field"
        );
        assert_eq!(
            next("0 0 * * 7", start, 1),
            ["2026-11-29 00:00"],
            "7 is Sunday"
        );
        assert_eq!(
            next("0 0 29 2 *", start, 2),
            ["2028-02-29 00:00", "2032-02-29 00:00"]
        );
        assert_eq!(
            next("1-10/3 * * * *", utc(2026, 1, 1, 0, 0), 4),
            [
                "2026-01-01 00:01",
                "2026-01-01 00:04",
                "2026-01-01 00:07",
                "2026-01-01 00:10"
            ]
        );
    }

    #[test]
    fn day_of_month_against_day_of_week() {
        let start = utc(2026, 11, 27, 12, 0); // Friday 27 November
                                              // Both restricted: either matches (the 1st, or any Monday).
        assert_eq!(
            next("0 0 1 * 1", start, 3),
            ["2026-11-30 00:00", "2026-12-01 00:00", "2026-12-07 00:00"]
        );
        // Day of the week `*`: only the 1st.
        assert_eq!(
            next("0 0 1 * *", start, 2),
            ["2026-12-01 00:00", "2027-01-01 00:00"]
        );
        // Day of the month `*`: only Mondays.
        assert_eq!(
            next("0 0 * * 1", start, 2),
            ["2026-11-30 00:00", "2026-12-07 00:00"]
        );
        // `*/2` starts with a star: it narrows, with AND (Vixie's rule).
        assert_eq!(
            next("0 0 */2 * 1", start, 2),
            ["2026-12-07 00:00", "2026-12-21 00:00"]
        );
    }

    #[test]
    fn daylight_saving_changes_in_paris() {
        // 2026: summer time from 29 March 01:00 UTC, winter time from 25 October 01:00 UTC.
        let local = |runs: Vec<i64>| -> Vec<String> {
            runs.into_iter()
                .map(|u| wall(u + Paris.offset_minutes(u) * MINUTE_MS))
                .collect()
        };
        let s = parse("30 2 * * *").unwrap();
        // 02:30 does not exist on 29 March (02:00 → 03:00): that day has no run.
        let runs = s.next_runs(utc(2026, 3, 27, 12, 0), &Paris, 3);
        assert_eq!(
            local(runs.clone()),
            ["2026-03-28 02:30", "2026-03-30 02:30", "2026-03-31 02:30"]
        );
        assert_eq!(wall(runs[0]), "2026-03-28 01:30", "UTC+1 before");
        assert_eq!(wall(runs[1]), "2026-03-30 00:30", "UTC+2 after");
        // 02:30 happens twice on 25 October (03:00 → 02:00): it runs once, the first time.
        let runs = s.next_runs(utc(2026, 10, 24, 12, 0), &Paris, 2);
        assert_eq!(
            local(runs.clone()),
            ["2026-10-25 02:30", "2026-10-26 02:30"]
        );
        assert_eq!(wall(runs[0]), "2026-10-25 00:30", "the summer-time 02:30");
        // Hourly through the autumn change: every local hour once, in order.
        let hourly = parse("0 * * * *").unwrap();
        let runs = hourly.next_runs(utc(2026, 10, 24, 23, 30), &Paris, 5);
        assert!(runs.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(
            local(runs),
            [
                "2026-10-25 02:00",
                "2026-10-25 03:00",
                "2026-10-25 04:00",
                "2026-10-25 05:00",
                "2026-10-25 06:00"
            ]
        );
    }

    #[test]
    fn mistakes_are_explained() {
        for (text, why) in [
            ("", "Give a schedule"),
            ("* * * *", "five fields"),
            ("* * * * * *", "this one has 6"),
            ("@daily", "@daily is 0 0 * * *"),
            ("60 * * * *", "minute goes from 0 to 59"),
            ("* 24 * * *", "hour goes from 0 to 23"),
            ("* * 0 * *", "day of the month goes from 1 to 31"),
            ("* * * 13 *", "month goes from 1 to 12"),
            ("* * * * 8", "day of the week goes from 0 to 7"),
            ("* * * FOO *", "name such as JAN"),
            ("5-1 * * * *", "goes backwards"),
            ("*/0 * * * *", "step"),
            ("a * * * *", "must be a number"),
            ("1,,2 * * * *", "empty item"),
            ("? * * * *", "must be a number"),
            ("* * L * *", "must be a number"),
        ] {
            let err = parse(text).expect_err(text);
            assert!(err.contains(why), "{text:?}: {err}");
        }
    }

    #[test]
    fn readings_in_plain_words() {
        for (text, reading) in [
            ("* * * * *", "Every minute, every day."),
            ("*/15 * * * *", "Every 15 minutes, every day."),
            ("0 * * * *", "At minute 0 of every hour, every day."),
            ("5 4 1 * *", "At 04:05, on day 1 of the month."),
            ("0 0 * * *", "At 00:00, every day."),
            ("0 9 * * 1-5", "At 09:00, on Monday through Friday."),
            (
                "0 9,18 * * SAT,SUN",
                "At 09:00 and 18:00, on Sunday and Saturday.",
            ),
            ("0 0 1 * 1", "At 00:00, on day 1 of the month or on Monday."),
            (
                "30 6 * JAN,JUL *",
                "At 06:30, every day, in January and July.",
            ),
            ("0 */2 * * *", "At minute 0 past every 2 hours, every day."),
            ("0 12 1,15 * *", "At 12:00, on days 1 and 15 of the month."),
            ("0 0 * 3-5 *", "At 00:00, every day, in March through May."),
        ] {
            assert_eq!(parse(text).unwrap().describe(), reading, "{text}");
        }
    }
}

/// Property tests: the next runs are exactly the matching minutes, in any
/// zone; the parser never panics. Host only (proptest is not built for wasm).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::tests::Paris;
    use super::*;
    use crate::time::Utc;
    use proptest::prelude::*;

    /// One field item of a random shape within `min..=max`.
    fn item(min: u32, max: u32) -> impl Strategy<Value = String> {
        prop_oneof![
            Just("*".to_string()),
            (min..=max).prop_map(|v| v.to_string()),
            (min..=max, min..=max).prop_map(|(a, b)| format!("{}-{}", a.min(b), a.max(b))),
            (1..=max.max(1)).prop_map(|s| format!("*/{s}")),
            (min..=max, 1..=max.max(1)).prop_map(|(a, s)| format!("{a}/{s}")),
        ]
    }

    fn field(min: u32, max: u32) -> impl Strategy<Value = String> {
        prop::collection::vec(item(min, max), 1..=3).prop_map(|items| items.join(","))
    }

    fn schedule() -> impl Strategy<Value = String> {
        (
            field(0, 59),
            field(0, 23),
            field(1, 28),
            field(1, 12),
            field(0, 7),
        )
            .prop_map(|(a, b, c, d, e)| format!("{a} {b} {c} {d} {e}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        #[test]
        fn the_next_run_is_the_first_matching_minute(text in schedule(), start_min in 0i64..(30 * 525_600)) {
            let s = parse(&text).unwrap();
            // Some minute in 2020–2050.
            let start = utc_2020() + start_min * MINUTE_MS;
            let runs = s.next_runs(start, &Utc, 3);
            prop_assert!(!runs.is_empty(), "{text} never runs");
            prop_assert!(runs.windows(2).all(|w| w[0] < w[1]));
            for r in &runs {
                prop_assert!(s.matches(WallTime::from_naive_ms(*r)));
                prop_assert_eq!(r % MINUTE_MS, 0);
            }
            // No matching minute is skipped before the first run (checked over a bounded span).
            let horizon = runs[0].min(start + 3 * DAY_MS);
            let mut t = (start / MINUTE_MS + 1) * MINUTE_MS;
            while t < horizon {
                prop_assert!(!s.matches(WallTime::from_naive_ms(t)), "{text}: {t} skipped");
                t += MINUTE_MS;
            }
        }

        #[test]
        fn runs_in_a_zone_with_summer_time_match_its_clock(text in schedule(), start_min in 0i64..(30 * 525_600)) {
            let s = parse(&text).unwrap();
            let start = utc_2020() + start_min * MINUTE_MS;
            let runs = s.next_runs(start, &Paris, 5);
            prop_assert!(runs.windows(2).all(|w| w[0] < w[1]));
            for r in runs {
                prop_assert!(r > start);
                let local = r + Paris.offset_minutes(r) * MINUTE_MS;
                prop_assert!(s.matches(WallTime::from_naive_ms(local)));
            }
        }

        #[test]
        fn the_parser_never_panics(text in "[0-9*/,\\- A-Za-z?#@]{0,40}") {
            let _ = parse(&text).map(|s| s.describe());
        }
    }

    fn utc_2020() -> i64 {
        WallTime {
            year: 2020,
            month: 1,
            day: 1,
            hour: 0,
            minute: 0,
        }
        .to_naive_ms()
    }
}
