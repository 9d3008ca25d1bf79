//! The sort orders of the list calls: one type per list, each knowing its
//! wire value, its name in the sort menu, what it sorts on, and which is the
//! list's default. The filter bar, the URL, the API query and the local sort
//! all read them.

use std::fmt;

/// What an order sorts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortField {
    CreatedAt,
    /// The name, or a domain's hostname.
    Label,
}

/// An `order_by` of a list call.
pub trait ListOrder: Copy + PartialEq + fmt::Debug + fmt::Display + Send + Sync + 'static {
    /// Every order, as the sort menu lists them; the first is the list's default.
    const MENU: &'static [Self];

    fn as_str(self) -> &'static str;

    /// Its name in the sort menu.
    fn label(self) -> &'static str;

    /// What it sorts on, and whether descending.
    fn sort_key(self) -> (SortField, bool);

    fn default_order() -> Self {
        Self::MENU[0]
    }

    /// The order `text` names, if this list knows it.
    fn known(text: &str) -> Option<Self> {
        Self::MENU.iter().copied().find(|o| o.as_str() == text)
    }
}

macro_rules! list_order {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($variant:ident = $wire:literal, $label:literal, $field:ident, $descending:literal;)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $($variant,)+
        }

        impl ListOrder for $name {
            const MENU: &'static [Self] = &[$($name::$variant),+];

            fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $wire,)+
                }
            }

            fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }

            fn sort_key(self) -> (SortField, bool) {
                match self {
                    $($name::$variant => (SortField::$field, $descending),)+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

list_order! {
    /// `order_by` of ListNamespaces, ListContainers and ListTriggers: newest first by default.
    pub enum NameOrder {
        CreatedAtDesc = "created_at_desc", "Newest first", CreatedAt, true;
        CreatedAtAsc = "created_at_asc", "Oldest first", CreatedAt, false;
        NameAsc = "name_asc", "Name A–Z", Label, false;
        NameDesc = "name_desc", "Name Z–A", Label, true;
    }
}

list_order! {
    /// `order_by` of ListDomains: by hostname by default.
    pub enum HostnameOrder {
        HostnameAsc = "hostname_asc", "Hostname A–Z", Label, false;
        HostnameDesc = "hostname_desc", "Hostname Z–A", Label, true;
        CreatedAtDesc = "created_at_desc", "Newest first", CreatedAt, true;
        CreatedAtAsc = "created_at_asc", "Oldest first", CreatedAt, false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_know_their_wire_value_default_and_key() {
        assert_eq!(NameOrder::default_order(), NameOrder::CreatedAtDesc);
        assert_eq!(HostnameOrder::default_order(), HostnameOrder::HostnameAsc);
        assert_eq!(NameOrder::known("name_desc"), Some(NameOrder::NameDesc));
        assert_eq!(NameOrder::known("hostname_asc"), None);
        assert_eq!(
            HostnameOrder::HostnameDesc.sort_key(),
            (SortField::Label, true)
        );
        assert_eq!(
            NameOrder::CreatedAtAsc.sort_key(),
            (SortField::CreatedAt, false)
        );
        assert_eq!(NameOrder::NameAsc.to_string(), "name_asc");
    }
}
