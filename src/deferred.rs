//! The release build ships the wasm in two parts (`xtask/src/split.rs`): what start-up runs,
//! and the rest, which this loader fetches once the first page is up. Each function of the
//! rest is a stub in the first part that calls `__deferred_load` if the rest has not arrived yet
//! (a deep link to a settings page, or a click before the download ended): that load is
//! synchronous, as the stub must return the real function's result.
//!
//! Start-up is profiled on `/` and the welcome page, on the real server. Anything else needs the
//! rest: a deep link (`/settings/users` bookmarked) or the mock backend. For a deep link the
//! rest is asked for as `index.html` is parsed (a script the build writes there) and compiled
//! from the moment the glue's scripts are evaluated, beside the first part; for the mock as
//! soon as `config.json` says so. The app waits for it
//! (`rest_arrived`) before it starts, instead of a stub loading it synchronously.
//!
//! Without the `partner-center-deferred` meta tag (`trunk serve`, tests) the wasm is whole and
//! nothing here does anything.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
let pending = null;

function part() {
  // The unit tests evaluate this module in Node, without a document.
  const meta = typeof document !== 'undefined' && document.querySelector('meta[name="partner-center-deferred"]');
  return meta && { url: meta.content, integrity: meta.dataset.integrity };
}

// The rest imports everything it uses from the first part's exports, fills the stubs' table,
// and from then on every stub goes straight to its function. The background download compiles
// while it streams in and instantiates asynchronously; a stub that cannot wait (`load_now`)
// does both at once. Either way one instance is marked loaded (a second fills the same table
// with the same functions over the same memory).
function installed(exports) {
  exports.__deferred_loaded.value = 1;
}

// Compiled as it streams in, off the main thread; a host that does not label the file
// `application/wasm` (which streaming requires) gets the bytes compiled once they are all here.
// `asked`: the response, if it was asked for already.
function compile(at, asked) {
  return (asked || fetch(at.url, { integrity: at.integrity })).then((response) => {
    if (!response.ok) return Promise.reject(new Error(`${at.url}: ${response.status}`));
    const type = (response.headers.get('content-type') || '').split(';')[0].trim().toLowerCase();
    return type === 'application/wasm'
      ? WebAssembly.compileStreaming(response)
      : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
  });
}

// The first pages start-up runs on the first part alone (the script in index.html that asks
// for the rest early, `xtask/src/spa.rs`, has the same rule).
export function is_start_up_path() {
  return location.pathname === '/' || location.pathname === '/onboarding/welcome';
}

// Any other first page needs the rest. The script in index.html asked for it as the page was
// parsed; it is compiled from the moment this script is evaluated, beside the first part,
// rather than once the first part runs.
let early = (() => {
  const at = part();
  return at && !is_start_up_path() ? compile(at, window.partnerCenterRest) : null;
})();

// One download at a time; a failed one may be tried again.
function fetchRest(exports, at) {
  if (!pending) {
    const compiled = early || compile(at);
    early = null;
    pending = compiled
      .then((module) => exports.__deferred_loaded.value
        || WebAssembly.instantiate(module, { p: exports }).then(() => installed(exports)))
      .catch((error) => { pending = null; throw error; });
  }
  return pending;
}

// `now`: for a page that needs the rest (whoever awaits it sees a failure); otherwise once the
// page has loaded and the browser is idle.
export function prefetch(exports, now) {
  const at = part();
  if (!at || pending) return;
  const start = () => fetchRest(exports, at).catch(() => {});
  if (now) return start();
  const idle = () => (window.requestIdleCallback || setTimeout)(start, { timeout: 2000 });
  if (document.readyState === 'complete') idle(); else addEventListener('load', idle, { once: true });
}

export function load_rest(exports) {
  const at = part();
  return at ? fetchRest(exports, at).then(() => undefined, (error) => Promise.reject(String(error))) : Promise.resolve();
}

