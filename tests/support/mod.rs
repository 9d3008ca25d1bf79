//! Host-side helpers for tests that drive the built console in headless
//! Chromium: a static file server for `dist/` and a small WebDriver client
//! speaking to `/usr/bin/chromedriver` (std only, no extra crates).
#![allow(dead_code)]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Serves `root` on a free loopback port, `index.html` for any path that is
/// not a file (the console is a single-page app). Returns the base URL.
pub fn serve_static(root: &Path) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().unwrap();
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || {
                let _ = answer_static(stream, &root);
            });
        }
    });
    format!("http://{addr}")
}

fn answer_static(mut stream: TcpStream, root: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = path
        .split('?')
        .next()
        .unwrap_or("/")
        .trim_start_matches('/');
    let mut file: PathBuf = root.join(path);
    if path.contains("..") || !file.is_file() {
        file = root.join("index.html");
    }
    let body = std::fs::read(&file)?;
    let content_type = match file.extension().and_then(|e| e.to_str()) {
        Some("wasm") => "application/wasm",
        Some("js") => "text/javascript",
        Some("css") => "text/css",
        _ => "text/html; charset=utf-8",
    };
    write!(
        stream,
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(&body)
}

/// A minimal HTTP/1.1 JSON exchange (chromedriver speaks plain HTTP on
/// loopback). Reads exactly the body announced: the server may keep the
/// connection open.
fn http_json(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
    let stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    stream.set_read_timeout(Some(Duration::from_secs(60))).ok();
    let payload = body.map(Value::to_string).unwrap_or_default();
    (&stream)
        .write_all(
            format!(
                "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{payload}",
                payload.len()
            )
            .as_bytes(),
        )
        .map_err(|e| e.to_string())?;
    let mut reader = BufReader::new(&stream);
    let (mut length, mut chunked) = (None, false);
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).map_err(|e| e.to_string())? == 0 {
            return Err("connection closed in headers".into());
        }
        let header = line.trim_end().to_ascii_lowercase();
        if header.is_empty() {
            break;
        }
        if let Some(v) = header.strip_prefix("content-length:") {
            length = v.trim().parse::<usize>().ok();
        }
        if header.starts_with("transfer-encoding:") && header.contains("chunked") {
            chunked = true;
        }
    }
    let mut body = Vec::new();
    if chunked {
        loop {
            line.clear();
            reader.read_line(&mut line).map_err(|e| e.to_string())?;
            let size = usize::from_str_radix(line.trim(), 16).map_err(|e| e.to_string())?;
            if size == 0 {
                break;
            }
            let mut chunk = vec![0; size + 2];
            reader.read_exact(&mut chunk).map_err(|e| e.to_string())?;
            body.extend_from_slice(&chunk[..size]);
        }
    } else if let Some(n) = length {
        body.resize(n, 0);
        reader.read_exact(&mut body).map_err(|e| e.to_string())?;
    } else {
        reader.read_to_end(&mut body).map_err(|e| e.to_string())?;
    }
    serde_json::from_slice(&body).map_err(|e| format!("{e}: {}", String::from_utf8_lossy(&body)))
}

/// A Chromium session driven through chromedriver; both end when dropped.
pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
    _profile: PathBuf,
}

