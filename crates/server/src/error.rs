//! One error type for every handler; its response is always the body of API.md.

use axum::{
    http::StatusCode,
    response::{IntoResponse, Response},
    Json,
};
use partner_domain::{ErrorBody, ErrorKind};

type Cause = Box<dyn std::error::Error + Send + Sync>;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{1}")]
    Status(ErrorKind, String),
    /// Anything unexpected: logged with its cause, answered without it.
    #[error("internal: {0}")]
    Internal(#[source] Cause),
}

impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> Self {
        Self::Internal(Box::new(error))
    }
}

impl ApiError {
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::Status(ErrorKind::NotFound, message.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = match self {
            Self::Status(kind, message) => ErrorBody::new(kind, message),
            Self::Internal(cause) => {
                tracing::error!(error = %cause, "internal error");
                ErrorBody::new(ErrorKind::Internal, "Something went wrong on our side.")
            }
        };
        let status =
            StatusCode::from_u16(body.error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (status, Json(body)).into_response()
    }
}
