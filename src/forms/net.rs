//! Names and addresses as users type them: DNS hostnames (custom domains)
//! and URLs (SQS endpoints and queues, NATS servers). Each check answers
//! why a text is not acceptable, in words for the field it belongs to.

/// Why `host` is not a hostname a custom domain can have: 3 to 63
/// characters, at least two labels of letters, digits and dashes (neither
/// first nor last), not an IP address.
pub fn hostname_problem(host: &str) -> Option<&'static str> {
    if host.is_empty() {
        return Some("Give the hostname, e.g. app.example.com.");
    }
    if !host.is_ascii() {
        return Some("Write an international name in its ASCII (xn--) form.");
    }
    if host.bytes().any(|b| b.is_ascii_whitespace()) {
        return Some("A hostname has no spaces.");
    }
    if host.contains("://") || host.contains('/') {
        return Some("Give the hostname only, without https:// or a path.");
    }
    if !(3..=63).contains(&host.len()) {
        return Some("A hostname has 3 to 63 characters.");
    }
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2 {
        return Some("Give a full domain name, with a dot (app.example.com).");
    }
    if labels.iter().any(|l| l.is_empty()) {
        return Some("Two dots in a row, or a dot at an end: each part needs a name.");
    }
    for label in &labels {
        let b = label.as_bytes();
        if !b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-') {
            return Some("Use only letters, digits, dashes and dots.");
        }
        if b[0] == b'-' || b[b.len() - 1] == b'-' {
            return Some("A part of the name cannot start or end with a dash.");
        }
    }
    if labels
        .last()
        .is_some_and(|tld| tld.bytes().all(|c| c.is_ascii_digit()))
    {
        return Some("An IP address cannot be a custom domain: give a domain name.");
    }
    None
}

/// Why `url` is not an absolute URL with one of `schemes` (`https`, `nats`,
/// ...) and a host, with an optional port and path.
pub fn url_problem(url: &str, schemes: &[&str]) -> Option<String> {
    let expected = || {
        let list: Vec<String> = schemes.iter().map(|s| format!("{s}://")).collect();
        format!("Start with {}.", list.join(" or "))
    };
    let Some((scheme, rest)) = url.split_once("://") else {
        return Some(expected());
    };
    if !schemes.iter().any(|s| s.eq_ignore_ascii_case(scheme)) {
        return Some(expected());
    }
    if url.chars().any(char::is_whitespace) {
        return Some("A URL has no spaces.".into());
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    // user:password@ is not for these fields: credentials have their own.
    if authority.contains('@') {
        return Some("Leave credentials out of the URL.".into());
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(']') || authority.starts_with('[') => {
            (host, Some(port))
        }
        _ => (authority, None),
    };
    let host_ok = if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        !inner.is_empty() && inner.bytes().all(|c| c.is_ascii_hexdigit() || c == b':')
    } else {
        !host.is_empty()
            && host
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'.')
            && !host.starts_with(['.', '-'])
    };
    if !host_ok {
        return Some("Give a host name after ://.".into());
    }
    if let Some(port) = port {
        match port.parse::<u32>() {
            Ok(p) if (1..=65_535).contains(&p) => {}
            _ => return Some("The port is a number from 1 to 65535.".into()),
        }
    }
    None
}

/// The host of an endpoint URL (`https://a.b.c/x` → `a.b.c`): what a CNAME points at.
pub fn url_host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    authority.rsplit_once(':').map_or(authority, |(h, _)| h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostnames_are_dns_names() {
        for ok in [
            "app.example.com",
            "a.io",
            "container.container-basic.scaleway-terraform.com",
            "xn--bcher-kva.example",
            "API.Example.COM",
        ] {
            assert_eq!(hostname_problem(ok), None, "{ok}");
        }
        let long = format!("{}.com", "a".repeat(60));
        for (bad, why) in [
            ("", "Give"),
            ("localhost", "dot"),
            ("ab.", "dot at an end"),
            ("a..com", "Two dots"),
            ("-a.com", "dash"),
            ("a-.com", "dash"),
            ("a_b.com", "letters"),
            ("https://a.com", "without https"),
            ("a.com/x", "without https"),
            ("a b.com", "spaces"),
            ("bücher.de", "xn--"),
            ("10.0.0.1", "IP address"),
            (long.as_str(), "3 to 63"),
            ("ab", "3 to 63"),
        ] {
            let problem = hostname_problem(bad).unwrap_or_else(|| panic!("{bad:?} accepted"));
            assert!(problem.contains(why), "{bad:?}: {problem}");
        }
    }

    #[test]
    fn urls_need_their_scheme_and_a_host() {
        let nats = ["nats", "tls"];
        for ok in [
            "nats://nats.mnq.fr-par.scaleway.com:4222",
            "tls://n1.example:4443",
            "nats://127.0.0.1",
            "nats://[::1]:4222",
        ] {
            assert_eq!(url_problem(ok, &nats), None, "{ok}");
        }
        for (bad, why) in [
            ("nats.example:4222", "Start with nats:// or tls://"),
            ("https://n.example", "Start with"),
            ("nats://", "host"),
            ("nats://n.example:0", "port"),
            ("nats://n.example:99999", "port"),
            ("nats://n.example:x", "port"),
            ("nats://user:pw@n.example", "credentials"),
            ("nats://n .example", "spaces"),
        ] {
            let problem = url_problem(bad, &nats).unwrap_or_else(|| panic!("{bad:?} accepted"));
            assert!(problem.contains(why), "{bad:?}: {problem}");
        }
        let web = ["https", "http"];
        assert_eq!(
            url_problem("https://sqs.mnq.fr-par.scaleway.com/123/queue-a", &web),
            None
        );
        assert!(url_problem("sqs.mnq.fr-par.scaleway.com", &web).is_some());
    }

    #[test]
    fn endpoint_hosts() {
        assert_eq!(
            url_host("https://web-abc.functions.fnc.fr-par.scw.cloud"),
            "web-abc.functions.fnc.fr-par.scw.cloud"
        );
        assert_eq!(url_host("http://127.0.0.1:8080/x"), "127.0.0.1");
        assert_eq!(url_host("plain.example"), "plain.example");
    }
}
