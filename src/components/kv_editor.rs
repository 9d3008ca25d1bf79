//! Key/value row editors: environment variables and cron headers (rows to
//! add and remove, a `.env` block to paste where it helps), and secret
//! variables; a message on each row at fault.

use crate::components::field::{use_form_scope, FormScope};
use crate::forms::env::{merge_rows, parse_dotenv, EnvRow, SecretRow};
use crate::forms::field::Lens;
use crate::forms::FieldErrors;
use leptos::prelude::*;

/// A change to one row, applied in place.
type RowChange<R> = Box<dyn FnOnce(&mut R)>;

/// Changes row `i` in place and clears that row's message.
fn row_editor<F: Send + Sync + 'static, R: 'static>(
    form: RwSignal<F>,
    lens: Lens<F, Vec<R>>,
    errors: RwSignal<FieldErrors>,
    field: &'static str,
) -> impl Fn(usize, RowChange<R>) + Copy {
    move |i, change| {
        form.update(|f| {
            if let Some(row) = (lens.set)(f).get_mut(i) {
                change(row);
            }
        });
        errors.update(|e| {
            e.remove(&format!("{field}[{i}]"));
        });
    }
}

fn row_error(
    errors: RwSignal<FieldErrors>,
    field: &'static str,
    i: usize,
) -> impl Fn() -> Option<String> + Copy {
    move || errors.with(|e| e.get(&format!("{field}[{i}]")).cloned())
}

/// Server messages for keys of this map (`field.KEY`) and the whole map.
fn map_errors(errors: RwSignal<FieldErrors>, field: &'static str) -> impl IntoView {
    move || {
        let prefix = format!("{field}.");
        let messages: Vec<String> = errors.with(|e| {
            e.iter()
                .filter(|(k, _)| k.as_str() == field || k.starts_with(&prefix))
                .map(|(k, v)| match k.strip_prefix(&prefix) {
                    Some(key) => format!("{key}: {v}"),
                    None => v.clone(),
                })
                .collect()
        });
        messages
            .into_iter()
            .map(|m| view! { <p class="field-error" role="alert">{m}</p> })
            .collect_view()
    }
}

/// The rows of an editor, "None." when there are none, the messages about
/// the whole map, and the button that adds a row.
fn editor_rows<V: IntoView + 'static>(
    len: Memo<usize>,
    row_view: impl Fn(usize) -> V + Clone + Send + Sync + 'static,
    errors: RwSignal<FieldErrors>,
    field: &'static str,
    add_label: &'static str,
    add: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        {move || (0..len.get()).map(row_view.clone()).collect_view()}
        {move || (len.get() == 0).then(|| view! { <p class="hint">"None."</p> })}
        {map_errors(errors, field)}
        <div class="kv-actions">
            <button type="button" class="secondary small" on:click=move |_| add()>{add_label}</button>
        </div>
    }
}

