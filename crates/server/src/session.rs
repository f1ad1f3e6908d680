//! Reading and ending the session named by the cookie. Only a SHA-256 of the token is stored,
//! so the database alone opens no session.

use axum::{
    extract::State,
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use partner_domain::{ErrorKind, Me, Role, TenantSummary, User};
use sha2::{Digest, Sha256};
use sqlx::Row;

use crate::{ApiError, AppState};

pub const COOKIE: &str = "pc_session";

fn token_from(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_owned())
}

pub fn hash_token(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn unauthenticated() -> ApiError {
    ApiError::Status(ErrorKind::Unauthenticated, "Sign in to continue.".into())
}

/// The signed-in user, or 401 for a missing, unknown or expired session.
pub async fn current(state: &AppState, headers: &HeaderMap) -> Result<Me, ApiError> {
    let token = token_from(headers).ok_or_else(unauthenticated)?;
    let row = sqlx::query(
        "SELECT u.id, u.first_name, u.last_name, u.email, u.created_at, u.must_change_password,
                t.id AS tenant_id, t.name AS tenant_name, t.domain_prefix
         FROM sessions s JOIN users u ON u.id = s.user_id JOIN tenants t ON t.id = u.tenant_id
         WHERE s.token_hash = ? AND s.expires_at > strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
    )
    .bind(hash_token(&token))
    .fetch_optional(&state.db)
    .await?
    .ok_or_else(unauthenticated)?;
    let user_id: String = row.get("id");
    let roles = sqlx::query_scalar::<_, String>("SELECT role FROM user_roles WHERE user_id = ?")
        .bind(&user_id)
        .fetch_all(&state.db)
        .await?
        .iter()
        .filter_map(|r| serde_json::from_value::<Role>(serde_json::Value::String(r.clone())).ok())
        .collect();
    let prefix: String = row.get("domain_prefix");
    Ok(Me {
        user: User {
            id: user_id,
            first_name: row.get("first_name"),
            last_name: row.get("last_name"),
            email: row.get("email"),
            roles,
            created_at: row.get("created_at"),
        },
        tenant: TenantSummary {
            id: row.get("tenant_id"),
            name: row.get("tenant_name"),
            domain: format!("{prefix}.onmicrosoft.com"),
        },
        partner_id: None,
        must_change_password: row.get::<i64, _>("must_change_password") != 0,
    })
}

pub async fn get(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Me>, ApiError> {
    current(&state, &headers).await.map(Json)
}

/// Ends the session server-side and tells the browser to drop the cookie. Idempotent.
pub async fn delete(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if let Some(token) = token_from(&headers) {
        sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
            .bind(hash_token(&token))
            .execute(&state.db)
            .await?;
    }
    let expired = format!("{COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    let mut response = StatusCode::NO_CONTENT.into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_str(&expired).expect("ASCII cookie"),
    );
    Ok(response)
}
