//! `Cache-Control` for every response. File names that carry a content hash (Trunk's and the
//! split wasm's `-<16 hex digits>`) never change meaning: browsers keep them a year without
//! asking. `index.html`, `config.json` and deep links are revalidated on every load, so a new
//! deployment is picked up at once. API answers hold account data: never stored.

use axum::{
    extract::Request,
    http::{header, HeaderValue},
    middleware::Next,
    response::Response,
};

/// `partner-center-e16cf3ab51960827_bg.wasm`, `snippets/partner-center-e16cf3ab51960827/…`.
fn is_fingerprinted(path: &str) -> bool {
    path.split('/').any(|segment| {
        segment.match_indices('-').any(|(at, _)| {
            let hash = &segment.as_bytes()[at + 1..];
            hash.len() >= 16
                && hash[..16]
                    .iter()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
                && hash.get(16).is_none_or(|b| !b.is_ascii_hexdigit())
        })
    })
}

/// A missing file answered with `index.html` (the SPA fallback) is not that file.
pub fn is_html(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

pub async fn cache_control(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    if response.headers().contains_key(header::CACHE_CONTROL) {
        return response;
    }
    let policy = if path.starts_with("/api/") {
        "no-store"
    } else if response.status().is_success() && is_fingerprinted(&path) && !is_html(&response) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

#[cfg(test)]
mod tests {
    use super::is_fingerprinted;

    #[test]
    fn only_names_with_a_content_hash_are_fingerprinted() {
        for path in [
            "/partner-center-e16cf3ab51960827_bg.wasm",
            "/partner-center-79cc5e17ea96ec6a_rest.wasm",
            "/main-b136f839b9a7e7d8.css",
            "/snippets/partner-center-e16cf3ab51960827/inline0.js",
        ] {
            assert!(is_fingerprinted(path), "{path}");
        }
        for path in [
            "/",
            "/index.html",
            "/config.json",
            "/settings/users",
            "/onboarding/sign-in",
            "/main-b136f839b9a7.css",
            "/x-0123456789abcdef0.js",
        ] {
            assert!(!is_fingerprinted(path), "{path}");
        }
    }
}
