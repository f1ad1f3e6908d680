//! Runtime configuration, fetched from `config.json` at start so that one static build can talk
//! to the in-browser mock or to any real API by editing a single file.

use gloo_net::http::Request;
use serde::Deserialize;

/// Absolute, so that deep links (`/settings/users`) find it too: the app is hosted at the root.
pub const CONFIG_URL: &str = "/config.json";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BackendKind {
    Mock,
    Http,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FailureScope {
    All,
    Writes,
}

/// Latency and faults the mock adds, so designers and tests see loading and error states.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MockOptions {
    pub latency_ms: u32,
    /// Share of calls (0.0–1.0) that fail with a 503, spread evenly and starting with the
    /// first, so that a given configuration always fails the same calls.
    pub failure_rate: f64,
    /// Which calls may fail: all of them, or only those that would change data (the session
    /// check and the pages still load, submits fail).
    pub failure_scope: FailureScope,
    /// Seconds from the contact's confirmation to the simulated business approval.
    pub vetting_delay_s: u32,
}

impl Default for MockOptions {
    fn default() -> Self {
        Self {
            latency_ms: 0,
            failure_rate: 0.0,
            failure_scope: FailureScope::All,
            vetting_delay_s: 30,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuntimeConfig {
    pub backend: BackendKind,
    #[serde(default = "default_api_base")]
    pub api_base: String,
    #[serde(default)]
    pub mock: MockOptions,
}

fn default_api_base() -> String {
    "/api".into()
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ConfigError {
    #[error("could not fetch {url}: {cause}")]
    Unreachable { url: String, cause: String },
    #[error("{url} answered HTTP {status}")]
    Status { url: String, status: u16 },
    #[error("{url} is not a valid configuration: {cause}")]
    Invalid { url: String, cause: String },
    /// The part of a split build that holds the mock backend did not arrive.
    #[error("part of the app could not be loaded: {cause}")]
    Incomplete { cause: String },
}

impl RuntimeConfig {
    pub fn parse(text: &str) -> Result<Self, String> {
        let config: Self = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if !(0.0..=1.0).contains(&config.mock.failure_rate) {
            return Err("mock.failure_rate must be between 0 and 1".into());
        }
        Ok(config)
    }

    pub async fn fetch(url: &str) -> Result<Self, ConfigError> {
        let unreachable = |cause: String| ConfigError::Unreachable {
            url: url.to_owned(),
            cause,
        };
        let request = Request::get(url)
            .cache(web_sys::RequestCache::NoCache)
            .build()
            .map_err(|e| unreachable(e.to_string()))?;
        // On a deep link, index.html's script asked for it as the page was parsed.
        let response = crate::api::ahead::taken_or_sent(url, request)
            .await
            .map_err(unreachable)?;
        if !response.ok() {
            return Err(ConfigError::Status {
                url: url.to_owned(),
                status: response.status(),
            });
        }
        let text = response
            .text()
            .await
            .map_err(|e| unreachable(e.to_string()))?;
        Self::parse(&text).map_err(|cause| ConfigError::Invalid {
            url: url.to_owned(),
            cause,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn reads_both_documented_shapes() {
        let http = RuntimeConfig::parse(r#"{ "backend": "http", "api_base": "/api" }"#).unwrap();
        assert_eq!(http.backend, BackendKind::Http);
        let mock = RuntimeConfig::parse(
            r#"{ "backend": "mock", "mock": { "latency_ms": 300, "failure_rate": 0.1 } }"#,
        )
        .unwrap();
        assert_eq!(mock.api_base, "/api");
        assert_eq!(
            mock.mock,
            MockOptions {
                latency_ms: 300,
                failure_rate: 0.1,
                failure_scope: FailureScope::All,
                vetting_delay_s: 30
            }
        );
        let flaky = RuntimeConfig::parse(
            r#"{ "backend": "mock", "mock": { "failure_rate": 1, "failure_scope": "writes" } }"#,
        )
        .unwrap();
        assert_eq!(flaky.mock.failure_scope, FailureScope::Writes);
    }

    #[test]
    fn refuses_what_it_does_not_understand() {
        assert!(RuntimeConfig::parse("{").is_err());
        assert!(RuntimeConfig::parse(r#"{ "backend": "ftp" }"#).is_err());
        assert!(RuntimeConfig::parse(r#"{ "backend": "http", "apibase": "/x" }"#).is_err());
        assert!(
            RuntimeConfig::parse(r#"{ "backend": "mock", "mock": { "failure_rate": 2 } }"#)
                .is_err()
        );
    }
}
