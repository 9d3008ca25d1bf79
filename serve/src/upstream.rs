//! The one API origin requests are forwarded to, and the check that a
//! forwarded request stays on it and under the API's path.

use crate::API_PREFIX;
use url::{Host, Url};

/// An API origin: `https://host[:port]`, or plain `http` on loopback (an
/// emulator on this machine); the key travels to it with every call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upstream(Url);

impl Upstream {
    pub fn parse(text: &str) -> Result<Upstream, String> {
        let url = Url::parse(text).map_err(|e| format!("not a URL ({e}): {text}"))?;
        if !url.username().is_empty() || url.password().is_some() {
            return Err(format!("no credentials in the upstream URL: {text}"));
        }
        if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
            return Err(format!(
                "the upstream is an origin, with no path or query (such as https://api.scaleway.com): {text}"
            ));
        }
        match url.scheme() {
            "https" => {}
            "http" if is_loopback(&url) => {}
            "http" => {
                return Err(format!(
                    "plain http would send the secret key unencrypted; use https (http only on loopback): {text}"
                ))
            }
            other => return Err(format!("the upstream must be https, not {other}: {text}")),
        }
        Ok(Upstream(url))
    }

    /// The origin, as written in messages.
    pub fn origin(&self) -> String {
        self.0.origin().ascii_serialization()
    }

    /// Where `path_and_query` goes upstream, or `None` when it would leave
    /// the API's path once resolved (`..`, `%2e%2e`, `//host`): the proxy
    /// forwards the API and nothing else.
    pub fn target(&self, path_and_query: &str) -> Option<Url> {
        let path = path_and_query.split('?').next().unwrap_or_default();
        if !path.starts_with(API_PREFIX) || path.split('/').any(is_dot_segment) {
            return None;
        }
        let url = self.0.join(path_and_query).ok()?;
        (url.origin() == self.0.origin() && url.path().starts_with(API_PREFIX)).then_some(url)
    }
}

/// `.` or `..`, as written or percent-encoded: URL parsers resolve them, so
/// the path that goes out would not be the one the browser asked for.
fn is_dot_segment(segment: &str) -> bool {
    matches!(
        segment.to_ascii_lowercase().as_str(),
        "." | ".." | "%2e" | "%2e%2e" | ".%2e" | "%2e."
    )
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(name)) => name == "localhost",
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_upstream_is_an_https_origin_or_loopback_http() {
        for good in [
            "https://api.scaleway.com",
            "https://api.scaleway.com/",
            "http://127.0.0.1:8081",
            "http://localhost:9000",
            "http://[::1]:9000",
        ] {
            assert!(Upstream::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "http://api.scaleway.com",
            "ftp://api.scaleway.com",
            "https://api.scaleway.com/containers/v1",
            "https://api.scaleway.com/?a=b",
            "https://user:pw@api.scaleway.com",
            "api.scaleway.com",
        ] {
            assert!(Upstream::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn only_the_api_path_is_forwarded() {
        let up = Upstream::parse("https://api.scaleway.com").unwrap();
        assert_eq!(
            up.target("/containers/v1/regions/fr-par/namespaces?page=2")
                .map(String::from),
            Some("https://api.scaleway.com/containers/v1/regions/fr-par/namespaces?page=2".into())
        );
        for escape in [
            "/iam/v1/api-keys",
            "/containers/v1/../../iam/v1/api-keys",
            "/containers/v1/%2e%2e/%2E%2E/iam/v1/api-keys",
            "/containers/v1/./regions",
            "//evil.example/containers/v1/x",
            "/containers/v2/regions",
        ] {
            assert_eq!(up.target(escape), None, "{escape}");
        }
    }
}
