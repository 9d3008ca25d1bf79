//! Trigger pages: list, detail, and one form for create and edit, with the
//! source oneof (cron, SQS, NATS) and a live reading of cron schedules.

mod cron_fields;
mod detail;
mod form;
mod list;

pub use cron_fields::cron_preview;
pub use detail::TriggerDetail;
pub use form::{TriggerCreate, TriggerEdit};
pub use list::{TriggerList, TriggerTable};
