use crate::api::{ApiError, Client, Resource};
use crate::components::error_banner::ErrorBanner;
use crate::components::resource_select::Catalog;
use crate::components::stale_notice::stale_notice;
use crate::pages::shell::detail_path;
use crate::poll::use_live;
use crate::state::query::{local_view, use_list_params, ListParams};
use crate::state::session::use_session;
use leptos::prelude::*;
use std::future::Future;

pub use crate::state::query::PAGE_SIZE;

/// One page of a list: what a List call answers (`items`, `total_count`).
pub use crate::api::List as Page;

/// Number of pages for `total` items (at least one, so "page 1 of 1" reads right).
pub fn page_count(total: u64, page_size: u32) -> u32 {
    let pages = total.div_ceil(u64::from(page_size.max(1)));
    u32::try_from(pages.max(1)).unwrap_or(u32::MAX)
}

/// What a table shows: nothing to read (no key), loading, a failure before
/// any rows, no rows, or rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shown {
    NoKey,
    Loading,
    Failed,
    Empty,
    Rows,
}

/// Rows per page a user can choose.
const PAGE_SIZES: [u32; 5] = [20, 50, 100, 500, 1000];

/// A paginated table of one resource. The page number and size live in the
/// URL (`?page=`, `?page_size=`), or in the table itself when `local_pages`
/// (a table inside a detail page). It re-loads when the session (region, key,
/// base URL), the page or whatever `fetch` reads changes; re-reads itself
/// while any row is transient; and asks for a key instead of calling the API
/// when none is set. Rows are keyed: a read re-renders only the rows whose
/// `key` changed (give it what changes with the row, e.g. its status and
/// update time), never the whole table.
#[component]
pub fn ResourceTable<T, K, F, Fut, R, V>(
    /// Plural name for messages, e.g. "namespaces".
    noun: &'static str,
    headers: &'static [&'static str],
    /// Loads page `n` (1-based), of the size the list params say.
    fetch: F,
    row: R,
    /// Identifies a row as shown: same key, same row.
    key: fn(&T) -> K,
    /// Whether a row is in a transient status (the list is polled while one is).
    transient: fn(&T) -> bool,
    /// Keep the page number in the table rather than in the URL.
    #[prop(optional)]
    local_pages: bool,
    /// What an empty list says (default: "No {noun} in this region.").
    #[prop(optional)]
    empty: Option<&'static str>,
) -> impl IntoView
where
    T: Resource + Send + Sync,
    K: Eq + std::hash::Hash + 'static,
    F: Fn(Client, u32) -> Fut + 'static,
    Fut: Future<Output = Result<Page<T>, ApiError>> + 'static,
    R: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let session = use_session();
    let params = use_list_params();
    let local_page = RwSignal::new(1u32);
    let page = Signal::derive(move || {
        if local_pages {
            local_page.get()
        } else {
            params.params.with(|p| p.page())
        }
    });
    let size = Signal::derive(move || {
        if local_pages {
            PAGE_SIZE
        } else {
            params.params.with(|p| p.page_size())
        }
    });
    let set_page = Callback::new(move |n: u32| {
        if local_pages {
            local_page.set(n);
        } else {
            params.set_page(n);
        }
    });
    // What the URL asks this table for (a table fixed to an owner takes
    // nothing from it), kept with each read: a read made for other params
    // may still show these (see `local_view`).
    let wanted = Memo::new(move |_| {
        if local_pages {
            ListParams::default()
        } else {
            params.get()
        }
    });
    let live = use_live(
        move || {
            let ready = session.has_token();
            let read_with = wanted.get();
            ready.then(|| {
                let call = fetch(session.client(), page.get());
                async move { call.await.map(|list| (read_with, list)) }
            })
        },
        move |(_, list): &(ListParams, Page<T>)| list.items.iter().any(transient),
    );
    let retry = Callback::new(move |_| live.refresh());
    // The rows: as read, or re-sorted and filtered here at once when the
    // read holds everything the new order or name needs.
    let list = Memo::new(move |_| {
        live.good.with(|g| {
            g.as_ref().map(|((read_with, list), _)| {
                wanted
                    .with(|now| local_view(read_with, now, list))
                    .unwrap_or_else(|| list.clone())
            })
        })
    });
    let items = move || list.with(|l| l.as_ref().map(|l| l.items.clone()).unwrap_or_default());
    let total = Memo::new(move |_| list.with(|l| l.as_ref().map_or(0, |l| l.total_count)));
    let shown = Memo::new(move |_| {
        if live.idle.get() {
            Shown::NoKey
        } else if live.good.with(Option::is_none) {
            if live.failure.with(Option::is_some) {
                Shown::Failed
            } else {
                Shown::Loading
            }
        } else if list.with(|l| l.as_ref().is_none_or(|l| l.items.is_empty())) {
            Shown::Empty
        } else {
            Shown::Rows
        }
    });
    let pages = Memo::new(move |_| page_count(total.get(), size.get()));

    // The table is built once; a read changes only the rows whose key changed.
    let table = move || {
        let row = row.clone();
        view! {
            <table class="resource-table">
                <thead>
                    <tr>{headers.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    <For each=items key=key children=row/>
                </tbody>
            </table>
            // A table inside a detail page needs no pager for one page.
            {move || (!local_pages || pages.get() > 1).then(|| view! {
                <Pager noun page pages total size set_page local_pages/>
            })}
        }
    };
    let body = move || match shown.get() {
        Shown::Rows => table().into_any(),
        other => list_state(other, noun, empty, live.failure, retry),
    };
    // What is shown could not be refreshed: say so, keep it, keep trying.
    let stale = stale_notice(live.failure, live.read_at(), retry);
    view! { {stale} {body} }
}

