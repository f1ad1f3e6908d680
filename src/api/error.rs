//! What can go wrong talking to a backend, as the UI needs to tell it apart.

use partner_domain::{ErrorBody, ErrorKind};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// The request never got an answer: offline, DNS, server down, CORS.
    #[error("network error: {0}")]
    Network(String),
    #[error("no answer within {0} s")]
    Timeout(u32),
    /// A 5xx: the server is there but failing.
    #[error("server error {status}")]
    Server {
        status: u16,
        body: Option<ErrorBody>,
    },
    /// A 4xx with the error body of docs/API.md.
    #[error("{} ({status}): {}", .body.error.key(), .body.message)]
    Api { status: u16, body: ErrorBody },
    /// An answer we could not read (wrong shape, not JSON).
    #[error("unreadable answer: {0}")]
    Decode(String),
}

impl ApiError {
    /// From a status and the raw body; a missing or foreign body still yields a typed error.
    pub fn from_response(status: u16, text: &str) -> Self {
        let body = serde_json::from_str::<ErrorBody>(text).ok();
        if status >= 500 {
            return Self::Server { status, body };
        }
        let body = body.unwrap_or_else(|| {
            ErrorBody::new(
                ErrorKind::from_status(status).unwrap_or(ErrorKind::BadRequest),
                text,
            )
        });
        Self::Api { status, body }
    }

    pub fn kind(&self) -> Option<ErrorKind> {
        match self {
            Self::Api { body, .. } => Some(body.error),
            Self::Server { .. } => Some(ErrorKind::Internal),
            _ => None,
        }
    }

    pub fn is_unauthenticated(&self) -> bool {
        self.kind() == Some(ErrorKind::Unauthenticated)
    }

    /// Worth offering "retry": the same request may well succeed later.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            Self::Network(_) | Self::Timeout(_) | Self::Server { .. }
        ) || self.kind() == Some(ErrorKind::RateLimited)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn statuses_become_distinct_errors() {
        let e = ApiError::from_response(401, r#"{"error":"unauthenticated","message":"Sign in"}"#);
        assert!(e.is_unauthenticated());
        assert!(!e.is_transient());
        let e = ApiError::from_response(503, "<html>bad gateway</html>");
        assert_eq!(
            e,
            ApiError::Server {
                status: 503,
                body: None
            }
        );
        assert!(e.is_transient());
        let e = ApiError::from_response(404, "not json");
        assert_eq!(e.kind(), Some(ErrorKind::NotFound));
    }
}
