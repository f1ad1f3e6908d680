//! A JSON body extractor whose refusals speak docs/API.md: malformed JSON is a 400, a body of the
//! wrong shape (types, missing or unknown fields) a 422, an oversized one a 413.

use axum::{
    extract::{rejection::JsonRejection, FromRequest, Request},
    http::StatusCode,
};
use partner_domain::{ErrorBody, ErrorKind};
use serde::de::DeserializeOwned;

use crate::ApiError;

pub use partner_domain::limits::{
    BODY_LIMIT_BYTES as BODY_LIMIT, DOCUMENT_BODY_LIMIT_BYTES as DOCUMENT_BODY_LIMIT,
    IMPORT_BODY_LIMIT_BYTES as IMPORT_BODY_LIMIT,
};

/// The largest body a request to `path` (under `/api`) may carry.
pub fn body_limit(path: &str) -> usize {
    if path.ends_with("/users/import") {
        IMPORT_BODY_LIMIT
    } else if path.ends_with("/partner/documents") {
        DOCUMENT_BODY_LIMIT
    } else {
        BODY_LIMIT
    }
}

/// The 413 for a request to `path` whose body is over its limit.
pub fn too_large(path: &str) -> ApiError {
    ErrorBody::too_large(body_limit(path)).into()
}

pub struct Json<T>(pub T);

impl<S, T> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let path = request.uri().path().to_owned();
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(Self(value)),
            Err(rejection) => Err(refusal(rejection, &path)),
        }
    }
}

fn refusal(rejection: JsonRejection, path: &str) -> ApiError {
    let text = rejection.body_text();
    match rejection {
        JsonRejection::JsonDataError(_) => ApiError::new(ErrorKind::Validation, text),
        _ if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => too_large(path),
        _ => ApiError::new(ErrorKind::BadRequest, text),
    }
}
