//! Security headers on every response: a strict Content-Security-Policy (scripts from this
//! origin, WebAssembly compilation, and Trunk's inline loader by its hash; `<style>` elements
//! (stylist's) but no `style` attribute, no plugin, no framing, no `<base>`), `nosniff`, no
//! referrer. Violations are reported to `POST /api/csp-report`, logged, and kept (for `--dev`,
//! by the node that received them: a development aid) at `GET /api/dev/csp-reports`.

use std::{
    path::Path,
    sync::{Arc, Mutex},
};

use axum::{
    body::Bytes,
    extract::{Request, State},
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::Response,
};
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::AppState;

/// Kept in memory for `--dev`: enough to see what went wrong, bounded whatever a page sends.
const KEPT_REPORTS: usize = 100;

#[derive(Clone, Default)]
pub struct CspReports(Arc<Mutex<Vec<serde_json::Value>>>);

impl CspReports {
    pub fn all(&self) -> Vec<serde_json::Value> {
        self.0.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

/// `'sha256-…'` of every inline `<script>` of the page (Trunk's module loader).
fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body = &after[tag_end + 1..];
        let Some(close) = body.find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            let digest = Sha256::digest(&body.as_bytes()[..close]);
            hashes.push(format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &body[close..];
    }
    hashes
}

/// The policy for the SPA in `dist` (its `index.html` decides the script hashes).
pub fn content_security_policy(dist: &Path) -> HeaderValue {
    let html = std::fs::read_to_string(dist.join("index.html")).unwrap_or_default();
    let scripts = inline_script_hashes(&html).join(" ");
    // Component styles (stylist) are `<style>` elements the app mounts: allowed as elements, never
    // as `style` attributes, and scripts stay as strict as without them.
    let policy = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {scripts}; style-src 'self'; \
         style-src-elem 'self' 'unsafe-inline'; style-src-attr 'none'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         frame-ancestors 'none'; form-action 'self'; report-uri /api/csp-report"
    );
    HeaderValue::from_str(&policy).expect("the policy is ASCII")
}

/// Adds the headers to every response.
pub async fn headers(State(csp): State<HeaderValue>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // Verification links carry a token: never send the address to another site.
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    response
}

/// `POST /api/csp-report`: browsers send these without our CSRF header, as
/// `application/csp-report`; they are only logged, so nothing can be forged through them.
pub async fn report(State(state): State<AppState>, body: Bytes) -> StatusCode {
    let report: serde_json::Value =
        serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null);
    tracing::warn!(%report, "content security policy violation");
    if let Ok(mut kept) = state.csp_reports.0.lock() {
        if kept.len() < KEPT_REPORTS {
            kept.push(report);
        }
    }
    StatusCode::NO_CONTENT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_only() {
        let html = r#"<script src="/a.js"></script><script type=module>init()</script>"#;
        let digest = Sha256::digest(b"init()");
        let expected = base64::engine::general_purpose::STANDARD.encode(digest);
        assert_eq!(inline_script_hashes(html), [format!("'sha256-{expected}'")]);
    }
}
