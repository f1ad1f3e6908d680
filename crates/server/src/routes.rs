//! The router: `/api/*` (JSON, errors as API.md), `/config.json`, and the SPA with an
//! `index.html` fallback so that deep links such as `/settings/users` load the app.

use std::path::Path;

use axum::{
    extract::{Request, State},
    http::Method,
    middleware::{self, Next},
    response::Response,
    routing::get,
    Json, Router,
};
use partner_domain::ErrorKind;
use partner_domain::Health;
use serde_json::{json, Value};
use tower_http::{
    services::{ServeDir, ServeFile},
    trace::TraceLayer,
};

use crate::{session, ApiError, AppState};

pub fn router(state: AppState, dist: &Path) -> Router {
    let api = Router::new()
        .route("/health", get(health))
        .route("/session", get(session::get).delete(session::delete))
        .fallback(api_not_found)
        .layer(middleware::from_fn(require_csrf_header));
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
    Ok(Json(Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    }))
}

/// The SPA's runtime config: served by us, the SPA talks to this server's API.
async fn config() -> Json<Value> {
    Json(json!({ "backend": "http", "api_base": "/api" }))
}

async fn api_not_found() -> ApiError {
    ApiError::not_found("No such API endpoint.")
}

/// A cross-site form cannot set custom headers: requiring one on every non-GET request
/// (API.md) is our CSRF defence, on top of SameSite=Strict cookies.
async fn require_csrf_header(request: Request, next: Next) -> Result<Response, ApiError> {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let marked = request
        .headers()
        .get("x-requested-with")
        .is_some_and(|v| v.as_bytes() == b"partner-center");
    if safe || marked {
        Ok(next.run(request).await)
    } else {
        Err(ApiError::Status(
            ErrorKind::Forbidden,
            "Missing the X-Requested-With: partner-center header.".into(),
        ))
    }
}
