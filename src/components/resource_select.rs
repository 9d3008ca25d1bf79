//! Choosing a resource by name: one `<select>` over a list of the region
//! (a [`Catalog`]), used by form pickers (the namespace of a new container,
//! the container of a new domain or trigger) and by list filters (by
//! namespace, by container), which keep their choice in the URL.

use crate::api::{ApiError, ListQuery, Resource};
use crate::components::error_text::ErrorText;
use crate::components::field::{use_form_scope, FormScope};
use crate::forms::field::Lens;
use crate::state::query::{ListParamsHandle, OwnerFilter};
use crate::state::session::use_session;
use leptos::prelude::*;

/// Every item of `R` that a query selects (up to 1000), read once per change
/// of the session or the query; also what tables use to show names for IDs.
pub struct Catalog<R: 'static> {
    data: LocalResource<Option<Result<Vec<R>, ApiError>>>,
}

impl<R> Clone for Catalog<R> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<R> Copy for Catalog<R> {}

impl<R: Resource> Catalog<R> {
    /// Lists `R` with `query` (which may read signals); nothing is called without a key.
    pub fn new(query: impl Fn() -> ListQuery<R::Order> + 'static) -> Self {
        let session = use_session();
        let data = LocalResource::new(move || {
            let call = session.has_token().then(|| (session.client(), query()));
            async move {
                match call {
                    Some((client, query)) => Some(client.list::<R>(&query).await.map(|l| l.items)),
                    None => None,
                }
            }
        });
        Catalog { data }
    }

    /// Every item of the region.
    pub fn all() -> Self {
        Self::new(ListQuery::all)
    }

    /// The items, empty while loading or when the list failed.
    pub fn items(&self) -> Vec<R> {
        self.data
            .get()
            .flatten()
            .and_then(Result::ok)
            .unwrap_or_default()
    }

    /// The item with `id`, once loaded.
    pub fn find(&self, id: &str) -> Option<R> {
        self.data.with(|d| {
            d.as_ref()?
                .as_ref()?
                .as_ref()
                .ok()?
                .iter()
                .find(|r| r.id() == id)
                .cloned()
        })
    }

    /// The name shown for `id`: its label once loaded, the ID until then.
    pub fn label_of(&self, id: &str) -> String {
        self.find(id)
            .map(|r| r.label().to_string())
            .unwrap_or_else(|| id.to_string())
    }

    /// `(id, name)` of every item, to name groups of another list.
    pub fn names(&self) -> Signal<Vec<(String, String)>> {
        let catalog = *self;
        Signal::derive(move || {
            catalog
                .items()
                .iter()
                .map(|r| (r.id().to_string(), r.label().to_string()))
                .collect()
        })
    }

    /// Why the list could not be read, if it could not (without copying the list).
    fn failure(&self) -> Option<ApiError> {
        self.data
            .with(|d| d.as_ref().and_then(|r| r.as_ref()?.as_ref().err().cloned()))
    }
}

