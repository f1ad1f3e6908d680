//! Partner Center SPA. `App` is exported so that tests (and other crates) can mount it.

pub mod api;
mod app;
pub mod components;
pub mod config;
pub mod download;
pub mod draft;
pub mod i18n;
pub mod pages;
pub mod route;
pub mod state;

pub use app::{App, AppProps};
