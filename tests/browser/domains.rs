//! The custom domain form.

use super::stubs::*;
use super::support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

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
