//! DNS over HTTPS in its JSON form (`accept: application/dns-json`), at
//! `/dns-query`, so that the console's DNS check of custom domains works
//! offline: the CNAMEs given with `--dns NAME=TARGET`, and with the demo data
//! a CNAME from each custom domain to its container's endpoint. Any other
//! name answers NXDOMAIN (status 3), as a real resolver does.

use crate::store::Kind;
use crate::Shared;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use serde::Deserialize;
use serde_json::{json, Value};

/// DNS record type numbers (RFC 1035, 3596).
const A: u16 = 1;
const CNAME: u16 = 5;
const AAAA: u16 = 28;

#[derive(Deserialize)]
pub struct Question {
    name: String,
    #[serde(rename = "type", default)]
    kind: Option<String>,
}

/// `a.example.com.` and `A.Example.com` are the same name.
fn normal(name: &str) -> String {
    name.trim().trim_end_matches('.').to_ascii_lowercase()
}

/// The type asked: a name (`CNAME`) or a number (`5`); A when not given.
fn type_number(kind: Option<&str>) -> Option<u16> {
    match kind.map(str::to_ascii_uppercase).as_deref() {
        None | Some("A") => Some(A),
        Some("CNAME") => Some(CNAME),
        Some("AAAA") => Some(AAAA),
        Some(other) => other.parse().ok(),
    }
}

/// The CNAME of `name`, if the emulator has one.
fn cname_of(app: &Shared, name: &str) -> Option<String> {
    if let Some((_, target)) = app.config.dns.iter().find(|(n, _)| normal(n) == name) {
        return Some(normal(target));
    }
    if !app.config.demo_dns {
        return None;
    }
    let store = app.store.lock().unwrap_or_else(|e| e.into_inner());
    let domain = store
        .records
        .values()
        .find(|r| r.kind == Kind::Domain && normal(r.str_field("hostname")) == name)?;
    let container = store.get(
        Kind::Container,
        &domain.region,
        domain.str_field("container_id"),
    )?;
    let endpoint = container.str_field("public_endpoint");
    let host = endpoint
        .split("://")
        .nth(1)
        .unwrap_or(endpoint)
        .split(['/', ':'])
        .next()?;
    Some(normal(host))
}

/// Answers a question the way public resolvers' JSON APIs do.
pub async fn query(State(app): State<Shared>, Query(q): Query<Question>) -> impl IntoResponse {
    let name = normal(&q.name);
    let asked = type_number(q.kind.as_deref()).unwrap_or(A);
    let question = json!([{"name": format!("{name}."), "type": asked}]);
    let body: Value = match cname_of(&app, &name) {
        // A CNAME answers every type asked of its name (the resolver follows it;
        // the targets here have no address records of their own).
        Some(target) => json!({
            "Status": 0, "TC": false, "RD": true, "RA": true, "AD": false, "CD": false,
            "Question": question,
            "Answer": [{"name": format!("{name}."), "type": CNAME, "TTL": 300, "data": format!("{target}.")}],
        }),
        None => json!({
            "Status": 3, "TC": false, "RD": true, "RA": true, "AD": false, "CD": false,
            "Question": question,
        }),
    };
    (
        [(header::CONTENT_TYPE, "application/dns-json")],
        body.to_string(),
    )
}
