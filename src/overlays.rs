//! The keyboard's way around the console: `Ctrl+K` (`⌘K` on macOS), or `/`
//! outside a text field, opens the palette; `?` lists the shortcuts. Which
//! overlay is open lives here, in the main module; the overlays themselves
//! are a chunk of their own (`palette`), fetched when first opened.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

/// An overlay over the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// Search and go anywhere.
    Palette,
    /// The list of keyboard shortcuts.
    Shortcuts,
}

/// The open overlay, and where the focus was before it opened (it goes
/// back there when the overlay closes).
#[derive(Clone, Copy)]
pub struct Overlays {
    pub open: RwSignal<Option<Overlay>>,
    return_focus: StoredValue<Option<SendWrapper<web_sys::HtmlElement>>>,
}

impl Overlays {
    pub fn show(&self, overlay: Overlay) {
        if self.open.get_untracked().is_none() {
            let focused = document()
                .active_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            self.return_focus.set_value(focused.map(SendWrapper::new));
        }
        self.open.set(Some(overlay));
    }

    /// Closes the overlay and gives the focus back where it was.
    pub fn close(&self) {
        self.open.set(None);
        if let Some(element) = self.return_focus.get_value() {
            let _ = element.focus();
        }
        self.return_focus.set_value(None);
    }
}

/// Whether the user is typing in a field (where `/` and `?` are text).
fn typing_in_a_field() -> bool {
    document().active_element().is_some_and(|e| {
        matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || e.get_attribute("contenteditable")
                .is_some_and(|v| v != "false")
    })
}

/// Provides the overlays and listens for their keys (the app shell does this once).
pub fn provide_overlays() -> Overlays {
    let overlays = Overlays {
        open: RwSignal::new(None),
        return_focus: StoredValue::new(None),
    };
    provide_context(overlays);
    let listener = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.alt_key() {
            return;
        }
        let key = ev.key();
        let chosen = if (ev.ctrl_key() || ev.meta_key()) && key.eq_ignore_ascii_case("k") {
            Some(Overlay::Palette)
        } else if ev.ctrl_key() || ev.meta_key() || typing_in_a_field() {
            None
        } else if key == "/" {
            Some(Overlay::Palette)
        } else if key == "?" {
            Some(Overlay::Shortcuts)
        } else {
            None
        };
        if let Some(overlay) = chosen {
            ev.prevent_default();
            overlays.show(overlay);
        }
    });
    on_cleanup(move || listener.remove());
    overlays
}

pub fn use_overlays() -> Overlays {
    use_context::<Overlays>().unwrap_or_else(provide_overlays)
}

/// Whether the user's system is a Mac (its shortcut is `⌘K`, not `Ctrl+K`).
pub fn is_mac() -> bool {
    window()
        .navigator()
        .platform()
        .is_ok_and(|p| p.starts_with("Mac"))
}
