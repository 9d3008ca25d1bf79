//! The shared disclosure (History, As code): content built once opened, and
//! still there when the page around it is rebuilt in place by a new read.

use crate::support::{document, query, text_of, wait_for};
use console::components::disclosure::disclosure;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

#[wasm_bindgen_test]
async fn an_open_disclosure_keeps_its_content_through_a_rebuild_in_place() {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let read = RwSignal::new(1u32);
    // A detail page's body: the same view, rebuilt in place whenever a read brings something new.
    let handle = leptos::mount::mount_to(root.clone().unchecked_into::<HtmlElement>(), move || {
        move || {
            let n = read.get();
            view! {
                <p class="read">{format!("read {n}")}</p>
                {disclosure("history", "History", false, move || {
                    view! { <p class="inside">{format!("content of read {n}")}</p> }
                })}
            }
        }
    });
    assert!(query(&root, ".inside").is_none(), "built only once opened");
    let summary: HtmlElement = query(&root, "details summary").unwrap().unchecked_into();
    summary.click();
    wait_for("the content", || text_of(&root, ".inside")).await;

    let before = query(&root, "details").unwrap();
    read.set(2);
    wait_for("the next read on the page", || {
        text_of(&root, ".read").filter(|t| t == "read 2")
    })
    .await;
    let after = query(&root, "details").unwrap();
    assert!(before == after, "rebuilt in place, not replaced");
    let content = wait_for("the content of the next read", || {
        text_of(&root, ".inside").filter(|t| t.contains("read 2"))
    })
    .await;
    assert_eq!(content, "content of read 2");
    assert!(query(&root, "details").unwrap().has_attribute("open"));

    // Closed again, it holds nothing.
    summary.click();
    wait_for("the content gone", || {
        query(&root, ".inside").is_none().then_some(())
    })
    .await;
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_disclosure_asked_open_shows_its_content_at_once() {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone().unchecked_into::<HtmlElement>(), || {
        disclosure(
            "history",
            "History",
            true,
            || view! { <p class="inside">"kept"</p> },
        )
    });
    wait_for("the content", || text_of(&root, ".inside")).await;
    wait_for("the element open", || {
        query(&root, "details[open]").map(|_| ())
    })
    .await;
    drop(handle);
    root.remove();
}
