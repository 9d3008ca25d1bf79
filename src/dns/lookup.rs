//! Asks the resolver the CNAME, A and AAAA of a hostname, at once.

use super::answer::{parse, verdict, Answer, Verdict, A, AAAA, CNAME};
use crate::api::client::percent_encode;

async fn ask(resolver: &str, hostname: &str, kind: u16) -> Result<Answer, String> {
    let url = format!("{resolver}?name={}&type={kind}", percent_encode(hostname));
    // No key, no cookie: the resolver learns the hostname and nothing else.
    let response = gloo_net::http::Request::get(&url)
        .header("accept", "application/dns-json")
        .credentials(web_sys::RequestCredentials::Omit)
        .send()
        .await
        .map_err(|e| format!("the resolver did not answer ({e})"))?;
    if !response.ok() {
        return Err(format!("the resolver answered {}", response.status()));
    }
    parse(&response.text().await.map_err(|e| e.to_string())?)
}

/// Where `hostname` points, against `expected` (the endpoint's host).
pub async fn check(
    resolver: String,
    hostname: String,
    expected: String,
) -> Result<Verdict, String> {
    let (cname, a, aaaa) = futures::join!(
        ask(&resolver, &hostname, CNAME),
        ask(&resolver, &hostname, A),
        ask(&resolver, &hostname, AAAA)
    );
    Ok(verdict(&hostname, &expected, &[cname?, a?, aaaa?]))
}
