//! End to end: custom domains and triggers, driven from the container page
//! of the release build, in headless Chromium against the emulator. Every
//! page visited is checked with axe-core. Needs `dist/` and the release
//! emulator (see `tests/e2e.rs`); run with `cargo test --test e2e_domains_triggers`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::json;
use support::{dist_dir, id_from_url, Browser, Emulator};

const PROJECT: &str = "105bdce1-64c0-48ab-899d-868455867ecf";

/// Waits for a detail page of `prefix` (e.g. `/triggers/`) and answers its ID.
fn wait_detail(b: &Browser, prefix: &str) -> String {
    b.wait_for(prefix, 10, |b| {
        let url = b.url();
        id_from_url(&url, prefix).filter(|_| !url.contains("/edit"))
    })
}

fn rows(b: &Browser, table_after_heading: &str) -> Vec<String> {
    b.eval(
        "const h = [...document.querySelectorAll('h2')].find(h => h.textContent === arguments[0]);
         if (!h) return [];
         let e = h.closest('.page-head').nextElementSibling;
         while (e && !e.matches('.table-scroll, p.empty')) { e = e.nextElementSibling; }
         return e && e.matches('.table-scroll') ? [...e.querySelectorAll('tbody tr td:first-child')].map(td => td.textContent) : [];",
        json!([table_after_heading]),
    )
    .as_array()
    .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
    .unwrap_or_default()
}

