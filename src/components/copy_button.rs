use leptos::prelude::*;

/// Copies `text` with the browser's clipboard API and says so.
#[component]
pub fn CopyButton(
    #[prop(into)] text: Signal<String>,
    #[prop(default = "Copy")] label: &'static str,
) -> impl IntoView {
    let copied = RwSignal::new(false);
    let copy = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window
                .navigator()
                .clipboard()
                .write_text(&text.get_untracked());
            copied.set(true);
            set_timeout(move || copied.set(false), std::time::Duration::from_secs(2));
        }
    };
    view! {
        <button type="button" class="secondary small" on:click=copy>
            {move || if copied.get() { "Copied" } else { label }}
        </button>
    }
}
