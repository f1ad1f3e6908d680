//! Partner Center SPA. `App` is exported so that tests (and other crates) can mount it.

pub mod api;
mod app;
pub mod components;
pub mod config;
pub mod deferred;
pub mod download;
pub mod draft;
pub mod i18n;
pub mod pages;
pub mod route;
#[cfg(feature = "ssr")]
pub mod snapshot;
pub mod state;

pub use app::{App, AppProps};

/// Bytes of wasm linear memory, for `cargo xtask bench` (the page reads it through Trunk's
/// `window.wasmBindings`).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}
