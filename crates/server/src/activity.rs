//! `/api/activity`: the work account's activity log, a page at a time or as CSV.

use axum::{
    extract::{Query, State},
    http::{header, HeaderValue},
    response::{IntoResponse, Response},
};
use partner_domain::{activity::EXPORT_FILENAME, service, ActivityPage, ActivityQuery};

use crate::{auth::Caller, ApiError, AppState};

pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<ActivityQuery>,
) -> Result<axum::Json<ActivityPage>, ApiError> {
    let mut store = state.read().await?;
    Ok(axum::Json(
        service::list_activity(&mut store, &caller.0, &query).await?,
    ))
}

pub async fn export(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<ActivityQuery>,
) -> Result<Response, ApiError> {
    let mut store = state.read().await?;
    let csv = service::export_activity(&mut store, &caller.0, &query).await?;
    let mut response = csv.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&format!("attachment; filename=\"{EXPORT_FILENAME}\""))
            .expect("the file name is ASCII"),
    );
    Ok(response)
}
