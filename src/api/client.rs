//! The one way to call the API: base URL, region, `X-Auth-Token`, JSON in and
//! out, typed errors, and cancellation through an `AbortSignal`.

use super::error::{ApiError, ErrorKind};
use super::wire::Region;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Where and as whom to call. `base_url` empty means the page's own origin
/// (the real API sends no CORS headers, so a same-origin proxy is the norm).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ApiConfig {
    pub base_url: String,
    pub token: String,
    pub region: Region,
}

impl ApiConfig {
    /// `{base}/containers/v1/regions/{region}{path}?{query}`.
    pub fn url(&self, path: &str, query: &Query) -> String {
        let base = self.base_url.trim().trim_end_matches('/');
        let mut url = format!("{base}/containers/v1/regions/{}{path}", self.region);
        if !query.0.is_empty() {
            url.push('?');
            let pairs: Vec<String> = query
                .0
                .iter()
                .map(|(k, v)| format!("{k}={}", percent_encode(v)))
                .collect();
            url.push_str(&pairs.join("&"));
        }
        url
    }
}

/// Query parameters in order; only the ones that are set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query(pub Vec<(&'static str, String)>);

impl Query {
    pub fn new() -> Self {
        Query::default()
    }

    /// Adds `name=value` when the value is set and not empty.
    pub fn opt(mut self, name: &'static str, value: Option<impl ToString>) -> Self {
        if let Some(v) = value {
            let v = v.to_string();
            if !v.is_empty() {
                self.0.push((name, v));
            }
        }
        self
    }
}

/// Encodes a query value (RFC 3986 unreserved characters pass through).
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A handle for calls; cheap to clone. With an abort signal, every call made
/// through it is cancelled when the signal fires (e.g. on component cleanup).
#[derive(Clone, Debug, Default)]
pub struct Client {
    pub config: ApiConfig,
    signal: Option<web_sys::AbortSignal>,
}

#[derive(Clone, Copy, Debug)]
pub(crate) enum Method {
    Get,
    Post,
    Patch,
    Delete,
}

impl Client {
    pub fn new(config: ApiConfig) -> Self {
        Client {
            config,
            signal: None,
        }
    }

    /// The same client, with its calls cancelled when `signal` aborts.
    pub fn with_signal(&self, signal: web_sys::AbortSignal) -> Self {
        Client {
            config: self.config.clone(),
            signal: Some(signal),
        }
    }

    pub(crate) async fn get_json<T: DeserializeOwned>(
        &self,
        path: &str,
        query: Query,
    ) -> Result<T, ApiError> {
        self.send(Method::Get, &self.config.url(path, &query), None)
            .await
    }

    /// POST or PATCH `body` as JSON.
    pub(crate) async fn send_json<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        let json = encode(body)?;
        self.send(method, &self.config.url(path, &Query::new()), Some(json))
            .await
    }

    pub(crate) async fn delete_json<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        self.send(Method::Delete, &self.config.url(path, &Query::new()), None)
            .await
    }

    async fn send<T: DeserializeOwned>(
        &self,
        method: Method,
        url: &str,
        body: Option<String>,
    ) -> Result<T, ApiError> {
        // The landing page's first read may have been sent already, as the app started.
        let early = match method {
            Method::Get => super::early::take(url, &self.config.token, self.signal.as_ref()),
            _ => None,
        };
        let answer = match early {
            Some(answer) => answer.await?,
            None => self.fetch(method, url, body).await?,
        };
        // The page has what it waited for: the other pages' chunks may now use the network.
        crate::chunk_loader::first_answer_arrived();
        if is_success(answer.status) {
            return decode_success(answer.status, &answer.body);
        }
        let mut error = read_error(answer.status, answer.body).await;
        // A 429 without reset_seconds in its body may say it in Retry-After.
        if let ErrorKind::TooManyRequests { reset_seconds, .. } = &mut error.kind {
            *reset_seconds = reset_seconds.or(answer.retry_after);
        }
        Err(error)
    }

    /// Sends one request and reads its answer, whatever its status.
    pub(crate) async fn fetch(
        &self,
        method: Method,
        url: &str,
        body: Option<String>,
    ) -> Result<Answer, ApiError> {
        use gloo_net::http::Request;
        // A header value outside printable ASCII makes the browser throw: say so instead.
        if !self
            .config
            .token
            .bytes()
            .all(|b| (0x21..=0x7e).contains(&b))
        {
            return Err(ApiError::unusable_key());
        }
        let builder = match method {
            Method::Get => Request::get(url),
            Method::Post => Request::post(url),
            Method::Patch => Request::patch(url),
            Method::Delete => Request::delete(url),
        }
        .abort_signal(self.signal.as_ref())
        // A redirect would carry the key to another address: never follow one.
        .redirect(web_sys::RequestRedirect::Manual);
        let builder = if self.config.token.is_empty() {
            builder
        } else {
            builder.header("X-Auth-Token", &self.config.token)
        };
        let request = match body {
            Some(json) => builder
                .header("Content-Type", "application/json")
                .body(json),
            None => builder.build(),
        }
        .map_err(|e| ApiError::network(e.to_string()))?;
        // The error text of a failed fetch never contains the token (it is a header).
        let response = request.send().await.map_err(|e| no_answer(&e))?;
        if response.type_() == web_sys::ResponseType::Opaqueredirect {
            return Err(ApiError::redirected());
        }
        let status = response.status();
        let retry_after = response
            .headers()
            .get("Retry-After")
            .and_then(|v| v.trim().parse::<u64>().ok());
        // Bytes, not text: as text the body would be decoded to a JS string,
        // then encoded again into the wasm's memory (a 1,000-container page:
        // 19 ms of the 160 its read and rendering took, profiled).
        let body = response.binary().await.map_err(|e| no_answer(&e))?;
        Ok(Answer {
            status,
            retry_after,
            body,
        })
    }
}

