//! One error type for every handler; its response is always the body of API.md.

use axum::{
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use partner_domain::{ErrorBody, ErrorKind, FieldErrors};

type Cause = Box<dyn std::error::Error + Send + Sync>;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{}: {}", .0.error.key(), .0.message)]
    Body(ErrorBody),
    #[error("rate limited for {0} s")]
    RateLimited(u64),
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
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self::Body(ErrorBody::new(kind, message))
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::NotFound, message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Forbidden, message)
    }

    /// A 409 whose cause is one field (`domain_prefix.taken`).
    pub fn conflict(field: &str, code: &str, message: impl Into<String>) -> Self {
        let mut body = ErrorBody::new(ErrorKind::Conflict, message);
        body.fields.insert(field.into(), vec![code.into()]);
        Self::Body(body)
    }

    pub fn validation(fields: FieldErrors) -> Self {
        let count = fields.len();
        let mut body = ErrorBody::new(
            ErrorKind::Validation,
            format!(
                "{count} field{} need{} attention.",
                if count == 1 { "" } else { "s" },
                if count == 1 { "s" } else { "" }
            ),
        );
        body.fields = fields;
        Self::Body(body)
    }

    pub fn internal(cause: impl Into<Cause>) -> Self {
        Self::Internal(cause.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (body, retry_after) = match self {
            Self::Body(body) => (body, None),
            Self::RateLimited(seconds) => (
                ErrorBody::new(
                    ErrorKind::RateLimited,
                    format!("Too many attempts. Try again in {seconds} s."),
                ),
                Some(seconds),
            ),
            Self::Internal(cause) => {
                tracing::error!(error = %cause, "internal error");
                (
                    ErrorBody::new(ErrorKind::Internal, "Something went wrong on our side."),
                    None,
                )
            }
        };
        let status =
            StatusCode::from_u16(body.error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, Json(body)).into_response();
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}
