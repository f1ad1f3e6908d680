//! `/api/agreements/current` and `/api/partner/agreements`: parse (the language from `lang` or
//! Accept-Language), run the rulebook's operation, answer; the signed copy as a PDF.

use axum::{
    extract::{Path, Query, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use partner_domain::{
    document::{self, Typeface},
    service, AcceptAgreement, Agreement, AgreementAcceptance, Lang,
};
use serde::Deserialize;

use crate::{auth::Caller, json::Json, ApiError, AppState};

#[derive(Deserialize)]
pub struct CurrentQuery {
    kind: String,
    lang: Option<String>,
}

/// The `lang` parameter, else the browser's Accept-Language.
fn language(explicit: Option<&str>, headers: &HeaderMap) -> Lang {
    Lang::negotiate(explicit.or_else(|| {
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
    }))
}

pub async fn current(
    headers: HeaderMap,
    Query(query): Query<CurrentQuery>,
) -> Result<axum::Json<Agreement>, ApiError> {
    let lang = language(query.lang.as_deref(), &headers);
    Ok(axum::Json(service::current_agreement(&query.kind, lang)?))
}

#[derive(Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

pub async fn accept(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Query(query): Query<LangQuery>,
    Json(body): Json<AcceptAgreement>,
) -> Result<(StatusCode, axum::Json<AgreementAcceptance>), ApiError> {
    let lang = language(query.lang.as_deref(), &headers);
    let mut store = state.write_to(&caller.0).await?;
    let acceptance = service::accept_agreement(&mut store, &caller.0, &body, lang).await?;
    store.commit().await?;
    Ok((StatusCode::CREATED, axum::Json(acceptance)))
}

pub async fn document(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let mut store = state.read().await?;
    let signed = service::signed_agreement(&mut store, &caller.0, &id).await?;
    let mut response = document::pdf(&signed, Typeface::DejaVuSans).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&format!("attachment; filename=\"{}\"", signed.filename))
            .expect("file names are ASCII"),
    );
    Ok(response)
}
