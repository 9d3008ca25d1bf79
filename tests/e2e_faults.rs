//! End to end under faults: the release build against an emulator that
//! fails every third API request (`--fail-every 3`), in headless Chromium.
//! A failed create keeps what was typed and is not sent twice; a failed
//! poll keeps the page, says so, and recovers by itself; the secret key
//! never shows in the URL, the page, the console or local storage. Needs
//! `dist/` and the release emulator; run with `cargo test --test e2e_faults`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::json;
use support::{dist_dir, id_from_url, Browser, Emulator};

const PROJECT: &str = "105bdce1-64c0-48ab-899d-868455867ecf";

/// Calls the API (a harmless read) until one fails, so that the count of
/// requests is known: the next two pass, the third fails.
fn align_to_a_failure(b: &Browser, token: &str) {
    for _ in 0..3 {
        if b.api(token, "GET", "/namespaces?page_size=1", None)["status"] == 503 {
            return;
        }
    }
    panic!("no request failed in three: is --fail-every 3 set?");
}

fn assert_key_nowhere(b: &Browser, token: &str, page: &str) {
    assert!(!b.url().contains(token), "the key is in the URL of {page}");
    let in_page = b.eval(
        "return document.documentElement.outerHTML.includes(arguments[0])
            || localStorage.getItem('scc.secret_key') !== null;",
        json!([token]),
    );
    assert_eq!(
        in_page,
        json!(false),
        "the key is in the DOM or local storage on {page}"
    );
}

#[test]
fn failures_lose_nothing_send_nothing_twice_and_pass() {
    let emulator = Emulator::start(
        &dist_dir(),
        &["--fail-every", "3", "--create-delay-ms", "4000"],
    );
    let b = Browser::start();
    let token = emulator.token.clone();
    b.sign_in(&emulator.url, &token, PROJECT);
    assert_key_nowhere(&b, &token, "Settings");

    // 1. A create that fails: the form says so, keeps every input, sends it once per submit.
    b.goto(&format!("{}/namespaces/new?region=fr-par", emulator.url));
    b.wait_for("the form", 10, |b| {
        b.text("h1").filter(|t| t == "Create a namespace")
    });
    b.type_into("#name", "faulty-shop");
    b.type_into("#description", "made under faults");
    align_to_a_failure(&b, &token);
    b.api(&token, "GET", "/namespaces?page_size=1", None);
    b.api(&token, "GET", "/namespaces?page_size=1", None);
    b.click("form button[type=submit]");
    let banner = b.wait_for("the failure", 10, |b| b.text("#form-failure"));
    assert!(banner.contains("Try again"), "{banner}");
    assert!(banner.contains("Nothing you typed was lost"), "{banner}");
    let kept = b.eval(
        "return [document.querySelector('#name').value, document.querySelector('#description').value];",
        json!([]),
    );
    assert_eq!(kept, json!(["faulty-shop", "made under faults"]));
    let listed = b.api(&token, "GET", "/namespaces?page_size=1000", None);
    let named = |list: &serde_json::Value| {
        list["body"]["namespaces"]
            .as_array()
            .map(|a| a.iter().filter(|n| n["name"] == "faulty-shop").count())
            .unwrap_or(0)
    };
    assert_eq!(named(&listed), 0, "the failed create made nothing");
    b.click("form button[type=submit]");
    let url = b.wait_for("the namespace page", 10, |b| {
        Some(b.url()).filter(|u| u.starts_with("/namespaces/") && !u.contains("/new"))
    });
    let id = id_from_url(&url, "/namespaces/").expect("a namespace page");

    // 2. Polls that fail keep the page, say so, and the status still arrives.
    b.wait_for("creating", 10, |b| b.badge().filter(|s| s == "creating"));
    let notice = b.wait_for("a failed refresh, said", 20, |b| b.text(".stale"));
    assert!(notice.contains("Could not refresh"), "{notice}");
    assert!(
        b.text("h1").unwrap_or_default().contains("faulty-shop"),
        "the page is kept"
    );
    b.assert_accessible("a page that could not be refreshed");
    b.wait_for("ready, in the end", 40, |b| {
        b.badge().filter(|s| s == "ready")
    });
    b.wait_for("the notice gone once a read passes", 20, |b| {
        b.text(".stale").is_none().then_some(())
    });
    assert_key_nowhere(&b, &token, "the namespace page");

    // Sent once: exactly one namespace of that name, the one shown.
    let listed = loop {
        let answer = b.api(&token, "GET", "/namespaces?page_size=1000", None);
        if answer["status"] == 200 {
            break answer;
        }
    };
    assert_eq!(named(&listed), 1, "created once");
    assert_eq!(
        listed["body"]["namespaces"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["name"] == "faulty-shop")
            .unwrap()["id"],
        json!(id)
    );

    // 3. A list read that fails offers Retry; the key is not in any console message.
    b.goto(&format!("{}/namespaces?region=fr-par", emulator.url));
    b.wait_for("the list", 20, |b| {
        b.text("tbody td a").filter(|t| t == "faulty-shop")
    });
    assert_key_nowhere(&b, &token, "the namespace list");
    let log = b.console_log();
    assert!(
        log.iter().all(|(_, message)| !message.contains(&token)),
        "the key reached the console: {log:?}"
    );
    let unexpected: Vec<_> = log
        .into_iter()
        .filter(|(level, message)| level == "SEVERE" && !message.contains("503"))
        .collect();
    assert!(unexpected.is_empty(), "browser console: {unexpected:?}");
}
