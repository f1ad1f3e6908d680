//! The error body of every non-2xx answer (docs/API.md, "Errors always have this body").

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The `error` field: one value per HTTP status class the API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    BadRequest,
    Validation,
    Unauthenticated,
    Forbidden,
    NotFound,
    Conflict,
    Expired,
    PayloadTooLarge,
    RateLimited,
    Internal,
    /// 403 while the caller's password is a temporary one: only the session routes answer.
    PasswordChangeRequired,
}

impl ErrorKind {
    pub const ALL: [ErrorKind; 11] = [
        Self::BadRequest,
        Self::Validation,
        Self::Unauthenticated,
        Self::Forbidden,
        Self::NotFound,
        Self::Conflict,
        Self::Expired,
        Self::PayloadTooLarge,
        Self::RateLimited,
        Self::Internal,
        Self::PasswordChangeRequired,
    ];

    pub fn status(self) -> u16 {
        match self {
            Self::BadRequest => 400,
            Self::Validation => 422,
            Self::Unauthenticated => 401,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::Conflict => 409,
            Self::Expired => 410,
            Self::PayloadTooLarge => 413,
            Self::RateLimited => 429,
            Self::Internal => 500,
            Self::PasswordChangeRequired => 403,
        }
    }

    /// The kind a bare status stands for, when a body is missing or unreadable (the first of
    /// that status: 403 is `Forbidden`).
    pub fn from_status(status: u16) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.status() == status)
    }

    /// The stable key, as it appears on the wire and in translation files.
    pub fn key(self) -> &'static str {
        match self {
            Self::BadRequest => "bad_request",
            Self::Validation => "validation",
            Self::Unauthenticated => "unauthenticated",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not_found",
            Self::Conflict => "conflict",
            Self::Expired => "expired",
            Self::PayloadTooLarge => "payload_too_large",
            Self::RateLimited => "rate_limited",
            Self::Internal => "internal",
            Self::PasswordChangeRequired => "password_change_required",
        }
    }
}

/// Field errors: dotted path into the request body → stable codes (`email.free_mail`).
pub type FieldErrors = BTreeMap<String, Vec<crate::Code>>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ErrorKind,
    pub message: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: FieldErrors,
}

impl ErrorBody {
    pub fn new(error: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            error,
            message: message.into(),
            fields: FieldErrors::new(),
        }
    }

    /// 422 with its fields: "2 fields need attention."
    pub fn validation(fields: FieldErrors) -> Self {
        let count = fields.len();
        let (noun, verb) = if count == 1 {
            ("field", "needs")
        } else {
            ("fields", "need")
        };
        Self {
            fields,
            ..Self::new(
                ErrorKind::Validation,
                format!("{count} {noun} {verb} attention."),
            )
        }
    }

    /// A 500: what went wrong is logged, not told.
    pub fn internal() -> Self {
        Self::new(ErrorKind::Internal, "Something went wrong on our side.")
    }

    /// 404 for a path that is no endpoint of the API.
    pub fn no_such_endpoint() -> Self {
        Self::new(ErrorKind::NotFound, "No such API endpoint.")
    }

    /// 403 for a non-GET request without the CSRF header of docs/API.md.
    pub fn missing_csrf_header() -> Self {
        Self::new(
            ErrorKind::Forbidden,
            "Missing the X-Requested-With: partner-center header.",
        )
    }

    /// 413 for a body over `limit_bytes`.
    pub fn too_large(limit_bytes: usize) -> Self {
        Self::new(
            ErrorKind::PayloadTooLarge,
            format!("Request bodies are limited to {} KiB.", limit_bytes / 1024),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_through_its_status_and_key() {
        for kind in ErrorKind::ALL {
            let by_status = ErrorKind::from_status(kind.status()).unwrap();
            assert_eq!(by_status.status(), kind.status());
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.key()));
        }
        assert_eq!(ErrorKind::from_status(418), None);
    }

    #[test]
    fn body_matches_the_documented_shape() {
        let mut body = ErrorBody::new(ErrorKind::Validation, "1 field is invalid");
        body.fields.insert(
            "legal_profile.address.postal_code".into(),
            vec![crate::Code::PostalCodeFormat],
        );
        let json: serde_json::Value = serde_json::to_value(&body).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "error": "validation",
                "message": "1 field is invalid",
                "fields": { "legal_profile.address.postal_code": ["postal_code.format"] }
            })
        );
        let bare: ErrorBody =
            serde_json::from_str(r#"{"error":"not_found","message":"no such route"}"#).unwrap();
        assert!(bare.fields.is_empty());
    }
}
