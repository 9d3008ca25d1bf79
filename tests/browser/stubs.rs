//! `window.fetch` replaced by answers the test chooses, and what was sent.

/// Replaces `window.fetch`: each request is recorded in `window.__sent`
/// (`{method, url, body}`) and answered with `status` and the JSON `answer`.
/// `restore_fetch` puts the browser's own back.
pub fn stub_fetch(status: u16, answer: &str) {
    stub_fetch_routes(&[("", status, answer)]);
}

/// Like `stub_fetch`, answering each request with the first route whose
/// text the request's method and URL (`GET /…/domains?…`) contain.
pub fn stub_fetch_routes(routes: &[(&str, u16, &str)]) {
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
/// last one again once they are used up; each request records its time. A
/// status of 0 is never answered (an API that hangs).
pub fn stub_fetch_sequence(answers: &[(u16, &str)]) {
    stub_fetch_sequence_for("", answers, (500, "{}"));
}

/// Like `stub_fetch_sequence` for the requests whose URL contains `part`;
/// the others are answered with `others`.
pub fn stub_fetch_sequence_for(part: &str, answers: &[(u16, &str)], others: (u16, &str)) {
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
           if (status === 0) { return new Promise(() => {}); }
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

pub fn restore_fetch() {
    js_sys::Function::new_no_args(
        "if (window.__realFetch) { window.fetch = window.__realFetch; } window.__sent = [];",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
}

/// The raw records of the requests sent since `stub_fetch`.
pub fn sent_requests() -> Vec<serde_json::Value> {
    let sent = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__sent".into()).unwrap();
    let text = js_sys::JSON::stringify(&sent).unwrap().as_string().unwrap();
    serde_json::from_str(&text).unwrap_or_default()
}

/// The requests sent since `stub_fetch` with the given method, bodies parsed.
pub fn sent(method: &str) -> Vec<serde_json::Value> {
    sent_requests()
        .into_iter()
        .filter(|r| r["method"] == method)
        .map(|r| serde_json::from_str(r["body"].as_str().unwrap_or("null")).unwrap_or_default())
        .collect()
}
