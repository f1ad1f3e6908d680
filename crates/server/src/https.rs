//! Which proxies are believed (`--trusted-proxies`, also for the client's address in
//! `auth.rs`), and whether a request reached us over https: always behind `--public-url https://…`, or when a
//! trusted proxy (`--trusted-proxies`) says so in `X-Forwarded-Proto`. Over https the session
//! cookie is `__Host-` prefixed and `Secure`, and every answer asks for https from then on (HSTS).

use std::{net::SocketAddr, sync::Arc};

use axum::{
    extract::{ConnectInfo, Request, State},
    http::{header, HeaderMap, HeaderValue},
    middleware::Next,
    response::Response,
};

#[derive(Clone)]
pub struct HttpsPolicy {
    /// `--public-url` is https: every request is.
    pub always: bool,
    pub trusted_proxies: Arc<[ipnet::IpNet]>,
}

impl HttpsPolicy {
    pub fn is_trusted(&self, peer: &std::net::IpAddr) -> bool {
        self.trusted_proxies.iter().any(|net| net.contains(peer))
    }

    pub fn is_https(&self, headers: &HeaderMap, peer: Option<SocketAddr>) -> bool {
        self.always
            || (peer.is_some_and(|p| self.is_trusted(&p.ip()))
                && headers
                    .get("x-forwarded-proto")
                    .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"https")))
    }
}

/// The peer address of a request, when the server was started with connection info.
pub fn peer(request: &Request) -> Option<SocketAddr> {
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| *addr)
}

/// Two years, subdomains included: the usual preload-ready policy.
const HSTS: &str = "max-age=63072000; includeSubDomains";

pub async fn strict_transport_security(
    State(policy): State<HttpsPolicy>,
    request: Request,
    next: Next,
) -> Response {
    let https = policy.is_https(request.headers(), peer(&request));
    let mut response = next.run(request).await;
    if https {
        response.headers_mut().insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_is_the_public_url_or_a_trusted_proxy_s_word() {
        let proxy: SocketAddr = "10.0.0.2:443".parse().unwrap();
        let stranger: SocketAddr = "203.0.113.7:443".parse().unwrap();
        let mut forwarded = HeaderMap::new();
        forwarded.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        let behind_proxy = HttpsPolicy {
            always: false,
            trusted_proxies: vec!["10.0.0.0/24".parse().unwrap()].into(),
        };
        assert!(behind_proxy.is_https(&forwarded, Some(proxy)));
        assert!(
            !behind_proxy.is_https(&forwarded, Some(stranger)),
            "anyone can send the header"
        );
        assert!(!behind_proxy.is_https(&HeaderMap::new(), Some(proxy)));
        let public = HttpsPolicy {
            always: true,
            trusted_proxies: Vec::new().into(),
        };
        assert!(public.is_https(&HeaderMap::new(), None));
    }
}
