//! The URL query of a list page, typed: page, sort and filters live in the
//! URL (a view can be shared and survives a reload), and every page reads and
//! writes them through [`ListParams`], never through string keys.

use crate::api::client::percent_encode;
use crate::api::list::ListOrder;
use crate::api::ListQuery;
use crate::state::list_view::name_needle;
use crate::state::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query};
use leptos_router::params::{Params, ParamsError, ParamsMap};

/// Items shown per page of a list.
pub const PAGE_SIZE: u32 = 20;

/// `?page=2&order_by=name_asc&name=web&project_id=…&namespace_id=…&container_id=…`
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListParams {
    pub page: Option<u32>,
    /// Rows per page (1–1000); absent means `PAGE_SIZE`.
    pub page_size: Option<u32>,
    /// As the URL says it: read and written through `order` and `set_order`,
    /// typed by the list (an order another list takes is not this one's).
    order_by: Option<String>,
    pub name: Option<String>,
    pub project_id: Option<String>,
    pub namespace_id: Option<String>,
    pub container_id: Option<String>,
}

/// A text filter a list page offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFilter {
    Name,
    ProjectId,
}

impl TextFilter {
    pub fn label(self) -> &'static str {
        match self {
            TextFilter::Name => "Name contains",
            TextFilter::ProjectId => "Project ID",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            TextFilter::Name => "filter-name",
            TextFilter::ProjectId => "filter-project",
        }
    }

    pub fn get(self, p: &ListParams) -> Option<&str> {
        match self {
            TextFilter::Name => p.name.as_deref(),
            TextFilter::ProjectId => p.project_id.as_deref(),
        }
    }

    pub fn slot(self, p: &mut ListParams) -> &mut Option<String> {
        match self {
            TextFilter::Name => &mut p.name,
            TextFilter::ProjectId => &mut p.project_id,
        }
    }
}

/// The filter by owner a list page offers: the namespace or the container
/// its items belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnerFilter {
    Namespace,
    Container,
}

impl OwnerFilter {
    pub fn get(self, p: &ListParams) -> Option<&str> {
        match self {
            OwnerFilter::Namespace => p.namespace_id.as_deref(),
            OwnerFilter::Container => p.container_id.as_deref(),
        }
    }

    pub fn slot(self, p: &mut ListParams) -> &mut Option<String> {
        match self {
            OwnerFilter::Namespace => &mut p.namespace_id,
            OwnerFilter::Container => &mut p.container_id,
        }
    }
}

/// Lenient: a value that does not parse (`?page=abc`) is dropped, not the
/// whole query; empty values count as absent.
impl Params for ListParams {
    fn from_map(map: &ParamsMap) -> Result<Self, ParamsError> {
        Ok(ListParams::from_lookup(|key| map.get(key)))
    }
}

impl ListParams {
    /// The params from the URL's values (`get` answers the value of a key).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Self {
        let text = |key: &str| get(key).filter(|v| !v.trim().is_empty());
        ListParams {
            page: text("page")
                .and_then(|p| p.parse().ok())
                .filter(|p| *p >= 1),
            page_size: text("page_size")
                .and_then(|p| p.parse().ok())
                .filter(|p| (1..=1000).contains(p)),
            order_by: text("order_by"),
            name: text("name"),
            project_id: text("project_id"),
            namespace_id: text("namespace_id"),
            container_id: text("container_id"),
        }
    }

    /// The params of a table fixed to one owner (a container's domains, a
    /// namespace's containers): its items, in the list's default order.
    pub fn owned_by(owner: OwnerFilter, id: String) -> Self {
        let mut params = ListParams::default();
        *owner.slot(&mut params) = Some(id);
        params
    }

    pub fn page(&self) -> u32 {
        self.page.unwrap_or(1)
    }

    pub fn page_size(&self) -> u32 {
        self.page_size.unwrap_or(PAGE_SIZE)
    }

    /// Whether a read made for `self` is enough to show `now` without
    /// another: the same owner, project and page size, both on the first
    /// page, and `now`'s name (if any) narrows `self`'s. Only the order and
    /// the name may differ.
    pub(crate) fn narrows_to(&self, now: &ListParams) -> bool {
        let name_narrows = match (&self.name, &now.name) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(read), Some(now)) => name_needle(now).contains(&name_needle(read)),
        };
        name_narrows
            && self.page() == 1
            && now.page() == 1
            && self.page_size() == now.page_size()
            && self.project_id == now.project_id
            && self.namespace_id == now.namespace_id
            && self.container_id == now.container_id
    }

    /// The order the URL names, if this list knows it.
    pub fn order<O: ListOrder>(&self) -> Option<O> {
        self.order_by.as_deref().and_then(O::known)
    }

    /// The order shown and asked for: the URL's, else the list's default.
    pub fn order_or_default<O: ListOrder>(&self) -> O {
        self.order().unwrap_or_else(O::default_order)
    }

    /// Whether both name the same order, as written (an order neither list
    /// knows is not the default one).
    pub(crate) fn same_order(&self, other: &ListParams) -> bool {
        self.order_by == other.order_by
    }

    pub fn set_order<O: ListOrder>(&mut self, order: O) {
        self.order_by = Some(order.as_str().to_string());
    }

    /// The list call for page `page` of this view, in its order.
    pub fn to_list_query<O: ListOrder>(&self, page: u32) -> ListQuery<O> {
        ListQuery {
            page: Some(page),
            page_size: Some(self.page_size()),
            order_by: Some(self.order_or_default()),
            project_id: self.project_id.clone(),
            namespace_id: self.namespace_id.clone(),
            container_id: self.container_id.clone(),
            name: self.name.clone(),
            organization_id: None,
        }
    }

    /// The query string (without `?`), values percent-encoded, in a fixed order.
    pub fn to_query_string(&self) -> String {
        let page = self.page.filter(|p| *p > 1).map(|p| p.to_string());
        let page_size = self.page_size.map(|s| s.to_string());
        [
            ("namespace_id", &self.namespace_id),
            ("container_id", &self.container_id),
            ("name", &self.name),
            ("project_id", &self.project_id),
            ("order_by", &self.order_by),
            ("page_size", &page_size),
            ("page", &page),
        ]
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={}", percent_encode(v))))
        .collect::<Vec<_>>()
        .join("&")
    }
}