// SubtleCrypto has no synchronous digest: SHA-256 here, so that the synchronous path keeps
// the integrity check the asynchronous one gets from fetch.
function sha256Base64(bytes) {
  const k = [], h = [];
  let n = 2;
  for (let found = 0; found < 64; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) { prime = false; break; }
    if (!prime) continue;
    if (found < 8) h[found] = (Math.pow(n, 1 / 2) % 1) * 2 ** 32 | 0;
    k[found++] = (Math.pow(n, 1 / 3) % 1) * 2 ** 32 | 0;
  }
  const length = bytes.length, blocks = ((length + 8) >> 6) + 1;
  const padded = new Uint8Array(blocks * 64);
  padded.set(bytes);
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(length / 2 ** 29));
  view.setUint32(padded.length - 4, length << 3);
  const w = new Int32Array(64);
  for (let block = 0; block < blocks; block++) {
    for (let i = 0; i < 16; i++) w[i] = view.getInt32(block * 64 + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15], b = w[i - 2];
      const s0 = (a >>> 7 | a << 25) ^ (a >>> 18 | a << 14) ^ (a >>> 3);
      const s1 = (b >>> 17 | b << 15) ^ (b >>> 19 | b << 13) ^ (b >>> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1 | 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = hh + ((e >>> 6 | e << 26) ^ (e >>> 11 | e << 21) ^ (e >>> 25 | e << 7))
        + (e & f ^ ~e & g) + k[i] + w[i] | 0;
      const t2 = ((a >>> 2 | a << 30) ^ (a >>> 13 | a << 19) ^ (a >>> 22 | a << 10))
        + (a & b ^ a & c ^ b & c) | 0;
      hh = g; g = f; f = e; e = d + t1 | 0; d = c; c = b; b = a; a = t1 + t2 | 0;
    }
    [a, b, c, d, e, f, g, hh].forEach((x, i) => { h[i] = h[i] + x | 0; });
  }
  const digest = new DataView(new ArrayBuffer(32));
  h.forEach((x, i) => digest.setInt32(i * 4, x));
  return btoa(String.fromCharCode(...new Uint8Array(digest.buffer)));
}

function broken() {
  const app = document.getElementById('app');
  if (app) {
    app.innerHTML = '<p class="boot" role="alert">Une partie de l’Espace partenaires n’a pas pu être chargée : vérifiez votre connexion et rechargez la page. / Part of Partner Center could not be loaded: check your connection and reload the page.</p>';
  }
}

export function load_now(exports) {
  const at = part();
  try {
    const request = new XMLHttpRequest();
    request.open('GET', at.url, false);
    request.overrideMimeType('text/plain; charset=x-user-defined');
    request.send();
    if (request.status !== 200) throw new Error(`${at.url}: ${request.status}`);
    const text = request.responseText;
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
    if (`sha256-${sha256Base64(bytes)}` !== at.integrity) throw new Error(`${at.url}: integrity check failed`);
    if (!exports.__deferred_loaded.value) {
      new WebAssembly.Instance(new WebAssembly.Module(bytes), { p: exports });
      installed(exports);
    }
  } catch (error) {
    broken();
    throw error;
  }
}
"#)]
extern "C" {
    /// Whether the first page is one start-up runs on the first part alone.
    #[wasm_bindgen(js_name = is_start_up_path)]
    pub fn start_up_path() -> bool;
    fn prefetch(exports: JsValue, now: bool);
    fn load_now(exports: JsValue);
    fn load_rest(exports: JsValue) -> js_sys::Promise;
}

/// The rest of the app, downloaded now if it is not there yet (without waiting for the page to
/// be idle); the error says why it could not be.
pub async fn rest_arrived() -> Result<(), String> {
    wasm_bindgen_futures::JsFuture::from(load_rest(wasm_bindgen::exports()))
        .await
        .map(|_| ())
        .map_err(|error| error.as_string().unwrap_or_default())
}

/// Starts downloading the rest of the app: now for a page that needs it, else once the page
/// has loaded and the browser is idle.
pub fn prefetch_rest() {
    prefetch(wasm_bindgen::exports(), !start_up_path());
}

/// Called by the split build's stubs (found by this export name), never by Rust code.
#[doc(hidden)]
#[wasm_bindgen]
pub fn __deferred_load() {
    load_now(wasm_bindgen::exports());
}
