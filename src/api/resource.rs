//! One description of a resource of the API, and the five calls every
//! resource has (list, get, create, update, delete) written once over it.
//!
//! A resource file (`namespaces.rs`, ...) keeps only its types and oneofs and
//! says, by implementing [`Resource`], where it lives and what it sends.

use super::client::{percent_encode, Client, Method, Query};
use super::error::ApiError;
use super::list::ListOrder;
use super::wire::{number_lenient, Status};
use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use std::marker::PhantomData;

/// The four kinds of resource of the API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Namespace,
    Container,
    Domain,
    Trigger,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Namespace,
        Kind::Container,
        Kind::Domain,
        Kind::Trigger,
    ];

    /// What people call one: `namespace`, `custom domain`.
    pub const fn noun(self) -> &'static str {
        match self {
            Kind::Namespace => "namespace",
            Kind::Container => "container",
            Kind::Domain => "custom domain",
            Kind::Trigger => "trigger",
        }
    }

    /// The collection's path, which is also the console's route for it.
    pub const fn path(self) -> &'static str {
        match self {
            Kind::Namespace => "/namespaces",
            Kind::Container => "/containers",
            Kind::Domain => "/domains",
            Kind::Trigger => "/triggers",
        }
    }

    /// Its name as a heading: `Namespaces`, `Custom domains`.
    pub const fn title(self) -> &'static str {
        match self {
            Kind::Namespace => "Namespaces",
            Kind::Container => "Containers",
            Kind::Domain => "Custom domains",
            Kind::Trigger => "Triggers",
        }
    }
}

/// What the generic calls and views need to know of a resource.
pub trait Resource: DeserializeOwned + Serialize + Clone + PartialEq + 'static {
    const KIND: Kind;
    /// The collection's path under the region, which is also the console's
    /// route for it: `/namespaces`.
    const PATH: &'static str;
    /// The key of the items in a List answer: `namespaces`.
    const LIST_KEY: &'static str;
    /// What people call one: `namespace`, `custom domain`.
    const NOUN: &'static str;
    /// And more than one: `namespaces`, `custom domains`.
    const PLURAL: &'static str;
    /// The CreateX body.
    type Create: Serialize;
    /// The UpdateX body (a minimal PATCH).
    type Update: Serialize;
    /// The `order_by` values of its list.
    type Order: ListOrder;

    fn id(&self) -> &str;
    fn status(&self) -> &Status;
    /// How it is named on screen (a name, or a hostname).
    fn label(&self) -> &str;
    /// Absent while transient, empty when ready, the reason when in `error`.
    fn error_message(&self) -> Option<&str>;
    /// What it belongs to: a container's namespace, a domain's or a trigger's container.
    fn owner_id(&self) -> Option<&str>;
    /// When it was created (ms since the epoch), if the API said.
    fn created_millis(&self) -> Option<i64>;
    /// Its ID with its status and update time: what a keyed table row is
    /// re-rendered on (a row whose key is unchanged stays as it is).
    fn row_key(&self) -> String;
}

/// Implements [`Resource`] for a DTO whose `id`, `status` and
/// `error_message` fields have those names; `owner` names the field of the
/// ID it belongs to, if any.
macro_rules! resource {
    ($ty:ty {
        kind: $kind:ident,
        list_key: $key:literal,
        plural: $plural:literal,
        create: $create:ty,
        update: $update:ty,
        order: $order:ty,
        label: $label:ident
        $(, owner: $owner:ident)? $(,)?
    }) => {
        impl $crate::api::resource::Resource for $ty {
            const KIND: $crate::api::resource::Kind = $crate::api::resource::Kind::$kind;
            const PATH: &'static str = Self::KIND.path();
            const LIST_KEY: &'static str = $key;
            const NOUN: &'static str = Self::KIND.noun();
            const PLURAL: &'static str = $plural;
            type Create = $create;
            type Update = $update;
            type Order = $order;

            fn id(&self) -> &str {
                &self.id
            }
            fn status(&self) -> &$crate::api::wire::Status {
                &self.status
            }
            fn label(&self) -> &str {
                &self.$label
            }
            fn error_message(&self) -> Option<&str> {
                self.error_message.as_deref()
            }
            fn owner_id(&self) -> Option<&str> {
                None $(.or(Some(self.$owner.as_str())))?
            }
            fn created_millis(&self) -> Option<i64> {
                self.created_at.as_ref().and_then(|t| t.unix_millis)
            }
            fn row_key(&self) -> String {
                let updated = self.updated_at.as_ref().map_or("", |t| t.raw.as_str());
                format!("{}|{}|{}", self.id, self.status, updated)
            }
        }
    };
}
pub(crate) use resource;