/// Opens this page with another query string.
type GoTo = Box<dyn Fn(&str) + Send + Sync>;

/// The current list params and a way to change them. A change of filter or
/// sort goes back to page 1 unless it sets the page itself.
#[derive(Clone, Copy)]
pub struct ListParamsHandle {
    pub params: Memo<ListParams>,
    navigate: StoredValue<GoTo>,
}

impl ListParamsHandle {
    pub fn get(&self) -> ListParams {
        self.params.get()
    }

    /// Applies `change` and writes the result into the URL (keeping the region).
    pub fn update(&self, change: impl FnOnce(&mut ListParams)) {
        let mut next = self.params.get_untracked();
        let page = next.page;
        change(&mut next);
        if next.page == page {
            next.page = None;
        }
        if next != self.params.get_untracked() {
            let query = next.to_query_string();
            self.navigate.with_value(|go| go(&query));
        }
    }

    pub fn set_page(&self, page: u32) {
        self.update(|p| p.page = Some(page));
    }
}

pub fn use_list_params() -> ListParamsHandle {
    let query = use_query::<ListParams>();
    let params = Memo::new(move |_| query.get().unwrap_or_default());
    let location = use_location();
    let navigate = use_navigate();
    let session = use_session();
    let go = move |query: &str| {
        let path = location.pathname.get_untracked();
        let href = if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        };
        navigate(&session.link(&href), Default::default());
    };
    ListParamsHandle {
        params,
        navigate: StoredValue::new(Box::new(go)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::list::{HostnameOrder, NameOrder};

    fn parse(pairs: &[(&str, &str)]) -> ListParams {
        ListParams::from_lookup(|key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn params_parse_leniently() {
        let p = parse(&[
            ("page", "abc"),
            ("name", "web"),
            ("namespace_id", ""),
            ("region", "nl-ams"),
        ]);
        assert_eq!(
            p,
            ListParams {
                name: Some("web".into()),
                ..Default::default()
            }
        );
        assert_eq!(p.page(), 1);
        let p = parse(&[("page", "3")]);
        assert_eq!(p.page(), 3);
    }

    #[test]
    fn params_become_list_queries_and_urls() {
        let p = ListParams {
            page: Some(2),
            order_by: Some("hostname_desc".into()),
            container_id: Some("c 1".into()),
            ..Default::default()
        };
        let q = p.to_list_query::<HostnameOrder>(p.page());
        assert_eq!(q.order_by, Some(HostnameOrder::HostnameDesc));
        assert_eq!((q.page, q.page_size), (Some(2), Some(PAGE_SIZE)));
        assert_eq!(q.container_id.as_deref(), Some("c 1"));
        // An order this list does not know falls back to the default.
        let q = p.to_list_query::<NameOrder>(1);
        assert_eq!(q.order_by, Some(NameOrder::CreatedAtDesc));
        assert_eq!(
            p.to_query_string(),
            "container_id=c%201&order_by=hostname_desc&page=2"
        );
        assert_eq!(ListParams::default().to_query_string(), "");
    }
}
