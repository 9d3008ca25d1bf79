//! Time: the civil calendar and zones (pure, host-tested), and what the
//! browser knows of them (`Intl`: the user's zone, every IANA zone, local times).

mod browser;
mod civil;

pub use browser::{local_time, time_zones, user_time_zone, BrowserZone};
pub use civil::{
    civil_from_days, days_from_civil, instant_of, Utc, WallTime, Zone, DAY_MS, MINUTE_MS,
};
