//! Lists and live views: tables, pagers, polling, local sorting, failed reads, aborted reads.

use super::stubs::*;
use super::support::*;
use console::api::list::{ListOrder, NameOrder};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

#[wasm_bindgen_test]
async fn resource_table_renders_rows_and_a_pager() {
    reset_storage();
    let page = |n: u32| namespace_list(&[namespace(&format!("item on page {n}"), "ready", 1)], 41);
    let (first, second) = (page(1), page(2));
    stub_fetch_routes(&[("page=2", 200, &second), ("", 200, &first)]);
    let (root, handle) = mount_namespace_table(|| ());
    let cell = wait_for("a row", || text_of(&root, "tbody td")).await;
    assert_eq!(cell, "item on page 1");
    let buttons = root.query_selector_all(".pager button").unwrap();
    let labels: Vec<String> = (0..buttons.length())
        .filter_map(|i| buttons.item(i).and_then(|b| b.text_content()))
        .collect();
    assert_eq!(labels, ["Previous", "Next"]);
    assert!(text_of(&root, ".pager span")
        .unwrap()
        .contains("Page 1 of 3 · 41 namespaces"));
    let next: HtmlElement = buttons.item(1).unwrap().unchecked_into();
    next.click();
    wait_for("page 2", || {
        text_of(&root, "tbody td").filter(|t| t == "item on page 2")
    })
    .await;
    drop(handle);
    root.remove();
    restore_fetch();
    reset_storage();
}

#[wasm_bindgen_test]
async fn polling_updates_a_transient_row_until_it_settles() {
    reset_storage();
    // The first two reads answer "creating", then "ready".
    let creating = namespace_list(&[namespace("web", "creating", 1)], 1);
    let ready = namespace_list(&[namespace("web", "ready", 1)], 1);
    stub_fetch_sequence(&[(200, &creating), (200, &creating), (200, &ready)]);
    let (root, handle) = mount_namespace_table(|| ());
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
    let settled_at = sent_requests().len();
    assert_eq!(settled_at, 3);
    // Settled: polling stops, no further reads.
    sleep(2500).await;
    assert_eq!(
        sent_requests().len(),
        settled_at,
        "no polling once everything is settled"
    );
    drop(handle);
    root.remove();
    restore_fetch();
    reset_storage();
}

#[wasm_bindgen_test]
async fn a_new_order_or_name_of_a_list_read_whole_shows_without_waiting_for_the_api() {
    use console::state::query::{use_list_params, ListParamsHandle};
    use std::sync::{Arc, Mutex};
    reset_storage();
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/namespaces"))
        .unwrap();
    // The first read answers; the API never answers the later ones.
    let all = namespace_list(
        &[
            namespace("web", "ready", 2),
            namespace("api", "ready", 3),
            namespace("batch", "ready", 1),
        ],
        3,
    );
    stub_fetch_sequence(&[(200, &all), (0, "")]);
    let handle_cell: Arc<Mutex<Option<ListParamsHandle>>> = Arc::default();
    let cell = handle_cell.clone();
    let (root, handle) = mount_namespace_table(move || {
        *cell.lock().unwrap() = Some(use_list_params());
    });
    wait_for("the rows as read", || {
        Some(cells(&root)).filter(|c| c.len() == 3)
    })
    .await;
    assert_eq!(cells(&root), ["web", "api", "batch"]);
    let params = handle_cell.lock().unwrap().expect("list params");
    // Each order shows the rows otherwise than the one before.
    for (order, expected) in [
        (NameOrder::NameAsc, ["api", "batch", "web"]),
        (NameOrder::CreatedAtAsc, ["batch", "web", "api"]),
        (NameOrder::CreatedAtDesc, ["api", "web", "batch"]),
        (NameOrder::NameDesc, ["web", "batch", "api"]),
    ] {
        params.update(|p| p.set_order(order));
        wait_for(order.as_str(), || {
            Some(cells(&root)).filter(|c| c == &expected)
        })
        .await;
    }
    // A narrower name (any case) keeps the order asked for.
    params.update(|p| p.name = Some("A".into()));
    wait_for("filtered by name", || {
        Some(cells(&root)).filter(|c| c == &["batch", "api"])
    })
    .await;
    // The change asked the API too (its answer would confirm what is shown).
    assert!(sent_requests().len() >= 2);
    drop(handle);
    root.remove();
    restore_fetch();
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
    reset_storage();
    // "a" settles after two reads; "b" is ready all along.
    let moving = namespace_list(
        &[namespace("a", "creating", 1), namespace("b", "ready", 2)],
        2,
    );
    let settled = namespace_list(&[namespace("a", "ready", 1), namespace("b", "ready", 2)], 2);
    stub_fetch_sequence(&[(200, &moving), (200, &moving), (200, &settled)]);
    let (root, handle) = mount_namespace_table(|| ());
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
    restore_fetch();
    reset_storage();
}

#[wasm_bindgen_test]
async fn a_refused_key_is_explained_once_on_a_list_page() {
    reset_storage();
    storage(false).set_item("scc.secret_key", KEY).unwrap();
    // Every read is refused: the containers and the namespaces of the filter.
    stub_fetch(
        401,
        r#"{"message":"authentication is denied","type":"denied_authentication"}"#,
    );
    let (root, handle) = mount_at("/containers");
    let banner = wait_for("the banner", || text_of(&root, ".banner-error")).await;
    assert!(banner.contains("secret key was refused"), "{banner}");
    let filter = wait_for("the filter's note", || {
        text_of(&root, ".filter-row .field-error")
    })
    .await;
    assert_eq!(filter, "The namespaces could not be read.");
    let described = query(&root, "#filter-namespace")
        .and_then(|select| select.get_attribute("aria-describedby"))
        .unwrap_or_default();
    assert!(
        described.contains("filter-namespace-failure"),
        "the filter names why it is empty: {described:?}"
    );
    let alerts = root.query_selector_all("[role=alert]").unwrap().length();
    assert_eq!(alerts, 1, "the banner alone is announced");
    restore_fetch();
    drop(handle);
    root.remove();
    reset_storage();
}
