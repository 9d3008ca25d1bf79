//! What serving the console takes, written once for the two servers that do
//! it: the emulator (`--static`) and the live proxy (`serve`).

mod static_files;

pub use static_files::{console, content_security_policy, is_hashed_asset, names_a_file};

/// The largest API request body either server takes (a secret is at most
/// 64 KiB; the real API's limits are far below this).
pub const MAX_BODY_BYTES: usize = 1 << 20;
