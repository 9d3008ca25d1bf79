//! The overview across regions, and the palette driven by the keyboard.

use super::stubs::*;
use super::support::*;
use wasm_bindgen_test::*;

/// Empty lists for every resource of every region (the routes' last
/// resort; every path starts with `/containers/v1/`, so the list's name and
/// the query that follows it tell one list from another).
const EMPTY: [(&str, u16, &str); 4] = [
    ("/namespaces?", 200, r#"{"namespaces":[],"total_count":0}"#),
    ("/containers?", 200, r#"{"containers":[],"total_count":0}"#),
    ("/domains?", 200, r#"{"domains":[],"total_count":0}"#),
    ("/triggers?", 200, r#"{"triggers":[],"total_count":0}"#),
];

fn failing_container_list() -> String {
    serde_json::json!({"containers": [
        {"id": "c-ok", "name": "shop", "namespace_id": "n-1", "status": "ready", "error_message": ""},
        {"id": "c-bad", "name": "broken-api", "namespace_id": "n-1", "status": "error", "port": 5000,
         "image": "ghcr.io/acme/api:1",
         "error_message": "Container is unable to start OR is not listening on port 5000"}
    ], "total_count": 2})
    .to_string()
}

/// Runs `script` (with `document` and `window` in scope) in the page.
fn run_js(script: &str) -> wasm_bindgen::JsValue {
    js_sys::Function::new_no_args(script)
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap()
}

fn active_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

/// A key pressed where the focus is.
fn press(key: &str, ctrl: bool) {
    run_js(&format!(
        "document.activeElement.dispatchEvent(new KeyboardEvent('keydown', \
         {{key: {key:?}, ctrlKey: {ctrl}, bubbles: true, cancelable: true}})); return 0;"
    ));
}

#[wasm_bindgen_test]
async fn a_failing_region_shows_in_its_own_place_and_the_others_show() {
    reset_storage();
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    let containers = failing_container_list();
    let mut routes = vec![
        (
            "regions/nl-ams",
            503,
            r#"{"message":"service unavailable"}"#,
        ),
        ("regions/fr-par/containers?", 200, containers.as_str()),
    ];
    routes.extend(EMPTY);
    stub_fetch_routes(&routes);
    let (root, handle) = mount_at("/");
    let failed = wait_for("nl-ams's failure", || {
        text_of(&root, "[aria-labelledby=region-nl-ams] .banner-error")
    })
    .await;
    assert!(failed.contains("Retry"), "its own Retry: {failed}");
    let fr_par = wait_for("fr-par's counts", || {
        text_of(&root, "[aria-labelledby=region-fr-par] table.counts")
    })
    .await;
    assert!(fr_par.contains("Containers2"), "{fr_par}");
    let pl_waw = wait_for("pl-waw's counts", || {
        text_of(&root, "[aria-labelledby=region-pl-waw] table.counts")
    })
    .await;
    assert!(pl_waw.contains("Containers0"), "{pl_waw}");
    // The failure of fr-par comes first, explained, linked in its own region.
    let entry = wait_for("needs attention", || text_of(&root, "ul.attention > li")).await;
    assert!(
        entry.contains("broken-api") && entry.contains("fr-par"),
        "{entry}"
    );
    assert!(
        entry.contains("port 5000") && entry.contains("What to do"),
        "{entry}"
    );
    let link = query(&root, "ul.attention > li .attention-head a").unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/containers/c-bad?region=fr-par")
    );
    let fix = query(&root, "ul.attention > li .explanation a").unwrap();
    assert_eq!(
        fix.get_attribute("href").as_deref(),
        Some("/containers/c-bad/edit?focus=port&region=fr-par")
    );
    // nl-ams's Retry asks nl-ams again.
    let before = sent_requests().len();
    click(
        &root,
        "[aria-labelledby=region-nl-ams] .banner-error button",
    );
    wait_for("a new read of nl-ams", || {
        let sent = sent_requests();
        sent[before..]
            .iter()
            .any(|r| r["url"].as_str().unwrap_or("").contains("regions/nl-ams"))
            .then_some(())
    })
    .await;
    drop(handle);
    root.remove();
    restore_fetch();
    reset_storage();
}

#[wasm_bindgen_test]
async fn the_palette_opens_filters_and_goes_by_keyboard_and_gives_focus_back() {
    reset_storage();
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    let containers = failing_container_list();
    let mut routes = vec![("regions/fr-par/containers?", 200, containers.as_str())];
    routes.extend(EMPTY);
    stub_fetch_routes(&routes);
    let (root, handle) = mount_at("/settings");
    wait_for("settings", || {
        text_of(&root, "h1").filter(|t| t == "Settings")
    })
    .await;
    // Focus somewhere, then Ctrl+K.
    run_js("document.querySelector('nav a').focus(); return 0;");
    let before = run_js("return document.activeElement.textContent;");
    press("k", true);
    wait_for("the palette", || query(&root, "#palette-input")).await;
    wait_for("the palette's box, focused", || {
        (active_id() == "palette-input").then_some(())
    })
    .await;
    assert!(is_present(&root, "[role=dialog][aria-modal=true]"));
    // Escape closes it and gives the focus back.
    press("Escape", false);
    wait_for("the palette closed", || {
        query(&document().document_element().unwrap(), "#palette-input")
            .is_none()
            .then_some(())
    })
    .await;
    assert_eq!(run_js("return document.activeElement.textContent;"), before);
    // `/` opens it too; part of a name finds the container; arrows and Enter go.
    press("/", false);
    let input = wait_for("the palette again", || {
        query(&document().document_element().unwrap(), "#palette-input")
    })
    .await;
    type_into(&input, "broken");
    let first = wait_for("a match", || {
        query(
            &document().document_element().unwrap(),
            "#palette-list [role=option]",
        )
        .and_then(|o| o.text_content())
        .filter(|t| t.contains("broken-api"))
    })
    .await;
    assert!(first.contains("container · fr-par"), "{first}");
    assert_eq!(
        input.get_attribute("aria-activedescendant").as_deref(),
        Some("palette-option-0")
    );
    press("ArrowDown", false);
    press("ArrowUp", false);
    assert_eq!(
        input.get_attribute("aria-activedescendant").as_deref(),
        Some("palette-option-0")
    );
    press("Enter", false);
    wait_for("the container's page", || {
        let location = web_sys::window().unwrap().location();
        let (path, search) = (location.pathname().ok()?, location.search().ok()?);
        (path == "/containers/c-bad" && search.contains("region=fr-par")).then_some(())
    })
    .await;
    drop(handle);
    root.remove();
    restore_fetch();
    reset_storage();
}