/// The query of every List call: page, size, order and the filters. Only
/// what is set is sent; each list ignores the filters it does not know.
#[derive(Clone, Debug, PartialEq)]
pub struct ListQuery<O> {
    pub page: Option<u32>,
    pub page_size: Option<u32>,
    pub order_by: Option<O>,
    pub organization_id: Option<String>,
    pub project_id: Option<String>,
    pub namespace_id: Option<String>,
    pub container_id: Option<String>,
    pub name: Option<String>,
}

impl<O> Default for ListQuery<O> {
    fn default() -> Self {
        ListQuery {
            page: None,
            page_size: None,
            order_by: None,
            organization_id: None,
            project_id: None,
            namespace_id: None,
            container_id: None,
            name: None,
        }
    }
}

impl<O: fmt::Display> ListQuery<O> {
    /// Every item of the region that the filters select, up to the API's page maximum.
    pub fn all() -> Self {
        ListQuery {
            page_size: Some(MAX_PAGE_SIZE),
            ..Default::default()
        }
    }

    pub fn to_query(&self) -> Query {
        Query::new()
            .opt("page", self.page)
            .opt("page_size", self.page_size)
            .opt("order_by", self.order_by.as_ref())
            .opt("organization_id", self.organization_id.as_ref())
            .opt("project_id", self.project_id.as_ref())
            .opt("namespace_id", self.namespace_id.as_ref())
            .opt("container_id", self.container_id.as_ref())
            .opt("name", self.name.as_ref())
    }
}

/// A List answer: `{"<list key>": [...], "total_count": N}`.
#[derive(Clone, Debug, PartialEq)]
pub struct List<R> {
    pub items: Vec<R>,
    pub total_count: u64,
}

impl<'de, R: Resource> Deserialize<'de> for List<R> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ListVisitor<R>(PhantomData<R>);

        impl<'de, R: Resource> Visitor<'de> for ListVisitor<R> {
            type Value = List<R>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, "a list of {}", R::LIST_KEY)
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<List<R>, A::Error> {
                let (mut items, mut total_count) = (None, 0);
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if key == R::LIST_KEY {
                        items = Some(map.next_value::<Vec<R>>()?);
                    } else if key == "total_count" {
                        total_count = map.next_value::<TotalCount>()?.0;
                    } else {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                let items = items.ok_or_else(|| serde::de::Error::missing_field(R::LIST_KEY))?;
                Ok(List { items, total_count })
            }
        }

        d.deserialize_map(ListVisitor(PhantomData))
    }
}

/// `total_count` as a number, a string or `null`.
struct TotalCount(u64);

impl<'de> Deserialize<'de> for TotalCount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        number_lenient(d).map(TotalCount)
    }
}

/// The largest page a List call answers.
pub const MAX_PAGE_SIZE: u32 = 1000;

/// `/namespaces/{id}`, the ID percent-encoded so that it stays one segment.
fn item_path<R: Resource>(id: &str) -> String {
    format!("{}/{}", R::PATH, percent_encode(id))
}

/// What `list_page` asks the API for `query`: with a name, every item the
/// other filters select, and the name, page and page size to cut the page
/// from them here.
#[allow(clippy::type_complexity)]
fn without_name<O>(mut query: ListQuery<O>) -> (ListQuery<O>, Option<(String, u32, u32)>) {
    let Some(name) = query.name.take() else {
        return (query, None);
    };
    let (page, page_size) = (query.page.unwrap_or(1), query.page_size.unwrap_or(20));
    query.page = None;
    query.page_size = Some(MAX_PAGE_SIZE);
    (query, Some((name, page, page_size)))
}

