//! The shell and Settings: navigation, the secret key, the API base URL, a refused or unusable key.

use super::stubs::*;
use super::support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

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
            "Overview",
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

    // "/" is the overview, which asks for a key before calling the API.
    let hint = wait_for("the key hint", || text_of(&root, ".banner-info")).await;
    assert!(hint.contains("Set your secret key"), "{hint}");
    assert_eq!(text_of(&root, "h1").as_deref(), Some("Overview"));
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
