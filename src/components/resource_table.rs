use crate::api::list::SortField;
use crate::api::{ApiError, Client, Resource};
use crate::components::error_banner::ErrorBanner;
use crate::components::resource_select::Catalog;
use crate::components::stale_notice::stale_notice;
use crate::poll::{use_live, Live};
use crate::routes;
use crate::state::list_view::{local_view, sort_key_of, Listed, SortKeys};
use crate::state::query::{use_list_params, ListParams, ListParamsHandle};
use crate::state::session::use_session;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use std::any::Any;
use std::marker::PhantomData;
use std::sync::Arc;

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

/// A paginated table of one resource, `R` (told by the type `row` takes).
/// What it lists (filters, order, page size, page) comes from the URL, or
/// from `owned_by` for a table fixed to one owner inside a detail page (whose
/// page number then lives in the table). It re-loads when the session
/// (region, key, base URL) or those params change; re-reads itself while any
/// row is transient; and asks for a key instead of calling the API when none
/// is set. Rows are keyed by `Resource::row_key` (ID, status, update time): a
/// read re-renders only the rows that changed, never the whole table.
///
/// Only the read and a row's cells know `R`: the rest is `Table`, one copy for
/// every resource (four copies of it were a third of the lists' chunk).
#[component]
pub fn ResourceTable<R, Row, V>(
    /// Column headers, the owner's column left out (see `owner_header`).
    headers: &'static [&'static str],
    /// The header of the column naming each row's owner (a container's
    /// namespace), shown third (after the name and status, which a phone
    /// shows first) unless the table is fixed to one owner;
    /// `row` then renders that cell too (`owner_cell`).
    #[prop(optional)]
    owner_header: Option<&'static str>,
    row: Row,
    /// Lists only what this owner has, ignoring the URL (a table on a detail page).
    #[prop(default = None)]
    owned_by: Option<ListParams>,
    /// What an empty list says (default: "No {plural} in this region.").
    #[prop(optional_no_strip)]
    empty: Option<&'static str>,
    /// `R` and the row's view type are told by `row`; nothing to pass.
    #[prop(optional)]
    _types: PhantomData<(R, V)>,
) -> impl IntoView
where
    R: Resource + Send + Sync,
    Row: Fn(&R) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let mut columns = headers.to_vec();
    if let Some(owner) = owner_header.filter(|_| owned_by.is_none()) {
        columns.insert(2.min(columns.len()), owner);
    }
    let kind = TableKind {
        noun: R::PLURAL,
        read: read_rows::<R>,
        sort_key: sort_key_of::<R>,
    };
    let cells: Cells = Arc::new(move |item: Item| {
        item.0
            .as_any()
            .downcast_ref::<R>()
            .map(|resource| row(resource).into_any())
    });
    view! { <Table kind columns cells owned_by empty/> }
}

/// A table's row, whatever its resource.
#[derive(Clone)]
struct Item(Arc<dyn TableItem>);

/// What `Table` reads of a row.
trait TableItem: Send + Sync + 'static {
    fn keys(&self) -> SortKeys<'_>;
    fn row_key(&self) -> String;
    fn is_transient(&self) -> bool;
    fn as_any(&self) -> &dyn Any;
}

impl<R: Resource + Send + Sync> TableItem for R {
    fn keys(&self) -> SortKeys<'_> {
        self.sort_keys()
    }
    fn row_key(&self) -> String {
        Resource::row_key(self)
    }
    fn is_transient(&self) -> bool {
        self.status().is_transient()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Listed for Item {
    fn sort_keys(&self) -> SortKeys<'_> {
        self.0.keys()
    }
}

