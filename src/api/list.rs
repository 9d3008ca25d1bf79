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
