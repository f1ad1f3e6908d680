//! Files shipped beside the SPA in `dist/` (agreement texts, region names): loaded when first
//! needed rather than compiled into the start-up module.

use super::{ApiError, ApiResult};

/// The text of `dist/{path}`, served from the app's own origin.
pub async fn fetch_text(path: &str) -> ApiResult<String> {
    let url = format!("/{path}");
    let request = gloo_net::http::Request::get(&url)
        .build()
        .map_err(|e| ApiError::Network(e.to_string()))?;
    // Start-up may have asked for it already (the English messages, `i18n::load_english`).
    let answer = super::ahead::taken_or_sent(&url, request)
        .await
        .map_err(ApiError::Network)?;
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
