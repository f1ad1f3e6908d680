//! Files shipped beside the SPA in `dist/` (agreement texts, region names): loaded when first
//! needed rather than compiled into the start-up module.

use super::{ApiError, ApiResult};

/// The text of `dist/{path}`, served from the app's own origin.
pub async fn fetch_text(path: &str) -> ApiResult<String> {
    let answer = gloo_net::http::Request::get(&format!("/{path}"))
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    if !answer.ok() {
        return Err(ApiError::Server {
            status: answer.status(),
            body: None,
        });
    }
    answer
        .text()
        .await
        .map_err(|e| ApiError::Decode(e.to_string()))
}
