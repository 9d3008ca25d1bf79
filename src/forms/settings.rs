//! Settings checks: what a secret key and an API base URL must be before the
//! key is stored or sent anywhere. Pure, host-tested.

use super::field::Lens;
use super::net::url_problem;
use super::{is_uuid, FieldErrors};
use crate::api::Region;
use crate::lens;

/// Why `key` cannot be a secret key. The API's keys are UUIDs
/// (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, as the official SDKs insist); a
/// pasted key with an invisible or non-ASCII character could not even be put
/// in a header.
pub fn secret_key_problem(key: &str) -> Option<&'static str> {
    if key.is_empty() {
        Some("Paste the secret key.")
    } else if !key.bytes().all(|b| (0x21..=0x7e).contains(&b)) {
        Some("The key has a space, an invisible or a non-ASCII character: paste it again, from its source.")
    } else if !is_uuid(key) {
        Some("A secret key has 36 characters: 8-4-4-4-12 digits and letters a–f, with dashes.")
    } else {
        None
    }
}

/// Where the key goes, for an API base URL the user typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyDestination {
    /// Empty, or the page's own origin: the usual same-origin proxy.
    ThisOrigin,
    /// Another origin, which will receive the key: the user must agree.
    Elsewhere(String),
}

/// The origin (`scheme://host[:port]`) of an absolute URL, lowercase.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    (!authority.is_empty()).then(|| format!("{}://{}", scheme, authority).to_ascii_lowercase())
}

/// A loopback host: `localhost`, `127.x.x.x` or `[::1]`.
fn is_loopback(origin: &str) -> bool {
    let host = origin.split_once("://").map_or(origin, |(_, h)| h);
    let host = match host.strip_prefix('[') {
        Some(v6) => return v6.starts_with("::1]"),
        None => host.rsplit_once(':').map_or(host, |(h, _)| h),
    };
    let ipv4_loopback = host.starts_with("127.")
        && host.split('.').count() == 4
        && host.split('.').all(|part| part.parse::<u8>().is_ok());
    host == "localhost" || host.ends_with(".localhost") || ipv4_loopback
}

/// Checks an API base URL against the page's origin: empty means this
/// origin; otherwise an absolute `https:` URL (`http:` only on loopback).
pub fn base_url_check(url: &str, page_origin: &str) -> Result<KeyDestination, String> {
    let url = url.trim().trim_end_matches('/');
    if url.is_empty() {
        return Ok(KeyDestination::ThisOrigin);
    }
    if let Some(problem) = url_problem(url, &["https", "http"]) {
        return Err(problem);
    }
    let origin = origin_of(url).ok_or("Give an absolute URL, e.g. https://api.example.com.")?;
    if origin == page_origin.to_ascii_lowercase() {
        return Ok(KeyDestination::ThisOrigin);
    }
    if origin.starts_with("http://") && !is_loopback(&origin) {
        return Err(
            "Use https:// — the key would cross the network unencrypted (http:// only for localhost)."
                .into(),
        );
    }
    if url.contains(['?', '#']) {
        return Err("Leave the query and fragment out of the base URL.".into());
    }
    Ok(KeyDestination::Elsewhere(origin))
}

/// Settings as they are edited (saved on submit). The key starts empty and
/// is emptied again once saved: the stored key is never put back in a page.
#[derive(Clone, Debug, PartialEq)]
pub struct SettingsForm {
    pub base_url: String,
    pub secret_key: String,
    pub remember: bool,
    pub project_id: String,
    pub region: Region,
    /// The other origin the user agreed to send the key to: an agreement
    /// holds for that origin only, so another address needs another one.
    pub agreed_origin: Option<String>,
}

/// Every field of Settings, declared once (see `ContainerForm`).
impl SettingsForm {
    pub const BASE_URL: Lens<Self, String> = lens!(base_url);
    pub const SECRET_KEY: Lens<Self, String> = lens!(secret_key);
    pub const REMEMBER: Lens<Self, bool> = lens!(remember => "");
    pub const PROJECT: Lens<Self, String> = lens!(project_id);
    pub const REGION: Lens<Self, Region> = lens!(region => "");

