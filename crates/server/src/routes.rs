//! The router: `/api/*` (JSON, errors as docs/API.md), `/config.json`, and the SPA with an
//! `index.html` fallback so that deep links such as `/settings/users` load the app.

use std::{path::Path, sync::Arc};

use axum::{
    extract::{DefaultBodyLimit, Request, State},
    http::{header, Method},
    middleware::{self, Next},
    response::Response,
    routing::{get, post, put},
    Json, Router,
};
use partner_domain::{ErrorBody, ErrorKind, Health};
use serde_json::{json, Value};
use tower_http::{
    catch_panic::CatchPanicLayer,
    compression::CompressionLayer,
    services::{ServeDir, ServeFile},
    timeout::TimeoutLayer,
    trace::TraceLayer,
    CompressionLevel,
};

use crate::{
    activity, agreements, auth, caching, dev, documents, first_page,
    json::{body_limit, too_large, BODY_LIMIT, DOCUMENT_BODY_LIMIT, IMPORT_BODY_LIMIT},
    partner, preload, security, tenants, users, ApiError, AppState,
};

/// Where this server's API is: what `/config.json` tells the app, and what pages preload.
pub const API: &str = "/api";

pub fn router(state: AppState, dist: &Path) -> Router {
    let mut api = Router::new()
        .route("/health", get(health))
        .route("/tenants", post(tenants::create))
        .route(
            "/session",
            get(auth::get).post(auth::sign_in).delete(auth::sign_out),
        )
        .route("/session/password", post(auth::change_password))
        .route("/partner", get(partner::get))
        .route("/partner/profile", put(partner::put_profile))
        .route(
            "/partner/contact-verification",
            post(partner::resend_verification),
        )
        .route(
            "/partner/documents",
            post(documents::upload).layer(DefaultBodyLimit::max(DOCUMENT_BODY_LIMIT)),
        )
        .route("/partner/documents/submit", post(documents::submit))
        .route(
            "/partner/documents/{id}",
            get(documents::download).delete(documents::delete),
        )
        .route("/verify-email", post(partner::verify_email))
        .route("/agreements/current", get(agreements::current))
        .route("/partner/agreements", post(agreements::accept))
        .route(
            "/partner/agreements/{id}/document",
            get(agreements::document),
        )
        .route("/users", get(users::list).post(users::create))
        .route(
            "/users/import",
            post(users::import).layer(DefaultBodyLimit::max(IMPORT_BODY_LIMIT)),
        )
        .route(
            "/users/{id}",
            get(users::get).patch(users::update).delete(users::delete),
        )
        .route("/users/{id}/password-reset", post(users::reset_password))
        .route("/users/{id}/invitation", post(users::resend_invitation))
        .route("/set-password", post(users::accept_invitation))
        .route("/set-password/check", post(users::check_invitation))
        .route("/activity", get(activity::list))
        .route("/activity/export", get(activity::export))
        .route("/csp-report", post(security::report));
    if state.dev {
        api = api
            .route("/dev/outbox", get(dev::outbox))
            .route("/dev/vetting/{partner_id}", post(dev::vetting))
            .route("/dev/seed", post(dev::seed))
            .route("/dev/csp-reports", get(dev::csp_reports));
    }
    let api = api
        .fallback(api_not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn(guard))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            auth::with_client,
        ))
        // Outside the guard, which reads error bodies. JSON compresses well (the whole user
        // list of a large work account is megabytes), and at gzip's fastest level still to a
        // sixth: the default level took 45 ms for 10,000 users, on the way to the list's first
        // paint.
        .layer(
            CompressionLayer::new()
                .gzip(true)
                .quality(CompressionLevel::Fastest),
        );
    // `cargo xtask build` writes `.br` and `.gz` beside each file of dist/: served as they are.
    let spa = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(
            ServeFile::new(dist.join("index.html"))
                .precompressed_br()
                .precompressed_gzip(),
        );
    let pages = preload::Pages {
        state: state.clone(),
        index: first_page::Index::read(dist).map(Arc::new),
    };
    let spa = tower::Layer::layer(&middleware::from_fn_with_state(pages, preload::links), spa);
    // The files of dist/ come compressed already; the user list's page rendered here does not.
    let spa = tower::Layer::layer(
        &CompressionLayer::new()
            .gzip(true)
            .quality(CompressionLevel::Fastest),
        spa,
    );
    let csp = security::content_security_policy(dist);
    Router::new()
        .nest(API, api)
        .route("/config.json", get(config))
        .fallback_service(spa)
        .layer(middleware::from_fn_with_state(csp, security::headers))
        .layer(middleware::from_fn_with_state(
            state.https.clone(),
            crate::https::strict_transport_security,
        ))
        .layer(middleware::from_fn(caching::cache_control))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(CatchPanicLayer::custom(panicked))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Longer than any request of ours takes (a 20,000-user seed), short enough that a client that
