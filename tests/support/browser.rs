//! A headless Chromium session through `/usr/bin/chromedriver`, spoken to
//! with the `fantoccini` WebDriver client; synchronous helpers, so that a
//! test reads as the steps a user takes.

use super::free_port;
use fantoccini::wd::WebDriverCompatibleCommand;
use serde_json::{json, Value};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A headless Chromium session; it and its chromedriver end when dropped.
pub struct Browser {
    runtime: tokio::runtime::Runtime,
    client: Option<fantoccini::Client>,
    driver: Child,
    profile: PathBuf,
}

/// A chromedriver command outside the W3C protocol: a POST of `body` to
/// `session/{id}/{path}` (`se/log`: Chromium's console messages;
/// `goog/cdp/execute`: a DevTools command, for network conditions, the cache,
/// scripts to run before a page's own).
#[derive(Debug)]
struct DriverCommand {
    path: &'static str,
    body: Value,
}

impl WebDriverCompatibleCommand for DriverCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

impl Browser {
    pub fn start() -> Browser {
        Browser::start_with(&[])
    }

    /// A session whose Chromium gets `extra` flags too.
    pub fn start_with(extra: &[&str]) -> Browser {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime for the WebDriver client");
        let port = free_port();
        let chromedriver =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {chromedriver}: {e}"));
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = std::env::temp_dir().join(format!("console-test-profile-{port}"));
        let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let mut args: Vec<String> = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--window-size=1280,900",
        ]
        .iter()
        .chain(extra)
        .map(|a| a.to_string())
        .collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let capabilities = json!({
            "browserName": "chrome",
            "goog:loggingPrefs": {"browser": "ALL"},
            "goog:chromeOptions": {"binary": chromium, "args": args}
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = runtime
            .block_on(
                fantoccini::ClientBuilder::new(connector)
                    .capabilities(capabilities)
                    .connect(&format!("http://127.0.0.1:{port}")),
            )
            .unwrap_or_else(|e| panic!("cannot open a browser session: {e}"));
        Browser {
            runtime,
            client: Some(client),
            driver,
            profile,
        }
    }

    fn client(&self) -> &fantoccini::Client {
        self.client.as_ref().expect("an open session")
    }

    pub fn goto(&self, url: &str) {
        self.runtime
            .block_on(self.client().goto(url))
            .unwrap_or_else(|e| panic!("goto {url}: {e}"));
    }

    /// Runs `script` (a function body; `arguments` holds `args`) in the page.
    pub fn eval(&self, script: &str, args: Value) -> Value {
        let args = args.as_array().cloned().unwrap_or_default();
        self.runtime
            .block_on(self.client().execute(script, args))
            .unwrap_or_else(|e| panic!("script failed: {e}"))
    }

    /// Runs `script` asynchronously: it calls `arguments[arguments.length - 1]`
    /// with its answer.
    pub fn eval_async(&self, script: &str, args: Value) -> Value {
        let args = args.as_array().cloned().unwrap_or_default();
        self.runtime
            .block_on(self.client().execute_async(script, args))
            .unwrap_or_else(|e| panic!("script failed: {e}"))
    }

    /// Runs a DevTools command and answers its result.
    pub fn devtools(&self, cmd: &str, params: Value) -> Value {
        let command = DriverCommand {
            path: "goog/cdp/execute",
            body: json!({"cmd": cmd, "params": params}),
        };
        self.runtime
            .block_on(self.client().issue_cmd(command))
            .unwrap_or_else(|e| panic!("{cmd}: {e}"))
    }

    /// Saves a PNG of the page as shown to `SCREENSHOTS/{name}.png` when the
    /// `SCREENSHOTS` directory is set (to look at a run, or for the README).
    #[allow(dead_code)]
    pub fn screenshot(&self, name: &str) {
        let Some(dir) = std::env::var_os("SCREENSHOTS") else {
            return;
        };
        let png = self
            .runtime
            .block_on(self.client().screenshot())
            .unwrap_or_else(|e| panic!("screenshot {name}: {e}"));
        let path = std::path::Path::new(&dir).join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }

    /// Opens a new tab and switches to it (the previous one becomes hidden);
    /// answers the handle of the tab left.
    pub fn open_tab(&self) -> fantoccini::wd::WindowHandle {
        let client = self.client();
        self.runtime.block_on(async {
            let left = client.window().await.expect("the current tab");
            let tab = client.new_window(true).await.expect("a new tab");
            client
                .switch_to_window(tab.handle)
                .await
                .expect("switch to the new tab");
            left
        })
    }

    /// Closes the current tab and goes back to `tab`.
    pub fn close_tab_for(&self, tab: fantoccini::wd::WindowHandle) {
        let client = self.client();
        self.runtime.block_on(async {
            client.close_window().await.expect("close the tab");
            client.switch_to_window(tab).await.expect("switch back");
        });
    }

    /// Console messages since the last call: `(level, message)`.
    pub fn console_log(&self) -> Vec<(String, String)> {
        let entries = self
            .runtime
            .block_on(self.client().issue_cmd(DriverCommand {
                path: "se/log",
                body: json!({"type": "browser"}),
            }))
            .unwrap_or_else(|e| panic!("browser log: {e}"));
        entries
            .as_array()
            .map(|list| {
                list.iter()
                    .map(|e| {
                        (
                            e["level"].as_str().unwrap_or("").to_string(),
                            e["message"].as_str().unwrap_or("").to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Calls the API with the page's own XHR, as the console would
    /// (synchronous, so that one script answers). Answers `{status, body}`.
    pub fn api(&self, token: &str, method: &str, path: &str, body: Option<Value>) -> Value {
        self.eval(
            "const x = new XMLHttpRequest();
             x.open(arguments[0], '/containers/v1/regions/fr-par' + arguments[1], false);
             x.setRequestHeader('X-Auth-Token', arguments[2]);
             if (arguments[3] !== null) { x.setRequestHeader('Content-Type', 'application/json'); }
             x.send(arguments[3] === null ? null : JSON.stringify(arguments[3]));
             return {status: x.status, body: x.responseText ? JSON.parse(x.responseText) : null};",
            json!([method, path, token, body]),
        )
    }

    /// Saves the secret key (and a default project) in Settings.
    pub fn sign_in(&self, base_url: &str, token: &str, project: &str) {
        self.goto(&format!("{base_url}/settings"));
        self.wait_for("settings", 20, |b| b.text("h1").filter(|t| t == "Settings"));
        self.type_into("#secret-key", token);
        self.type_into("#project-id", project);
        self.click("form button[type=submit]");
        self.wait_for("saved", 5, |b| {
            b.text("#key-state")
                .filter(|t| t.contains("session storage"))
        });
    }

    /// The status badge of a detail page's heading.
    pub fn badge(&self) -> Option<String> {
        self.text("h1 .badge")
    }

    /// Text of the first element matching `selector`, if any.
    pub fn text(&self, selector: &str) -> Option<String> {
        self.eval(
            "const e = document.querySelector(arguments[0]); return e ? e.textContent : null;",
            json!([selector]),
        )
        .as_str()
        .map(str::to_string)
    }

    /// Sets an input's value as typing does (an `input` event follows).
    pub fn type_into(&self, selector: &str, value: &str) {
        let done = self.eval(
            "const e = document.querySelector(arguments[0]); if (!e) return false;
             e.value = arguments[1]; e.dispatchEvent(new Event('input', {bubbles: true})); return true;",
            json!([selector, value]),
        );
        assert_eq!(done, json!(true), "no input {selector}");
    }

    /// Clicks the first element matching `selector`.
    pub fn click(&self, selector: &str) {
        let done = self.eval(
            "const e = document.querySelector(arguments[0]); if (!e) return false; e.click(); return true;",
            json!([selector]),
        );
        assert_eq!(done, json!(true), "nothing to click at {selector}");
    }

    /// Clicks the first button or link whose text is `text`.
    pub fn click_text(&self, text: &str) {
        let done = self.eval(
            "const e = [...document.querySelectorAll('button, a')].find(e => e.textContent.trim() === arguments[0]);
             if (!e) return false; e.click(); return true;",
            json!([text]),
        );
        assert_eq!(done, json!(true), "no button or link {text:?}");
    }

    pub fn url(&self) -> String {
        self.eval("return location.pathname + location.search;", json!([]))
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Polls until `probe` returns `Some`, up to `secs` seconds.
    pub fn wait_for<T>(&self, what: &str, secs: u64, probe: impl Fn(&Browser) -> Option<T>) -> T {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            if let Some(found) = probe(self) {
                return found;
            }
            if Instant::now() > deadline {
                let body = self.eval("return document.body.innerHTML;", json!([]));
                // What the page said (a panic, a failed chunk) is often the cause.
                let log = self.console_log();
                // The code files that came in while it waited (path, start and end ms,
                // status): whether a chunk was fetched at all. One still on its way is
                // not listed (resource timing records a fetch when it ends).
                let chunks = self.eval(
                    "const since = performance.now() - 1000 * arguments[0];
                     return performance.getEntriesByType('resource')
                       .filter(e => /\\.(wasm|bin)$/.test(new URL(e.name).pathname) && e.startTime > since)
                       .map(e => [new URL(e.name).pathname, Math.round(e.startTime), Math.round(e.responseEnd), e.responseStatus]);",
                    json!([secs + 5]),
                );
                panic!("timed out waiting for {what}; console: {log:?}; code fetched meanwhile: {chunks}; page: {body}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(client) = self.client.take() {
            let _ = self.runtime.block_on(client.close());
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
