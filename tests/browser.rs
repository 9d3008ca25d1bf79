//! Browser tests: mount the real app in headless Chromium and assert on the DOM.
//! Run with `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use console::api::namespaces::Namespace;
use console::api::Resource;
use console::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, Storage};

wasm_bindgen_test_configure!(run_in_browser);

/// A secret key of the API's shape.
const KEY: &str = "11111111-2222-4333-8444-555555555555";

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage(local: bool) -> Storage {
    let w = web_sys::window().unwrap();
    if local {
        w.local_storage().unwrap().unwrap()
    } else {
        w.session_storage().unwrap().unwrap()
    }
}

fn reset_storage() {
    storage(true).clear().unwrap();
    storage(false).clear().unwrap();
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits (up to 5 s) until `find` returns something; panics naming `what`.
async fn wait_for<T>(what: &str, find: impl Fn() -> Option<T>) -> T {
    wait_for_secs(5, what, find).await
}

async fn wait_for_secs<T>(secs: u32, what: &str, find: impl Fn() -> Option<T>) -> T {
    for _ in 0..secs * 20 {
        if let Some(found) = find() {
            return found;
        }
        sleep(50).await;
    }
    panic!(
        "timed out waiting for {what}; body: {}",
        document().body().unwrap().inner_html()
    );
}

fn query(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

fn text_of(root: &Element, selector: &str) -> Option<String> {
    query(root, selector).and_then(|e| e.text_content())
}

/// Mounts the app at `path` in a fresh container.
fn mount_at(path: &str) -> (Element, leptos::mount::UnmountHandle<impl Mountable>) {
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone().unchecked_into::<HtmlElement>(), App);
    (root, handle)
}

fn type_into(input: &Element, value: &str) {
    let input: &HtmlInputElement = input.unchecked_ref();
    input.set_value(value);
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    input.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn shell_has_navigation_and_region_switch() {
    reset_storage();
    let (root, handle) = mount_at("/");
    let nav = wait_for("navigation", || query(&root, "nav[aria-label=Main]")).await;
    let links: Vec<String> = (0..nav.children().length())
        .filter_map(|i| nav.children().item(i))
        .filter_map(|a| a.text_content())
        .collect();
    assert_eq!(
        links,
        [
            "Namespaces",
            "Containers",
            "Domains",
            "Triggers",
            "Settings"
        ]
    );

    let options: Vec<String> = {
        let select = query(&root, "select[name=region]").expect("region switch");
        let opts = select.query_selector_all("option").unwrap();
        (0..opts.length())
            .filter_map(|i| opts.item(i).and_then(|o| o.text_content()))
            .collect()
    };
    assert_eq!(options, ["fr-par", "nl-ams", "pl-waw"]);

    // "/" redirects to the namespace list, which asks for a key before calling the API.
    let hint = wait_for("the key hint", || text_of(&root, ".banner-info")).await;
    assert!(hint.contains("Set your secret key"), "{hint}");
    assert_eq!(text_of(&root, "h1").as_deref(), Some("Namespaces"));
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn secret_key_goes_to_session_storage_and_never_into_the_dom() {
    reset_storage();
    let (root, handle) = mount_at("/settings");
    let key_input = wait_for("key input", || query(&root, "#secret-key")).await;
    assert!(
        query(&root, "label[for=secret-key]").is_some(),
        "the input has a label"
    );
    let form: HtmlElement = query(&root, "form").unwrap().unchecked_into();
    // A key that is not one (a zero-width space pasted along) is refused on its field, not saved.
    type_into(&key_input, "11111111-2222-4333-8444-55555555555\u{200b}5");
    form.unchecked_ref::<web_sys::HtmlFormElement>()
        .request_submit()
        .unwrap();
    let refused = wait_for("the key message", || text_of(&root, "#secret-key-error")).await;
    assert!(refused.contains("invisible"), "{refused}");
    assert_eq!(storage(false).get_item("scc.secret_key").unwrap(), None);

    type_into(&key_input, KEY);
    form.unchecked_ref::<web_sys::HtmlFormElement>()
        .request_submit()
        .unwrap();

    let state = wait_for("key state", || {
        text_of(&root, "#key-state").filter(|t| t.contains("session storage"))
    })
    .await;
    assert!(state.contains("for this browser tab"));
    assert_eq!(
        storage(false)
            .get_item("scc.secret_key")
            .unwrap()
            .as_deref(),
        Some(KEY)
    );
    assert_eq!(
        storage(true).get_item("scc.secret_key").unwrap(),
        None,
        "not remembered unless asked"
    );
    // The key is cleared from the input after saving and appears nowhere in the page.
    assert_eq!(key_input.unchecked_ref::<HtmlInputElement>().value(), "");
    assert!(!document()
        .document_element()
        .unwrap()
        .outer_html()
        .contains(KEY));

    // "Remember" moves it to local storage.
    let remember: HtmlInputElement = query(&root, "input[name=remember]")
        .unwrap()
        .unchecked_into();
    remember.click();
    form.unchecked_ref::<web_sys::HtmlFormElement>()
        .request_submit()
        .unwrap();
    wait_for("remembered", || {
        text_of(&root, "#key-state").filter(|t| t.contains("local storage"))
    })
    .await;
    assert_eq!(
        storage(true).get_item("scc.secret_key").unwrap().as_deref(),
        Some(KEY)
    );
    assert_eq!(storage(false).get_item("scc.secret_key").unwrap(), None);
    drop(handle);
    root.remove();
    reset_storage();
}

#[wasm_bindgen_test]
async fn test_connection_explains_a_failure_in_words() {
    reset_storage();
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    let (root, handle) = mount_at("/settings");
    let button = wait_for("test button", || {
        let buttons = root.query_selector_all("button").unwrap();
        (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .map(|n| n.unchecked_into::<HtmlElement>())
            .find(|b| b.text_content().as_deref() == Some("Test connection"))
    })
    .await;
    button.click();
    // The test server has no API: the answer is a non-JSON 404, explained in words.
    let alert = wait_for("error banner", || text_of(&root, "[role=alert]")).await;
    assert!(alert.contains("HTTP 404"), "{alert}");
    assert!(alert.contains("API base URL"), "{alert}");
    assert!(!alert.contains('{'), "no raw JSON: {alert}");
    drop(handle);
    root.remove();
    reset_storage();
}

#[wasm_bindgen_test]
async fn resource_table_renders_rows_and_a_pager() {
    use console::components::resource_table::{Page, ResourceTable};
    use console::state::session::provide_session;
    reset_storage();
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone().unchecked_into::<HtmlElement>(), || {
        provide_session();
        view! {
            <leptos_router::components::Router>
                <ResourceTable
                    noun="things"
                    headers=&["Name"]
                    fetch=|_client, _params, page| async move {
                        Ok(Page { items: vec![namespace(&format!("item on page {page}"), "ready", 1)], total_count: 41 })
                    }
                    row=|n: Namespace| view! { <tr><td>{n.name}</td></tr> }
                    key=|n: &Namespace| n.name.clone()
                    transient=|_: &Namespace| false
                />
            </leptos_router::components::Router>
        }
    });
    let cell = wait_for("a row", || text_of(&root, "tbody td")).await;
    assert_eq!(cell, "item on page 1");
    let buttons = root.query_selector_all(".pager button").unwrap();
    let labels: Vec<String> = (0..buttons.length())
        .filter_map(|i| buttons.item(i).and_then(|b| b.text_content()))
        .collect();
    assert_eq!(labels, ["Previous", "Next"]);
    assert!(text_of(&root, ".pager span")
        .unwrap()
        .contains("Page 1 of 3 · 41 things"));
    let next: HtmlElement = buttons.item(1).unwrap().unchecked_into();
    next.click();
    wait_for("page 2", || {
        text_of(&root, "tbody td").filter(|t| t == "item on page 2")
    })
    .await;
    drop(handle);
    root.remove();
    reset_storage();
}

#[wasm_bindgen_test]
async fn polling_updates_a_transient_row_until_it_settles() {
    use console::components::resource_table::{Page, ResourceTable};
    use console::state::session::provide_session;
    use std::sync::atomic::{AtomicU32, Ordering::SeqCst};
    use std::sync::Arc;
    reset_storage();
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    let calls = Arc::new(AtomicU32::new(0));
    let seen = calls.clone();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone().unchecked_into::<HtmlElement>(), move || {
        provide_session();
        let calls = calls.clone();
        view! {
            <leptos_router::components::Router>
                <ResourceTable
                    noun="containers"
                    headers=&["Status"]
                    fetch=move |_client, _params, _page| {
                        // The first two reads answer "creating", then "ready".
                        let n = calls.fetch_add(1, SeqCst) + 1;
                        let status = if n < 3 { "creating" } else { "ready" };
                        async move { Ok(Page { items: vec![namespace("web", status, 1)], total_count: 1 }) }
                    }
                    row=|n: Namespace| view! { <tr><td class="status">{n.status.to_string()}</td></tr> }
                    key=|n: &Namespace| n.status.to_string()
                    transient=|n: &Namespace| n.status.is_transient()
                />
            </leptos_router::components::Router>
        }
    });
    wait_for("creating", || {
        text_of(&root, "td.status").filter(|t| t == "creating")
    })
    .await;
    // Polling re-reads after 1 s, then 2 s: "ready" arrives with no reload.
    for _ in 0..100 {
        if text_of(&root, "td.status").as_deref() == Some("ready") {
            break;
        }
        sleep(100).await;
    }
    assert_eq!(text_of(&root, "td.status").as_deref(), Some("ready"));
    let settled_at = seen.load(SeqCst);
    assert_eq!(settled_at, 3);
    // Settled: polling stops, no further reads.
    sleep(2500).await;
    assert_eq!(
        seen.load(SeqCst),
        settled_at,
        "no polling once everything is settled"
    );
    drop(handle);
    root.remove();
    reset_storage();
}

/// A namespace as the API would send it.
fn namespace(name: &str, status: &str, created_day: u32) -> Namespace {
    serde_json::from_value(serde_json::json!({
        "id": format!("id-{name}"), "name": name, "project_id": "p", "status": status,
        "created_at": format!("2024-01-{created_day:02}T00:00:00Z"),
    }))
    .unwrap()
}

fn cells(root: &Element) -> Vec<String> {
    let cells = root.query_selector_all("tbody td").unwrap();
    (0..cells.length())
        .filter_map(|i| cells.item(i).and_then(|c| c.text_content()))
        .collect()
}

#[wasm_bindgen_test]
async fn a_new_order_or_name_of_a_list_read_whole_shows_without_waiting_for_the_api() {
    use console::components::resource_table::{Page, ResourceTable};
    use console::state::query::{use_list_params, ListParamsHandle};
    use console::state::session::provide_session;
    use std::sync::{Arc, Mutex};
    reset_storage();
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/namespaces"))
        .unwrap();
    let handle_cell: Arc<Mutex<Option<ListParamsHandle>>> = Arc::default();
    let reads = Arc::new(std::sync::atomic::AtomicU32::new(0));
    let (cell, counter) = (handle_cell.clone(), reads.clone());
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone().unchecked_into::<HtmlElement>(), move || {
        provide_session();
        view! {
            <leptos_router::components::Router>
                {move || { *cell.lock().unwrap() = Some(use_list_params()); }}
                <ResourceTable
                    noun="namespaces"
                    headers=&["Name"]
                    fetch=move |_client, _params, _page| {
                        // The first read answers; the API never answers the later ones.
                        let first = counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 0;
                        async move {
                            if !first {
                                std::future::pending::<()>().await;
                            }
                            let items = vec![namespace("web", "ready", 2), namespace("api", "ready", 3), namespace("batch", "ready", 1)];
                            Ok(Page { items, total_count: 3 })
                        }
                    }
                    row=|n: Namespace| view! { <tr><td>{n.name}</td></tr> }
                    key=|n: &Namespace| n.name.clone()
                    transient=|_: &Namespace| false
                />
            </leptos_router::components::Router>
        }
    });
    wait_for("the rows as read", || {
        Some(cells(&root)).filter(|c| c.len() == 3)
    })
    .await;
    assert_eq!(cells(&root), ["web", "api", "batch"]);
    let params = handle_cell.lock().unwrap().expect("list params");
    // Each order shows the rows otherwise than the one before.
    for (order, expected) in [
        ("name_asc", ["api", "batch", "web"]),
        ("created_at_asc", ["batch", "web", "api"]),
        ("created_at_desc", ["api", "web", "batch"]),
        ("name_desc", ["web", "batch", "api"]),
    ] {
        params.update(|p| p.order_by = Some(order.into()));
        wait_for(order, || Some(cells(&root)).filter(|c| c == &expected)).await;
    }
    // A narrower name (any case) keeps the order asked for.
    params.update(|p| p.name = Some("A".into()));
    wait_for("filtered by name", || {
        Some(cells(&root)).filter(|c| c == &["batch", "api"])
    })
    .await;
    // The change asked the API too (its answer would confirm what is shown).
    assert!(reads.load(std::sync::atomic::Ordering::SeqCst) >= 2);
    drop(handle);
    root.remove();
    reset_storage();
}

fn is_present(root: &Element, selector: &str) -> bool {
    query(root, selector).is_some()
}

#[wasm_bindgen_test]
async fn container_form_switches_oneofs_and_flags_fields_before_sending() {
    reset_storage();
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    let (root, handle) = mount_at("/containers/new?namespace_id=ns-1");
    wait_for("the form", || query(&root, "form.form")).await;
    // The liveness probe starts as TCP: no path field.
    assert!(!is_present(&root, "#liveness-path"));
    root.query_selector("#liveness-kind-http")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    wait_for("the HTTP path field", || query(&root, "#liveness-path")).await;
    root.query_selector("#liveness-kind-tcp")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    wait_for("the path field gone", || {
        (!is_present(&root, "#liveness-path")).then_some(())
    })
    .await;
    // The startup probe is optional: its fields appear when enabled.
    assert!(!is_present(&root, "#startup-kind-tcp"));
    root.query_selector("#startup_enabled")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    wait_for("startup probe fields", || query(&root, "#startup-kind-tcp")).await;

    // Submitting an incomplete form shows messages on the fields, sends nothing.
    type_into(&query(&root, "#port").unwrap(), "9090");
    type_into(&query(&root, "#memory").unwrap(), "64");
    let form: web_sys::HtmlFormElement = query(&root, "form.form").unwrap().unchecked_into();
    form.request_submit().unwrap();
    let name_error = wait_for("the name message", || text_of(&root, "#name-error")).await;
    assert!(name_error.contains("name"), "{name_error}");
    assert!(text_of(&root, "#image-error").is_some());
    assert!(text_of(&root, "#port-error").unwrap().contains("reserved"));
    assert!(text_of(&root, "#memory-error").unwrap().contains("128"));
    assert_eq!(
        query(&root, "#port")
            .unwrap()
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert!(
        query(&root, "#form-failure").is_none(),
        "no request was sent"
    );
    drop(handle);
    root.remove();
    reset_storage();
}

#[wasm_bindgen_test]
async fn a_failed_submit_keeps_every_input() {
    reset_storage();
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    storage(true)
        .set_item("scc.project_id", "105bdce1-64c0-48ab-899d-868455867ecf")
        .unwrap();
    let (root, handle) = mount_at("/namespaces/new");
    wait_for("the form", || query(&root, "#name")).await;
    type_into(&query(&root, "#name").unwrap(), "web-prod");
    type_into(&query(&root, "#description").unwrap(), "kept after failure");
    type_into(&query(&root, "#tags").unwrap(), "a, b");
    let add = wait_for("add variable", || {
        let buttons = root.query_selector_all("#env button").unwrap();
        (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .map(|b| b.unchecked_into::<HtmlElement>())
            .find(|b| b.text_content().as_deref() == Some("Add variable"))
    })
    .await;
    add.click();
    let key = wait_for("a variable row", || query(&root, "#env-key-0")).await;
    type_into(&key, "MODE");
    type_into(&query(&root, "#env-value-0").unwrap(), "prod");
    let form: web_sys::HtmlFormElement = query(&root, "form.form").unwrap().unchecked_into();
    form.request_submit().unwrap();
    // The test server has no API: the request fails (HTTP 404, not JSON).
    let banner = wait_for("the failure banner", || text_of(&root, "#form-failure")).await;
    assert!(banner.contains("Nothing you typed was lost"), "{banner}");
    let value = |sel: &str| {
        query(&root, sel)
            .unwrap()
            .unchecked_into::<HtmlInputElement>()
            .value()
    };
    assert_eq!(value("#name"), "web-prod");
    assert_eq!(value("#tags"), "a, b");
    assert_eq!(value("#env-key-0"), "MODE");
    assert_eq!(value("#env-value-0"), "prod");
    assert_eq!(
        query(&root, "#description")
            .unwrap()
            .unchecked_into::<web_sys::HtmlTextAreaElement>()
            .value(),
        "kept after failure"
    );
    drop(handle);
    root.remove();
    reset_storage();
}

#[wasm_bindgen_test]
async fn pasting_a_dotenv_block_fills_rows_and_flags_reserved_names() {
    reset_storage();
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    let (root, handle) = mount_at("/namespaces/new");
    let paste = wait_for("the paste box", || query(&root, "#env-paste")).await;
    type_into(&paste, "A=1\nexport B=\"two\"\nPORT=80\n");
    let buttons = root.query_selector_all("#env button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|b| b.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().as_deref() == Some("Add these variables"))
        .unwrap()
        .click();
    wait_for("three rows", || query(&root, "#env-key-2")).await;
    let value = |sel: &str| {
        query(&root, sel)
            .unwrap()
            .unchecked_into::<HtmlInputElement>()
            .value()
    };
    assert_eq!(
        (value("#env-key-1"), value("#env-value-1")),
        ("B".to_string(), "two".to_string())
    );
    let form: web_sys::HtmlFormElement = query(&root, "form.form").unwrap().unchecked_into();
    form.request_submit().unwrap();
    let row_error = wait_for("the reserved name message", || {
        text_of(&root, "#env .kv-row:nth-of-type(3) .field-error")
    })
    .await;
    assert!(row_error.contains("reserved"), "{row_error}");
    drop(handle);
    root.remove();
    reset_storage();
}

#[wasm_bindgen_test]
async fn leaving_an_edited_form_asks_first() {
    reset_storage();
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    let window = web_sys::window().unwrap();
    // window.confirm answers `yes` and counts the questions in window.__asked.
    let answer = |yes: bool| {
        let stub = js_sys::Function::new_no_args(&format!(
            "window.__asked = (window.__asked || 0) + 1; return {yes};"
        ));
        js_sys::Reflect::set(&window, &"confirm".into(), &stub).unwrap();
    };
    let asked = || {
        js_sys::Reflect::get(&window, &"__asked".into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0) as u32
    };
    let (root, handle) = mount_at("/namespaces/new");
    let name = wait_for("the form", || query(&root, "#name")).await;
    let link: HtmlElement = {
        let links = root.query_selector_all("nav[aria-label=Main] a").unwrap();
        (0..links.length())
            .filter_map(|i| links.item(i))
            .map(|a| a.unchecked_into::<HtmlElement>())
            .find(|a| a.text_content().as_deref() == Some("Containers"))
            .unwrap()
    };
    // Count the clicks that get past the guard to the link itself.
    let reached = std::rc::Rc::new(std::cell::Cell::new(0));
    let counter = {
        let reached = reached.clone();
        wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            reached.set(reached.get() + 1);
            ev.prevent_default();
        })
    };
    link.add_event_listener_with_callback("click", counter.as_ref().unchecked_ref())
        .unwrap();

    // Nothing typed yet: no question.
    answer(true);
    link.click();
    assert_eq!((asked(), reached.get()), (0, 1));
    // Typed: the user is asked; "no" keeps the page and what was typed.
    type_into(&name, "typed-but-not-saved");
    answer(false);
    link.click();
    assert_eq!((asked(), reached.get()), (1, 1), "the click was stopped");
    assert_eq!(
        name.unchecked_ref::<HtmlInputElement>().value(),
        "typed-but-not-saved"
    );
    assert_eq!(text_of(&root, "h1").as_deref(), Some("Create a namespace"));
    // "Yes" lets the link work.
    answer(true);
    link.click();
    assert_eq!((asked(), reached.get()), (2, 2));
    drop(handle);
    root.remove();
    reset_storage();
}

/// Replaces `window.fetch`: each request is recorded in `window.__sent`
/// (`{method, url, body}`) and answered with `status` and the JSON `answer`.
/// `restore_fetch` puts the browser's own back.
fn stub_fetch(status: u16, answer: &str) {
    stub_fetch_routes(&[("", status, answer)]);
}

/// Like `stub_fetch`, answering each request with the first route whose
/// text the request's method and URL (`GET /…/domains?…`) contain.
fn stub_fetch_routes(routes: &[(&str, u16, &str)]) {
    let routes: Vec<serde_json::Value> = routes
        .iter()
        .map(|(part, status, answer)| serde_json::json!([part, status, answer]))
        .collect();
    let install = js_sys::Function::new_with_args(
        "routes",
        "window.__realFetch = window.__realFetch || window.fetch;
         window.__sent = [];
         window.fetch = async (input, init) => {
           const r = new Request(input, init);
           window.__sent.push({method: r.method, url: r.url, token: r.headers.get('X-Auth-Token'), body: await r.text()});
           const [, status, answer] = routes.find(([part]) => (r.method + ' ' + r.url).includes(part));
           return new Response(answer, {status, headers: {'Content-Type': 'application/json'}});
         };",
    );
    let routes = js_sys::JSON::parse(&serde_json::Value::from(routes).to_string()).unwrap();
    install
        .call1(&wasm_bindgen::JsValue::NULL, &routes)
        .unwrap();
}

/// Like `stub_fetch`, answering the requests in turn with `answers`, the
/// last one again once they are used up; each request records its time.
fn stub_fetch_sequence(answers: &[(u16, &str)]) {
    stub_fetch_sequence_for("", answers, (500, "{}"));
}

/// Like `stub_fetch_sequence` for the requests whose URL contains `part`;
/// the others are answered with `others`.
fn stub_fetch_sequence_for(part: &str, answers: &[(u16, &str)], others: (u16, &str)) {
    let answers: Vec<serde_json::Value> = answers
        .iter()
        .map(|(status, answer)| serde_json::json!([status, answer]))
        .collect();
    let install = js_sys::Function::new_with_args(
        "part, answers, others",
        "window.__realFetch = window.__realFetch || window.fetch;
         window.__sent = [];
         let served = 0;
         window.fetch = async (input, init) => {
           const r = new Request(input, init);
           window.__sent.push({method: r.method, url: r.url, at: Date.now(), body: await r.text()});
           const [status, answer] = r.url.includes(part)
             ? answers[Math.min(++served, answers.length) - 1]
             : others;
           return new Response(answer, {status, headers: {'Content-Type': 'application/json'}});
         };",
    );
    let answers = js_sys::JSON::parse(&serde_json::Value::from(answers).to_string()).unwrap();
    let others = js_sys::JSON::parse(&serde_json::json!(others).to_string()).unwrap();
    install
        .call3(
            &wasm_bindgen::JsValue::NULL,
            &part.into(),
            &answers,
            &others,
        )
        .unwrap();
}

fn restore_fetch() {
    js_sys::Function::new_no_args(
        "if (window.__realFetch) { window.fetch = window.__realFetch; } window.__sent = [];",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
}

/// The raw records of the requests sent since `stub_fetch`.
fn sent_requests() -> Vec<serde_json::Value> {
    let sent = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__sent".into()).unwrap();
    let text = js_sys::JSON::stringify(&sent).unwrap().as_string().unwrap();
    serde_json::from_str(&text).unwrap_or_default()
}

/// The requests sent since `stub_fetch` with the given method, bodies parsed.
fn sent(method: &str) -> Vec<serde_json::Value> {
    sent_requests()
        .into_iter()
        .filter(|r| r["method"] == method)
        .map(|r| serde_json::from_str(r["body"].as_str().unwrap_or("null")).unwrap_or_default())
        .collect()
}

fn click(root: &Element, selector: &str) {
    query(root, selector)
        .unwrap_or_else(|| panic!("{selector}"))
        .unchecked_into::<HtmlElement>()
        .click();
}

fn submit(root: &Element) {
    query(root, "form.form")
        .unwrap()
        .unchecked_into::<web_sys::HtmlFormElement>()
        .request_submit()
        .unwrap();
}

#[wasm_bindgen_test]
async fn trigger_form_sends_only_the_chosen_source_and_shows_errors_on_its_fields() {
    reset_storage();
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    // Lists answer empty; the create answers a field error from the server.
    stub_fetch(
        400,
        r#"{"type":"invalid_arguments","message":"invalid argument(s)","details":[
            {"argument_name":"cron_config.timezone","reason":"format","help_message":"unknown time zone"}]}"#,
    );
    let (root, handle) = mount_at("/triggers/new?container_id=c-1");
    wait_for("the schedule field", || query(&root, "#cron_schedule")).await;

    // Nothing typed: every required field of the chosen source says so, nothing is sent.
    type_into(&query(&root, "#name").unwrap(), "");
    submit(&root);
    let message = wait_for("the schedule message", || {
        text_of(&root, "#cron_schedule-error")
    })
    .await;
    assert!(message.contains("Give a schedule"), "{message}");
    assert!(text_of(&root, "#name-error").is_some());
    assert!(
        sent("POST").is_empty(),
        "nothing sent before the fields are right"
    );

    // Fill NATS, then switch to cron: the NATS inputs stay in the form, not in the request.
    click(&root, "#source-nats-subject");
    let urls = wait_for("the NATS fields", || query(&root, "#nats_server_urls")).await;
    type_into(&urls, "nats://n1.example:4222");
    type_into(&query(&root, "#nats_subject").unwrap(), "orders.created");
    click(&root, "#source-schedule-cron");
    let schedule = wait_for("the cron fields again", || query(&root, "#cron_schedule")).await;
    type_into(&schedule, "0 9 * * 1-5");
    type_into(&query(&root, "#name").unwrap(), "weekday-report");
    submit(&root);
    wait_for("the server's field message", || {
        text_of(&root, "#cron_timezone-error").filter(|m| m.contains("unknown time zone"))
    })
    .await;
    let bodies = sent("POST");
    assert_eq!(bodies.len(), 1, "{bodies:?}");
    let body = &bodies[0];
    assert_eq!(body["container_id"], "c-1");
    assert_eq!(body["cron_config"]["schedule"], "0 9 * * 1-5");
    assert!(
        body.get("nats_config").is_none() && body.get("sqs_config").is_none(),
        "exactly one source: {body}"
    );
    assert_eq!(
        body["destination_config"],
        serde_json::json!({"http_path": "/", "http_method": "post"})
    );
    // Switching back finds the NATS inputs as typed.
    click(&root, "#source-nats-subject");
    let subject = wait_for("the NATS subject", || query(&root, "#nats_subject")).await;
    assert_eq!(
        subject.unchecked_into::<HtmlInputElement>().value(),
        "orders.created"
    );
    restore_fetch();
    drop(handle);
    root.remove();
    reset_storage();
}

#[wasm_bindgen_test]
async fn the_cron_reading_follows_the_schedule_as_it_is_typed() {
    reset_storage();
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    stub_fetch(200, r#"{"containers": [], "total_count": 0}"#);
    let (root, handle) = mount_at("/triggers/new");
    let schedule = wait_for("the schedule field", || query(&root, "#cron_schedule")).await;
    type_into(&schedule, "0 9 * * 1-5");
    let reading = wait_for("the reading", || {
        text_of(&root, ".cron-reading").filter(|t| t.contains("09:00"))
    })
    .await;
    assert_eq!(reading, "At 09:00, on Monday through Friday.");
    let runs = root.query_selector_all(".next-runs li").unwrap();
    assert_eq!(runs.length(), 5, "the next five runs");
    type_into(&schedule, "*/15 * * * *");
    wait_for("the new reading", || {
        text_of(&root, ".cron-reading").filter(|t| t == "Every 15 minutes, every day.")
    })
    .await;
    type_into(&schedule, "61 * * * *");
    let problem = wait_for("the problem, while typing", || {
        text_of(&root, ".cron-reading").filter(|t| t.starts_with("Not a schedule yet"))
    })
    .await;
    assert!(problem.contains("0 to 59"), "{problem}");
    assert!(query(&root, ".next-runs").is_none());
    restore_fetch();
    drop(handle);
    root.remove();
    reset_storage();
}

#[wasm_bindgen_test]
fn browser_time_zones_follow_summer_time() {
    use console::components::time::{time_zones, BrowserZone};
    use console::forms::cron::{parse, Zone};
    let paris = BrowserZone::new("Europe/Paris").expect("the browser knows Paris");
    let at = |iso: &str| js_sys::Date::parse(iso) as i64;
    assert_eq!(paris.offset_minutes(at("2026-01-15T12:00:00Z")), 60);
    assert_eq!(paris.offset_minutes(at("2026-07-15T12:00:00Z")), 120);
    assert!(BrowserZone::new("Mars/Olympus_Mons").is_none());
    assert!(time_zones().iter().any(|z| z == "Asia/Seoul"));
    // 02:30 does not exist in Paris on 29 March 2026: that day has no run.
    let runs = parse("30 2 * * *")
        .unwrap()
        .next_runs(at("2026-03-28T12:00:00Z"), &paris, 2);
    assert_eq!(
        runs,
        [at("2026-03-30T00:30:00Z"), at("2026-03-31T00:30:00Z")]
    );
}

#[wasm_bindgen_test]
async fn domain_form_groups_containers_by_namespace_and_refuses_a_full_one() {
    reset_storage();
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    let container = |id: &str, ns: &str| {
        serde_json::json!({"id": id, "name": "api", "namespace_id": ns, "status": "ready",
                           "public_endpoint": format!("https://{id}.functions.example")})
    };
    let containers = serde_json::json!({"containers": [container("c-1", "n-1"), container("c-2", "n-2")], "total_count": 2}).to_string();
    // Answers by URL: namespaces, containers, and the domains of c-2 (full).
    stub_fetch_routes(&[
        (
            "fr-par/namespaces",
            200,
            r#"{"namespaces": [
            {"id": "n-1", "name": "shop", "project_id": "p", "status": "ready"},
            {"id": "n-2", "name": "blog", "project_id": "p", "status": "ready"}], "total_count": 2}"#,
        ),
        ("fr-par/containers", 200, &containers),
        (
            "container_id=c-2",
            200,
            r#"{"domains": [], "total_count": 50}"#,
        ),
        ("GET", 200, r#"{"domains": [], "total_count": 3}"#),
        ("POST", 500, r#"{"message": "not expected"}"#),
    ]);
    let (root, handle) = mount_at("/domains/new");
    let picker = wait_for("the containers, grouped", || {
        let groups = root.query_selector_all("#container_id optgroup").unwrap();
        (groups.length() == 2).then(|| query(&root, "#container_id").unwrap())
    })
    .await;
    let labels: Vec<String> = (0..2)
        .map(|i| {
            root.query_selector_all("#container_id optgroup")
                .unwrap()
                .item(i)
                .unwrap()
                .unchecked_into::<Element>()
                .get_attribute("label")
                .unwrap()
        })
        .collect();
    assert_eq!(
        labels,
        ["shop", "blog"],
        "two containers named api, told apart"
    );
    // Choosing one shows its DNS record.
    let select: web_sys::HtmlSelectElement = picker.unchecked_into();
    select.set_value("c-1");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    type_into(&query(&root, "#hostname").unwrap(), "www.Shop.example");
    let target = wait_for("the record", || text_of(&root, "#dns-target")).await;
    assert_eq!(target, "c-1.functions.example");
    assert_eq!(
        text_of(&root, "#dns-name").as_deref(),
        Some("www.shop.example")
    );
    // A container with 50 domains is refused on the picker, before sending.
    select.set_value("c-2");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    let message = wait_for("the limit message", || {
        text_of(&root, "#container_id-error")
    })
    .await;
    assert!(message.contains("50 custom domains"), "{message}");
    submit(&root);
    sleep(300).await;
    assert!(sent("POST").is_empty(), "nothing sent for a full container");
    restore_fetch();
    drop(handle);
    root.remove();
    reset_storage();
}

#[wasm_bindgen_test]
async fn a_base_url_elsewhere_must_be_https_and_agreed_to() {
    reset_storage();
    let (root, handle) = mount_at("/settings");
    let url = wait_for("the base URL", || query(&root, "#base-url")).await;
    type_into(&url, "http://api.example.com");
    submit_first_form(&root);
    let problem = wait_for("the https message", || text_of(&root, "#base-url-error")).await;
    assert!(problem.contains("https://"), "{problem}");
    assert_eq!(storage(true).get_item("scc.base_url").unwrap(), None);

    type_into(&url, "https://api.example.com/gateway");
    let warning = wait_for("where the key goes", || text_of(&root, ".banner-warn")).await;
    assert!(
        warning.contains("will be sent to https://api.example.com"),
        "{warning}"
    );
    submit_first_form(&root);
    let problem = wait_for("the agreement message", || {
        text_of(&root, "#base-url-error").filter(|t| t.contains("agree"))
    })
    .await;
    assert!(problem.contains("https://api.example.com"), "{problem}");
    assert_eq!(
        storage(true).get_item("scc.base_url").unwrap(),
        None,
        "not saved yet"
    );
    click(&root, "#agree-destination");
    submit_first_form(&root);
    wait_for("saved", || {
        text_of(&root, ".saved").filter(|t| t == "Saved.")
    })
    .await;
    assert_eq!(
        storage(true).get_item("scc.base_url").unwrap().as_deref(),
        Some("https://api.example.com/gateway")
    );
    drop(handle);
    root.remove();
    reset_storage();
}

fn submit_first_form(root: &Element) {
    query(root, "form")
        .unwrap()
        .unchecked_into::<web_sys::HtmlFormElement>()
        .request_submit()
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_refused_key_is_replaced_inside_the_form_and_nothing_is_lost() {
    reset_storage();
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    storage(true)
        .set_item("scc.project_id", "105bdce1-64c0-48ab-899d-868455867ecf")
        .unwrap();
    stub_fetch(
        401,
        r#"{"type":"denied_authentication","message":"authentication is denied","method":"api_key","reason":"expired"}"#,
    );
    let (root, handle) = mount_at("/namespaces/new");
    let name = wait_for("the form", || query(&root, "#name")).await;
    assert_eq!(
        query(&root, "select[name=region]")
            .unwrap()
            .get_attribute("disabled")
            .as_deref(),
        Some(""),
        "the region is fixed while a form is open"
    );
    type_into(&name, "web-prod");
    submit(&root);
    let prompt = wait_for("the key prompt", || {
        query(&root, "#form-failure .key-prompt input")
    })
    .await;
    let fresh = "99999999-2222-4333-8444-555555555555";
    type_into(&prompt, fresh);
    click(&root, "#form-failure .key-prompt button");
    wait_for("the key saved", || {
        text_of(&root, "#form-failure .key-prompt [role=status]")
            .filter(|t| t.contains("Key saved"))
    })
    .await;
    assert_eq!(
        name.unchecked_ref::<HtmlInputElement>().value(),
        "web-prod",
        "nothing lost"
    );
    assert_eq!(
        storage(false)
            .get_item("scc.secret_key")
            .unwrap()
            .as_deref(),
        Some(fresh)
    );
    submit(&root);
    wait_for("a second attempt", || {
        (sent("POST").len() == 2).then_some(())
    })
    .await;
    let tokens: Vec<serde_json::Value> = sent_requests()
        .into_iter()
        .filter(|r| r["method"] == "POST")
        .map(|r| r["token"].clone())
        .collect();
    assert_eq!(tokens, [serde_json::json!(KEY), serde_json::json!(fresh)]);
    assert!(!document()
        .document_element()
        .unwrap()
        .outer_html()
        .contains(fresh));
    restore_fetch();
    drop(handle);
    root.remove();
    reset_storage();
}

#[wasm_bindgen_test]
async fn a_key_that_cannot_be_sent_is_a_message_not_an_exception() {
    reset_storage();
    // Stored before keys were checked, or edited by hand: a zero-width space inside.
    storage(false)
        .set_item(
            "scc.secret_key",
            "11111111-2222-4333-8444-5555555\u{200b}55555",
        )
        .unwrap();
    stub_fetch(200, r#"{"namespaces": [], "total_count": 0}"#);
    let (root, handle) = mount_at("/namespaces");
    let message = wait_for("the message", || text_of(&root, ".banner-error")).await;
    assert!(message.contains("cannot be sent"), "{message}");
    assert!(
        query(&root, ".banner-error .key-prompt").is_some(),
        "replaceable in place"
    );
    assert!(sent_requests().is_empty(), "nothing was sent");
    assert!(
        query(&root, "select[name=region]")
            .unwrap()
            .get_attribute("disabled")
            .is_none(),
        "no form: the region can change"
    );
    restore_fetch();
    drop(handle);
    root.remove();
    reset_storage();
}

#[wasm_bindgen_test]
async fn a_failed_poll_keeps_the_rows_says_so_and_retries() {
    reset_storage();
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    let list = |status: &str| {
        serde_json::json!({"namespaces": [{"id": "n-1", "name": "web", "project_id": "p", "status": status}], "total_count": 1})
            .to_string()
    };
    let (creating, ready) = (list("creating"), list("ready"));
    let containers = r#"{"containers": [], "total_count": 0}"#;
    // The namespaces answer in turn; the containers (read once, for the counts) always.
    stub_fetch_sequence_for(
        "/namespaces",
        &[
            (200, &creating),
            (503, r#"{"message": "upstream unavailable"}"#),
            (
                429,
                r#"{"type":"too_many_requests","message":"too many requests","reset_seconds":3}"#,
            ),
            (200, &ready),
        ],
        (200, containers),
    );
    let (root, handle) = mount_at("/namespaces");
    wait_for("the creating row", || {
        text_of(&root, "tbody .badge").filter(|t| t == "creating")
    })
    .await;
    // The poll after 1 s fails: the row stays, marked as not refreshed, with a way to retry.
    let notice = wait_for_secs(5, "the stale notice", || text_of(&root, ".stale")).await;
    assert!(notice.contains("Could not refresh"), "{notice}");
    assert!(notice.contains("keeps trying"), "{notice}");
    assert_eq!(
        text_of(&root, "tbody td a").as_deref(),
        Some("web"),
        "the row is kept"
    );
    // The retry after 2 s answers 429 with reset_seconds 3: nothing is sent for 3 s.
    let notice = wait_for_secs(6, "the 429", || {
        text_of(&root, ".stale").filter(|t| t.contains("3 s"))
    })
    .await;
    assert!(notice.contains("Too many requests"), "{notice}");
    let namespace_reads = || -> Vec<f64> {
        sent_requests()
            .iter()
            .filter(|r| r["url"].as_str().unwrap_or("").contains("/namespaces"))
            .map(|r| r["at"].as_f64().unwrap())
            .collect()
    };
    wait_for_secs(10, "the read after the wait", || {
        (namespace_reads().len() >= 4).then_some(())
    })
    .await;
    let at = namespace_reads();
    assert!(
        at[3] - at[2] >= 2900.0,
        "waited {} ms after the 429",
        at[3] - at[2]
    );
    assert_eq!(
        sent_requests().len() - at.len(),
        1,
        "the containers, for the counts, were read once: polling does not re-read them"
    );
    // Then it reads again and settles: the notice goes, polling stops.
    wait_for_secs(5, "ready", || {
        text_of(&root, "tbody .badge").filter(|t| t == "ready")
    })
    .await;
    assert!(query(&root, ".stale").is_none());
    let settled = sent_requests().len();
    sleep(2500).await;
    assert_eq!(sent_requests().len(), settled, "no polling once settled");
    restore_fetch();
    drop(handle);
    root.remove();
    reset_storage();
}

#[wasm_bindgen_test]
async fn a_view_that_fails_to_load_offers_retry() {
    reset_storage();
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    stub_fetch_sequence(&[
        (
            400,
            r#"{"type":"invalid_arguments","message":"invalid argument(s)","details":[]}"#,
        ),
        (
            200,
            r#"{"id": "n-1", "name": "web", "project_id": "p", "status": "ready"}"#,
        ),
        (200, r#"{"containers": [], "total_count": 0}"#),
    ]);
    let (root, handle) = mount_at("/namespaces/n-1");
    wait_for("the error", || text_of(&root, ".banner-error")).await;
    let retry = wait_for("a Retry button", || {
        let buttons = root.query_selector_all(".banner-error button").unwrap();
        (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .map(|b| b.unchecked_into::<HtmlElement>())
            .find(|b| b.text_content().as_deref() == Some("Retry"))
    })
    .await;
    sleep(1500).await;
    assert_eq!(sent_requests().len(), 1, "a 400 is not retried by itself");
    retry.click();
    wait_for("the namespace", || {
        text_of(&root, "h1").filter(|t| t.starts_with("web"))
    })
    .await;
    restore_fetch();
    drop(handle);
    root.remove();
    reset_storage();
}

#[wasm_bindgen_test]
async fn an_edit_is_saved_on_top_of_changes_made_meanwhile_without_losing_them() {
    reset_storage();
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    let loaded =
        serde_json::json!({"id": "n-1", "name": "web", "project_id": "p", "status": "ready",
        "description": "d", "environment_variables": {"X": "1"},
        "secret_environment_variables": {"A": "$argon2id$a"}})
        .to_string();
    // Someone added a variable and a secret since the form was loaded.
    let now = serde_json::json!({"id": "n-1", "name": "web", "project_id": "p", "status": "ready",
        "description": "d", "environment_variables": {"X": "1", "Y": "2"},
        "secret_environment_variables": {"A": "$argon2id$a", "B": "$argon2id$b"}})
    .to_string();
    stub_fetch_sequence(&[(200, &loaded), (200, &now), (200, &now)]);
    let (root, handle) = mount_at("/namespaces/n-1/edit");
    let description = wait_for("the form", || query(&root, "#description")).await;
    type_into(&description, "mine");
    type_into(&query(&root, "#secrets-value-0").unwrap(), "new-a");
    submit(&root);
    let failure = wait_for("what changed meanwhile", || text_of(&root, "#form-failure")).await;
    assert!(
        failure.contains("changed since you opened this form (environment variables, secret environment variables)"),
        "{failure}"
    );
    assert!(
        sent("PATCH").is_empty(),
        "nothing sent before the user chooses"
    );
    let save = wait_for("the choice", || {
        let buttons = root
            .query_selector_all("#changed-meanwhile button")
            .unwrap();
        (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .map(|b| b.unchecked_into::<HtmlElement>())
            .find(|b| b.text_content().as_deref() == Some("Save mine on top of theirs"))
    })
    .await;
    save.click();
    wait_for("the PATCH", || (sent("PATCH").len() == 1).then_some(())).await;
    assert_eq!(
        sent("PATCH")[0],
        serde_json::json!({"description": "mine", "secret_environment_variables": {"A": "new-a", "B": ""}}),
        "B, added meanwhile, is kept; the variables nobody here touched are not sent"
    );
    restore_fetch();
    drop(handle);
    root.remove();
    reset_storage();
}

#[wasm_bindgen_test]
async fn reads_are_aborted_when_their_view_goes_away() {
    reset_storage();
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    // Answers after 3 s, and counts the requests aborted before that.
    js_sys::Function::new_no_args(
        "window.__realFetch = window.__realFetch || window.fetch;
         window.__sent = []; window.__aborted = 0;
         window.fetch = (input, init) => {
           const r = new Request(input, init);
           window.__sent.push({method: r.method, url: r.url});
           return new Promise((resolve, reject) => {
             r.signal.addEventListener('abort', () => { window.__aborted += 1; reject(new DOMException('aborted', 'AbortError')); });
             setTimeout(() => resolve(new Response('{\"namespaces\": [], \"total_count\": 0}', {status: 200})), 3000);
           });
         };",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
    let aborted = || {
        js_sys::Reflect::get(&web_sys::window().unwrap(), &"__aborted".into())
            .unwrap()
            .as_f64()
            .unwrap_or(0.0) as usize
    };
    let (root, handle) = mount_at("/namespaces");
    wait_for("the list's read", || {
        (!sent_requests().is_empty()).then_some(())
    })
    .await;
    assert_eq!(aborted(), 0);
    drop(handle);
    root.remove();
    wait_for("the read aborted", || {
        (aborted() == sent_requests().len()).then_some(())
    })
    .await;
    restore_fetch();
    reset_storage();
}

#[wasm_bindgen_test]
async fn a_poll_re_renders_only_the_rows_that_changed() {
    use console::components::resource_table::{Page, ResourceTable};
    use console::state::session::provide_session;
    use std::sync::atomic::{AtomicU32, Ordering::SeqCst};
    use std::sync::Arc;
    reset_storage();
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    let calls = Arc::new(AtomicU32::new(0));
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone().unchecked_into::<HtmlElement>(), move || {
        provide_session();
        let calls = calls.clone();
        view! {
            <leptos_router::components::Router>
                <ResourceTable
                    noun="things"
                    headers=&["Name", "Status"]
                    fetch=move |_client, _params, _page| {
                        // "a" settles after two reads; "b" is ready all along.
                        let n = calls.fetch_add(1, SeqCst) + 1;
                        let a = if n < 3 { "creating" } else { "ready" };
                        let items = vec![namespace("a", a, 1), namespace("b", "ready", 2)];
                        async move { Ok(Page { items, total_count: 2 }) }
                    }
                    row=|n: Namespace| {
                        let id = format!("row-{}", n.name);
                        view! { <tr id=id><td>{n.name}</td><td class="status">{n.status.to_string()}</td></tr> }
                    }
                    key=|n: &Namespace| n.row_key()
                    transient=|n: &Namespace| n.status.is_transient()
                />
            </leptos_router::components::Router>
        }
    });
    let b = wait_for("the rows", || query(&root, "#row-b")).await;
    let a = query(&root, "#row-a").unwrap();
    js_sys::Reflect::set(&b, &"__mark".into(), &true.into()).unwrap();
    js_sys::Reflect::set(&a, &"__mark".into(), &true.into()).unwrap();
    wait_for_secs(6, "a settled", || {
        text_of(&root, "#row-a .status").filter(|t| t == "ready")
    })
    .await;
    let marked = |selector: &str| {
        js_sys::Reflect::get(&query(&root, selector).unwrap(), &"__mark".into())
            .unwrap()
            .as_bool()
            .unwrap_or(false)
    };
    assert!(marked("#row-b"), "the unchanged row is the same element");
    assert!(!marked("#row-a"), "the changed row was rendered again");
    drop(handle);
    root.remove();
    reset_storage();
}
