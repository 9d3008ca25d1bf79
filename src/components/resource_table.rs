use crate::api::{ApiError, Client, Resource};
use crate::components::error_banner::ErrorBanner;
use crate::components::resource_select::Catalog;
use crate::components::stale_notice::StaleNotice;
use crate::pages::shell::detail_path;
use crate::poll::use_live;
use crate::state::query::use_list_params;
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

/// A paginated table of one resource. The page number lives in the URL
/// (`?page=`), or in the table itself when `local_pages` (a table inside a
/// detail page). It re-loads when the session (region, key, base URL), the
/// page or whatever `fetch` reads changes; re-reads itself while any row is
/// transient; and asks for a key instead of calling the API when none is set.
#[component]
pub fn ResourceTable<T, F, Fut, R, V>(
    /// Plural name for messages, e.g. "namespaces".
    noun: &'static str,
    headers: &'static [&'static str],
    /// Loads page `n` (1-based) of `PAGE_SIZE` items.
    fetch: F,
    row: R,
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
    T: Clone + PartialEq + Send + Sync + 'static,
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
    let set_page = move |n: u32| {
        if local_pages {
            local_page.set(n);
        } else {
            params.set_page(n);
        }
    };
    let live = use_live(
        move || {
            let ready = session.has_token();
            ready.then(|| fetch(session.client(), page.get()))
        },
        move |list: &Page<T>| list.items.iter().any(transient),
    );
    let retry = Callback::new(move |_| live.refresh());
    // A poll that reads the same page changes nothing on screen.
    let current = Memo::new(move |_| live.good.with(|g| g.as_ref().map(|(list, _)| list.clone())));

    let table = move |list: Page<T>| {
        let row = row.clone();
        if list.items.is_empty() {
            return view! {
                <p class="empty">{empty.map_or_else(|| format!("No {noun} in this region."), str::to_string)}</p>
            }
            .into_any();
        }
        let pages = page_count(list.total_count, PAGE_SIZE);
        view! {
            <table class="resource-table">
                <thead>
                    <tr>{headers.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{list.items.into_iter().map(row).collect_view()}</tbody>
            </table>
            // A table inside a detail page needs no pager for one page.
            {(!local_pages || pages > 1).then(|| view! {
                <nav class="pager" aria-label=format!("Pages of {noun}")>
                    <button on:click=move |_| set_page(page.get_untracked().saturating_sub(1).max(1))
                        disabled=move || { page.get() <= 1 }>"Previous"</button>
                    <span>{move || format!("Page {} of {pages} · {} {noun}", page.get(), list.total_count)}</span>
                    <button on:click=move |_| set_page(page.get_untracked() + 1)
                        disabled=move || { page.get() >= pages }>"Next"</button>
                </nav>
            })}
        }
        .into_any()
    };
    let body = move || {
        if live.idle.get() {
            return view! {
                <div class="banner banner-info">
                    <p>"Set your secret key in " <a href=session.link("/settings")>"Settings"</a> " to list " {noun} "."</p>
                </div>
            }
            .into_any();
        }
        match current.get() {
            Some(list) => table(list),
            None => match live.failure.get() {
                Some(error) => view! { <ErrorBanner error retry/> }.into_any(),
                None => view! { <p class="loading">"Loading…"</p> }.into_any(),
            },
        }
    };
    // What is shown could not be refreshed: say so, keep it, keep trying.
    let stale = move || {
        let error = live.failure.get()?;
        let read_at = live.good.with(|g| g.as_ref().map(|(_, at)| *at))?;
        Some(view! { <StaleNotice error read_at retry/> })
    };
    view! { {stale} {body} }
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