/// Name/value rows (variables, headers). `paste` offers a `.env` block.
#[component]
pub fn KeyValueEditor<F: Send + Sync + 'static>(
    /// The rows; its key is the API argument name, e.g. `environment_variables`.
    lens: Lens<F, Vec<EnvRow>>,
    id: &'static str,
    legend: &'static str,
    #[prop(default = "Add variable")] add_label: &'static str,
    #[prop(default = "NAME")] key_placeholder: &'static str,
    #[prop(optional)] paste: bool,
) -> impl IntoView {
    let FormScope { form, errors } = use_form_scope::<F>();
    let field = lens.key;
    let len = Memo::new(move |_| form.with(|f| (lens.get)(f).len()));
    let block = RwSignal::new(String::new());
    let edit = row_editor(form, lens, errors, field);
    let row_view = move |i: usize| {
        let error = row_error(errors, field, i);
        let key_id = format!("{id}-key-{i}");
        let value_id = format!("{id}-value-{i}");
        view! {
            <div class="kv-row" class:has-error=move || error().is_some()>
                <label for=key_id.clone() class="visually-hidden">{format!("Name {}", i + 1)}</label>
                <input id=key_id class="mono" placeholder=key_placeholder spellcheck="false" autocomplete="off"
                    aria-invalid=move || error().is_some().to_string()
                    prop:value=move || form.with(|f| (lens.get)(f).get(i).map(|r| r.key.clone()).unwrap_or_default())
                    on:input=move |ev| { let v = event_target_value(&ev); edit(i, Box::new(move |r| r.key = v)); }/>
                <label for=value_id.clone() class="visually-hidden">{format!("Value {}", i + 1)}</label>
                <input id=value_id class="mono" placeholder="value" spellcheck="false" autocomplete="off"
                    prop:value=move || form.with(|f| (lens.get)(f).get(i).map(|r| r.value.clone()).unwrap_or_default())
                    on:input=move |ev| { let v = event_target_value(&ev); edit(i, Box::new(move |r| r.value = v)); }/>
                <button type="button" class="secondary small" on:click=move |_| {
                    form.update(|f| { (lens.set)(f).remove(i); });
                    errors.update(|e| e.retain(|k, _| !k.starts_with(&format!("{field}["))));
                }>{format!("Remove row {}", i + 1)}</button>
                {move || error().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            </div>
        }
    };
    let paste_id = format!("{id}-paste");
    view! {
        <fieldset class="kv-editor" id=id>
            <legend>{legend}</legend>
            {editor_rows(len, row_view, errors, field, add_label, move || form.update(|f| (lens.set)(f).push(EnvRow::default())))}
            {paste.then(|| view! { <details class="paste">
                <summary>"Paste a .env block"</summary>
                <label for=paste_id.clone()>"One NAME=value per line"</label>
                <textarea id=paste_id rows="4" class="mono" spellcheck="false"
                    prop:value=move || block.get() on:input=move |ev| block.set(event_target_value(&ev))></textarea>
                <button type="button" class="secondary small" on:click=move |_| {
                    let pasted = parse_dotenv(&block.get_untracked());
                    form.update(|f| merge_rows((lens.set)(f), pasted));
                    block.set(String::new());
                }>"Add these variables"</button>
            </details> })}
        </fieldset>
    }
}

/// Secrets: existing ones are listed by name as "set" (their values are never
/// known); each can be kept, replaced with a new value, or removed.
#[component]
pub fn SecretEditor<F: Send + Sync + 'static>(
    lens: Lens<F, Vec<SecretRow>>,
    id: &'static str,
    legend: &'static str,
) -> impl IntoView {
    let FormScope { form, errors } = use_form_scope::<F>();
    let field = lens.key;
    let len = Memo::new(move |_| form.with(|f| (lens.get)(f).len()));
    let get = move |i: usize| form.with(|f| (lens.get)(f).get(i).cloned().unwrap_or_default());
    let edit = row_editor(form, lens, errors, field);
    let row_view = move |i: usize| {
        let error = row_error(errors, field, i);
        let key_id = format!("{id}-key-{i}");
        let value_id = format!("{id}-value-{i}");
        let existing = get(i).existing;
        view! {
            <div class="kv-row" class:removed=move || get(i).removed class:has-error=move || error().is_some()>
                {if existing {
                    view! { <span class="mono secret-key" id=key_id>{get(i).key}</span> }.into_any()
                } else {
                    view! {
                        <label for=key_id.clone() class="visually-hidden">{format!("Secret name {}", i + 1)}</label>
                        <input id=key_id class="mono" placeholder="NAME" spellcheck="false" autocomplete="off"
                            prop:value=move || get(i).key
                            on:input=move |ev| { let v = event_target_value(&ev); edit(i, Box::new(move |r| r.key = v)); }/>
                    }.into_any()
                }}
                <label for=value_id.clone() class="visually-hidden">{format!("Secret value {}", i + 1)}</label>
                <input id=value_id type="password" autocomplete="new-password" spellcheck="false"
                    placeholder=if existing { "set — type to replace" } else { "value" }
                    disabled=move || get(i).removed
                    prop:value=move || get(i).value
                    on:input=move |ev| { let v = event_target_value(&ev); edit(i, Box::new(move |r| r.value = v)); }/>
                {if existing {
                    view! {
                        <button type="button" class="secondary small" on:click=move |_| edit(i, Box::new(|r| { r.removed = !r.removed; r.value.clear(); }))>
                            {move || if get(i).removed { "Keep" } else { "Remove" }}
                        </button>
                        <span class="hint">{move || if get(i).removed { "will be deleted" } else if get(i).value.is_empty() { "kept" } else { "will be replaced" }}</span>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="secondary small" on:click=move |_| form.update(|f| { (lens.set)(f).remove(i); })>
                            {format!("Remove secret {}", i + 1)}
                        </button>
                    }.into_any()
                }}
                {move || error().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            </div>
        }
    };
    view! {
        <fieldset class="kv-editor" id=id>
            <legend>{legend}</legend>
            {editor_rows(len, row_view, errors, field, "Add secret", move || form.update(|f| (lens.set)(f).push(SecretRow::default())))}
        </fieldset>
    }
}
