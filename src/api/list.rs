//! Sorting orders shared by the list calls.

use super::wire::wire_enum;

wire_enum! {
    /// `order_by` of ListNamespaces, ListContainers and ListTriggers.
    pub enum NameOrder {
        CreatedAtAsc = "created_at_asc",
        CreatedAtDesc = "created_at_desc",
        NameAsc = "name_asc",
        NameDesc = "name_desc",
    }
}

wire_enum! {
    /// `order_by` of ListDomains.
    pub enum HostnameOrder {
        CreatedAtAsc = "created_at_asc",
        CreatedAtDesc = "created_at_desc",
        HostnameAsc = "hostname_asc",
        HostnameDesc = "hostname_desc",
    }
}

/// What an order sorts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortField {
    CreatedAt,
    /// The name, or a domain's hostname.
    Label,
}

/// An `order_by` enum of a list call.
pub trait ListOrder: std::fmt::Display + Clone + PartialEq + 'static {
    /// The order `text` names, if this list knows it.
    fn known(text: &str) -> Option<Self>;

    /// What it sorts on, and whether descending (`created_at_desc`).
    fn sort_key(&self) -> (SortField, bool) {
        let text = self.to_string();
        let field = if text.starts_with("created_at") {
            SortField::CreatedAt
        } else {
            SortField::Label
        };
        (field, text.ends_with("_desc"))
    }
}

macro_rules! list_order {
    ($($order:ty),+) => {$(
        impl ListOrder for $order {
            fn known(text: &str) -> Option<Self> {
                let order = Self::from_wire(text);
                Self::ALL.contains(&order).then_some(order)
            }
        }
    )+};
}
list_order!(NameOrder, HostnameOrder);
