//! End to end: the console served by `serve` (the "use it with your account"
//! command) with a second emulator standing in for the real API upstream.
//! Lists, creates and deletes through the proxy, and the key reaches the
//! upstream. Needs `dist/` (`trunk build --release`) and the release
//! binaries (`cargo build --release -p emulator -p serve`); run with
//! `cargo test --test e2e_serve`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::json;
use support::{dist_dir, id_from_url, Browser, Emulator, Server};

const PROJECT: &str = "5e7e5e7e-64c0-48ab-899d-868455867ecf";

#[test]
fn lists_creates_and_deletes_through_the_proxy() {
    let dist = dist_dir();
    let upstream = Emulator::start(
        &dist,
        &["--create-delay-ms", "800", "--delete-delay-ms", "800"],
    );
    let proxy = Server::start(
        "serve",
        &[
            "--static".as_ref(),
            dist.as_os_str(),
            "--upstream".as_ref(),
            upstream.url.as_ref(),
        ],
    );
    let token = upstream.token.clone();
    let b = Browser::start();

    // The console comes from the proxy, with the static host's headers.
    b.goto(&format!("{}/", proxy.url));
    let policy = b.eval(
        "const x = new XMLHttpRequest(); x.open('GET', '/', false); x.send();
         return x.getResponseHeader('content-security-policy');",
        json!([]),
    );
    assert!(
        policy
            .as_str()
            .is_some_and(|p| p.contains("frame-ancestors 'none'")),
        "{policy}"
    );
    // A wrong key is refused by the upstream, and its answer comes back as it was.
    let refused = b.api(
        "00000000-0000-4000-8000-000000000000",
        "GET",
        "/namespaces",
        None,
    );
    assert_eq!(refused["status"], 401);
    assert_eq!(refused["body"]["type"], "denied_authentication");

    b.sign_in(&proxy.url, &token, PROJECT);
    b.goto(&format!("{}/namespaces", proxy.url));
    b.wait_for("an empty list", 10, |b| {
        b.text(".empty").filter(|t| t.contains("No namespaces"))
    });

    // Create: the form posts through the proxy; the page watches it become ready.
    b.goto(&format!("{}/namespaces/new", proxy.url));
    b.wait_for("namespace form", 10, |b| {
        b.text("h1").filter(|t| t == "Create a namespace")
    });
    b.type_into("#name", "through-the-proxy");
    b.click("form button[type=submit]");
    let url = b.wait_for("namespace page", 10, |b| {
        Some(b.url()).filter(|u| u.starts_with("/namespaces/") && !u.ends_with("/new"))
    });
    let namespace_id = id_from_url(&url, "/namespaces/").expect("a namespace page");
    b.wait_for("namespace ready", 15, |b| {
        b.badge().filter(|s| s == "ready")
    });

    // The upstream has it: asked directly, not through the proxy.
    let direct = b.eval(
        "const x = new XMLHttpRequest();
         x.open('GET', arguments[0] + '/containers/v1/regions/fr-par/namespaces/' + arguments[1], false);
         x.setRequestHeader('X-Auth-Token', arguments[2]); x.send();
         return {status: x.status, body: JSON.parse(x.responseText)};",
        json!([upstream.url, namespace_id, token]),
    );
    assert_eq!(direct["status"], 200, "{direct}");
    assert_eq!(direct["body"]["name"], "through-the-proxy");

    b.goto(&format!("{}/namespaces", proxy.url));
    b.wait_for("the namespace listed", 10, |b| {
        b.text("tbody td").filter(|t| t == "through-the-proxy")
    });

    // Delete, with the typed confirmation; the list empties by itself.
    b.goto(&format!("{}/namespaces/{namespace_id}", proxy.url));
    b.wait_for("namespace page", 10, |b| b.badge().filter(|s| s == "ready"));
    b.click_text("Delete");
    b.wait_for("the confirmation", 10, |b| b.text(".dialog"));
    b.type_into("#confirm-name", "through-the-proxy");
    b.click(".dialog button.danger");
    b.wait_for("the namespace list", 10, |b| {
        Some(b.url()).filter(|u| u.starts_with("/namespaces?") || u == "/namespaces")
    });
    b.wait_for("the namespace gone", 15, |b| {
        b.text(".empty").filter(|t| t.contains("No namespaces"))
    });
    assert_eq!(
        b.api(&token, "GET", &format!("/namespaces/{namespace_id}"), None)["status"],
        404
    );
    b.assert_accessible("the namespace list, through the proxy");
}