/// The select itself. `value` is the chosen ID; an ID that is not in the
/// list (another namespace's container, a list still loading) stays shown.
#[component]
fn ResourceSelect<R: Resource + Send + Sync>(
    catalog: Catalog<R>,
    id: &'static str,
    label: &'static str,
    #[prop(into)] value: Signal<Option<String>>,
    on_change: impl Fn(Option<String>) + 'static,
    /// The first option, which chooses nothing ("All namespaces", "Choose a container").
    none_label: &'static str,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(optional)] hint: &'static str,
    /// A list page's filter: laid out in the filter row, and a failure to
    /// read its options said in a few words (the page's banner explains it).
    #[prop(optional)]
    inline: bool,
    /// Groups the options by owner: `(owner id, owner name)` in order.
    #[prop(default = None)]
    groups: Option<Signal<Vec<(String, String)>>>,
) -> impl IntoView {
    let option = move |r: &R| {
        let rid = r.id().to_string();
        let text = format!("{} ({})", r.label(), r.status());
        let selected = value.get().as_deref() == Some(rid.as_str());
        view! { <option value=rid selected=selected>{text}</option> }
    };
    let options = move || {
        let chosen = value.get();
        let items = catalog.items();
        let missing = chosen
            .clone()
            .filter(|c| !items.iter().any(|r| r.id() == c.as_str()))
            .map(|m| {
                let text = m.clone();
                view! { <option value=m selected=true>{text}</option> }
            });
        let listed = match groups {
            None => items.iter().map(option).collect_view().into_any(),
            // Names repeat across owners (two namespaces may each have an `api`).
            Some(groups) => {
                let groups = groups.get();
                let named = |r: &&R| groups.iter().any(|(g, _)| r.owner_id() == Some(g.as_str()));
                let mut views: Vec<AnyView> = groups
                    .iter()
                    .filter_map(|(gid, name)| {
                        let members: Vec<&R> =
                            items.iter().filter(|r| r.owner_id() == Some(gid.as_str())).collect();
                        (!members.is_empty()).then(|| {
                            let label = name.clone();
                            view! { <optgroup label=label>{members.into_iter().map(option).collect_view()}</optgroup> }
                                .into_any()
                        })
                    })
                    .collect();
                let others: Vec<&R> = items.iter().filter(|r| !named(r)).collect();
                if !others.is_empty() {
                    views.push(others.into_iter().map(option).collect_view().into_any());
                }
                views.collect_view().into_any()
            }
        };
        view! { {missing} {listed} }
    };
    let described = move || {
        [
            (!hint.is_empty()).then(|| format!("{id}-hint")),
            error.with(Option::is_some).then(|| format!("{id}-error")),
            catalog.failure().is_some().then(|| format!("{id}-failure")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
    };
    view! {
        <div class="field" class:inline=inline class:has-error=move || error.with(Option::is_some)>
            <label for=id>{label}</label>
            <select id=id name=id aria-invalid=move || error.with(Option::is_some).to_string() aria-describedby=described
                on:change=move |ev| on_change(Some(event_target_value(&ev)).filter(|v| !v.is_empty()))>
                <option value="" selected=move || value.with(Option::is_none)>{none_label}</option>
                {options}
            </select>
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=format!("{id}-hint")>{hint}</p> })}
            {move || catalog.failure().map(|e| {
                // A list page's filter: the page's own read fails the same way
                // and its banner explains why; here, only what it means for the filter.
                let text = if inline {
                    format!("The {} could not be read.", R::PLURAL)
                } else {
                    format!("The list could not be loaded: {}", e.user_message())
                };
                view! { <p class="field-error" id=format!("{id}-failure") role=(!inline).then_some("alert")>{text}</p> }
            })}
            {move || error.get().map(|m| view! { <p class="field-error" id=format!("{id}-error") role="alert">{m}</p> })}
        </div>
    }
}

/// Chooses the resource a new one belongs to: sets the field behind `lens`
/// in the form in scope; its messages are those under the lens's key.
#[component]
pub fn ResourcePicker<F: Send + Sync + 'static, R: Resource + Send + Sync>(
    lens: Lens<F, String>,
    catalog: Catalog<R>,
    id: &'static str,
    label: &'static str,
    none_label: &'static str,
    #[prop(optional)] hint: &'static str,
    /// Groups the options by owner (see `Catalog::names`).
    #[prop(optional)]
    groups: Option<Signal<Vec<(String, String)>>>,
) -> impl IntoView {
    let FormScope { form, errors } = use_form_scope::<F>();
    let key = lens.key;
    let value = Signal::derive(move || {
        Some(form.with(|f| (lens.get)(f).clone())).filter(|v| !v.is_empty())
    });
    let error = Signal::derive(move || errors.with(|e| e.get(key).cloned()));
    view! {
        <ResourceSelect catalog id label value none_label error hint groups
            on_change={move |v: Option<String>| {
                form.update(|f| *(lens.set)(f) = v.unwrap_or_default());
                errors.update(|e| { e.remove(key); });
            }}/>
    }
}

/// Filters a list by the resource that owns its items; the choice lives in
/// the URL. `clears` names filters that depend on this one (a container
/// chosen in another namespace no longer applies).
#[component]
pub fn OwnerFilterSelect<R: Resource + Send + Sync>(
    params: ListParamsHandle,
    filter: OwnerFilter,
    catalog: Catalog<R>,
    id: &'static str,
    label: &'static str,
    none_label: &'static str,
    #[prop(optional)] clears: Option<OwnerFilter>,
    #[prop(optional)] groups: Option<Signal<Vec<(String, String)>>>,
) -> impl IntoView {
    let value = Signal::derive(move || params.params.with(|p| filter.get(p).map(str::to_string)));
    view! {
        <ResourceSelect catalog id label value none_label inline=true groups
            on_change={move |v: Option<String>| params.update(|p| {
                *filter.slot(p) = v;
                if let Some(dependent) = clears {
                    *dependent.slot(p) = None;
                }
            })}/>
    }
}
