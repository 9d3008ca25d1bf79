//! Which resolver the DNS check asks, or none: off until the user agrees,
//! because the resolver learns the hostnames checked.

use std::fmt;
use std::str::FromStr;

/// The choice in Settings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Resolver {
    /// No check (the default: nothing is sent anywhere).
    #[default]
    Off,
    /// A well-known public resolver (Cloudflare's), the only outside origin asked.
    Public,
    /// `/dns-query` on the console's own origin: the emulator, or a proxy of yours.
    ThisSite,
}

/// The public resolver's DoH JSON address.
pub const PUBLIC_URL: &str = "https://cloudflare-dns.com/dns-query";

impl Resolver {
    pub const ALL: [Resolver; 3] = [Resolver::Off, Resolver::Public, Resolver::ThisSite];

    pub fn as_str(self) -> &'static str {
        match self {
            Resolver::Off => "off",
            Resolver::Public => "public",
            Resolver::ThisSite => "this-site",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Resolver::Off => "Off: no DNS check",
            Resolver::Public => {
                "Cloudflare's public resolver (cloudflare-dns.com learns the hostnames checked)"
            }
            Resolver::ThisSite => {
                "This site's /dns-query (the emulator, or a resolver you proxy there)"
            }
        }
    }

    /// Where its questions go (`None` when off); `origin` is the page's own.
    pub fn url(self, origin: &str) -> Option<String> {
        match self {
            Resolver::Off => None,
            Resolver::Public => Some(PUBLIC_URL.to_string()),
            Resolver::ThisSite => Some(format!("{}/dns-query", origin.trim_end_matches('/'))),
        }
    }
}

impl FromStr for Resolver {
    type Err = ();
    fn from_str(text: &str) -> Result<Self, ()> {
        Resolver::ALL
            .into_iter()
            .find(|r| r.as_str() == text)
            .ok_or(())
    }
}

impl fmt::Display for Resolver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
