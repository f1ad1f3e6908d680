//! Sessions: a random 256-bit token in an HttpOnly, SameSite=Strict cookie, stored hashed,
//! expiring after a period without use. Sign-in failures are rate limited per email and per IP.

use std::{
    collections::HashMap,
    net::IpAddr,
    sync::Mutex,
    time::{Duration, Instant},
};

use axum::{
    extract::{ConnectInfo, FromRequestParts, State},
    http::{header, request::Parts, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use partner_domain::{validate, Action, Credentials, ErrorKind, FieldErrors, Me, PasswordChange};

use crate::{json::Json, users, util, ApiError, AppState};

pub const COOKIE: &str = "pc_session";
/// A session ends after this long without a request.
const IDLE: time::Duration = time::Duration::hours(8);
/// The expiry moves at most this often, so that a signed-in read stays a read (SQLite takes
/// one writer at a time).
const SLIDE_STEP: time::Duration = time::Duration::minutes(1);

/// The signed-in caller, for handlers that need one (401 otherwise).
pub struct Caller(pub Me);

impl Caller {
    /// 403 unless the caller's roles allow `action` (the domain's permission table).
    pub fn may(&self, action: Action) -> Result<(), ApiError> {
        if action.allowed_for(&self.0.user.roles) {
            Ok(())
        } else {
            Err(ApiError::forbidden(format!(
                "Your roles do not allow this ({action:?})."
            )))
        }
    }

    pub fn tenant_id(&self) -> &str {
        &self.0.tenant.id
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        current(state, &parts.headers).await.map(Caller)
    }
}

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

fn unauthenticated() -> ApiError {
    ApiError::new(ErrorKind::Unauthenticated, "Sign in to continue.")
}

/// The signed-in user, or 401 for a missing, unknown or expired session. Use pushes the expiry
/// back (sliding), at most once a minute.
pub async fn current(state: &AppState, headers: &HeaderMap) -> Result<Me, ApiError> {
    let token_hash = util::hash_token(&token_from(headers).ok_or_else(unauthenticated)?);
    let (user_id, expires_at): (String, String) = sqlx::query_as(
        "SELECT user_id, expires_at FROM sessions WHERE token_hash = ? AND expires_at > ?",
    )
    .bind(&token_hash)
    .bind(util::now())
    .fetch_optional(&state.db)
    .await?
    .ok_or_else(unauthenticated)?;
    if expires_at < util::from_now(IDLE - SLIDE_STEP) {
        sqlx::query("UPDATE sessions SET expires_at = ? WHERE token_hash = ?")
            .bind(util::from_now(IDLE))
            .bind(&token_hash)
            .execute(&state.db)
            .await?;
    }
    users::me(&state.db, &user_id)
        .await?
        .ok_or_else(unauthenticated)
}

fn cookie(headers: &HeaderMap, value: &str, max_age: Option<u32>) -> HeaderValue {
    // Secure when the client reached us over https (directly or through a proxy).
    let https = headers
        .get("x-forwarded-proto")
        .is_some_and(|v| v.as_bytes() == b"https");
    let mut cookie = format!("{COOKIE}={value}; Path=/; HttpOnly; SameSite=Strict");
    if let Some(max_age) = max_age {
        cookie.push_str(&format!("; Max-Age={max_age}"));
    }
    if https {
        cookie.push_str("; Secure");
    }
    HeaderValue::from_str(&cookie).expect("cookies are ASCII")
}

pub async fn get(caller: Caller) -> axum::Json<Me> {
    axum::Json(caller.0)
}

pub async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    headers: HeaderMap,
    Json(credentials): Json<Credentials>,
) -> Result<Response, ApiError> {
    let email = credentials.email.trim().to_lowercase();
    let keys = [
        format!("email:{email}"),
        format!("ip:{}", client_ip(&headers, peer.ip())),
    ];
    state.limiter.check(&keys)?;
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT id, password_hash FROM users WHERE email = ?")
            .bind(&email)
            .fetch_optional(&state.db)
            .await?;
    let user_id = match row {
        Some((id, hash)) if util::verify_password(&credentials.password, &hash) => id,
        _ => {
            state.limiter.fail(&keys);
            // One message for any bad pair: no telling which accounts exist.
            return Err(ApiError::new(
                ErrorKind::Unauthenticated,
                "Wrong email or password.",
            ));
        }
    };
    state.limiter.clear(&keys[0]);
    let token = util::new_token();
    sqlx::query("INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)")
        .bind(util::hash_token(&token))
        .bind(&user_id)
        .bind(util::from_now(IDLE))
        .execute(&state.db)
        .await?;
    let me = users::me(&state.db, &user_id)
        .await?
        .ok_or_else(unauthenticated)?;
    let mut response = axum::Json(me).into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, cookie(&headers, &token, None));
    Ok(response)
}

