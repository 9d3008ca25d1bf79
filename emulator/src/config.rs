//! How the emulator is set up: the key it accepts, how long statuses last,
//! the failures to inject, where to keep state, whom CORS lets in.

use crate::store::Delays;
use std::path::PathBuf;

/// Failures to inject, for the console's robustness tests.
#[derive(Clone, Debug, Default)]
pub struct Faults {
    pub latency_ms: u64,
    /// Fraction (0–1) of API requests answered 503.
    pub error_rate: f64,
    /// Requests per second above which the API answers 429 (0: no limit).
    pub rate_limit: u32,
    /// Every Nth API request answers 503 (0: none): a failure a test can count on.
    pub fail_every: u64,
    /// The first N requests for a page's chunks of the console (its own
    /// `split_*.wasm`, its pack `pages_*.bin` or its landing module
    /// `landing_*.wasm`) answer 503: the console's
    /// chunk retries, tested end to end.
    pub fail_page_chunks: u64,
    /// The N requests for a page's chunks after those break off halfway
    /// through the body: a download cut short.
    pub cut_page_chunks: u64,
    /// Only the chunks of this page (`settings`: `split_settings-*.wasm`,
    /// `pages_settings-*.bin`, `landing_settings-*.wasm`) count for the two
    /// above; every page's if none.
    pub faulty_page: Option<String>,
}

/// The key the emulator accepts unless told otherwise: UUID-shaped, as the
/// real API's keys are (the console refuses anything else).
pub const DEFAULT_TOKEN: &str = "5ec4e7c0-0000-4000-8000-000000000001";

#[derive(Clone, Debug)]
pub struct Config {
    pub token: String,
    pub delays: Delays,
    pub faults: Faults,
    pub static_dir: Option<PathBuf>,
    pub state_file: Option<PathBuf>,
    /// CORS for any origin; otherwise loopback origins only.
    pub cors_any_origin: bool,
    /// CNAMEs that `/dns-query` answers (`--dns NAME=TARGET`).
    pub dns: Vec<(String, String)>,
    /// `/dns-query` also answers a CNAME from each custom domain to its
    /// container's endpoint (with the demo data).
    pub demo_dns: bool,
}
