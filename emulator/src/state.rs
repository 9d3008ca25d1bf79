//! The emulator's shared state: its configuration, the store behind one
//! lock, the clock statuses are derived from, and the state file.

use crate::clock::Clock;
use crate::config::Config;
use crate::store::Store;
use std::sync::{Arc, Mutex};

pub struct AppState {
    pub config: Config,
    pub store: Mutex<Store>,
    pub clock: Clock,
    /// (second, requests in it) for the rate limit.
    pub(crate) window: Mutex<(u64, u32)>,
    /// API requests so far, for `fail_every`.
    pub(crate) requests: std::sync::atomic::AtomicU64,
    /// Requests for page chunks so far, for `fail_page_chunks`.
    pub(crate) page_chunk_requests: std::sync::atomic::AtomicU64,
}

pub type Shared = Arc<AppState>;

impl AppState {
    /// On the system's clock.
    pub fn new(config: Config, store: Store) -> Shared {
        AppState::with_clock(config, store, Clock::system())
    }

    pub fn with_clock(config: Config, store: Store, clock: Clock) -> Shared {
        Arc::new(AppState {
            config,
            store: Mutex::new(store),
            clock,
            window: Mutex::new((0, 0)),
            requests: Default::default(),
            page_chunk_requests: Default::default(),
        })
    }

    /// Writes the state file, through a temporary file and a rename, so the
    /// previous file stays whole when anything fails.
    pub fn persist(&self, store: &Store) -> std::io::Result<()> {
        let Some(path) = &self.config.state_file else {
            return Ok(());
        };
        let tmp = path.with_extension("tmp");
        let result = (|| -> std::io::Result<()> {
            let json = serde_json::to_vec(store).map_err(std::io::Error::other)?;
            {
                use std::io::Write;
                let mut f = std::fs::File::create(&tmp)?;
                f.write_all(&json)?;
                f.sync_all()?;
            }
            std::fs::rename(&tmp, path)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }
}

/// Reads a state file written by `persist`; an absent file is an empty store.
pub fn load_state(path: &std::path::Path) -> std::io::Result<Store> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(std::io::Error::other),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Store::default()),
        Err(e) => Err(e),
    }
}
