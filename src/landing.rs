//! The first read of the page the app opens on, sent as soon as the main
//! module runs: a list page's code is in a chunk of its own, and on a slow
//! link its first read would otherwise wait for that chunk to be fetched and
//! compiled. The page gets the answer through `api::early` when it asks for
//! the same URL.

use crate::api::containers::Container;
use crate::api::domains::Domain;
use crate::api::namespaces::Namespace;
use crate::api::triggers::Trigger;
use crate::api::{early, ApiConfig, Client, Kind, Region, Resource};
use crate::state::query::ListParams;
use crate::state::session::Session;
use leptos_router::location::{BrowserUrl, LocationProvider};

/// Sends the first read of the list the address names, as its page will ask
/// for it (`ResourceTable`): nothing for other pages, or without a key.
pub fn send_first_read(session: &Session) {
    let client = session.client_untracked();
    if client.config.token.is_empty() {
        return;
    }
    let Ok(address) = BrowserUrl::current() else {
        return;
    };
    let Some(kind) = Kind::ALL.into_iter().find(|k| k.path() == address.path()) else {
        return;
    };
    let search = address.search_params();
    let params = ListParams::from_lookup(|key| search.get(key));
    // The address's region wins, as in the region switch.
    let region = search
        .get("region")
        .map(|r| Region::from_wire(&r))
        .filter(|r| Region::ALL.contains(r))
        .unwrap_or(client.config.region);
    let client = Client::new(ApiConfig {
        region,
        ..client.config
    });
    let url = match kind {
        Kind::Namespace => first_read_url::<Namespace>(&client, &params),
        Kind::Container => first_read_url::<Container>(&client, &params),
        Kind::Domain => first_read_url::<Domain>(&client, &params),
        Kind::Trigger => first_read_url::<Trigger>(&client, &params),
    };
    early::send(client, url);
    // Not taken by the time the app goes away: nobody wants it.
    leptos::prelude::on_cleanup(early::cancel);
}

fn first_read_url<R: Resource>(client: &Client, params: &ListParams) -> String {
    client.list_page_url::<R>(params.to_list_query::<R::Order>(params.page()))
}