impl Browser {
    pub fn start() -> Browser {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let chromedriver =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {chromedriver}: {e}"));
        let deadline = Instant::now() + Duration::from_secs(20);
        while http_json(port, "GET", "/status", None).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = std::env::temp_dir().join(format!("console-test-profile-{port}"));
        let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:loggingPrefs": {"browser": "ALL"},
            "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--no-first-run", "--window-size=1280,900",
                         format!("--user-data-dir={}", profile.display())]
            }
        }}});
        let answer = http_json(port, "POST", "/session", Some(&capabilities))
            .unwrap_or_else(|e| panic!("cannot open a browser session: {e}"));
        let session = answer["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {answer}"))
            .to_string();
        Browser {
            driver,
            port,
            session,
            _profile: profile,
        }
    }

    fn command(&self, method: &str, tail: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{tail}", self.session);
        let answer = http_json(self.port, method, &path, body.as_ref())
            .unwrap_or_else(|e| panic!("webdriver {tail}: {e}"));
        if answer["value"]["error"].is_string() {
            panic!("webdriver {tail}: {}", answer["value"]);
        }
        answer["value"].clone()
    }

    pub fn goto(&self, url: &str) {
        self.command("POST", "/url", Some(json!({ "url": url })));
    }

    /// Runs `script` (a function body; `arguments` holds `args`) in the page.
    pub fn eval(&self, script: &str, args: Value) -> Value {
        self.command(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// Runs `script` asynchronously: it calls `arguments[arguments.length - 1]`
    /// with its answer (WebDriver's execute/async).
    pub fn eval_async(&self, script: &str, args: Value) -> Value {
        self.command(
            "POST",
            "/execute/async",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is and
    /// fails with the violations found, naming `page`.
    pub fn assert_accessible(&self, page: &str) {
        // WebDriver scripts are not subject to the page's CSP, so axe can be
        // injected into a page that allows no inline script.
        let loaded = self.eval(
            &format!(
                "{}
;return typeof window.axe;",
                axe_source()
            ),
            json!([]),
        );
        assert_eq!(loaded, json!("object"), "axe-core did not load");
        let violations = self.eval_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
               .then(r => done(r.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ` +
                   v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
               .catch(e => done(['axe failed: ' + e]));",
            json!([]),
        );
        assert_eq!(violations, json!([]), "accessibility of {page}");
    }

    /// Calls the API with the page's own XHR, as the console would
    /// (synchronous: WebDriver's execute/sync cannot await). Answers
    /// `{status, body}`.
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
                panic!("timed out waiting for {what}; page: {body}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Console messages since the last call: `(level, message)`.
    pub fn console_log(&self) -> Vec<(String, String)> {
        let entries = self.command("POST", "/se/log", Some(json!({"type": "browser"})));
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
}

impl Drop for Browser {
    fn drop(&mut self) {
        let path = format!("/session/{}", self.session);
        let _ = http_json(self.port, "DELETE", &path, None);
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self._profile);
    }
}

/// The emulator, started on a free port and stopped when dropped.
pub struct Emulator {
    child: Child,
    pub url: String,
    pub token: String,
}

impl Emulator {
    /// Starts `EMULATOR_BIN` (default `target/release/emulator`) serving `dist`.
    pub fn start(dist: &Path, extra: &[&str]) -> Emulator {
        let bin = std::env::var_os("EMULATOR_BIN")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/emulator")
            });
        assert!(
            bin.is_file(),
            "no emulator at {} — run `cargo build --release -p emulator` first",
            bin.display()
        );
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let token = "e2e0e2e0-0000-4000-8000-000000000002".to_string();
        let child = Command::new(&bin)
            .args([
                "--addr",
                &format!("127.0.0.1:{port}"),
                "--token",
                &token,
                "--static",
            ])
            .arg(dist)
            .args(extra)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "the emulator did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Emulator {
            child,
            url: format!("http://127.0.0.1:{port}"),
            token,
        }
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The ID in a detail page's path (`/triggers/{id}?region=…`), if `url` is one.
pub fn id_from_url(url: &str, prefix: &str) -> Option<String> {
    let id = url.strip_prefix(prefix)?.split(['?', '/']).next()?;
    (!id.is_empty() && id != "new").then(|| id.to_string())
}

/// axe-core's script: `AXE_CORE_JS`, default where `.ci/setup` installs it
/// (npm `axe-core`, in the tools folder).
fn axe_source() -> &'static str {
    static SOURCE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = std::env::var_os("AXE_CORE_JS")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                let tools = std::env::var_os("CONSOLE_TOOLS_DIR")
                    .map(PathBuf::from)
                    .unwrap_or_else(|| {
                        std::env::var_os("XDG_CACHE_HOME")
                            .map(PathBuf::from)
                            .unwrap_or_else(|| {
                                PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
                                    .join(".cache")
                            })
                            .join("sc-console-tools")
                    });
                tools.join("axe/node_modules/axe-core/axe.min.js")
            });
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "no axe-core at {} ({e}) — run .ci/setup, or set AXE_CORE_JS",
                path.display()
            )
        })
    })
}

/// The built console: `DIST_DIR`, default `dist/` of this crate.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("DIST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dir.join("index.html").is_file(),
        "no built console in {} — run `trunk build --release` first",
        dir.display()
    );
    dir
}
