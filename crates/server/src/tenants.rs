//! `POST /api/tenants`.

use axum::{extract::State, http::StatusCode};
use partner_domain::{service, NewTenant, TenantCreated};

use crate::{json::Json, ApiError, AppState};

pub async fn create(
    State(state): State<AppState>,
    Json(body): Json<NewTenant>,
) -> Result<(StatusCode, axum::Json<TenantCreated>), ApiError> {
    let mut store = state.write().await?;
    let created = service::create_tenant(&mut store, body).await?;
    store.commit().await?;
    Ok((StatusCode::CREATED, axum::Json(created)))
}
