//! The cron source's own widgets: the reading of the schedule with its next
//! runs, live as the user types, and the time zone picker.

use crate::components::field::{error_for, use_form_scope, FormScope};
use crate::forms::cron;
use crate::forms::field::Lens;
use crate::time::{time_zones, user_time_zone, BrowserZone};
use leptos::prelude::*;

/// How many next runs the preview lists.
const NEXT_RUNS: usize = 5;

/// The preview, as a chunk of its own with the split build: the schedule's
/// reading and its next runs in time zones are needed nowhere else, so their
/// code is fetched only when a form shows a cron source.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn cron_preview(schedule: Signal<String>, timezone: Signal<String>) -> AnyView {
    view! { <CronPreview schedule timezone/> }.into_any()
}

/// What a schedule means, and when it runs next in `timezone`.
#[component]
pub fn CronPreview(
    #[prop(into)] schedule: Signal<String>,
    #[prop(into)] timezone: Signal<String>,
) -> impl IntoView {
    let reading = Memo::new(move |_| schedule.with(|s| cron::parse(s)));
    let runs = move || {
        let schedule = reading.get().ok()?;
        let zone_name = timezone.get();
        let zone = BrowserZone::new(&zone_name)?;
        let now = js_sys::Date::now() as i64;
        let runs = schedule.next_runs(now, &zone, NEXT_RUNS);
        let user_zone = user_time_zone();
        let mine = (user_zone != zone_name)
            .then(|| BrowserZone::new(&user_zone))
            .flatten();
        Some(
            runs.into_iter()
                .map(|ms| {
                    let there = zone.format(ms);
                    let here = mine
                        .as_ref()
                        .map(|m| format!(" ({} for you)", m.format(ms)))
                        .unwrap_or_default();
                    view! { <li>{there}{here}</li> }
                })
                .collect_view(),
        )
    };
    view! {
        <div class="cron-preview" id="cron-preview" aria-live="polite">
            {move || match reading.get() {
                Ok(s) => view! { <p class="cron-reading"><strong>{s.describe()}</strong></p> }.into_any(),
                Err(_) if schedule.with(|s| s.trim().is_empty()) => view! {
                    <p class="hint cron-reading">"Type a schedule: its meaning and next runs appear here."</p>
                }.into_any(),
                Err(problem) => view! { <p class="hint cron-reading">{format!("Not a schedule yet: {problem}")}</p> }.into_any(),
            }}
            {move || runs().map(|items| view! {
                <p class="hint">{move || format!("Next runs ({}):", timezone.get())}</p>
                <ol class="next-runs">{items}</ol>
            })}
        </div>
    }
}

/// Picks a time zone from the browser's own list (IANA names); the current
/// value stays offered even when the browser does not list it.
#[component]
pub fn TimeZoneField<F: Send + Sync + 'static>(
    lens: Lens<F, String>,
    id: &'static str,
) -> impl IntoView {
    let FormScope { form, errors } = use_form_scope::<F>();
    let key = lens.key;
    let zones = StoredValue::new(time_zones());
    let error = error_for(errors, key);
    let mine = user_time_zone();
    // Only a change of zone re-renders the (long) list, not every keystroke.
    let current = Memo::new(move |_| form.with(|f| (lens.get)(f).clone()));
    let options = move || {
        let current = current.get();
        let listed = zones.with_value(|z| z.contains(&current));
        let extra = (!listed && !current.is_empty()).then(|| current.clone());
        zones.with_value(|z| {
            extra
                .into_iter()
                .chain(z.iter().cloned())
                .map(|zone| {
                    let selected = zone == current;
                    let text = zone.clone();
                    view! { <option value=zone selected=selected>{text}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <div class="field" class:has-error=move || error.with(Option::is_some)>
            <label for=id>"Time zone"</label>
            <select id=id name=id aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=format!("{id}-hint")
                on:change=move |ev| {
                    let zone = event_target_value(&ev);
                    form.update(|f| *(lens.set)(f) = zone);
                    errors.update(|e| { e.remove(key); });
                }>
                <option value="" selected=move || current.with(String::is_empty)>"Choose a time zone"</option>
                {options}
            </select>
            <p class="hint" id=format!("{id}-hint")>{format!("The schedule is read on this zone's clock, summer time included. Yours is {mine}.")}</p>
            {move || error.get().map(|m| view! { <p class="field-error" id=format!("{id}-error") role="alert">{m}</p> })}
        </div>
    }
}
