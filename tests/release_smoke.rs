//! The release build in headless Chromium: the shell renders, every page of
//! the navigation opens, and the browser console stays free of errors.
//! Needs `dist/` (`trunk build --release`) and the release emulator (`cargo
//! build --release -p emulator`), which serves it; run with
//! `cargo test --test release_smoke`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::json;
use support::{dist_dir, Browser, Emulator};

#[test]
fn release_build_renders_the_shell_without_console_errors() {
    // The emulator serves dist/ as a static host should; no key is set, so no API call is made.
    let emulator = Emulator::start(&dist_dir(), &[]);
    let browser = Browser::start();
    browser.goto(&format!("{}/", emulator.url));

    // The app's navigation (#main-nav), not index.html's frame that stands until the wasm starts.
    let nav = browser.wait_for("navigation", 20, |b| b.text("#main-nav"));
    for page in [
        "Overview",
        "Namespaces",
        "Containers",
        "Domains",
        "Triggers",
        "Settings",
    ] {
        assert!(nav.contains(page), "navigation lacks {page}: {nav}");
    }
    // "/" lands on the overview, which asks for a key first.
    browser.wait_for("overview page", 10, |b| {
        b.text("h1").filter(|t| t == "Overview")
    });
    let hint = browser.wait_for("key hint", 10, |b| b.text(".banner-info"));
    assert!(hint.contains("Set your secret key"), "{hint}");

    // Every navigation link opens its page through the client-side router.
    for (link, heading) in [
        ("Namespaces", "Namespaces"),
        ("Containers", "Containers"),
        ("Domains", "Custom domains"),
        ("Triggers", "Triggers"),
        ("Settings", "Settings"),
        ("Overview", "Overview"),
    ] {
        browser.eval(
            "[...document.querySelectorAll('nav a')].find(a => a.textContent === arguments[0]).click();",
            json!([link]),
        );
        browser.wait_for(heading, 10, |b| b.text("h1").filter(|t| t == heading));
    }
    let regions = browser.eval(
        "return [...document.querySelectorAll('select[name=region] option')].map(o => o.value);",
        json!([]),
    );
    assert_eq!(regions, json!(["fr-par", "nl-ams", "pl-waw"]));

    let problems: Vec<_> = browser
        .console_log()
        .into_iter()
        .filter(|(level, _)| level == "SEVERE" || level == "WARNING")
        .collect();
    assert!(problems.is_empty(), "browser console: {problems:?}");
}

/// The page's own policy, as built: no inline script left by the build (the
/// CSP would block it and the page would stay blank), no `unsafe-*` script
/// source, and every script a same-origin file.
#[test]
fn the_built_index_html_keeps_its_content_security_policy() {
    let html = std::fs::read_to_string(dist_dir().join("index.html")).unwrap();
    let policy = html
        .split("http-equiv=\"Content-Security-Policy\"")
        .nth(1)
        .and_then(|rest| rest.split("content=\"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .expect("a Content-Security-Policy meta tag");
    let directive = |name: &str| {
        policy
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with(name))
            .unwrap_or_else(|| panic!("no {name} in {policy}"))
    };
    assert_eq!(
        directive("script-src"),
        "script-src 'self' 'wasm-unsafe-eval'"
    );
    assert_eq!(directive("object-src"), "object-src 'none'");
    assert_eq!(directive("default-src"), "default-src 'self'");
    assert!(
        !policy.contains("'unsafe-inline'") && !policy.contains("'unsafe-eval'"),
        "{policy}"
    );
    let scripts: Vec<&str> = html
        .match_indices("<script")
        .map(|(i, _)| &html[i..])
        .collect();
    assert!(!scripts.is_empty(), "the loader is there");
    for script in scripts {
        let tag = &script[..script.find('>').unwrap() + 1];
        assert!(
            tag.contains(" src=\"/"),
            "an inline or foreign script is left: {tag}"
        );
        let file = tag
            .split("src=\"/")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert!(dist_dir().join(file).is_file(), "{file} is in dist/");
    }
}
