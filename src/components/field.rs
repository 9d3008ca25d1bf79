//! Labelled form inputs bound to one field of a form struct, with the
//! field's message shown under it and announced to assistive technology.

use crate::forms::field::Lens;
use crate::forms::FieldErrors;
use leptos::prelude::*;

/// The form the fields below it belong to: what it holds and its messages,
/// provided once by the form (`FormState`, Settings) so that a field takes
/// only what differs (its lens, label, ID).
pub struct FormScope<F: Send + Sync + 'static> {
    pub form: RwSignal<F>,
    pub errors: RwSignal<FieldErrors>,
}

impl<F: Send + Sync + 'static> Clone for FormScope<F> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<F: Send + Sync + 'static> Copy for FormScope<F> {}

pub fn provide_form_scope<F: Send + Sync + 'static>(
    form: RwSignal<F>,
    errors: RwSignal<FieldErrors>,
) {
    provide_context(FormScope { form, errors });
}

/// The scope of the form of `F` around this field.
pub fn use_form_scope<F: Send + Sync + 'static>() -> FormScope<F> {
    expect_context::<FormScope<F>>()
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

/// What a text input bound to one `String` field of a form needs: its
/// value, a setter that also clears the field's message, the message, and
/// the ARIA attributes that tie the hint and the message to the input.
struct TextBinding<V, S, D, I> {
    value: V,
    set: S,
    error: Signal<Option<String>>,
    described: D,
    invalid: I,
}

fn bind_text<F: Send + Sync + 'static>(
    lens: Lens<F, String>,
    id: &'static str,
    has_hint: bool,
) -> TextBinding<
    impl Fn() -> String + Copy,
    impl Fn(String) + Copy,
    impl Fn() -> String + Copy,
    impl Fn() -> String + Copy,
> {
    let FormScope { form, errors } = use_form_scope::<F>();
    let key = lens.key;
    let error = error_for(errors, key);
    TextBinding {
        value: move || form.with(|f| (lens.get)(f).clone()),
        set: move |text: String| {
            form.update(|f| *(lens.set)(f) = text);
            errors.update(|e| {
                e.remove(key);
            });
        },
        error,
        described: move || {
            let hint = has_hint.then(|| format!("{id}-hint"));
            let message = error.with(Option::is_some).then(|| format!("{id}-error"));
            hint.into_iter()
                .chain(message)
                .collect::<Vec<_>>()
                .join(" ")
        },
        invalid: move || error.with(Option::is_some).to_string(),
    }
}

/// A text input (or textarea) for a `String` field of the form in scope;
/// its messages are the ones filed under the lens's key, and typing clears
/// its message.
#[component]
pub fn TextField<F: Send + Sync + 'static>(
    lens: Lens<F, String>,
    id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] placeholder: &'static str,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] required: bool,
    #[prop(optional)] suffix: &'static str,
) -> impl IntoView {
    let TextBinding {
        value,
        set,
        error,
        described,
        invalid,
    } = bind_text(lens, id, !hint.is_empty());
    let set = move |ev: leptos::ev::Event| set(event_target_value(&ev));
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
    lens: Lens<F, bool>,
    id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: &'static str,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let form = use_form_scope::<F>().form;
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
    let form = use_form_scope::<F>().form;
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

/// A radio group for one choice of a oneof (a probe's check, a scaling
/// rule, a trigger's source): switching keeps the values typed for the other
/// choices, and the form sends only the chosen one.
#[component]
pub fn Choice<F, E>(
    lens: Lens<F, E>,
    name: &'static str,
    legend: &'static str,
    options: &'static [(E, &'static str)],
    #[prop(optional, into)] disabled: Signal<bool>,
    #[prop(optional)] hint: &'static str,
) -> impl IntoView
where
    F: Send + Sync + 'static,
    E: Copy + PartialEq + Send + Sync + 'static,
{
    let form = use_form_scope::<F>().form;
    view! {
        <fieldset class="choice">
            <legend>{legend}</legend>
            {options.iter().map(|(value, label)| {
                let value = *value;
                let id = format!("{name}-{}", slug(label));
                let for_id = id.clone();
                view! {
                    <label class="check" for=for_id>
                        <input type="radio" id=id name=name disabled=move || disabled.get()
                            prop:checked=move || form.with(|f| *(lens.get)(f) == value)
                            on:change=move |_| form.update(|f| *(lens.set)(f) = value)/>
                        " " {*label}
                    </label>
                }
            }).collect_view()}
            {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
        </fieldset>
    }
}

/// `Schedule (cron)` → `schedule-cron`: a label as an element ID part.
fn slug(label: &str) -> String {
    // The labels are the console's own, in ASCII.
    label
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// A write-only secret: the API never returns it, so the input is never
/// filled. When one `is_set`, it says so, and leaving it empty keeps it.
/// `multiline` for pasted files; `from_file` adds a file picker that reads
/// the file's text into the field (in the browser; nothing is uploaded).
#[component]
pub fn SecretField<F: Send + Sync + 'static>(
    lens: Lens<F, String>,
    id: &'static str,
    label: &'static str,
    is_set: bool,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] from_file: bool,
) -> impl IntoView {
    let TextBinding {
        value,
        set,
        error,
        described,
        invalid,
    } = bind_text(lens, id, true);
    let form = use_form_scope::<F>().form;
    let placeholder = if is_set {
        "set — type to replace"
    } else {
        ""
    };
    let state = move || {
        let typed = form.with(|f| !(lens.get)(f).is_empty());
        match (is_set, typed) {
            (true, false) => "Set. Left empty, it is kept as it is.",
            (true, true) => "Will be replaced by what you typed.",
            (false, _) => "Never shown again once saved: the API does not return it.",
        }
    };
    let input = if multiline {
        view! {
            <textarea id=id name=id rows="4" class="mono secret" spellcheck="false" autocomplete="off"
                placeholder=placeholder aria-invalid=invalid aria-describedby=described
                prop:value=value on:input=move |ev| set(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id name=id type="password" autocomplete="new-password" spellcheck="false"
                placeholder=placeholder aria-invalid=invalid aria-describedby=described
                prop:value=value on:input=move |ev| set(event_target_value(&ev))/>
        }
        .into_any()
    };
    let file_id = format!("{id}-file");
    view! {
        <div class="field" class:has-error=move || error.with(Option::is_some)>
            <label for=id>{label}</label>
            {input}
            {from_file.then(|| view! {
                <label class="file-pick" for=file_id.clone()>"Or read it from a file: "</label>
                <input type="file" id=file_id on:change=move |ev| read_file_into(ev, set)/>
            })}
            <p class="hint" id=format!("{id}-hint")>{state}</p>
            {error_view(id, error)}
        </div>
    }
}

/// Reads the text of the file chosen in a file input and hands it to `done`.
pub(crate) fn read_file_into(ev: leptos::ev::Event, done: impl Fn(String) + 'static) {
    use wasm_bindgen::JsCast;
    let Some(file) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .and_then(|files| files.get(0))
    else {
        return;
    };
    leptos::task::spawn_local(async move {
        if let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await {
            done(text.as_string().unwrap_or_default());
        }
    });
}
