//! One error type for every handler; its response is always the body of docs/API.md.

use axum::{
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use partner_domain::{
    service::{ServiceError, StoreError},
    ErrorBody, ErrorKind,
};

/// A refusal or failure of the rulebook, or of the HTTP layer around it.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct ApiError(#[from] pub ServiceError);

impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> Self {
        Self(ServiceError::Store(StoreError::from(error)))
    }
}

impl From<ErrorBody> for ApiError {
    fn from(body: ErrorBody) -> Self {
        Self(ServiceError::Refused(body))
    }
}

impl ApiError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self(ServiceError::refused(kind, message))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ServiceError::Store(cause) = &self.0 {
            tracing::error!(error = %cause, "internal error");
        }
        let body = self.0.body();
        let status =
            StatusCode::from_u16(body.error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, Json(body)).into_response();
        if let ServiceError::RateLimited(seconds) = self.0 {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}
