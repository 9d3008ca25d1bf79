//! End to end: the overview, the explained errors and the palette, in the
//! release build against the emulator's demo data (resources in two
//! regions, a failing container in each), and every page at a phone's width.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::json;
use support::{dist_dir, Browser, Emulator};

const PROJECT: &str = "105bdce1-64c0-48ab-899d-868455867ecf";

fn region(b: &Browser) -> String {
    b.eval(
        "return document.querySelector('select[name=region]').value;",
        json!([]),
    )
    .as_str()
    .unwrap_or_default()
    .to_string()
}

fn h1(b: &Browser) -> String {
    b.text("h1").unwrap_or_default()
}

/// A key pressed where the focus is (the page's own listeners see it).
fn press(b: &Browser, key: &str, ctrl: bool) {
    b.eval(
        "(document.activeElement || document.body).dispatchEvent(new KeyboardEvent('keydown',
            {key: arguments[0], ctrlKey: arguments[1], bubbles: true, cancelable: true})); return 1;",
        json!([key, ctrl]),
    );
}

#[test]
fn overview_explains_links_in_region_fixes_and_the_palette_goes_anywhere() {
    let dist = dist_dir();
    let emulator = Emulator::start(&dist, &["--demo-data", "--project-id", PROJECT]);
    let b = Browser::start();
    b.sign_in(&emulator.url, &emulator.token, PROJECT);

    // 1. The overview: the demo's failing container of nl-ams needs attention, explained.
    b.goto(&format!("{}/", emulator.url));
    let entry = b.wait_for("mirror-sync in Needs attention", 20, |b| {
        b.eval(
            "const li = [...document.querySelectorAll('ul.attention > li')]
                 .find(li => li.textContent.includes('mirror-sync'));
             return li ? li.textContent : null;",
            json!([]),
        )
        .as_str()
        .map(str::to_string)
    });
    assert!(entry.contains("nl-ams"), "{entry}");
    assert!(
        entry.contains("What to do") && entry.contains("command"),
        "explained: {entry}"
    );
    // fr-par's failure is listed too, and every region shows its counts.
    let all = b.text("ul.attention").unwrap_or_default();
    assert!(all.contains("broken-worker"), "{all}");
    b.wait_for("three regions counted", 10, |b| {
        let n = b.eval(
            "return document.querySelectorAll('table.counts').length;",
            json!([]),
        );
        (n == json!(3)).then_some(())
    });
    b.assert_accessible("the overview");
    b.screenshot("overview");

    // 2. Its link opens it in nl-ams.
    b.eval(
        "[...document.querySelectorAll('ul.attention > li')].find(li => li.textContent.includes('mirror-sync'))
             .querySelector('.attention-head a').click(); return 1;",
        json!([]),
    );
    b.wait_for("mirror-sync's page", 10, |b| {
        h1(b).contains("mirror-sync").then_some(())
    });
    assert_eq!(region(&b), "nl-ams");
    assert!(b.url().contains("region=nl-ams"), "{}", b.url());
    let why = b.wait_for("the explanation on its page", 10, |b| {
        b.text(".banner-error .explanation")
    });
    assert!(why.contains("command"), "{why}");
    b.screenshot("detail-explained");

    // 3. Its fix link opens the edit form, focused on the field to change.
    b.click(".banner-error .explanation a");
    b.wait_for("the edit form", 10, |b| {
        h1(b).starts_with("Edit container").then_some(())
    });
    let focused = b.wait_for("the command field focused", 5, |b| {
        b.eval(
            "return document.activeElement && document.activeElement.id;",
            json!([]),
        )
        .as_str()
        .filter(|id| *id == "command")
        .map(str::to_string)
    });
    assert_eq!(focused, "command");
    assert_eq!(region(&b), "nl-ams");
    b.assert_accessible("the edit form opened by a fix link");
    b.screenshot("fix-link");

    // 4. The palette (Ctrl+K) finds a container of fr-par by part of its name and opens it.
    b.goto(&format!("{}/?region=nl-ams", emulator.url));
    b.wait_for("the overview", 10, |b| (h1(b) == "Overview").then_some(()));
    press(&b, "k", true);
    b.wait_for("the palette", 10, |b| b.text("#palette-list"));
    b.type_into("#palette-input", "esiz");
    let option = b.wait_for("resizer listed", 10, |b| {
        b.text("#palette-list [role=option]")
            .filter(|t| t.contains("resizer"))
    });
    assert!(option.contains("fr-par"), "{option}");
    b.assert_accessible("the palette");
    b.screenshot("palette");
    b.eval(
        "document.querySelector('#palette-input').dispatchEvent(new KeyboardEvent('keydown',
            {key: 'Enter', bubbles: true, cancelable: true})); return 1;",
        json!([]),
    );
    b.wait_for("resizer's page", 10, |b| {
        h1(b).contains("resizer").then_some(())
    });
    assert_eq!(region(&b), "fr-par");

    // 5. At a phone's width, no page scrolls sideways and the header is one row.
    b.devtools(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": true}),
    );
    for (path, heading) in [
        ("/", "Overview"),
        ("/namespaces", "Namespaces"),
        ("/containers", "Containers"),
        ("/domains", "Custom domains"),
        ("/triggers", "Triggers"),
        ("/containers/new", "Create a container"),
        ("/triggers/new", "Create a trigger"),
        ("/settings", "Settings"),
    ] {
        b.goto(&format!("{}{path}?region=fr-par", emulator.url));
        b.wait_for(heading, 10, |b| (h1(b) == heading).then_some(()));
        // Let the lists fill before measuring.
        std::thread::sleep(std::time::Duration::from_millis(400));
        let widths = b.eval(
            "const d = document.documentElement; return [d.scrollWidth, d.clientWidth];",
            json!([]),
        );
        assert!(
            widths[0].as_i64() <= widths[1].as_i64(),
            "{path} scrolls sideways at 390 px: {widths}"
        );
        let rows = b.eval(
            "const shown = [...document.querySelector('.topbar').children]
                 .filter(e => getComputedStyle(e).display !== 'none' && !e.classList.contains('skip-link'));
             return new Set(shown.map(e => Math.round(e.getBoundingClientRect().top / 10))).size;",
            json!([]),
        );
        assert_eq!(rows, json!(1), "{path}: the header is one row");
        b.screenshot(&format!("phone{}", path.replace('/', "-")));
    }
    // The menu button opens the navigation, which works from there.
    b.goto(&format!("{}/containers", emulator.url));
    b.wait_for("containers", 10, |b| (h1(b) == "Containers").then_some(()));
    b.click(".menu-button");
    b.assert_accessible("the open menu at a phone's width");
    b.screenshot("phone-menu");
    b.click_text("Triggers");
    b.wait_for("triggers", 10, |b| (h1(b) == "Triggers").then_some(()));
}
