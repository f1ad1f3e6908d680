//! The one door to data: pages call hooks, hooks call a `Backend`, and the backend is either
//! the real REST API (`HttpBackend`) or an in-browser imitation of it (`MockBackend`).

mod error;
mod http;
mod mock;

use std::{future::Future, pin::Pin, rc::Rc};

use partner_domain::{Credentials, Health, Me};
use yew::prelude::*;

pub use error::ApiError;
pub use http::HttpBackend;
pub use mock::{MockBackend, DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD};

use crate::config::{BackendKind, RuntimeConfig};

pub type ApiResult<T> = Result<T, ApiError>;
pub type ApiFuture<T> = Pin<Box<dyn Future<Output = ApiResult<T>>>>;

/// Every endpoint of API.md, one method each. Futures own what they need (`'static`), so a
/// page may drop its interest in an answer without borrowing the backend.
pub trait Backend {
    fn kind(&self) -> BackendKind;
    fn health(&self) -> ApiFuture<Health>;
    fn sign_in(&self, credentials: Credentials) -> ApiFuture<Me>;
    fn session(&self) -> ApiFuture<Me>;
    fn sign_out(&self) -> ApiFuture<()>;
}

/// The backend in a context. Equal when it is the same instance, so consumers re-render only
/// when the backend itself is replaced.
#[derive(Clone)]
pub struct BackendHandle(pub Rc<dyn Backend>);

impl PartialEq for BackendHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl BackendHandle {
    pub fn from_config(config: &RuntimeConfig) -> Self {
        match config.backend {
            BackendKind::Http => Self(Rc::new(HttpBackend::new(&config.api_base))),
            BackendKind::Mock => Self(Rc::new(MockBackend::new(config.mock.clone()))),
        }
    }
}

impl std::ops::Deref for BackendHandle {
    type Target = dyn Backend;
    fn deref(&self) -> &Self::Target {
        &*self.0
    }
}

#[hook]
pub fn use_backend() -> BackendHandle {
    use_context::<BackendHandle>().expect("pages are mounted inside the App's backend provider")
}