/// An answer of the API, before it is decoded.
#[derive(Debug)]
pub(crate) struct Answer {
    pub status: u16,
    /// The `Retry-After` header, in seconds.
    pub retry_after: Option<u64>,
    /// The body as sent (JSON in UTF-8, for every answer of the API).
    pub body: Vec<u8>,
}

fn encode<B: Serialize>(body: &B) -> Result<String, ApiError> {
    serde_json::to_string(body).map_err(|e| ApiError::decode(0, e.to_string()))
}

/// A request that got no answer: aborted on purpose (its view went away), or
/// a failure of the network.
fn no_answer(error: &gloo_net::Error) -> ApiError {
    match error {
        gloo_net::Error::JsError(js) if js.name == "AbortError" => ApiError::aborted(),
        gloo_net::Error::JsError(js) => ApiError::network(js.message.clone()),
        other => ApiError::network(other.to_string()),
    }
}

fn is_success(status: u16) -> bool {
    (200..300).contains(&status)
}

/// A success body decoded into `T`, or the error that it does not decode.
pub fn decode_success<T: DeserializeOwned>(status: u16, body: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| ApiError::decode(status, e.to_string()))
}

/// Any other answer as the typed error, read in a chunk of its own: most
/// visits never see one, and its reading (every error shape the API sends)
/// took 8 KB gzip off the first page's download. The chunk is
/// fetched with the rest when the browser is idle after the first rows.
#[cfg_attr(feature = "split", leptos::lazy)]
async fn read_error(status: u16, body: Vec<u8>) -> ApiError {
    ApiError::from_response(status, &String::from_utf8_lossy(&body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_use_base_region_and_encoded_query() {
        let mut cfg = ApiConfig::default();
        assert_eq!(
            cfg.url("/namespaces", &Query::new()),
            "/containers/v1/regions/fr-par/namespaces",
            "an empty base is the page's own origin"
        );
        cfg.base_url = "https://proxy.example/ ".into();
        cfg.region = Region::PlWaw;
        let q = Query::new()
            .opt("page", Some(2))
            .opt("name", Some("a b&c"))
            .opt("project_id", None::<String>)
            .opt("namespace_id", Some(""));
        assert_eq!(
            cfg.url("/containers", &q),
            "https://proxy.example/containers/v1/regions/pl-waw/containers?page=2&name=a%20b%26c"
        );
    }

    #[test]
    fn a_success_that_does_not_decode_is_a_decode_error() {
        assert!(is_success(204) && !is_success(199) && !is_success(300));
        let r: Result<Vec<u8>, _> = decode_success(200, br#"{"not":"a list"}"#);
        assert!(matches!(
            r.unwrap_err().kind,
            super::super::error::ErrorKind::Decode
        ));
        let r: Result<Vec<u8>, _> = decode_success(200, b"[1,2]");
        assert_eq!(r.unwrap(), vec![1, 2]);
    }
}
