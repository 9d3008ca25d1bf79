//! The session: where the API is, the secret key, the default project and
//! the region. A small Copy context every page reads through `use_session()`.
//!
//! The secret key lives in session storage (gone when the tab closes) unless
//! the user asks to remember it, then in local storage. It is never written
//! to a URL, a log or the DOM.

use crate::api::{ApiConfig, Client, Region};
use crate::dns::resolver::Resolver;
use leptos::prelude::*;

const BASE_URL_KEY: &str = "scc.base_url";
const TOKEN_KEY: &str = "scc.secret_key";
const PROJECT_KEY: &str = "scc.project_id";
const REGION_KEY: &str = "scc.region";
const DNS_KEY: &str = "scc.dns_resolver";

#[derive(Clone, Copy)]
pub struct Session {
    /// Empty means the page's own origin (the usual same-origin proxy).
    pub base_url: RwSignal<String>,
    token: RwSignal<String>,
    /// Whether the key is kept in local storage across browser restarts.
    pub remember: RwSignal<bool>,
    pub project_id: RwSignal<String>,
    pub region: RwSignal<Region>,
    /// Create and edit forms open: the region cannot change under them.
    pub forms_open: RwSignal<u32>,
    /// The resolver of the custom domains' DNS check (off until chosen).
    pub dns_resolver: RwSignal<Resolver>,
}

/// Browser storage: local (kept) or session (per tab).
fn storage(local: bool) -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    let store = if local {
        window.local_storage()
    } else {
        window.session_storage()
    };
    store.ok().flatten()
}

fn read(local: bool, key: &str) -> Option<String> {
    storage(local)?.get_item(key).ok().flatten()
}

fn write(local: bool, key: &str, value: &str) {
    if let Some(s) = storage(local) {
        let _ = if value.is_empty() {
            s.remove_item(key)
        } else {
            s.set_item(key, value)
        };
    }
}

/// The settings as stored.
struct Saved {
    base_url: String,
    token: String,
    remember: bool,
    project_id: String,
    region: Region,
    dns_resolver: Resolver,
}

impl Saved {
    fn read() -> Self {
        let session_token = read(false, TOKEN_KEY);
        let remembered = read(true, TOKEN_KEY);
        Saved {
            base_url: read(true, BASE_URL_KEY).unwrap_or_default(),
            remember: session_token.is_none() && remembered.is_some(),
            token: session_token.or(remembered).unwrap_or_default(),
            project_id: read(true, PROJECT_KEY).unwrap_or_default(),
            region: read(true, REGION_KEY)
                .map(|r| Region::from_wire(&r))
                .filter(|r| Region::ALL.contains(r))
                .unwrap_or_default(),
            dns_resolver: read(true, DNS_KEY)
                .and_then(|r| r.parse().ok())
                .unwrap_or_default(),
        }
    }
}

impl Session {
    /// Reads the saved settings: the key from session storage first, then
    /// from local storage (where it is only if the user chose "remember").
    pub fn load() -> Self {
        let saved = Saved::read();
        Session {
            base_url: RwSignal::new(saved.base_url),
            token: RwSignal::new(saved.token),
            remember: RwSignal::new(saved.remember),
            project_id: RwSignal::new(saved.project_id),
            region: RwSignal::new(saved.region),
            forms_open: RwSignal::new(0),
            dns_resolver: RwSignal::new(saved.dns_resolver),
        }
    }

    /// Takes what another tab saved (its `storage` event): a remembered key,
    /// the base URL, project and region. This tab's own session key stays.
    fn follow(&self, saved: Saved) {
        fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
            if signal.with_untracked(|v| *v != value) {
                signal.set(value);
            }
        }
        set_if_changed(self.base_url, saved.base_url);
        set_if_changed(self.token, saved.token);
        set_if_changed(self.remember, saved.remember);
        set_if_changed(self.project_id, saved.project_id);
        set_if_changed(self.region, saved.region);
        set_if_changed(self.dns_resolver, saved.dns_resolver);
    }

    /// Whether a secret key is set (the key itself is never handed to views).
    pub fn has_token(&self) -> bool {
        self.token.with(|t| !t.is_empty())
    }

    /// Stores a new secret key, in local storage only when `remember`.
    pub fn set_token(&self, token: &str, remember: bool) {
        let token = token.trim();
        write(false, TOKEN_KEY, if remember { "" } else { token });
        write(true, TOKEN_KEY, if remember { token } else { "" });
        self.token.set(token.to_string());
        self.remember.set(remember);
    }

    /// Moves the current key between session and local storage.
    pub fn set_remember(&self, remember: bool) {
        let token = self.token.get_untracked();
        self.set_token(&token, remember);
    }

    pub fn forget_token(&self) {
        self.set_token("", false);
    }

    pub fn set_base_url(&self, url: &str) {
        let url = url.trim().trim_end_matches('/');
        write(true, BASE_URL_KEY, url);
        self.base_url.set(url.to_string());
    }

    pub fn set_project_id(&self, project: &str) {
        let project = project.trim();
        write(true, PROJECT_KEY, project);
        self.project_id.set(project.to_string());
    }

    pub fn set_dns_resolver(&self, resolver: Resolver) {
        write(true, DNS_KEY, resolver.as_str());
        self.dns_resolver.set(resolver);
    }

    pub fn set_region(&self, region: Region) {
        write(true, REGION_KEY, region.as_str());
        self.region.set(region);
    }

    /// An in-app link that carries the region, so it can be shared.
    pub fn link(&self, path: &str) -> String {
        crate::routes::in_region(path, &self.region.get())
    }

    /// A client for reads with the current settings. Reading it inside a
    /// reactive closure makes that closure re-run when the settings change;
    /// its requests are aborted when that closure's owner is cleaned up (the
    /// view goes away, or a newer read replaces this one).
    pub fn client(&self) -> Client {
        self.client_in(self.region.get())
    }

    /// The same, for another region than the current one (the overview reads them all).
    pub fn client_in(&self, region: Region) -> Client {
        let client = Client::new(ApiConfig {
            base_url: self.base_url.get(),
            token: self.token.get(),
            region,
        });
        match web_sys::AbortController::new() {
            Ok(controller) => {
                let signal = controller.signal();
                let controller = send_wrapper::SendWrapper::new(controller);
                on_cleanup(move || controller.abort());
                client.with_signal(signal)
            }
            Err(_) => client,
        }
    }

    /// The same, without subscribing and never aborted (for event handlers
    /// and writes: a write once sent is left to finish).
    pub fn client_untracked(&self) -> Client {
        Client::new(ApiConfig {
            base_url: self.base_url.get_untracked(),
            token: self.token.get_untracked(),
            region: self.region.get_untracked(),
        })
    }
}

/// Loads the session and provides it to every descendant; settings saved in
/// another tab (local storage) reach this one.
pub fn provide_session() -> Session {
    let session = Session::load();
    provide_context(session);
    let listener = window_event_listener_untyped("storage", move |_| session.follow(Saved::read()));
    on_cleanup(move || listener.remove());
    session
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
