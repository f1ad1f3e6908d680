//! Answers asked for before the code that needs them asks: by `index.html`'s script as the page
//! is parsed, on a deep link (`config.json`, who is signed in, the user list's first rows:
//! `xtask/src/spa.rs` writes it), and by start-up for what the rest of the wasm will read once
//! it arrives (the English messages). Each is kept by its URL in `window.partnerCenterAhead`;
//! the first identical `GET` within 10 s takes it, once. Any other request drops them all: a
//! write may change an answer, a sign-in or a sign-out whose answer it is.

use gloo_net::http::{Request, Response};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
const FRESH_FOR_MS = 10000;

// The unit tests evaluate this module in Node, without a window.
function answers() {
  return globalThis.partnerCenterAhead || (globalThis.partnerCenterAhead = new Map());
}

export function ask(url) {
  const answer = fetch(url);
  // Listened to, so that an answer nobody takes never fails as an unhandled rejection.
  answer.catch(() => {});
  answers().set(url, { at: Date.now(), answer });
}

export function take(url) {
  const kept = answers().get(url);
  answers().delete(url);
  return kept && Date.now() - kept.at < FRESH_FOR_MS ? kept.answer : undefined;
}

export function forget() {
  answers().clear();
}
"#)]
extern "C" {
    /// Asks for `url` now (a plain `GET` of the app's own files) and keeps the answer.
    pub fn ask(url: &str);
    /// The answer kept for `url` if it is fresh, which is then no longer kept.
    pub fn take(url: &str) -> Option<js_sys::Promise>;
    /// Drops every kept answer.
    pub fn forget();
}

/// The answer kept for `url` if there is one, else `request`'s (`url`, as the caller wants it
/// asked for), sent now.
pub async fn taken_or_sent(url: &str, request: Request) -> Result<Response, String> {
    let answer =
        take(url).unwrap_or_else(|| gloo_utils::window().fetch_with_request(&request.into()));
    JsFuture::from(answer)
        .await
        .map(|response| Response::from(web_sys::Response::from(response)))
        .map_err(|e| super::fetch_failure(&e))
}
