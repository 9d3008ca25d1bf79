//! The time statuses are derived from. The command runs on the system's
//! clock; tests hold a manual one and move it, instead of sleeping.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// `None`: the system's time; `Some`: a time moved by hand (milliseconds since the epoch).
    manual: Option<Arc<AtomicU64>>,
}

impl Clock {
    pub fn system() -> Clock {
        Clock { manual: None }
    }

    /// A clock that stands still at the system's present time until moved.
    pub fn manual() -> Clock {
        Clock {
            manual: Some(Arc::new(AtomicU64::new(system_ms()))),
        }
    }

    pub fn now_ms(&self) -> u64 {
        match &self.manual {
            Some(ms) => ms.load(Ordering::SeqCst),
            None => system_ms(),
        }
    }

    /// Moves a manual clock forward; the system's cannot be moved.
    pub fn advance(&self, ms: u64) {
        let manual = self
            .manual
            .as_ref()
            .expect("only a manual clock can be moved");
        manual.fetch_add(ms, Ordering::SeqCst);
    }
}

fn system_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manual_clock_moves_only_when_told() {
        let clock = Clock::manual();
        let start = clock.now_ms();
        std::thread::sleep(std::time::Duration::from_millis(5));
        assert_eq!(clock.now_ms(), start);
        clock.clone().advance(1500);
        assert_eq!(clock.now_ms(), start + 1500, "clones share the time");
    }
}
