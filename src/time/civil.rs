//! The civil calendar and time zones, pure: dates from and to day counts,
//! the wall time a zone's clock shows, and the instant a wall time names.
//! Zones come from the browser (`browser.rs`) or, in tests, from fixed rules.

pub const MINUTE_MS: i64 = 60_000;
pub const DAY_MS: i64 = 86_400_000;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A civil date and time, as the clock of a time zone shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WallTime {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

/// Year, month, day of a count of days since 1970-01-01 (Howard Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

impl WallTime {
    /// The wall time of a count of milliseconds "as if UTC".
    pub fn from_naive_ms(ms: i64) -> Self {
        let days = ms.div_euclid(DAY_MS);
        let rest = ms.rem_euclid(DAY_MS) / MINUTE_MS;
        let (year, month, day) = civil_from_days(days);
        WallTime {
            year,
            month,
            day,
            hour: (rest / 60) as u32,
            minute: (rest % 60) as u32,
        }
    }

    pub fn to_naive_ms(self) -> i64 {
        days_from_civil(self.year, i64::from(self.month), i64::from(self.day)) * DAY_MS
            + i64::from(self.hour * 60 + self.minute) * MINUTE_MS
    }

    /// 0 is Sunday.
    pub fn weekday(self) -> u32 {
        (days_from_civil(self.year, i64::from(self.month), i64::from(self.day)) + 4).rem_euclid(7)
            as u32
    }
}

/// A time zone: its offset from UTC at an instant (the browser answers this
/// through `Intl`; tests use fixed rules).
pub trait Zone {
    /// Minutes to add to UTC to read the zone's clock at `utc_ms`.
    fn offset_minutes(&self, utc_ms: i64) -> i64;
}

/// UTC itself.
pub struct Utc;

impl Zone for Utc {
    fn offset_minutes(&self, _: i64) -> i64 {
        0
    }
}

/// The instant a wall time names in `zone`: the first one when the clock
/// shows it twice (autumn), none when the clock skips it (spring).
pub fn instant_of(local_ms: i64, zone: &impl Zone) -> Option<i64> {
    // The offsets a day either side cover both sides of a change.
    let mut candidates = [
        local_ms - zone.offset_minutes(local_ms - DAY_MS) * MINUTE_MS,
        local_ms - zone.offset_minutes(local_ms + DAY_MS) * MINUTE_MS,
    ];
    candidates.sort_unstable();
    candidates
        .into_iter()
        .find(|utc| utc + zone.offset_minutes(*utc) * MINUTE_MS == local_ms)
}
