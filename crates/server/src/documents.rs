//! `/api/partner/documents`: supporting documents, sent as the request's body (the file's bytes,
//! its name in the query) and downloaded as they were sent.

use axum::{
    body::Bytes,
    extract::{rejection::BytesRejection, Path, Query, State},
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use partner_domain::{service, supporting::SupportingDocument, Partner};
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use serde::Deserialize;

use crate::{auth::Caller, json::too_large, ApiError, AppState};

#[derive(Deserialize)]
pub struct UploadQuery {
    /// Absent reads as empty, which the rules refuse as a required name.
    #[serde(default)]
    name: String,
}

pub async fn upload(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<UploadQuery>,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, axum::Json<SupportingDocument>), ApiError> {
    let bytes = body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => too_large("/partner/documents"),
        _ => ApiError::new(partner_domain::ErrorKind::BadRequest, rejection.body_text()),
    })?;
    let mut store = state.write_to(&caller.0).await?;
    let document = service::upload_document(&mut store, &caller.0, &query.name, &bytes).await?;
    store.commit().await?;
    Ok((StatusCode::CREATED, axum::Json(document)))
}

pub async fn download(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let mut store = state.read().await?;
    let (document, bytes) = service::document(&mut store, &caller.0, &id).await?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(document.content_type.as_str()),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&attachment(&document.name)).expect("an ASCII header"),
    );
    Ok(response)
}

/// `Content-Disposition` for a file named `name` in any script: an ASCII stand-in for old
/// clients, and the name itself in RFC 8187's `filename*`.
fn attachment(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| match c {
            ' '..='~' if c != '"' && c != '\\' => c,
            _ => '_',
        })
        .collect();
    let encoded = utf8_percent_encode(name, NON_ALPHANUMERIC);
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

pub async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let mut store = state.write_to(&caller.0).await?;
    service::delete_document(&mut store, &caller.0, &id).await?;
    store.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn submit(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<axum::Json<Partner>, ApiError> {
    let mut store = state.write_to(&caller.0).await?;
    let partner = service::submit_documents(&mut store, &caller.0).await?;
    store.commit().await?;
    Ok(axum::Json(partner))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_file_keeps_its_name_in_any_script() {
        assert_eq!(
            super::attachment("Facture d’été \"2026\".pdf"),
            "attachment; filename=\"Facture d__t_ _2026_.pdf\"; \
             filename*=UTF-8''Facture%20d%E2%80%99%C3%A9t%C3%A9%20%222026%22%2Epdf"
        );
    }
}
