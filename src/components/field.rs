//! Labelled form inputs bound to one field of a form struct, with the
//! field's message shown under it and announced to assistive technology.

use crate::forms::FieldErrors;
use leptos::prelude::*;

/// Reads and writes one field of a form struct `F` (plain fn pointers, so
/// lenses are `Copy` and free).
pub struct Lens<F, T> {
    pub get: fn(&F) -> &T,
    pub set: fn(&mut F) -> &mut T,
}

impl<F, T> Clone for Lens<F, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<F, T> Copy for Lens<F, T> {}

/// `lens!(liveness.path)` is the lens of `form.liveness.path`.
#[macro_export]
macro_rules! lens {
    ($($path:tt)+) => {
        $crate::components::field::Lens { get: |f| &f.$($path)+, set: |f| &mut f.$($path)+ }
    };
}

/// The message for `key`, if any, as a signal.
pub fn error_for(errors: RwSignal<FieldErrors>, key: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || errors.with(|e| e.get(key).cloned()))
}

fn error_view(id: &'static str, error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|message| {
            view! { <p class="field-error" id=format!("{id}-error") role="alert">{message}</p> }
        })
    }
}

/// A text input (or textarea) for a `String` field. `key` is the API
/// argument name its errors are filed under; typing clears its error.
#[component]
pub fn TextField<F: Send + Sync + 'static>(
    form: RwSignal<F>,
    lens: Lens<F, String>,
    id: &'static str,
    label: &'static str,
    key: &'static str,
    errors: RwSignal<FieldErrors>,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] placeholder: &'static str,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] required: bool,
    #[prop(optional)] suffix: &'static str,
) -> impl IntoView {
    let error = error_for(errors, key);
    let value = move || form.with(|f| (lens.get)(f).clone());
    let set = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        form.update(|f| *(lens.set)(f) = text);
        errors.update(|e| {
            e.remove(key);
        });
    };
    let described = move || {
        let mut ids = Vec::new();
        if !hint.is_empty() {
            ids.push(format!("{id}-hint"));
        }
        if error.with(Option::is_some) {
            ids.push(format!("{id}-error"));
        }
        ids.join(" ")
    };
    let invalid = move || error.with(Option::is_some).to_string();
    let input = if multiline {
        view! {
            <textarea id=id name=id rows="3" placeholder=placeholder spellcheck="false"
                aria-invalid=invalid aria-describedby=described prop:value=value on:input=set></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id name=id type=input_type placeholder=placeholder spellcheck="false" autocomplete="off"
                aria-invalid=invalid aria-describedby=described required=required
                prop:value=value on:input=set/>
        }
        .into_any()
    };
    view! {
        <div class="field" class:has-error=move || error.with(Option::is_some)>
            <label for=id>{label}</label>
            <div class="input-row">{input}{(!suffix.is_empty()).then(|| view! { <span class="suffix">{suffix}</span> })}</div>
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=format!("{id}-hint")>{hint}</p> })}
            {error_view(id, error)}
        </div>
    }
}

/// A checkbox for a `bool` field.
#[component]
pub fn CheckField<F: Send + Sync + 'static>(
    form: RwSignal<F>,
    lens: Lens<F, bool>,
    id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: &'static str,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label class="check" for=id>
                <input type="checkbox" id=id name=id disabled=move || disabled.get()
                    prop:checked=move || form.with(|f| *(lens.get)(f))
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        form.update(|f| *(lens.set)(f) = checked);
                    }/>
                " " {label}
            </label>
            {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
        </div>
    }
}

/// A select over the known values of a wire enum (`options`), showing each
/// with a human label.
#[component]
pub fn SelectField<F, E>(
    form: RwSignal<F>,
    lens: Lens<F, E>,
    id: &'static str,
    label: &'static str,
    options: Vec<(E, &'static str)>,
    #[prop(optional)] hint: &'static str,
) -> impl IntoView
where
    F: Send + Sync + 'static,
    E: Clone + PartialEq + Send + Sync + 'static,
{
    let options = StoredValue::new(options);
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name=id on:change=move |ev| {
                let index: usize = event_target_value(&ev).parse().unwrap_or(0);
                if let Some((value, _)) = options.with_value(|o| o.get(index).cloned()) {
                    form.update(|f| *(lens.set)(f) = value);
                }
            }>
                {options.with_value(|o| o.iter().enumerate().map(|(i, (value, text))| {
                    let value = value.clone();
                    view! {
                        <option value=i.to_string()
                            selected=move || form.with(|f| *(lens.get)(f) == value)>{*text}</option>
                    }
                }).collect_view())}
            </select>
            {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
        </div>
    }
}
