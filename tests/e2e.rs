//! End to end: the release build in headless Chromium against the emulator,
//! as a user would drive it. Needs `dist/` (`trunk build --release`) and the
//! emulator (`cargo build --release -p emulator`); run with
//! `cargo test --test e2e`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::json;
use support::{dist_dir, id_from_url, Browser, Emulator};

const PROJECT: &str = "105bdce1-64c0-48ab-899d-868455867ecf";

/// Marks the page; the mark survives only as long as the page is not reloaded.
fn mark_page(b: &Browser) {
    b.eval("window.__notReloaded = true; return 1;", json!([]));
}

fn assert_not_reloaded(b: &Browser) {
    assert_eq!(
        b.eval("return window.__notReloaded === true;", json!([])),
        json!(true),
        "the page reloaded"
    );
}

#[test]
fn create_watch_edit_redeploy_and_delete() {
    let dist = dist_dir();
    let emulator = Emulator::start(
        &dist,
        &[
            "--create-delay-ms",
            "1500",
            "--update-delay-ms",
            "1500",
            "--delete-delay-ms",
            "1500",
        ],
    );
    let b = Browser::start();
    let token = emulator.token.clone();
    b.sign_in(&emulator.url, &token, PROJECT);

    // 1. Create a namespace; watch it become ready without a reload.
    b.goto(&format!("{}/namespaces/new", emulator.url));
    b.wait_for("namespace form", 10, |b| {
        b.text("h1").filter(|t| t == "Create a namespace")
    });
    b.click("form button[type=submit]");
    let error = b.wait_for("name error", 5, |b| b.text("#name-error"));
    assert!(error.contains("name"), "validation before sending: {error}");
    b.type_into("#name", "e2e-shop");
    b.type_into("#description", "End-to-end test");
    b.click("form button[type=submit]");
    let url = b.wait_for("namespace page", 10, |b| {
        Some(b.url()).filter(|u| u.starts_with("/namespaces/") && !u.ends_with("/new"))
    });
    let namespace_id = id_from_url(&url, "/namespaces/").expect("a namespace page");
    mark_page(&b);
    b.wait_for("namespace ready", 15, |b| {
        b.badge().filter(|s| s == "ready")
    });
    assert_not_reloaded(&b);
    b.assert_accessible("the namespace page");

    // 2. Create a container with an HTTP startup probe and two secrets.
    b.click_text("Create container");
    b.wait_for("container form", 10, |b| {
        b.text("h1").filter(|t| t == "Create a container")
    });
    b.wait_for("namespace choice", 10, |b| {
        b.eval(
            "return document.querySelector('#namespace_id').value;",
            json!([]),
        )
        .as_str()
        .filter(|v| *v == namespace_id)
        .map(str::to_string)
    });
    b.type_into("#name", "web");
    b.type_into("#image", "nginx:1.29-alpine");
    b.type_into("#port", "80");
    b.click_text("Add secret");
    b.click_text("Add secret");
    b.type_into("#secrets-key-0", "API_KEY");
    b.type_into("#secrets-value-0", "first-secret");
    b.type_into("#secrets-key-1", "DB_PASSWORD");
    b.type_into("#secrets-value-1", "second-secret");
    b.click("#startup_enabled");
    b.wait_for("startup probe fields", 5, |b| {
        b.text("label[for=startup-kind-http]")
    });
    b.click("#startup-kind-http");
    b.assert_accessible("the container form");
    // An HTTP probe needs a path: refused before any request.
    b.click("form button[type=submit]");
    b.wait_for("path error", 5, |b| b.text("#startup-path-error"));
    b.type_into("#startup-path", "/healthz");
    b.click("form button[type=submit]");
    let url = b.wait_for("container page", 10, |b| {
        Some(b.url()).filter(|u| u.starts_with("/containers/") && !u.contains("/new"))
    });
    let container_id = id_from_url(&url, "/containers/").expect("a container page");
    mark_page(&b);
    let first = b.wait_for("a status", 10, Browser::badge);
    assert_eq!(first, "creating");
    b.wait_for("container ready", 20, |b| {
        b.badge().filter(|s| s == "ready")
    });
    assert_not_reloaded(&b);
    b.assert_accessible("the container page");
    let probe = b.text(".facts").unwrap_or_default();
    assert!(probe.contains("HTTP GET /healthz"), "{probe}");

    // Opened at its address, a list is read once: the main module sends the
    // read as it starts (`landing`), and the page, once its chunk is in, takes
    // that answer instead of asking again.
    b.goto(&format!(
        "{}/containers?region=fr-par&namespace_id={namespace_id}",
        emulator.url
    ));
    b.wait_for("the container listed", 10, |b| {
        b.text("table tbody").filter(|t| t.contains("web"))
    });
    let reads = b.eval(
        "const started = performance.getEntriesByName('console-started')[0].startTime;
         return performance.getEntriesByType('resource')
                .filter(e => e.name.includes('/regions/fr-par/containers?'))
                .map(e => e.startTime < started);",
        json!([]),
    );
    assert_eq!(
        reads,
        json!([true]),
        "the list of the address is read once, sent as the main module ran"
    );
    b.goto(&format!("{}/containers/{container_id}", emulator.url));
    b.wait_for("the container page again", 10, |b| {
        b.badge().filter(|s| s == "ready")
    });

    let before = b.api(&token, "GET", &format!("/containers/{container_id}"), None);
    let secrets_before = before["body"]["secret_environment_variables"].clone();
    assert_eq!(secrets_before.as_object().map(|m| m.len()), Some(2));

    // 3. Edit memory and one secret; the other secret survives.
    b.click_text("Edit");
    b.wait_for("edit form", 10, |b| {
        b.text("h1").filter(|t| t.starts_with("Edit container"))
    });
    b.assert_accessible("the container edit form");
    b.type_into("#memory", "1024");
    let secret_row = b
        .eval(
            "return [...document.querySelectorAll('#secrets .secret-key')].findIndex(e => e.textContent === 'DB_PASSWORD');",
            json!([]),
        )
        .as_i64()
        .expect("the DB_PASSWORD row");
    b.type_into(&format!("#secrets-value-{secret_row}"), "rotated-secret");
    b.click("form button[type=submit]");
    b.wait_for("back on the detail", 10, |b| {
        Some(b.url()).filter(|u| !u.contains("/edit"))
    });
    mark_page(&b);
    b.wait_for("updating then ready", 20, |b| {
        b.badge().filter(|s| s == "ready")
    });
    assert_not_reloaded(&b);
    assert!(b.text(".facts").unwrap_or_default().contains("1024 MB"));
    let after = b.api(&token, "GET", &format!("/containers/{container_id}"), None);
    let secrets_after = &after["body"]["secret_environment_variables"];
    assert_eq!(
        secrets_after["API_KEY"], secrets_before["API_KEY"],
        "the untouched secret is kept as it was"
    );
    assert_ne!(
        secrets_after["DB_PASSWORD"], secrets_before["DB_PASSWORD"],
        "the edited secret is replaced"
    );
    assert_eq!(after["body"]["memory_limit_bytes"], 1_024_000_000u64);

    // 4. Redeploy: updating, then ready again, without a reload.
    b.click_text("Redeploy");
    b.wait_for("redeploying", 10, |b| b.badge().filter(|s| s == "updating"));
    b.wait_for("redeployed", 20, |b| b.badge().filter(|s| s == "ready"));
    assert_not_reloaded(&b);

    // 5. Delete the namespace (typed confirmation); its container goes with it.
    b.goto(&format!("{}/namespaces/{namespace_id}", emulator.url));
    b.wait_for("namespace page", 10, |b| b.badge().filter(|s| s == "ready"));
    b.click_text("Delete");
    let consequences = b.wait_for("what goes with it", 10, |b| {
        b.text(".consequences")
            .filter(|t| t.contains("1 container"))
    });
    assert!(consequences.contains("1 container(s)"), "{consequences}");
    assert_eq!(
        b.eval(
            "return document.querySelector('.dialog button.danger').disabled;",
            json!([])
        ),
        json!(true),
        "deleting needs the name typed"
    );
    b.type_into("#confirm-name", "e2e-shop");
    b.click(".dialog button.danger");
    b.wait_for("the namespace list", 10, |b| {
        Some(b.url()).filter(|u| u.starts_with("/namespaces?") || u == "/namespaces")
    });
    b.goto(&format!(
        "{}/containers?namespace_id={namespace_id}",
        emulator.url
    ));
    b.wait_for("the container listed while deleting", 10, |b| {
        b.text("tbody td").filter(|t| t == "web")
    });
    mark_page(&b);
    b.assert_accessible("the container list");
    b.wait_for("the container vanishes", 20, |b| {
        b.text(".empty").filter(|t| t.contains("No containers"))
    });
    assert_not_reloaded(&b);
    assert_eq!(
        b.api(&token, "GET", &format!("/containers/{container_id}"), None)["status"],
        404
    );

    let problems: Vec<_> = b
        .console_log()
        .into_iter()
        .filter(|(level, message)| level == "SEVERE" && !message.contains("404"))
        .collect();
    assert!(problems.is_empty(), "browser console: {problems:?}");
}
