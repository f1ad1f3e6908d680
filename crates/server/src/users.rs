//! `/api/users`: parse, run the rulebook's operation, answer.

use axum::{
    extract::{Path, Query, State},
    http::StatusCode,
};
use partner_domain::{
    service, AcceptInvitation, CheckInvitation, ImportUsers, ImportedUsers, Invitation,
    InvitationAccepted, NewUser, PendingInvitation, TemporaryPassword, User, UserCreated, UserList,
    UserPatch, UserQuery,
};

use crate::{auth::Caller, json::Json, ApiError, AppState};

pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<UserQuery>,
) -> Result<axum::Json<UserList>, ApiError> {
    let mut store = state.read().await?;
    Ok(axum::Json(
        service::list_users(&mut store, &caller.0, &query).await?,
    ))
}

pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<NewUser>,
) -> Result<(StatusCode, axum::Json<UserCreated>), ApiError> {
    let mut store = state.write_to(&caller.0).await?;
    let created = service::create_user(&mut store, &caller.0, body).await?;
    store.commit().await?;
    Ok((StatusCode::CREATED, axum::Json(created)))
}

pub async fn import(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<ImportUsers>,
) -> Result<(StatusCode, axum::Json<ImportedUsers>), ApiError> {
    let mut store = state.write_to(&caller.0).await?;
    let imported = service::import_users(&mut store, &caller.0, body).await?;
    store.commit().await?;
    Ok((StatusCode::CREATED, axum::Json(imported)))
}

pub async fn get(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<axum::Json<User>, ApiError> {
    let mut store = state.read().await?;
    Ok(axum::Json(service::user(&mut store, &caller.0, &id).await?))
}

pub async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Json(patch): Json<UserPatch>,
) -> Result<axum::Json<User>, ApiError> {
    let mut store = state.write_to(&caller.0).await?;
    let user = service::update_user(&mut store, &caller.0, &id, patch).await?;
    store.commit().await?;
    Ok(axum::Json(user))
}

pub async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let mut store = state.write_to(&caller.0).await?;
    service::delete_user(&mut store, &caller.0, &id).await?;
    store.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn reset_password(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<axum::Json<TemporaryPassword>, ApiError> {
    let mut store = state.write_to(&caller.0).await?;
    let reset = service::reset_password(&mut store, &caller.0, &id).await?;
    store.commit().await?;
    Ok(axum::Json(reset))
}

pub async fn resend_invitation(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<(StatusCode, axum::Json<Invitation>), ApiError> {
    let mut store = state.write_to(&caller.0).await?;
    let invitation = service::resend_invitation(&mut store, &caller.0, &id).await?;
    store.commit().await?;
    Ok((StatusCode::ACCEPTED, axum::Json(invitation)))
}

/// `POST /api/set-password/check`, with no session: whether the link can still serve, and whose
/// password it chooses. The token travels in the body, as for choosing, not in an address that
/// logs keep.
pub async fn check_invitation(
    State(state): State<AppState>,
    Json(body): Json<CheckInvitation>,
) -> Result<axum::Json<PendingInvitation>, ApiError> {
    let mut store = state.read().await?;
    Ok(axum::Json(
        service::check_invitation(&mut store, &body).await?,
    ))
}

/// `POST /api/set-password`, with no session: the invited user chooses a password.
pub async fn accept_invitation(
    State(state): State<AppState>,
    Json(body): Json<AcceptInvitation>,
) -> Result<axum::Json<InvitationAccepted>, ApiError> {
    let mut store = state.write().await?;
    let accepted = service::accept_invitation(&mut store, &body).await?;
    store.commit().await?;
    Ok(axum::Json(accepted))
}