/// The same row, not an equal one: a new read gives new rows, and `For`
/// then compares their keys.
impl PartialEq for Item {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// A page of `R` for `params` (page `page`), kept in the history, as rows.
fn read_rows<R: Resource + Send + Sync>(
    client: Client,
    params: &ListParams,
    page: u32,
) -> RowsRead {
    let query = params.to_list_query::<R::Order>(page);
    Box::pin(async move {
        let list = client.list_page::<R>(query).await?;
        let rows: Vec<Arc<R>> = list.items.into_iter().map(Arc::new).collect();
        crate::history::remember_shared(&client.config.region, &rows);
        Ok(Page {
            items: rows.into_iter().map(|row| Item(row)).collect(),
            total_count: list.total_count,
        })
    })
}

/// A read of a page of rows under way.
type RowsRead = LocalBoxFuture<'static, Result<Page<Item>, ApiError>>;

/// What `Table` knows of the resource it lists.
#[derive(Clone, Copy)]
struct TableKind {
    noun: &'static str,
    read: fn(Client, &ListParams, u32) -> RowsRead,
    sort_key: fn(&ListParams) -> Option<(SortField, bool)>,
}

/// A row's cells (`None` for a row of another resource, which cannot be).
type Cells = Arc<dyn Fn(Item) -> Option<AnyView> + Send + Sync>;

/// The table of `ResourceTable`, for any resource.
#[component]
fn Table(
    kind: TableKind,
    columns: Vec<&'static str>,
    cells: Cells,
    owned_by: Option<ListParams>,
    empty: Option<&'static str>,
) -> impl IntoView {
    let noun = kind.noun;
    let session = use_session();
    let params = use_list_params();
    let local_pages = owned_by.is_some();
    // What this table lists, kept with each read: a read made for other
    // params may still show these (see `local_view`).
    let wanted = Memo::new(move |_| owned_by.clone().unwrap_or_else(|| params.get()));
    let local_page = RwSignal::new(1u32);
    let page = Signal::derive(move || {
        if local_pages {
            local_page.get()
        } else {
            wanted.with(ListParams::page)
        }
    });
    let size = Signal::derive(move || wanted.with(ListParams::page_size));
    let set_page = Callback::new(move |n: u32| {
        if local_pages {
            local_page.set(n);
        } else {
            params.set_page(n);
        }
    });
    let live = use_live(
        move || {
            let ready = session.has_token();
            let read_with = wanted.get();
            ready.then(|| {
                let read = (kind.read)(session.client(), &read_with, page.get());
                async move { Ok((read_with, read.await?)) }
            })
        },
        |(_, list): &Read| list.items.iter().any(|item| item.0.is_transient()),
    );
    let retry = Callback::new(move |_| live.refresh());
    // A new order or a narrower name applied here at once to the rows read
    // (see `local_view`); `None`, as after every read the API answered for
    // these very params: show the read as it is, without copying it.
    let local = Memo::new(move |_| {
        live.good.with(|g| {
            let ((read_with, list), _) = g.as_ref()?;
            wanted.with(|now| local_view(read_with, now, list, kind.sort_key))
        })
    });
    let items = move || with_shown(local, live, |l| l.items.clone()).unwrap_or_default();
    let total = Memo::new(move |_| with_shown(local, live, |l| l.total_count).unwrap_or(0));
    let shown = Memo::new(move |_| {
        if live.idle.get() {
            Shown::NoKey
        } else if live.good.with(Option::is_none) {
            if live.failure.with(Option::is_some) {
                Shown::Failed
            } else {
                Shown::Loading
            }
        } else if with_shown(local, live, |l| l.items.is_empty()).unwrap_or(true) {
            Shown::Empty
        } else {
            Shown::Rows
        }
    });
    let pages = Memo::new(move |_| page_count(total.get(), size.get()));

    // The table is built once; a read changes only the rows whose key changed.
    let table = move || {
        let cells = cells.clone();
        view! {
            // A table wider than the screen scrolls inside this, never the page.
            <div class="table-scroll">
            <table class="resource-table">
                <thead>
                    <tr>{columns.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    <For each=items key=|item: &Item| item.0.row_key() children=move |item| cells(item)/>
                </tbody>
            </table>
            </div>
            // A table inside a detail page needs no pager for one page.
            {move || (!local_pages || pages.get() > 1).then(|| view! {
                <Pager noun page pages total size set_page url_params=(!local_pages).then_some(params)/>
            })}
        }
    };
    let body = move || {
        list_state(shown.get(), noun, empty, live.failure, retry)
            .unwrap_or_else(|| table().into_any())
    };
    // What is shown could not be refreshed: say so, keep it, keep trying.
    let stale = stale_notice(live.failure, live.read_at(), retry);
    view! { {stale} {body} }
}

/// Reads the page a table shows: the view derived here (`local`) if there
/// is one, else the last good read.
fn with_shown<U>(
    local: Memo<Option<Page<Item>>>,
    live: Live<Read>,
    read: impl Fn(&Page<Item>) -> U,
) -> Option<U> {
    local.with(|l| match l {
        Some(page) => Some(read(page)),
        None => live
            .good
            .with(|g| g.as_ref().map(|((_, page), _)| read(page))),
    })
}

/// A page as read, with the params it was read for.
type Read = (ListParams, Page<Item>);

/// What a table shows instead of rows, `None` when it shows rows (not
/// generic: one copy for all).
fn list_state(
    shown: Shown,
    noun: &'static str,
    empty: Option<&'static str>,
    failure: RwSignal<Option<ApiError>>,
    retry: Callback<()>,
) -> Option<AnyView> {
    Some(match shown {
        Shown::Rows => return None,
        Shown::NoKey => {
            let session = use_session();
            view! {
                <div class="banner banner-info">
                    <p>"Set your secret key in " <a href=session.link(routes::SETTINGS)>"Settings"</a> " to list " {noun} "."</p>
                </div>
            }
            .into_any()
        }
        Shown::Loading => view! { <p class="loading">"Loading…"</p> }.into_any(),
        Shown::Failed => (move || failure.get().map(|error| view! { <ErrorBanner error retry/> })).into_any(),
        Shown::Empty => view! {
            <p class="empty">{empty.map_or_else(|| format!("No {noun} in this region."), str::to_string)}</p>
        }
        .into_any(),
    })
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
    /// The URL's params, for a table whose pages live there: it then offers a page size.
    url_params: Option<ListParamsHandle>,
) -> impl IntoView {
    view! {
        <nav class="pager" aria-label=format!("Pages of {noun}")>
            <button on:click=move |_| set_page.run(page.get_untracked().saturating_sub(1).max(1))
                disabled=move || { page.get() <= 1 }>"Previous"</button>
            <span>{move || format!("Page {} of {} · {} {noun}", page.get(), pages.get(), total.get())}</span>
            <button on:click=move |_| set_page.run(page.get_untracked() + 1)
                disabled=move || { page.get() >= pages.get() }>"Next"</button>
            {url_params.map(|params| view! {
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
    let href = session.link(&routes::detail::<R>(&id));
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
