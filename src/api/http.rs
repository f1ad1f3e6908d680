//! The real REST API over gloo-net (fetch). Cookies carry the session; the custom header is
//! the CSRF proof API.md asks of every non-GET request.

use gloo_net::http::{Method, RequestBuilder};
use partner_domain::{Credentials, Health, Me};
use serde::{de::DeserializeOwned, Serialize};

use super::{ApiError, ApiFuture, ApiResult, Backend};
use crate::config::BackendKind;

const TIMEOUT_S: u32 = 15;

pub struct HttpBackend {
    base: String,
}

impl HttpBackend {
    pub fn new(api_base: &str) -> Self {
        Self {
            base: api_base.trim_end_matches('/').to_owned(),
        }
    }

    fn request<T: DeserializeOwned + 'static>(
        &self,
        method: Method,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> ApiFuture<T> {
        let url = format!("{}{}", self.base, path);
        Box::pin(async move {
            let text = send(method, &url, body).await?;
            // 204 and other empty answers read as JSON `null` (for `()`).
            let text = if text.is_empty() {
                "null"
            } else {
                text.as_str()
            };
            serde_json::from_str(text).map_err(|e| ApiError::Decode(e.to_string()))
        })
    }
}

/// Sends one request, aborting it after `TIMEOUT_S`; any non-2xx becomes an `ApiError`.
async fn send(method: Method, url: &str, body: Option<serde_json::Value>) -> ApiResult<String> {
    let controller =
        web_sys::AbortController::new().map_err(|e| ApiError::Network(format!("{e:?}")))?;
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let _timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        gloo_timers::callback::Timeout::new(TIMEOUT_S * 1000, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let builder = RequestBuilder::new(url)
        .method(method)
        .credentials(web_sys::RequestCredentials::SameOrigin)
        .header("Accept", "application/json")
        .header("X-Requested-With", "partner-center")
        .abort_signal(Some(&controller.signal()));
    let request = match body {
        Some(body) => builder.json(&body),
        None => builder.build(),
    }
    .map_err(|e| ApiError::Decode(e.to_string()))?;
    let response = request.send().await.map_err(|e| {
        if timed_out.get() {
            ApiError::Timeout(TIMEOUT_S)
        } else {
            ApiError::Network(e.to_string())
        }
    })?;
    let text = response
        .text()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    if response.ok() {
        Ok(text)
    } else {
        Err(ApiError::from_response(response.status(), &text))
    }
}

fn json(value: impl Serialize) -> Option<serde_json::Value> {
    Some(serde_json::to_value(value).expect("API types always serialize"))
}

impl Backend for HttpBackend {
    fn kind(&self) -> BackendKind {
        BackendKind::Http
    }

    fn health(&self) -> ApiFuture<Health> {
        self.request(Method::GET, "/health", None)
    }

    fn sign_in(&self, credentials: Credentials) -> ApiFuture<Me> {
        self.request(Method::POST, "/session", json(credentials))
    }

    fn session(&self) -> ApiFuture<Me> {
        self.request(Method::GET, "/session", None)
    }

    fn sign_out(&self) -> ApiFuture<()> {
        self.request(Method::DELETE, "/session", None)
    }
}
