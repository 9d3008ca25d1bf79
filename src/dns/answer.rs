//! DNS over HTTPS answers in the JSON form (`application/dns-json`, as
//! public resolvers and the emulator's `/dns-query` write them), and what
//! they say of a custom domain: it points at the container, elsewhere, or
//! nowhere. Pure, host-tested.

use serde::Deserialize;

pub const CNAME: u16 = 5;
pub const A: u16 = 1;
pub const AAAA: u16 = 28;
/// The answer status of a name that does not exist.
const NXDOMAIN: u32 = 3;

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct Record {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: u16,
    pub data: String,
}

/// A resolver's answer to one question.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct Answer {
    #[serde(rename = "Status")]
    pub status: u32,
    #[serde(rename = "Answer", default)]
    pub records: Vec<Record>,
}

pub fn parse(json: &str) -> Result<Answer, String> {
    serde_json::from_str(json).map_err(|e| format!("not a DNS JSON answer: {e}"))
}

/// `Shop.Example.com.` and `shop.example.com` are one name.
pub fn normal(name: &str) -> String {
    name.trim().trim_end_matches('.').to_ascii_lowercase()
}

/// What the lookups say of `hostname`, given where it should point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Its CNAME chain reaches the container's endpoint.
    Points,
    /// It resolves, but not to the endpoint: where it goes (`CNAME x`, `A 1.2.3.4`).
    Elsewhere(Vec<String>),
    /// No record (NXDOMAIN, or no answer): the CNAME is still to create.
    NoRecord,
}

/// The names `hostname` leads to through CNAMEs, in order (a chain, at most 8 long).
fn chain(hostname: &str, records: &[Record]) -> Vec<String> {
    let mut names = Vec::new();
    let mut at = normal(hostname);
    for _ in 0..8 {
        let next = records
            .iter()
            .find(|r| r.kind == CNAME && normal(&r.name) == at)
            .map(|r| normal(&r.data));
        match next {
            Some(next) if !names.contains(&next) => {
                names.push(next.clone());
                at = next;
            }
            _ => break,
        }
    }
    names
}

/// The verdict from the answers to the CNAME, A and AAAA questions of `hostname`.
pub fn verdict(hostname: &str, expected: &str, answers: &[Answer]) -> Verdict {
    let expected = normal(expected);
    let records: Vec<Record> = answers.iter().flat_map(|a| a.records.clone()).collect();
    let names = chain(hostname, &records);
    if names.contains(&expected) {
        return Verdict::Points;
    }
    let mut found: Vec<String> = names
        .last()
        .map(|n| format!("CNAME {n}"))
        .into_iter()
        .collect();
    let end = names.last().cloned().unwrap_or_else(|| normal(hostname));
    for r in records
        .iter()
        .filter(|r| (r.kind == A || r.kind == AAAA) && normal(&r.name) == end)
    {
        let line = format!("{} {}", if r.kind == A { "A" } else { "AAAA" }, r.data);
        if !found.contains(&line) {
            found.push(line);
        }
    }
    if found.is_empty() || answers.iter().all(|a| a.status == NXDOMAIN) && names.is_empty() {
        Verdict::NoRecord
    } else {
        Verdict::Elsewhere(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(json: &str) -> Answer {
        parse(json).unwrap()
    }

    #[test]
    fn reads_cname_chains_nxdomain_and_no_answer() {
        let endpoint = "web-ns.functions.fnc.fr-par.scw.cloud";
        let direct = answer(
            r#"{"Status":0,"Answer":[{"name":"Shop.Example.com.","type":5,"TTL":300,"data":"web-ns.functions.fnc.fr-par.scw.cloud."}]}"#,
        );
        assert_eq!(
            verdict("shop.example.com", endpoint, &[direct]),
            Verdict::Points
        );
        // A chain through another name still reaches it.
        let chained = answer(
            r#"{"Status":0,"Answer":[
            {"name":"www.example.com.","type":5,"TTL":60,"data":"edge.example.net."},
            {"name":"edge.example.net.","type":5,"TTL":60,"data":"web-ns.functions.fnc.fr-par.scw.cloud."},
            {"name":"web-ns.functions.fnc.fr-par.scw.cloud.","type":1,"TTL":60,"data":"51.15.0.1"}]}"#,
        );
        assert_eq!(
            verdict("www.example.com", endpoint, &[chained]),
            Verdict::Points
        );
        let elsewhere = answer(
            r#"{"Status":0,"Answer":[{"name":"a.example.com.","type":5,"TTL":300,"data":"old-host.example.net."},
            {"name":"old-host.example.net.","type":1,"TTL":300,"data":"192.0.2.7"}]}"#,
        );
        assert_eq!(
            verdict("a.example.com", endpoint, &[elsewhere]),
            Verdict::Elsewhere(vec![
                "CNAME old-host.example.net".into(),
                "A 192.0.2.7".into()
            ])
        );
        let address_only = [
            answer(r#"{"Status":0}"#),
            answer(
                r#"{"Status":0,"Answer":[{"name":"b.example.com.","type":1,"TTL":300,"data":"192.0.2.8"}]}"#,
            ),
            answer(
                r#"{"Status":0,"Answer":[{"name":"b.example.com.","type":28,"TTL":300,"data":"2001:db8::1"}]}"#,
            ),
        ];
        assert_eq!(
            verdict("b.example.com", endpoint, &address_only),
            Verdict::Elsewhere(vec!["A 192.0.2.8".into(), "AAAA 2001:db8::1".into()])
        );
        let nxdomain = answer(r#"{"Status":3,"Question":[{"name":"c.example.com.","type":5}]}"#);
        assert_eq!(
            verdict("c.example.com", endpoint, &[nxdomain.clone(), nxdomain]),
            Verdict::NoRecord
        );
        assert_eq!(
            verdict("d.example.com", endpoint, &[answer(r#"{"Status":0}"#)]),
            Verdict::NoRecord,
            "no answer"
        );
        // A loop ends.
        let looped = answer(
            r#"{"Status":0,"Answer":[{"name":"x.","type":5,"data":"y."},{"name":"y.","type":5,"data":"x."}]}"#,
        );
        assert!(matches!(
            verdict("x", endpoint, &[looped]),
            Verdict::Elsewhere(_)
        ));
        assert!(parse("<html>").is_err());
    }
}