/// trickles its body does not hold a connection for ever.
const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// A panicking handler answers the JSON 500 of docs/API.md instead of dropping the connection.
fn panicked(_: Box<dyn std::any::Any + Send>) -> Response {
    tracing::error!("a handler panicked");
    axum::response::IntoResponse::into_response((
        axum::http::StatusCode::INTERNAL_SERVER_ERROR,
        Json(ErrorBody::internal()),
    ))
}

async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    sqlx::query("SELECT 1").execute(&state.db.pool).await?;
    Ok(Json(Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    }))
}

/// The SPA's runtime config: served by us, the SPA talks to this server's API.
async fn config() -> Json<Value> {
    Json(json!({ "backend": "http", "api_base": API }))
}

async fn api_not_found() -> ApiError {
    ErrorBody::no_such_endpoint().into()
}

/// Checks every API request before its handler:
/// - a body announced as larger than the limit is refused before it is read (413);
/// - a cross-site form cannot set custom headers, so requiring one on every non-GET request
///   (docs/API.md) is our CSRF defence, on top of SameSite=Strict cookies (403).
async fn guard(request: Request, next: Next) -> Result<Response, ApiError> {
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    let path = request.uri().path();
    if announced.is_some_and(|n| n > body_limit(path)) {
        return Err(too_large(path));
    }
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let marked = request
        .headers()
        .get("x-requested-with")
        .is_some_and(|v| v.as_bytes() == b"partner-center")
        // Browsers send violation reports on their own; they only get logged.
        || request.uri().path().ends_with("/csp-report");
    if safe || marked {
        Ok(with_error_body(next.run(request).await).await)
    } else {
        Err(ErrorBody::missing_csrf_header().into())
    }
}

/// Refusals made by the framework itself (a bad path or query parameter, a wrong method) come
/// as plain text: give them the body of docs/API.md too, keeping their status.
async fn with_error_body(response: Response) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let text = axum::body::to_bytes(response.into_body(), BODY_LIMIT)
        .await
        .unwrap_or_default();
    let body = if status.is_server_error() {
        ErrorBody::internal()
    } else {
        let kind = ErrorKind::from_status(status.as_u16()).unwrap_or(ErrorKind::BadRequest);
        // The framework's own words: which parameter or method it refused.
        ErrorBody::new(kind, String::from_utf8_lossy(&text))
    };
    let mut response = axum::response::IntoResponse::into_response(Json(body));
    *response.status_mut() = status;
    response
}

#[cfg(test)]
mod tests {
    use axum::{body::Body, http::Request, routing::get, Router};
    use tower::ServiceExt;
    use tower_http::catch_panic::CatchPanicLayer;

    async fn boom() -> &'static str {
        panic!("boom")
    }

    #[tokio::test]
    async fn a_panicking_handler_answers_the_json_500() {
        let router: Router = Router::new()
            .route("/boom", get(boom))
            .layer(CatchPanicLayer::custom(super::panicked));
        let response = router
            .oneshot(Request::get("/boom").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), 500);
        let bytes = axum::body::to_bytes(response.into_body(), 1024)
            .await
            .unwrap();
        let body: partner_domain::ErrorBody = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(body.error, partner_domain::ErrorKind::Internal);
    }
}
