//! The split build's page chunks in headless Chromium: a page's chunk that
//! fails, then breaks off, then loads, one that always fails, one that a deploy
//! removed during the session, the first page's landing module failing the
//! same way, and the idle prefetch that readies them all. Needs `dist/` and the
//! release emulator, as `e2e` does; run with `cargo test --test e2e_chunks`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::json;
use std::path::{Path, PathBuf};
use support::{dist_dir, Browser, Emulator};

/// Opens the namespaces page (its chunks come in its pack, which never
/// fails here) and types into its filter: what must survive a failed load.
fn open_namespaces_and_type(browser: &Browser, emulator: &Emulator) {
    browser.goto(&format!("{}/namespaces", emulator.url));
    browser.wait_for("namespaces page", 20, |b| {
        b.text("h1").filter(|t| t == "Namespaces")
    });
    browser.type_into("#filter-name", "typed before the failure");
}

/// Opens Settings from the navigation: its chunks are not in the namespaces list's pack,
/// so its own pack is fetched now.
fn go_to_settings(browser: &Browser) {
    browser.eval(
        "[...document.querySelectorAll('nav a')].find(a => a.textContent === 'Settings').click();",
        json!([]),
    );
}

fn typed_filter(browser: &Browser) -> String {
    browser
        .eval(
            "const input = document.querySelector('#filter-name'); return input ? input.value : null;",
            json!([]),
        )
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn assert_no_panic(browser: &Browser) {
    let panics: Vec<_> = browser
        .console_log()
        .into_iter()
        .filter(|(_, message)| message.contains("panicked") || message.contains("unreachable"))
        .collect();
    assert!(panics.is_empty(), "the app panicked: {panics:?}");
}

/// The emulator serving dist/, where the first request for `page`'s chunks
/// (as the build names the page) fails (503) and the next breaks off halfway.
fn failing_twice(page: &str) -> Emulator {
    Emulator::start(
        &dist_dir(),
        &[
            "--fail-page-chunks",
            "1",
            "--cut-page-chunks",
            "1",
            "--faulty-page",
            page,
        ],
    )
}

/// A copy of dist/ that a test may change, as a deploy would.
fn copy_of_dist() -> PathBuf {
    let copy = std::env::temp_dir().join(format!("console-dist-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    std::fs::create_dir_all(&copy).unwrap();
    for entry in std::fs::read_dir(dist_dir()).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), copy.join(entry.file_name())).unwrap();
        }
    }
    copy
}

/// What a deploy does to the old build's chunks: they are gone.
fn remove_chunks(dir: &Path) -> usize {
    let mut removed = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        if ["split_", "chunk_", "pages_", "landing_"]
            .iter()
            .any(|p| name.starts_with(p))
        {
            std::fs::remove_file(dir.join(&name)).unwrap();
            removed += 1;
        }
    }
    removed
}

/// The chunk files (`split_*`, `chunk_*`) of a build that are not the namespaces list's
/// (listed in its pack, merged in its landing module): what the idle prefetch
/// fetches after that page's first rows.
fn chunks_outside_the_landing_pack(dist: &Path) -> usize {
    let mut chunks = 0;
    let mut packed = Vec::new();
    for entry in std::fs::read_dir(dist).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        if (name.starts_with("split_") || name.starts_with("chunk_")) && name.ends_with(".wasm") {
            chunks += 1;
        }
        if name.starts_with("pages_namespace_list-") && name.ends_with(".bin") {
            // The pack's index: a 4-byte little-endian length, then JSON [[url, length], ...].
            let pack = std::fs::read(dist.join(&name)).unwrap();
            let length = u32::from_le_bytes(pack[..4].try_into().unwrap()) as usize;
            let index: Vec<(String, usize)> = serde_json::from_slice(&pack[4..4 + length]).unwrap();
            packed.extend(index.into_iter().map(|(url, _)| url));
        }
    }
    assert!(
        !packed.is_empty(),
        "no pack of the namespaces list in {}",
        dist.display()
    );
    chunks - packed.len()
}

/// How many chunk files the page has fetched (from the network or the HTTP cache).
fn chunk_fetches(browser: &Browser) -> usize {
    fetches_of(browser, "^/(split|chunk)_[^/]*\\.wasm$")
}

/// How many files whose path matches `pattern` (a JavaScript regular expression) the page has fetched.
fn fetches_of(browser: &Browser, pattern: &str) -> usize {
    browser
        .eval(
            "const pattern = new RegExp(arguments[0]);
             return performance.getEntriesByType('resource').filter(e => pattern.test(new URL(e.name).pathname)).length;",
            json!([pattern]),
        )
        .as_u64()
        .unwrap_or(0) as usize
}