impl Client {
    pub async fn list<R: Resource>(
        &self,
        query: &ListQuery<R::Order>,
    ) -> Result<List<R>, ApiError> {
        self.get_json(R::PATH, query.to_query()).await
    }

    pub async fn read<R: Resource>(&self, id: &str) -> Result<R, ApiError> {
        self.get_json(&item_path::<R>(id), Query::new()).await
    }

    pub async fn create<R: Resource>(&self, body: &R::Create) -> Result<R, ApiError> {
        self.send_json(Method::Post, R::PATH, body).await
    }

    pub async fn update<R: Resource>(&self, id: &str, body: &R::Update) -> Result<R, ApiError> {
        self.send_json(Method::Patch, &item_path::<R>(id), body)
            .await
    }

    /// Answers the resource as it now is (`deleting`); a later read answers 404.
    pub async fn delete<R: Resource>(&self, id: &str) -> Result<R, ApiError> {
        self.delete_json(&item_path::<R>(id)).await
    }

    /// A PATCH given as JSON: an edit rebased onto a newer read (see `forms::rebase`).
    pub async fn update_value<R: Resource>(
        &self,
        id: &str,
        body: &serde_json::Value,
    ) -> Result<R, ApiError> {
        self.send_json(Method::Patch, &item_path::<R>(id), body)
            .await
    }

    /// A page of a list, with the name filter applied here rather than by the
    /// API: ListNamespaces ignores `name` and ListContainers takes only an
    /// exact name. With a name, every item the other filters select (up to
    /// 1000) is read, and the page is cut from those whose name contains the
    /// text, ignoring case.
    pub async fn list_page<R: Resource>(
        &self,
        query: ListQuery<R::Order>,
    ) -> Result<List<R>, ApiError> {
        let (query, named) = without_name(query);
        let list = self.list::<R>(&query).await?;
        Ok(match named {
            Some((name, page, page_size)) => list.named(&name, page, page_size),
            None => list,
        })
    }

    /// The URL that `list_page` asks for `query` (the landing page's first
    /// read is sent before the page's code is in: `api::early`).
    pub fn list_page_url<R: Resource>(&self, query: ListQuery<R::Order>) -> String {
        self.config.url(R::PATH, &without_name(query).0.to_query())
    }

    /// Every item the query selects, read page after page (1000 a page, at
    /// most `max_pages` pages), and whether that is the whole list: `false`
    /// when more items are left than were read.
    pub async fn list_all<R: Resource>(
        &self,
        mut query: ListQuery<R::Order>,
        max_pages: u32,
    ) -> Result<(Vec<R>, bool), ApiError> {
        query.page_size = Some(MAX_PAGE_SIZE);
        let mut items = Vec::new();
        for page in 1..=max_pages.max(1) {
            query.page = Some(page);
            let list = self.list::<R>(&query).await?;
            let got = list.items.len();
            items.extend(list.items);
            if items.len() as u64 >= list.total_count {
                return Ok((items, true));
            }
            // The total says more, but this page had none: the list ends here.
            if got == 0 {
                return Ok((items, false));
            }
        }
        Ok((items, false))
    }

