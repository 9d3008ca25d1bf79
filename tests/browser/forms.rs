//! Create and edit forms: oneofs, failures that keep every input, .env paste, unsaved changes, edits rebased.

use super::stubs::*;
use super::support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

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
    let failure = wait_for("what changed meanwhile", || {
        text_of(&root, "#changed-meanwhile")
    })
    .await;
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