#[test]
fn page_chunks_survive_failures() {
    let browser = Browser::start();

    // 1. The page's pack fails (503), then its download breaks off halfway,
    //    then it loads: the retries are silent, the page that was open stays
    //    with what was typed until the next is ready. Its chunks all came in
    //    that one pack.
    {
        let emulator = failing_twice("settings");
        open_namespaces_and_type(&browser, &emulator);
        go_to_settings(&browser);
        assert_eq!(typed_filter(&browser), "typed before the failure");
        browser.wait_for("Settings after two failures", 20, |b| {
            b.text("h1").filter(|t| t == "Settings")
        });
        assert_eq!(browser.text(".chunk-status"), None);
        assert!(fetches_of(&browser, "^/pages_settings-[^/]*\\.bin$") >= 1);
        assert_eq!(
            fetches_of(&browser, "^/split_settings-[^/]*\\.wasm$"),
            0,
            "Settings' own chunk was fetched apart from its pack"
        );
        assert_no_panic(&browser);
    }

    // 2. The chunk always fails: after the retries, the page's place says what
    //    failed and offers Retry; what was typed is still there.
    {
        let emulator = Emulator::start(
            &dist_dir(),
            &["--fail-page-chunks", "1000000", "--faulty-page", "settings"],
        );
        open_namespaces_and_type(&browser, &emulator);
        go_to_settings(&browser);
        let status = browser.wait_for("the failure and its Retry", 20, |b| b.text(".chunk-status"));
        assert!(status.contains("could not be downloaded"), "{status}");
        assert!(status.contains("Retry"), "{status}");
        assert_eq!(typed_filter(&browser), "typed before the failure");
        // Retry tries again (and fails again: the message comes back).
        browser.click(".chunk-status button");
        assert_eq!(browser.text(".chunk-status"), None);
        browser.wait_for("the failure again", 20, |b| b.text(".chunk-status"));
        assert_no_panic(&browser);
    }

    // 3. A deploy removed the build's chunks during the session: the chunk's
    //    404 offers a reload to the new version, never a blank page.
    {
        let dist = copy_of_dist();
        let emulator = Emulator::start(&dist, &[]);
        open_namespaces_and_type(&browser, &emulator);
        // Nothing from the idle prefetch may hide the deploy.
        browser.devtools("Network.enable", json!({}));
        browser.devtools("Network.setCacheDisabled", json!({"cacheDisabled": true}));
        assert!(remove_chunks(&dist) > 0);
        go_to_settings(&browser);
        let status = browser.wait_for("the reload offer", 20, |b| b.text(".chunk-status"));
        assert!(
            status.contains("A new version of the console is available"),
            "{status}"
        );
        assert!(status.contains("Reload"), "{status}");
        assert_eq!(typed_filter(&browser), "typed before the failure");
        assert_no_panic(&browser);
        browser.devtools("Network.setCacheDisabled", json!({"cacheDisabled": false}));
        let _ = std::fs::remove_dir_all(&dist);
    }

    // 4. The first page's landing module fails (503), then breaks off, then
    //    loads: the page shows, once, without a panic.
    {
        let emulator = failing_twice("namespace_list");
        open_namespaces_and_type(&browser, &emulator);
        assert!(fetches_of(&browser, "^/landing_namespace_list-") >= 2);
        assert_eq!(browser.text(".chunk-status"), None);
        assert_no_panic(&browser);
    }

    // 5. With a key, once the first rows are in and the browser is idle, every
    //    other chunk is fetched and readied ahead: opening Settings then
    //    downloads nothing.
    {
        let emulator = Emulator::start(&dist_dir(), &[]);
        browser.sign_in(
            &emulator.url,
            &emulator.token,
            "105bdce1-64c0-48ab-899d-868455867ecf",
        );
        browser.goto(&format!("{}/namespaces", emulator.url));
        browser.wait_for("the first rows", 20, |b| b.text(".empty"));
        // The first page came in its landing module alone: not its pack, not its modules.
        assert_eq!(fetches_of(&browser, "^/landing_namespace_list-"), 1);
        assert_eq!(
            fetches_of(&browser, "^/pages_"),
            0,
            "the landing page fetched a pack"
        );
        assert_eq!(
            fetches_of(&browser, "^/split_namespace_list-"),
            0,
            "the landing page fetched its own module apart from its landing module"
        );
        let expected = chunks_outside_the_landing_pack(&dist_dir());
        browser.wait_for("every other chunk fetched when idle", 60, |b| {
            (chunk_fetches(b) >= expected).then_some(())
        });
        let before = chunk_fetches(&browser);
        go_to_settings(&browser);
        browser.wait_for("Settings", 10, |b| b.text("h1").filter(|t| t == "Settings"));
        assert_eq!(
            chunk_fetches(&browser),
            before,
            "opening Settings fetched a chunk"
        );
        assert_eq!(
            fetches_of(&browser, "^/pages_settings-"),
            0,
            "opening Settings fetched its pack"
        );
        assert_no_panic(&browser);
    }
}
