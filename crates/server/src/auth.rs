//! Sessions over HTTP: the rulebook's session token travels in an HttpOnly, SameSite=Strict
//! cookie. Which sessions are valid, and for how long, is the rulebook's (`service::session`).

use axum::{
    extract::{ConnectInfo, FromRequestParts, Request, State},
    http::{header, request::Parts, HeaderMap, HeaderValue, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use partner_domain::{service, Credentials, Me, PasswordChange};

use crate::{https::HttpsPolicy, json::Json, ApiError, AppState};

pub const COOKIE: &str = "pc_session";
/// Over https: a `__Host-` cookie is only accepted from this very origin, over https, for `/`.
pub const SECURE_COOKIE: &str = "__Host-pc_session";

/// The caller of an operation (401 signed out, 403 while their password is temporary).
pub struct Caller(pub Me);

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let mut store = state.read().await?;
        let me = service::caller(&mut store, token_from(&parts.headers).as_deref()).await?;
        Ok(Caller(me))
    }
}

/// A signed-in user, temporary password or not: the session routes only.
pub struct SignedIn(pub Me);

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let mut store = state.read().await?;
        let me = service::session(&mut store, token_from(&parts.headers).as_deref()).await?;
        Ok(SignedIn(me))
    }
}

pub fn token_from(headers: &HeaderMap) -> Option<String> {
    cookies(headers)
        .find(|(name, _)| *name == SECURE_COOKIE || *name == COOKIE)
        .map(|(_, value)| value.to_owned())
}

/// The request's cookies, as (name, value) pairs.
pub fn cookies(headers: &HeaderMap) -> impl Iterator<Item = (&str, &str)> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
}

/// The session cookie: `__Host-` and `Secure` over https (see `https.rs`).
fn cookie(https: bool, value: &str, max_age: Option<u32>) -> HeaderValue {
    let name = if https { SECURE_COOKIE } else { COOKIE };
    let mut cookie = format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict");
    if let Some(max_age) = max_age {
        cookie.push_str(&format!("; Max-Age={max_age}"));
    }
    if https {
        cookie.push_str("; Secure");
    }
    HeaderValue::from_str(&cookie).expect("cookies are ASCII")
}

pub async fn get(SignedIn(me): SignedIn) -> axum::Json<Me> {
    axum::Json(me)
}

pub async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    headers: HeaderMap,
    Json(credentials): Json<Credentials>,
) -> Result<Response, ApiError> {
    // Not one transaction: the password check is slow, and holding the write lock through it
    // would queue every sign-in behind the others. The session is one insert.
    let mut store = state.read().await?;
    let signed_in = service::sign_in(&mut store, &credentials).await?;
    let https = state.https.is_https(&headers, Some(peer));
    let mut response = axum::Json(signed_in.me).into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, cookie(https, &signed_in.token, None));
    Ok(response)
}

/// Serves the request with its client's address known to the rulebook's environment (rate
/// limits and the activity log).
pub async fn with_client(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    request: Request,
    next: Next,
) -> Response {
    let client = client_ip(request.headers(), peer.ip(), &state.https);
    crate::env::CLIENT.scope(client, next.run(request)).await
}

/// The client's address: the peer, unless the peer is a trusted proxy; then the rightmost
/// `X-Forwarded-For` hop that is not a trusted proxy (hops to its left are the client's word,
/// which anyone can forge).
fn client_ip(
    headers: &HeaderMap,
    peer: std::net::IpAddr,
    proxies: &HttpsPolicy,
) -> std::net::IpAddr {
    if !proxies.is_trusted(&peer) {
        return peer;
    }
    let hops: Vec<std::net::IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map_while(|hop| hop.trim().parse().ok())
        .collect();
    hops.into_iter()
        .rev()
        .find(|hop| !proxies.is_trusted(hop))
        .unwrap_or(peer)
}

/// Ends the session server-side and tells the browser to drop the cookie. Idempotent.
pub async fn sign_out(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let mut store = state.read().await?;
    service::sign_out(&mut store, token_from(&headers).as_deref()).await?;
    let https = state.https.is_https(&headers, Some(peer));
    let mut response = StatusCode::NO_CONTENT.into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, cookie(https, "", Some(0)));
    Ok(response)
}

pub async fn change_password(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    headers: HeaderMap,
    Json(body): Json<PasswordChange>,
) -> Result<StatusCode, ApiError> {
    let mut store = state.write_to(&me).await?;
    let token = token_from(&headers);
    service::change_password(&mut store, &me, token.as_deref(), &body).await?;
    store.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forwarded(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn the_client_is_the_peer_unless_a_trusted_proxy_says_otherwise() {
        let proxy: std::net::IpAddr = "10.0.0.2".parse().unwrap();
        let policy = |trusted: Vec<ipnet::IpNet>| HttpsPolicy {
            always: false,
            trusted_proxies: trusted.into(),
        };
        let (nobody, trusted) = (policy(vec![]), policy(vec!["10.0.0.0/24".parse().unwrap()]));
        let headers = forwarded("6.6.6.6, 203.0.113.7, 10.0.0.1");
        assert_eq!(client_ip(&headers, proxy, &nobody), proxy, "nobody trusted");
        assert_eq!(
            client_ip(&headers, "198.51.100.1".parse().unwrap(), &trusted),
            "198.51.100.1".parse::<std::net::IpAddr>().unwrap(),
            "an untrusted peer's header is ignored"
        );
        assert_eq!(
            client_ip(&headers, proxy, &trusted),
            "203.0.113.7".parse::<std::net::IpAddr>().unwrap(),
            "the rightmost untrusted hop, not the forged first one"
        );
        assert_eq!(client_ip(&HeaderMap::new(), proxy, &trusted), proxy);
    }
}
