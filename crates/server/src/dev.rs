//! `--dev` only: the outbox, the vetting switch and demo users at scale.

use axum::{
    extract::{Path, State},
    http::HeaderMap,
};
use partner_domain::{service, OutboxEmail, Partner, SeedRequest, Vetting};

use crate::{
    auth::{token_from, Caller},
    json::Json,
    ApiError, AppState,
};

pub async fn outbox(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<axum::Json<Vec<OutboxEmail>>, ApiError> {
    let mut store = state.read().await?;
    // Signed out (no cookie, or a stale one): every work account's emails.
    let caller = service::session(&mut store, token_from(&headers).as_deref())
        .await
        .ok();
    Ok(axum::Json(
        service::outbox(&mut store, caller.as_ref()).await?,
    ))
}

pub async fn vetting(
    State(state): State<AppState>,
    caller: Caller,
    Path(partner_id): Path<String>,
    Json(body): Json<Vetting>,
) -> Result<axum::Json<Partner>, ApiError> {
    let mut store = state.write().await?;
    let partner = service::decide_vetting(&mut store, &caller.0, &partner_id, body).await?;
    store.commit().await?;
    Ok(axum::Json(partner))
}

/// N realistic users, and M activity records, in one transaction.
pub async fn seed(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<SeedRequest>,
) -> Result<axum::Json<serde_json::Value>, ApiError> {
    let mut store = state.write_to(&caller.0).await?;
    let created = service::seed_users(&mut store, &caller.0, body.users).await?;
    let recorded = service::seed_activity(&mut store, &caller.0, body.activity).await?;
    store.commit().await?;
    crate::db::after_bulk_load(&state.db).await?;
    Ok(axum::Json(
        serde_json::json!({ "created": created, "activity": recorded }),
    ))
}

/// The CSP violations browsers reported since the server started (the e2e suite expects none).
pub async fn csp_reports(State(state): State<AppState>) -> axum::Json<Vec<serde_json::Value>> {
    axum::Json(state.csp_reports.all())
}
