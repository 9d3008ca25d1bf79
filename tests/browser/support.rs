//! The harness: mounting the app, waiting on the page, typing and clicking.

use console::api::namespaces::Namespace;
use console::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, Storage};

/// A secret key of the API's shape.
pub const KEY: &str = "11111111-2222-4333-8444-555555555555";

pub fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

pub fn storage(local: bool) -> Storage {
    let w = web_sys::window().unwrap();
    if local {
        w.local_storage().unwrap().unwrap()
    } else {
        w.session_storage().unwrap().unwrap()
    }
}

pub fn reset_storage() {
    storage(true).clear().unwrap();
    storage(false).clear().unwrap();
}

pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits (up to 5 s) until `find` returns something; panics naming `what`.
pub async fn wait_for<T>(what: &str, find: impl Fn() -> Option<T>) -> T {
    wait_for_secs(5, what, find).await
}

pub async fn wait_for_secs<T>(secs: u32, what: &str, find: impl Fn() -> Option<T>) -> T {
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

pub fn query(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

pub fn text_of(root: &Element, selector: &str) -> Option<String> {
    query(root, selector).and_then(|e| e.text_content())
}

/// Mounts the app at `path` in a fresh container.
pub fn mount_at(path: &str) -> (Element, leptos::mount::UnmountHandle<impl Mountable>) {
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

pub fn type_into(input: &Element, value: &str) {
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

pub fn click(root: &Element, selector: &str) {
    query(root, selector)
        .unwrap_or_else(|| panic!("{selector}"))
        .unchecked_into::<HtmlElement>()
        .click();
}

pub fn submit(root: &Element) {
    query(root, "form.form")
        .unwrap()
        .unchecked_into::<web_sys::HtmlFormElement>()
        .request_submit()
        .unwrap();
}

pub fn submit_first_form(root: &Element) {
    query(root, "form")
        .unwrap()
        .unchecked_into::<web_sys::HtmlFormElement>()
        .request_submit()
        .unwrap();
}

pub fn is_present(root: &Element, selector: &str) -> bool {
    query(root, selector).is_some()
}

/// The first cell of every row: the names, in the order shown.
pub fn cells(root: &Element) -> Vec<String> {
    let cells = root.query_selector_all("tbody td:first-child").unwrap();
    (0..cells.length())
        .filter_map(|i| cells.item(i).and_then(|c| c.text_content()))
        .collect()
}

/// A namespace as the API would send it.
pub fn namespace(name: &str, status: &str, created_day: u32) -> Namespace {
    serde_json::from_value(serde_json::json!({
        "id": format!("id-{name}"), "name": name, "project_id": "p", "status": status,
        "created_at": format!("2024-01-{created_day:02}T00:00:00Z"),
    }))
    .unwrap()
}

/// A ListNamespaces answer holding `items`, of `total` in all.
pub fn namespace_list(items: &[Namespace], total: u64) -> String {
    serde_json::json!({"namespaces": items, "total_count": total}).to_string()
}

/// Mounts a bare `ResourceTable` of namespaces (a router and a session around
/// it, a key set), rows as `<tr id="row-{name}"><td>name</td><td class="status">…`.
pub fn mount_namespace_table(
    before: impl Fn() + Send + Sync + 'static,
) -> (Element, leptos::mount::UnmountHandle<impl Mountable>) {
    use console::components::resource_table::ResourceTable;
    use console::state::session::provide_session;
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone().unchecked_into::<HtmlElement>(), move || {
        provide_session();
        view! {
            <leptos_router::components::Router>
                {before()}
                <ResourceTable
                    headers=&["Name", "Status"]
                    row=|n: &Namespace| {
                        let id = format!("row-{}", n.name);
                        view! { <tr id=id><td>{n.name.clone()}</td><td class="status">{n.status.to_string()}</td></tr> }
                    }
                />
            </leptos_router::components::Router>
        }
    });
    (root, handle)
}
