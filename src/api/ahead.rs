//! Answers asked for before the code that needs them asks: by `index.html`'s script as the page
//! is parsed, on a deep link (`config.json`, who is signed in, the user list's first rows:
//! `xtask/src/spa.rs` writes it). Each is kept by its URL in `window.partnerCenterAhead`; the
//! first identical `GET` within 10 s takes it, once. Any other request drops them all: a write
//! may change an answer, a sign-in or a sign-out whose answer it is.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
const FRESH_FOR_MS = 10000;

// The unit tests evaluate this module in Node, without a window; without the script (`trunk
// serve`, tests) nothing is kept.
function answers() {
  return globalThis.partnerCenterAhead || new Map();
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
    /// The answer kept for `url` if it is fresh, which is then no longer kept.
    pub fn take(url: &str) -> Option<js_sys::Promise>;
    /// Drops every kept answer.
    pub fn forget();
}
