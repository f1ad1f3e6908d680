//! The router: `/api/*` (JSON, errors as API.md), `/config.json`, and the SPA with an
//! `index.html` fallback so that deep links such as `/settings/users` load the app.

use std::path::Path;

use axum::{extract::State, routing::get, Json, Router};
use partner_domain::Health;
use serde_json::{json, Value};
use tower_http::{
    services::{ServeDir, ServeFile},
    trace::TraceLayer,
};

use crate::{ApiError, AppState};

pub fn router(state: AppState, dist: &Path) -> Router {
    let api = Router::new().route("/health", get(health)).fallback(api_not_found);
    let spa = ServeDir::new(dist).fallback(ServeFile::new(dist.join("index.html")));
    Router::new()
        .nest("/api", api)
        .route("/config.json", get(config))
        .fallback_service(spa)
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    sqlx::query("SELECT 1").execute(&state.db).await?;
    Ok(Json(Health { status: "ok".into(), version: env!("CARGO_PKG_VERSION").into() }))
}

/// The SPA's runtime config: served by us, the SPA talks to this server's API.
async fn config() -> Json<Value> {
    Json(json!({ "backend": "http", "api_base": "/api" }))
}

async fn api_not_found() -> ApiError {
    ApiError::not_found("No such API endpoint.")
}