/// What a table shows instead of rows (not generic: one copy for all).
fn list_state(
    shown: Shown,
    noun: &'static str,
    empty: Option<&'static str>,
    failure: RwSignal<Option<ApiError>>,
    retry: Callback<()>,
) -> AnyView {
    match shown {
        Shown::NoKey => {
            let session = use_session();
            view! {
                <div class="banner banner-info">
                    <p>"Set your secret key in " <a href=session.link("/settings")>"Settings"</a> " to list " {noun} "."</p>
                </div>
            }
            .into_any()
        }
        Shown::Loading | Shown::Rows => view! { <p class="loading">"Loading…"</p> }.into_any(),
        Shown::Failed => (move || failure.get().map(|error| view! { <ErrorBanner error retry/> })).into_any(),
        Shown::Empty => view! {
            <p class="empty">{empty.map_or_else(|| format!("No {noun} in this region."), str::to_string)}</p>
        }
        .into_any(),
    }
}

/// Previous and Next, where the table is, and (for a page's own list, whose
/// pages live in the URL) how many rows a page has. Not generic: one copy
/// serves every table.
#[component]
fn Pager(
    noun: &'static str,
    page: Signal<u32>,
    pages: Memo<u32>,
    total: Memo<u64>,
    size: Signal<u32>,
    set_page: Callback<u32>,
    local_pages: bool,
) -> impl IntoView {
    let params = use_list_params();
    view! {
        <nav class="pager" aria-label=format!("Pages of {noun}")>
            <button on:click=move |_| set_page.run(page.get_untracked().saturating_sub(1).max(1))
                disabled=move || { page.get() <= 1 }>"Previous"</button>
            <span>{move || format!("Page {} of {} · {} {noun}", page.get(), pages.get(), total.get())}</span>
            <button on:click=move |_| set_page.run(page.get_untracked() + 1)
                disabled=move || { page.get() >= pages.get() }>"Next"</button>
            {(!local_pages).then(|| view! {
                <label class="page-size">
                    "Rows per page "
                    <select on:change=move |ev| {
                        let chosen = event_target_value(&ev).parse().ok();
                        params.update(|p| p.page_size = chosen.filter(|s| *s != PAGE_SIZE));
                    }>
                        {PAGE_SIZES.iter().map(|n| view! {
                            <option value=n.to_string() selected=move || size.get() == *n>{n.to_string()}</option>
                        }).collect_view()}
                    </select>
                </label>
            })}
        </nav>
    }
}

/// The cell of a row that names the resource owning it (a container's
/// namespace, a domain's container), linked to its page: the name once the
/// `catalog` has it, the ID until then.
pub fn owner_cell<R: Resource + Send + Sync>(
    catalog: Option<Catalog<R>>,
    id: String,
) -> impl IntoView {
    let session = use_session();
    let href = session.link(&detail_path::<R>(&id));
    view! {
        <td><a href=href>{move || catalog.map_or_else(|| id.clone(), |c| c.label_of(&id))}</a></td>
    }
}

#[cfg(test)]
mod tests {
    use super::page_count;

    #[test]
    fn page_count_rounds_up_and_is_at_least_one() {
        assert_eq!(page_count(0, 20), 1);
        assert_eq!(page_count(20, 20), 1);
        assert_eq!(page_count(21, 20), 2);
        assert_eq!(page_count(5, 0), 5);
    }
}
