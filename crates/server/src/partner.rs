//! `/api/partner` and `/api/verify-email`: parse, run the rulebook's operation, answer.

use axum::{extract::State, http::StatusCode};
use partner_domain::{service, EmailVerified, Partner, ProfileRequest, VerifyEmail};

use crate::{auth::Caller, json::Json, ApiError, AppState};

pub async fn get(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<axum::Json<Partner>, ApiError> {
    let mut store = state.read().await?;
    Ok(axum::Json(service::partner(&mut store, &caller.0).await?))
}

pub async fn put_profile(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<ProfileRequest>,
) -> Result<axum::Json<Partner>, ApiError> {
    let mut store = state.write_to(&caller.0).await?;
    let partner = service::put_profile(&mut store, &caller.0, body).await?;
    store.commit().await?;
    Ok(axum::Json(partner))
}

pub async fn resend_verification(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<StatusCode, ApiError> {
    let mut store = state.write_to(&caller.0).await?;
    service::resend_contact_verification(&mut store, &caller.0).await?;
    store.commit().await?;
    Ok(StatusCode::ACCEPTED)
}

pub async fn verify_email(
    State(state): State<AppState>,
    Json(body): Json<VerifyEmail>,
) -> Result<axum::Json<EmailVerified>, ApiError> {
    let mut store = state.write().await?;
    let verified = service::verify_email(&mut store, &body.token).await?;
    store.commit().await?;
    Ok(axum::Json(verified))
}
