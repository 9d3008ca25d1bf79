use crate::api::ApiError;
use crate::components::error_text::ErrorText;
use leptos::prelude::*;

/// Says that what is shown could not be refreshed: why, when it was read,
/// whether the console keeps trying, and a button to try now.
#[component]
pub fn StaleNotice(error: ApiError, read_at: f64, retry: Callback<()>) -> impl IntoView {
    let time = String::from(
        js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(read_at))
            .to_locale_time_string("default"),
    );
    let next = if error.may_pass() {
        match error.retry_after() {
            Some(secs) => format!("The console tries again in {secs} s."),
            None => "The console keeps trying.".to_string(),
        }
    } else {
        String::new()
    };
    view! {
        <div class="banner banner-warn stale" role="status">
            <p>{format!("Could not refresh: {} Showing what was read at {time}. {next}", error.user_message())}</p>
            <p><button type="button" class="secondary small" on:click=move |_| retry.run(())>"Retry now"</button></p>
        </div>
    }
}

/// The notice while the latest read failed and an older one is shown (none
/// for a 404: the page says the resource is gone instead). One copy serves
/// every live view, whatever it reads.
pub fn stale_notice(
    failure: RwSignal<Option<ApiError>>,
    read_at: Signal<Option<f64>>,
    retry: Callback<()>,
) -> impl IntoView {
    move || {
        let error = failure.get()?;
        let read_at = read_at.get()?;
        (!error.is_not_found()).then(|| view! { <StaleNotice error read_at retry/> })
    }
}