    /// Counts what a list would hold (one call asking for one item).
    pub async fn count<R: Resource>(
        &self,
        mut query: ListQuery<R::Order>,
    ) -> Result<u64, ApiError> {
        query.page_size = Some(1);
        self.list::<R>(&query).await.map(|l| l.total_count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::client::ApiConfig;
    use crate::api::containers::Container;
    use crate::api::domains::Domain;
    use crate::api::list::{HostnameOrder, NameOrder};
    use crate::api::namespaces::Namespace;
    use crate::api::triggers::Trigger;
    use crate::api::wire::Region;
    use serde_json::json;

    /// The URL a call on `R` goes to, and a list answer decoded through `List<R>`.
    fn check<R: Resource>(item: serde_json::Value, path: &str, key: &str) {
        assert_eq!((R::PATH, R::LIST_KEY), (path, key));
        let cfg = ApiConfig {
            region: Region::NlAms,
            ..Default::default()
        };
        assert_eq!(
            cfg.url(&item_path::<R>("1d/../x"), &Query::new()),
            format!("/containers/v1/regions/nl-ams{path}/1d%2F..%2Fx"),
            "an ID stays one path segment"
        );
        let body = json!({ key: [item.clone(), item], "total_count": "7", "next": null });
        let list: List<R> = serde_json::from_value(body).unwrap();
        assert_eq!((list.items.len(), list.total_count), (2, 7));
        assert_eq!(list.items[0].id(), "1");
        assert_eq!(list.items[0].status(), &Status::Ready);
        // Another resource's list is not this one's.
        let other = json!({"something_else": [], "total_count": 0});
        assert!(serde_json::from_value::<List<R>>(other).is_err());
    }

    #[test]
    fn one_description_serves_all_four_resources() {
        check::<Namespace>(
            json!({"id": "1", "name": "web", "project_id": "p", "status": "ready"}),
            "/namespaces",
            "namespaces",
        );
        check::<Container>(
            json!({"id": "1", "name": "api", "namespace_id": "n", "status": "ready"}),
            "/containers",
            "containers",
        );
        check::<Domain>(
            json!({"id": "1", "container_id": "c", "hostname": "a.example.com", "status": "ready"}),
            "/domains",
            "domains",
        );
        check::<Trigger>(
            json!({"id": "1", "name": "t", "container_id": "c", "status": "ready", "source_type": "cron",
                   "cron_config": {"schedule": "* * * * *", "timezone": "UTC"}}),
            "/triggers",
            "triggers",
        );
        assert_eq!(
            [
                Namespace::NOUN,
                Container::NOUN,
                Domain::NOUN,
                Trigger::NOUN
            ],
            ["namespace", "container", "custom domain", "trigger"]
        );
    }

    #[test]
    fn one_list_query_carries_every_filter() {
        let q: ListQuery<NameOrder> = ListQuery {
            page: Some(3),
            page_size: Some(20),
            order_by: Some(NameOrder::NameDesc),
            organization_id: Some("o".into()),
            project_id: Some("p".into()),
            namespace_id: Some("n".into()),
            container_id: Some("c".into()),
            name: Some("".into()),
        };
        let pairs = q.to_query().0;
        let keys: Vec<_> = pairs.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            keys,
            [
                "page",
                "page_size",
                "order_by",
                "organization_id",
                "project_id",
                "namespace_id",
                "container_id"
            ],
            "an empty filter is not sent"
        );
        assert_eq!(pairs[2].1, "name_desc");
        let all: ListQuery<HostnameOrder> = ListQuery::all();
        assert_eq!(all.to_query().0, vec![("page_size", "1000".to_string())]);
    }

    /// The landing page's early read (`api::early`) is used only if its URL is
    /// the one `list_page` asks for: both come from here.
    #[test]
    fn the_url_of_a_page_is_the_url_list_page_asks_for() {
        let client = Client::new(ApiConfig {
            region: Region::PlWaw,
            ..Default::default()
        });
        let page = |name: Option<&str>| ListQuery::<NameOrder> {
            page: Some(2),
            page_size: Some(20),
            order_by: Some(NameOrder::NameAsc),
            namespace_id: Some("n 1".into()),
            name: name.map(str::to_string),
            ..Default::default()
        };
        assert_eq!(
            client.list_page_url::<Container>(page(None)),
            "/containers/v1/regions/pl-waw/containers?page=2&page_size=20&order_by=name_asc&namespace_id=n%201"
        );
        // A name is applied here: every item the other filters select is read.
        assert_eq!(
            client.list_page_url::<Container>(page(Some("web"))),
            "/containers/v1/regions/pl-waw/containers?page_size=1000&order_by=name_asc&namespace_id=n%201"
        );
        let (read, cut) = without_name(page(Some("web")));
        assert_eq!(read.name, None);
        assert_eq!(cut, Some(("web".to_string(), 2, 20)));
    }
}