    /// Messages by field. A new key must be one; a base URL must be `https:`
    /// (`http:` on loopback), and another origin than the page's, unless it
    /// is the one already saved, must be agreed to.
    pub fn validate(&self, page_origin: &str, saved_base_url: &str) -> FieldErrors {
        let mut errors = FieldErrors::new();
        let key = self.secret_key.trim();
        if let Some(problem) = (!key.is_empty()).then(|| secret_key_problem(key)).flatten() {
            errors.insert(Self::SECRET_KEY.key.into(), problem.into());
        }
        let url_problem = match base_url_check(&self.base_url, page_origin) {
            Err(problem) => Some(problem),
            Ok(KeyDestination::Elsewhere(origin))
                if self.agreed_origin.as_ref() != Some(&origin)
                    && origin_of(saved_base_url).as_ref() != Some(&origin) =>
            {
                Some(format!(
                    "Tick the box to agree to send your key to {origin}."
                ))
            }
            Ok(_) => None,
        };
        if let Some(problem) = url_problem {
            errors.insert(Self::BASE_URL.key.into(), problem);
        }
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_uuids_of_printable_ascii() {
        assert_eq!(
            secret_key_problem("11111111-1111-4111-8111-111111111111"),
            None
        );
        assert_eq!(
            secret_key_problem("ABCDEF12-aaaa-bbbb-cccc-0123456789ab"),
            None
        );
        assert!(secret_key_problem("").is_some());
        for (bad, why) in [
            ("11111111-1111-4111-8111-11111111111\u{200b}1", "invisible"),
            ("11111111-1111-4111-8111-1111111111é1", "non-ASCII"),
            ("11111111 1111-4111-8111-111111111111", "space"),
            ("emulator-secret-key", "36 characters"),
            ("11111111-1111-4111-8111-11111111111g", "36 characters"),
        ] {
            let problem = secret_key_problem(bad).unwrap_or_else(|| panic!("{bad:?} accepted"));
            assert!(problem.contains(why), "{bad:?}: {problem}");
        }
    }

    #[test]
    fn base_urls_say_where_the_key_goes() {
        let page = "https://console.example";
        assert_eq!(base_url_check("", page), Ok(KeyDestination::ThisOrigin));
        assert_eq!(
            base_url_check("https://console.example/", page),
            Ok(KeyDestination::ThisOrigin)
        );
        assert_eq!(
            base_url_check("https://api.example.com/gw", page),
            Ok(KeyDestination::Elsewhere("https://api.example.com".into()))
        );
        for local in [
            "http://localhost:8081",
            "http://127.0.0.1:8081",
            "http://[::1]:8081",
        ] {
            assert!(
                matches!(
                    base_url_check(local, page),
                    Ok(KeyDestination::Elsewhere(_))
                ),
                "{local}"
            );
        }
        for (bad, why) in [
            ("http://api.example.com", "https://"),
            ("http://localhost.evil.com", "https://"),
            ("http://127.evil.com", "https://"),
            ("ftp://api.example.com", "Start with"),
            ("api.example.com", "Start with"),
            ("https://api.example.com/?x=1", "query"),
            ("javascript:alert(1)", "Start with"),
        ] {
            let problem = base_url_check(bad, page).expect_err(bad);
            assert!(problem.contains(why), "{bad}: {problem}");
        }
    }

    #[test]
    fn settings_messages_land_on_their_fields() {
        let form = SettingsForm {
            base_url: String::new(),
            secret_key: String::new(),
            remember: false,
            project_id: String::new(),
            region: Region::default(),
            agreed_origin: None,
        };
        let page = "http://127.0.0.1:8080";
        assert!(
            form.validate(page, "").is_empty(),
            "nothing typed: nothing to say"
        );
        let bad_key = SettingsForm {
            secret_key: "not a key".into(),
            ..form.clone()
        };
        assert!(bad_key.validate(page, "")[SettingsForm::SECRET_KEY.key].contains("space"));
        let elsewhere = SettingsForm {
            base_url: "https://api.example.com".into(),
            ..form.clone()
        };
        let errors = elsewhere.validate(page, "");
        assert!(
            errors[SettingsForm::BASE_URL.key].contains("agree"),
            "{errors:?}"
        );
        let agreed = SettingsForm {
            agreed_origin: Some("https://api.example.com".into()),
            ..elsewhere.clone()
        };
        assert!(agreed.validate(page, "").is_empty());
        // An agreement is for that origin only.
        let moved = SettingsForm {
            base_url: "https://other.example.com".into(),
            ..agreed.clone()
        };
        assert!(moved
            .validate(page, "")
            .contains_key(SettingsForm::BASE_URL.key));
        // Agreed when it was saved: no need to agree again.
        assert!(elsewhere
            .validate(page, "https://api.example.com/")
            .is_empty());
        let plain = SettingsForm {
            base_url: "http://api.example.com".into(),
            agreed_origin: Some("http://api.example.com".into()),
            ..form
        };
        assert!(plain
            .validate(page, "")
            .contains_key(SettingsForm::BASE_URL.key));
    }
}
