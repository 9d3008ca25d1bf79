//! Serving the built console as a static host should: the files of `dist/`,
//! `index.html` for any other path (the console routes in the browser), a 404
//! for a missing file (a chunk of an older build: the console then offers a
//! reload), and the headers that make it load fast and safely (README,
//! "Serving dist/").

use axum::extract::{Request, State};
use axum::handler::HandlerWithoutStateExt;
use axum::http::StatusCode;
use axum::http::{header, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use std::path::Path;
use std::sync::Arc;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

/// A path that names a file (`/chunk-….wasm`, `/boot-….js`) rather than a
/// page of the console (`/containers/…`): when it is missing, the answer is a
/// 404, never `index.html` (which a browser would try to run as wasm).
pub fn names_a_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').is_some_and(|(_, ext)| {
        matches!(
            ext,
            "wasm"
                | "bin"
                | "js"
                | "mjs"
                | "css"
                | "map"
                | "json"
                | "ico"
                | "png"
                | "svg"
                | "txt"
                | "html"
        )
    })
}

/// The Content-Security-Policy of `index.html`'s meta tag, plus what a meta
/// tag cannot say (`frame-ancestors`): one policy, kept in `index.html`.
pub fn content_security_policy(index_html: &str) -> Option<String> {
    let at = index_html.find("http-equiv=\"Content-Security-Policy\"")?;
    let rest = &index_html[at..];
    let start = rest.find("content=\"")? + "content=\"".len();
    let end = rest[start..].find('"')?;
    let policy = rest[start..start + end].trim().trim_end_matches(';');
    Some(format!("{policy}; frame-ancestors 'none'"))
}

/// A file name that carries a content hash (`console-5eed3515f1e514fb_bg.wasm`,
/// `main-c52928dac129f1a8.css`): its content never changes.
pub fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.split('.').next().unwrap_or(name);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() >= 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

async fn static_headers(
    State(policy): State<Arc<Option<String>>>,
    request: Request,
    next: Next,
) -> Response {
    let hashed = is_hashed_asset(request.uri().path());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let cache = if hashed {
        "public, max-age=31536000, immutable"
    } else {
        // index.html (and what falls back to it) must be revalidated, or a new build is never seen.
        "no-cache"
    };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    if let Some(policy) = policy
        .as_ref()
        .as_ref()
        .and_then(|p| HeaderValue::from_str(p).ok())
    {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    response
}

/// The console in `dir`, with its headers.
pub fn console(dir: &Path) -> Router {
    let policy = std::fs::read_to_string(dir.join("index.html"))
        .ok()
        .and_then(|html| content_security_policy(&html));
    // Precompressed `.br` and `.gz` files next to the originals are served to
    // browsers that accept them (the build writes them).
    let index = ServeFile::new(dir.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    // ServeDir calls this only for a path with no file behind it.
    let page_or_not_found = move |request: Request| async move {
        if names_a_file(request.uri().path()) {
            (StatusCode::NOT_FOUND, "no such file\n").into_response()
        } else {
            match index.oneshot(request).await {
                Ok(response) => response.into_response(),
                Err(never) => match never {},
            }
        }
    };
    Router::new()
        .fallback_service(
            ServeDir::new(dir)
                .precompressed_br()
                .precompressed_gzip()
                .fallback(page_or_not_found.into_service()),
        )
        .layer(middleware::from_fn_with_state(
            Arc::new(policy),
            static_headers,
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_comes_from_index_html() {
        let html = r#"<meta http-equiv="Content-Security-Policy"
            content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" />"#;
        assert_eq!(
            content_security_policy(html).as_deref(),
            Some(
                "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; frame-ancestors 'none'"
            )
        );
        assert_eq!(content_security_policy("<html></html>"), None);
    }

    #[test]
    fn files_are_told_apart_from_pages() {
        for file in [
            "/split_a-5eed3515f1e514fb.wasm",
            "/pages_lists-5eed3515f1e514fb.bin",
            "/boot-1.js",
            "/main.css",
            "/x/index.html",
        ] {
            assert!(names_a_file(file), "{file}");
        }
        for page in [
            "/",
            "/containers",
            "/containers/3f2a-11",
            "/settings",
            "/domains/new",
        ] {
            assert!(!names_a_file(page), "{page}");
        }
    }

    #[test]
    fn hashed_assets_are_told_apart() {
        for hashed in [
            "/console-5eed3515f1e514fb_bg.wasm",
            "/console-5eed3515f1e514fb.js",
            "/main-c52928dac129f1a8.css",
            "/boot-9517d763295051eb.js",
        ] {
            assert!(is_hashed_asset(hashed), "{hashed}");
        }
        for plain in [
            "/",
            "/index.html",
            "/namespaces",
            "/favicon.ico",
            "/a-b.css",
        ] {
            assert!(!is_hashed_asset(plain), "{plain}");
        }
    }
}