/// The peer address, or the first X-Forwarded-For hop when a local proxy sits in front.
fn client_ip(headers: &HeaderMap, peer: IpAddr) -> IpAddr {
    if peer.is_loopback() {
        if let Some(forwarded) = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .and_then(|v| v.trim().parse().ok())
        {
            return forwarded;
        }
    }
    peer
}

/// Ends the session server-side and tells the browser to drop the cookie. Idempotent.
pub async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if let Some(token) = token_from(&headers) {
        sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
            .bind(util::hash_token(&token))
            .execute(&state.db)
            .await?;
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, cookie(&headers, "", Some(0)));
    Ok(response)
}

pub async fn change_password(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<PasswordChange>,
) -> Result<StatusCode, ApiError> {
    let hash: String = sqlx::query_scalar("SELECT password_hash FROM users WHERE id = ?")
        .bind(&caller.0.user.id)
        .fetch_one(&state.db)
        .await?;
    if !util::verify_password(&body.current_password, &hash) {
        let mut fields = FieldErrors::new();
        fields.insert("current_password".into(), vec!["password.wrong".into()]);
        return Err(ApiError::validation(fields));
    }
    validate::password_change(&body, &caller.0.user.email).map_err(ApiError::validation)?;
    sqlx::query("UPDATE users SET password_hash = ?, must_change_password = 0 WHERE id = ?")
        .bind(util::hash_password(&body.new_password)?)
        .bind(&caller.0.user.id)
        .execute(&state.db)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Counts sign-in failures per key (email, IP) in a sliding window.
pub struct RateLimiter {
    window: Duration,
    limits: [(&'static str, u32); 2],
    failures: Mutex<HashMap<String, Vec<Instant>>>,
}

impl Default for RateLimiter {
    fn default() -> Self {
        Self {
            window: Duration::from_secs(15 * 60),
            limits: [("email:", 5), ("ip:", 30)],
            failures: Mutex::default(),
        }
    }
}

impl RateLimiter {
    fn limit(&self, key: &str) -> u32 {
        self.limits
            .iter()
            .find(|(prefix, _)| key.starts_with(prefix))
            .map_or(u32::MAX, |(_, n)| *n)
    }

    /// 429 with the seconds until the oldest counted failure leaves the window.
    pub fn check(&self, keys: &[String]) -> Result<(), ApiError> {
        let now = Instant::now();
        let mut failures = self.failures.lock().expect("rate limiter lock");
        for key in keys {
            let list = failures.entry(key.clone()).or_default();
            list.retain(|t| now.duration_since(*t) < self.window);
            if list.len() as u32 >= self.limit(key) {
                let wait = self.window - now.duration_since(list[0]);
                return Err(ApiError::RateLimited(wait.as_secs().max(1)));
            }
        }
        Ok(())
    }

    pub fn fail(&self, keys: &[String]) {
        let mut failures = self.failures.lock().expect("rate limiter lock");
        for key in keys {
            failures
                .entry(key.clone())
                .or_default()
                .push(Instant::now());
        }
    }

    pub fn clear(&self, key: &str) {
        self.failures.lock().expect("rate limiter lock").remove(key);
    }
}