#[test]
fn domains_and_triggers_from_the_container_page() {
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

    // A namespace and a container, through the API (their pages have their own test).
    let ns = b.api(
        &token,
        "POST",
        "/namespaces",
        Some(json!({"project_id": PROJECT, "name": "e2e-hooks"})),
    );
    let ns_id = ns["body"]["id"].as_str().expect("namespace").to_string();
    b.wait_for("namespace ready", 10, |b| {
        (b.api(&token, "GET", &format!("/namespaces/{ns_id}"), None)["body"]["status"] == "ready")
            .then_some(())
    });
    let c = b.api(&token,
        "POST",
        "/containers",
        Some(
            json!({"namespace_id": ns_id, "name": "hooks", "image": "nginx:1.29-alpine", "port": 80}),
        ),
    );
    let container_id = c["body"]["id"].as_str().expect("container").to_string();
    let endpoint = c["body"]["public_endpoint"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let endpoint_host = endpoint
        .split("://")
        .nth(1)
        .unwrap_or_default()
        .trim_end_matches('/')
        .to_string();
    assert!(!endpoint_host.is_empty(), "{c}");
    let container_page = format!("{}/containers/{container_id}?region=fr-par", emulator.url);
    b.goto(&container_page);
    b.wait_for("container ready", 15, |b| {
        b.badge().filter(|s| s == "ready")
    });
    b.assert_accessible("the container page");

    // 1. A cron trigger: a bad schedule is refused on its field, then fixed, created, ready.
    b.click_text("Create trigger");
    b.wait_for("trigger form", 10, |b| {
        b.text("h1").filter(|t| t == "Create a trigger")
    });
    b.wait_for("the container chosen", 10, |b| {
        b.eval(
            "return document.querySelector('#container_id').value;",
            json!([]),
        )
        .as_str()
        .filter(|v| *v == container_id)
        .map(str::to_string)
    });
    b.type_into("#name", "nightly");
    b.type_into("#cron_schedule", "61 3 * * *");
    b.click("form button[type=submit]");
    let error = b.wait_for("schedule error", 5, |b| b.text("#cron_schedule-error"));
    assert!(error.contains("0 to 59"), "{error}");
    assert!(b.url().starts_with("/triggers/new"), "nothing was sent");
    b.type_into("#cron_schedule", "0 3 * * *");
    b.wait_for("the reading", 5, |b| {
        b.text(".cron-reading")
            .filter(|t| t == "At 03:00, every day.")
    });
    b.assert_accessible("the trigger form");
    b.click("form button[type=submit]");
    let cron_id = wait_detail(&b, "/triggers/");
    assert_eq!(b.wait_for("a status", 10, Browser::badge), "creating");
    b.wait_for("cron trigger ready", 15, |b| {
        b.badge().filter(|s| s == "ready")
    });
    assert!(b.text(".facts").unwrap_or_default().contains("POST /"));
    b.assert_accessible("the trigger page");

    // 2. A NATS trigger: created, its subject edited (the credentials kept), then deleted.
    b.goto(&container_page);
    b.wait_for("container page", 10, |b| b.badge().filter(|s| s == "ready"));
    b.click_text("Create trigger");
    b.wait_for("trigger form", 10, |b| b.text("#cron_schedule"));
    b.click("#source-nats-subject");
    b.wait_for("NATS fields", 5, |b| b.text("#nats_subject"));
    b.type_into("#name", "orders");
    b.type_into("#nats_server_urls", "nats://nats.example.com:4222");
    b.type_into("#nats_subject", "orders.created");
    b.type_into(
        "#nats_credentials",
        "-----BEGIN NATS USER JWT-----\neyJ0\n------END NATS USER JWT------",
    );
    b.click("form button[type=submit]");
    let nats_id = wait_detail(&b, "/triggers/");
    b.wait_for("NATS trigger ready", 15, |b| {
        b.badge().filter(|s| s == "ready")
    });
    let facts = b.text("main").unwrap_or_default();
    assert!(
        facts.contains("orders.created") && facts.contains("set (never shown)"),
        "{facts}"
    );
    assert!(
        !facts.contains("BEGIN NATS"),
        "the credentials are never shown"
    );
    let read = b.api(&token, "GET", &format!("/triggers/{nats_id}"), None);
    assert!(
        read["body"]["nats_config"]
            .get("credentials_file_content")
            .is_none(),
        "{read}"
    );

    b.click_text("Edit");
    b.wait_for("edit form", 10, |b| {
        b.text("h1").filter(|t| t == "Edit trigger orders")
    });
    let hint = b.text("#nats_credentials-hint").unwrap_or_default();
    assert!(hint.contains("Left empty, it is kept"), "{hint}");
    assert_eq!(
        b.eval(
            "return document.querySelector('#source-schedule-cron').disabled;",
            json!([])
        ),
        json!(true),
        "the source type cannot change"
    );
    b.assert_accessible("the trigger edit form");
    b.type_into("#nats_subject", "orders.updated");
    b.click("form button[type=submit]");
    b.wait_for("back on the trigger", 10, |b| {
        Some(b.url())
            .filter(|u| u.starts_with(&format!("/triggers/{nats_id}")) && !u.contains("/edit"))
    });
    b.wait_for("edited and ready", 15, |b| {
        b.badge().filter(|s| s == "ready")?;
        b.text("main").filter(|t| t.contains("orders.updated"))
    });
    let read = b.api(&token, "GET", &format!("/triggers/{nats_id}"), None);
    assert_eq!(read["body"]["nats_config"]["subject"], "orders.updated");
    assert_eq!(
        read["body"]["nats_config"]["server_urls"],
        json!(["nats://nats.example.com:4222"])
    );

    b.click_text("Delete");
    b.wait_for("the dialog", 5, |b| b.text(".dialog h2"));
    b.assert_accessible("the delete dialog");
    b.click(".dialog button.danger");
    b.wait_for("the container page", 10, |b| {
        Some(b.url()).filter(|u| u.starts_with(&format!("/containers/{container_id}")))
    });
    b.wait_for("the NATS trigger gone", 15, |b| {
        let names = rows(b, "Triggers");
        (names == ["nightly"]).then_some(())
    });
    assert_eq!(
        b.api(&token, "GET", &format!("/triggers/{nats_id}"), None)["status"],
        404
    );

    // 3. A custom domain from the container page: its DNS record, creating, then ready.
    b.click_text("Add custom domain");
    b.wait_for("domain form", 10, |b| {
        b.text("h1").filter(|t| t == "Add a custom domain")
    });
    b.type_into("#hostname", "WWW.e2e-hooks.example");
    let target = b.wait_for("the record's target", 10, |b| b.text("#dns-target"));
    assert_eq!(target, endpoint_host);
    assert_eq!(
        b.text("#dns-name").as_deref(),
        Some("www.e2e-hooks.example")
    );
    b.assert_accessible("the domain form");
    b.click("form button[type=submit]");
    let domain_id = wait_detail(&b, "/domains/");
    assert_eq!(b.wait_for("a status", 10, Browser::badge), "creating");
    b.wait_for("domain ready", 15, |b| b.badge().filter(|s| s == "ready"));
    assert_eq!(
        b.text("#dns-name").as_deref(),
        Some("www.e2e-hooks.example")
    );
    assert_eq!(
        b.wait_for("record", 5, |b| b.text("#dns-target")),
        endpoint_host
    );
    b.assert_accessible("the domain page");

    // 4. Deleting the container takes its domains and triggers from the lists.
    b.goto(&container_page);
    b.wait_for("container page", 10, |b| b.badge().filter(|s| s == "ready"));
    b.wait_for("its domain listed", 10, |b| {
        (rows(b, "Custom domains") == ["www.e2e-hooks.example"]).then_some(())
    });
    b.click_text("Delete");
    let consequences = b.wait_for("what goes with it", 10, |b| {
        b.text(".consequences")
            .filter(|t| t.contains("1 domain(s)"))
    });
    assert!(consequences.contains("1 trigger(s)"), "{consequences}");
    b.type_into("#confirm-name", "hooks");
    b.click(".dialog button.danger");
    b.wait_for("the namespace page", 10, |b| {
        Some(b.url()).filter(|u| u.starts_with(&format!("/namespaces/{ns_id}")))
    });
    b.goto(&format!(
        "{}/domains?container_id={container_id}&region=fr-par",
        emulator.url
    ));
    b.wait_for("the domains list", 10, |b| {
        b.text("h1").filter(|t| t == "Custom domains")
    });
    b.assert_accessible("the domains list");
    b.wait_for("the domain vanishes", 15, |b| {
        b.text(".empty").filter(|t| t.contains("No custom domains"))
    });
    b.goto(&format!(
        "{}/triggers?container_id={container_id}&region=fr-par",
        emulator.url
    ));
    b.wait_for("the triggers list", 10, |b| {
        b.text("h1").filter(|t| t == "Triggers")
    });
    b.assert_accessible("the triggers list");
    b.wait_for("the trigger vanishes", 15, |b| {
        b.text(".empty").filter(|t| t.contains("No triggers"))
    });
    for (kind, id) in [("triggers", &cron_id), ("domains", &domain_id)] {
        assert_eq!(
            b.api(&token, "GET", &format!("/{kind}/{id}"), None)["status"],
            404,
            "{kind}"
        );
    }

    let problems: Vec<_> = b
        .console_log()
        .into_iter()
        .filter(|(level, message)| level == "SEVERE" && !message.contains("404"))
        .collect();
    assert!(problems.is_empty(), "browser console: {problems:?}");
}
