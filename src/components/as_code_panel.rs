//! "As code": what a form would send, or a resource as it is, as curl,
//! Terraform and JSON (written by `crate::as_code`), each with a copy button.

use crate::as_code::{as_code, Call, Code};
use crate::components::copy_button::CopyButton;
use crate::components::disclosure::disclosure;
use crate::state::session::use_session;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The three ways of writing a call, as tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Curl,
    Terraform,
    Json,
}

impl Tab {
    const ALL: [Tab; 3] = [Tab::Curl, Tab::Terraform, Tab::Json];

    fn label(self) -> &'static str {
        match self {
            Tab::Curl => "curl",
            Tab::Terraform => "Terraform",
            Tab::Json => "JSON",
        }
    }

    fn id(self) -> &'static str {
        match self {
            Tab::Curl => "as-code-curl",
            Tab::Terraform => "as-code-terraform",
            Tab::Json => "as-code-json",
        }
    }

    fn text(self, code: &Code) -> &str {
        match self {
            Tab::Curl => &code.curl,
            Tab::Terraform => &code.terraform,
            Tab::Json => &code.json,
        }
    }
}

/// A disclosure, closed at first, with the call as code inside: its code
/// (a chunk of its own with the split build) is fetched when first opened.
/// `call` is the call, or why there is none yet (a form with errors).
#[component]
pub fn AsCode(#[prop(into)] call: Signal<Result<Call, String>>) -> impl IntoView {
    disclosure(
        "as-code",
        "As code: curl, Terraform, JSON",
        false,
        move || Suspend::new(as_code_view(call)),
    )
}

/// The tabs, in their chunk.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn as_code_view(call: Signal<Result<Call, String>>) -> AnyView {
    view! { <AsCodeTabs call/> }.into_any()
}

#[component]
fn AsCodeTabs(call: Signal<Result<Call, String>>) -> impl IntoView {
    let session = use_session();
    // Where the console sends its calls: Settings' base URL, or this origin.
    let base = Memo::new(move |_| {
        let base = session.base_url.get();
        if base.is_empty() {
            window().location().origin().unwrap_or_default()
        } else {
            base
        }
    });
    let code = Memo::new(move |_| {
        call.with(|c| {
            c.as_ref()
                .map(|c| as_code(&base.get(), c))
                .map_err(Clone::clone)
        })
    });
    let shown = RwSignal::new(Tab::Curl);
    let text = Signal::derive(move || {
        code.with(|c| match c {
            Ok(code) => shown.get().text(code).to_string(),
            Err(why) => why.clone(),
        })
    });
    let focus_tab = move |tab: Tab| {
        shown.set(tab);
        if let Some(button) = document()
            .get_element_by_id(tab.id())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = button.focus();
        }
    };
    // The WAI-ARIA tabs pattern: arrow keys move between tabs.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let at = Tab::ALL
            .iter()
            .position(|t| *t == shown.get_untracked())
            .unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" => (at + 1) % Tab::ALL.len(),
            "ArrowLeft" => (at + Tab::ALL.len() - 1) % Tab::ALL.len(),
            "Home" => 0,
            "End" => Tab::ALL.len() - 1,
            _ => return,
        };
        ev.prevent_default();
        focus_tab(Tab::ALL[next]);
    };
    view! {
        <div role="tablist" aria-label="Write it as" class="tabs" on:keydown=on_key>
            {Tab::ALL.iter().map(|&tab| {
                let selected = move || shown.get() == tab;
                view! {
                    <button type="button" role="tab" id=tab.id() class="tab"
                        aria-selected=move || selected().to_string()
                        aria-controls="as-code-panel"
                        tabindex=move || if selected() { "0" } else { "-1" }
                        on:click=move |_| shown.set(tab)>
                        {tab.label()}
                    </button>
                }
            }).collect_view()}
        </div>
        <div role="tabpanel" id="as-code-panel" class="as-code-panel"
            aria-labelledby=move || shown.get().id()>
            // Focusable: a long line scrolls, and the keyboard scrolls it.
            <pre class="code" tabindex="0"><code>{text}</code></pre>
            {move || code.with(Result::is_ok).then(|| view! { <CopyButton text label="Copy"/> })}
        </div>
    }
}
