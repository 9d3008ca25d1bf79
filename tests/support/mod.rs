//! Host-side helpers for tests that drive the built console in headless
//! Chromium, split by what they drive: the browser (`browser`), the
//! workspace's servers (`server`), and the accessibility check (`axe`).
// Each test target uses part of it.
#![allow(dead_code, unused_imports)]

mod axe;
mod browser;
mod server;

pub use browser::Browser;
pub use server::{Emulator, Server};

use std::net::TcpListener;
use std::path::{Path, PathBuf};

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The ID in a detail page's path (`/triggers/{id}?region=…`), if `url` is one.
pub fn id_from_url(url: &str, prefix: &str) -> Option<String> {
    let id = url.strip_prefix(prefix)?.split(['?', '/']).next()?;
    (!id.is_empty() && id != "new").then(|| id.to_string())
}

/// The built console: `DIST_DIR`, default `dist/` of this crate.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("DIST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dir.join("index.html").is_file(),
        "no built console in {} — run `trunk build --release` first",
        dir.display()
    );
    dir
}
