//! Work accounts and sessions over HTTP. The API's behaviour is in the contract suite
//! (`tests/contract.rs`); this file checks what only HTTP shows: the cookie, malformed bodies,
//! the CSRF header, Retry-After, and session expiry in the database.

mod common;

use common::*;
use partner_domain::{ErrorKind, Me, TenantCreated};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn the_session_cookie_is_http_only_and_same_site_and_ends_on_sign_out() {
    let server = start().await;
    let client = server.client();
    client
        .ok::<_, TenantCreated>(
            Method::POST,
            "/api/tenants",
            Some(&new_tenant("contoso")),
            201,
        )
        .await;
    let answer = client
        .raw(
            Method::POST,
            "/api/session",
            Some(json!({ "email": "admin@contoso.onmicrosoft.com", "password": PASSWORD })),
        )
        .await;
    assert_eq!(answer.status, 200);
    let cookie = answer.headers["set-cookie"].to_str().unwrap();
    assert!(
        cookie.starts_with("pc_session=")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http: no Secure flag");
    assert!(!answer.headers.contains_key("strict-transport-security"));
    let out = client.raw(Method::DELETE, "/api/session", None).await;
    assert_eq!(out.status, 204);
    let cleared = out.headers["set-cookie"].to_str().unwrap();
    assert!(
        cleared.starts_with("pc_session=;") && cleared.contains("Max-Age=0"),
        "{cleared}"
    );
}

#[tokio::test]
async fn malformed_json_is_a_400_and_the_wrong_shape_a_422() {
    let server = start().await;
    let client = server.client();
    // Malformed JSON is a 400; the wrong shape (types, unknown fields) a 422.
    let answer = client
        .http
        .post(format!("{}/api/tenants", server.base))
        .header("x-requested-with", "partner-center")
        .header("content-type", "application/json")
        .body("{ not json")
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 400);
    assert_eq!(
        answer
            .json::<partner_domain::ErrorBody>()
            .await
            .unwrap()
            .error,
        ErrorKind::BadRequest
    );
    let mut unknown = serde_json::to_value(new_tenant("northwind")).unwrap();
    unknown["plan"] = json!("gold");
    client
        .raw(Method::POST, "/api/tenants", Some(unknown))
        .await
        .error(422, ErrorKind::Validation);
    client
        .raw(
            Method::POST,
            "/api/tenants",
            Some(json!({ "company_name": 5 })),
        )
        .await
        .error(422, ErrorKind::Validation);
}

#[tokio::test]
async fn csrf_header_and_body_size_are_enforced() {
    let server = start().await;
    let client = server.client();
    let answer = client
        .http
        .post(format!("{}/api/tenants", server.base))
        .json(&new_tenant("contoso"))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 403);
    assert_eq!(
        answer
            .json::<partner_domain::ErrorBody>()
            .await
            .unwrap()
            .error,
        ErrorKind::Forbidden
    );

    let mut huge = new_tenant("contoso");
    huge.company_name = "x".repeat(70 * 1024);
    client
        .call(Method::POST, "/api/tenants", Some(&huge))
        .await
        .error(413, ErrorKind::PayloadTooLarge);
}

#[tokio::test]
async fn a_rate_limited_sign_in_says_when_to_retry() {
    let server = start().await;
    let (_, me) = server.tenant("contoso").await;
    let client = server.client();
    let wrong = json!({ "email": me.user.email, "password": "nope" });
    for _ in 0..partner_domain::limits::SIGN_IN_FAILURES_PER_EMAIL {
        client
            .raw(Method::POST, "/api/session", Some(wrong.clone()))
            .await;
    }
    let limited = client.raw(Method::POST, "/api/session", Some(wrong)).await;
    limited.error(429, ErrorKind::RateLimited);
    let retry: i64 = limited.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 0 && retry <= partner_domain::limits::SIGN_IN_WINDOW_S);
}

#[tokio::test]
async fn every_node_on_one_database_counts_the_same_sign_in_failures() {
    let a = start().await;
    let database = a.database.clone();
    let b = start_configured(|options| options.database = database).await;
    let (_, me) = a.tenant("contoso").await;
    let wrong = json!({ "email": me.user.email, "password": "nope" });
    // Failures alternate between the nodes, as a load balancer would send them.
    for i in 0..partner_domain::limits::SIGN_IN_FAILURES_PER_EMAIL {
        let node = if i % 2 == 0 { &a } else { &b };
        node.client()
            .raw(Method::POST, "/api/session", Some(wrong.clone()))
            .await
            .error(401, ErrorKind::Unauthenticated);
    }
    for node in [&a, &b] {
        let right = json!({ "email": me.user.email, "password": PASSWORD });
        node.client()
            .raw(Method::POST, "/api/session", Some(right))
            .await
            .error(429, ErrorKind::RateLimited);
    }
}

#[tokio::test]
async fn sessions_slide_with_use_and_end_when_idle() {
    let server = start().await;
    let (client, _) = server.tenant("contoso").await;
    let db = server.db().await;
    // As the server stores times: RFC 3339, UTC, whole seconds.
    let in_ = |d: time::Duration| {
        (time::OffsetDateTime::now_utc() + d)
            .replace_nanosecond(0)
            .unwrap()
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap()
    };
    let expiry = || async {
        sqlx::query_scalar::<_, String>("SELECT expires_at FROM sessions")
            .fetch_one(&db)
            .await
            .unwrap()
    };
    let set_expiry = |at: String| {
        let db = db.clone();
        async move {
            sqlx::query("UPDATE sessions SET expires_at = $1")
                .bind(at)
                .execute(&db)
                .await
                .unwrap();
        }
    };

    // Ten minutes left: a use pushes it back to eight hours.
    set_expiry(in_(time::Duration::minutes(10))).await;
    client.get("/api/session").await.json::<Me>();
    let pushed = expiry().await;
    assert!(pushed > in_(time::Duration::hours(7)), "{pushed}");

    // Just extended: another read writes nothing.
    client.get("/api/users").await;
    assert_eq!(expiry().await, pushed);

    // Idle past its expiry: signed out.
    set_expiry("2000-01-01T00:00:00Z".into()).await;
    client
        .get("/api/session")
        .await
        .error(401, ErrorKind::Unauthenticated);
}

/// A session that ended is refused on the server, whatever the browser keeps: the old cookie,
/// sent by hand, no longer opens anything.
#[tokio::test]
async fn ended_sessions_are_refused_when_their_cookie_is_replayed() {
    let server = start().await;
    let (client, me) = server.tenant("contoso").await;
    let sign_in = || async {
        let answer = server
            .client()
            .raw(
                Method::POST,
                "/api/session",
                Some(json!({ "email": me.user.email, "password": PASSWORD })),
            )
            .await;
        let cookie = answer.headers["set-cookie"].to_str().unwrap();
        cookie.split(';').next().unwrap().to_owned()
    };
    let base = server.base.clone();
    let replay = |cookie: String| {
        let url = format!("{base}/api/session");
        async move {
            reqwest::Client::new()
                .get(url)
                .header("cookie", cookie)
                .send()
                .await
                .unwrap()
                .status()
        }
    };

    let signed_out = sign_in().await;
    assert_eq!(replay(signed_out.clone()).await, 200);
    reqwest::Client::new()
        .delete(format!("{}/api/session", server.base))
        .header("cookie", &signed_out)
        .header("x-requested-with", "partner-center")
        .send()
        .await
        .unwrap();
    assert_eq!(
        replay(signed_out).await,
        401,
        "sign-out ends it on the server"
    );

    let other = sign_in().await;
    let change = json!({ "current_password": PASSWORD, "new_password": "Another-horse-7" });
    let answer = client
        .raw(Method::POST, "/api/session/password", Some(change))
        .await;
    assert_eq!(answer.status, 204);
    assert_eq!(
        replay(other).await,
        401,
        "a password change ends the other sessions"
    );
    client.get("/api/session").await.json::<Me>();
}

/// An unknown email costs a sign-in as much time as a wrong password for a real one: the answer's
/// time does not tell which accounts exist. Medians of interleaved tries, each email tried once
/// (under the per-email limit).
#[tokio::test]
async fn sign_in_takes_as_long_for_unknown_and_known_emails() {
    let server = start().await;
    let (admin, _) = server.tenant("contoso").await;
    const TRIES: usize = 9;
    let mut known = Vec::new();
    for i in 0..TRIES {
        let body = json!({ "first_name": "Ana", "last_name": format!("Known {i}"), "email": format!("known{i}@contoso.onmicrosoft.com"), "roles": [] });
        let created: partner_domain::UserCreated =
            admin.ok(Method::POST, "/api/users", Some(&body), 201).await;
        known.push(created.user.email);
    }
    let client = server.client();
    let time = |email: String| {
        let client = client.clone();
        async move {
            let start = std::time::Instant::now();
            client
                .raw(
                    Method::POST,
                    "/api/session",
                    Some(json!({ "email": email, "password": "Wrong-password-1" })),
                )
                .await
                .error(401, ErrorKind::Unauthenticated);
            start.elapsed()
        }
    };
    let (mut real, mut unknown) = (Vec::new(), Vec::new());
    for (i, email) in known.into_iter().enumerate() {
        real.push(time(email).await);
        unknown.push(time(format!("nobody{i}@contoso.onmicrosoft.com")).await);
    }
    real.sort();
    unknown.sort();
    let (real, unknown) = (real[TRIES / 2], unknown[TRIES / 2]);
    let ratio = real.as_secs_f64() / unknown.as_secs_f64();
    assert!(
        (1.0 / 1.5..=1.5).contains(&ratio),
        "median {real:?} for real emails, {unknown:?} for unknown ones"
    );
}

/// Behind a trusted proxy, failures count per client address: a stranger who fails again and
/// again is stopped, the owner elsewhere still signs in, and a forged X-Forwarded-For hop changes
/// nothing.
#[tokio::test]
async fn a_stranger_cannot_lock_the_owner_out() {
    let server = start_configured(|options| {
        options.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
    })
    .await;
    let (_, me) = server.tenant("contoso").await;
    let client = server.client();
    let from = |forwarded: &str, password: &str| {
        client
            .http
            .post(format!("{}/api/session", server.base))
            .header("x-requested-with", "partner-center")
            .header("x-forwarded-for", forwarded.to_owned())
            .json(&json!({ "email": me.user.email, "password": password }))
            .send()
    };
    for _ in 0..partner_domain::limits::SIGN_IN_FAILURES_PER_EMAIL {
        assert_eq!(from("203.0.113.7", "nope").await.unwrap().status(), 401);
    }
    assert_eq!(from("203.0.113.7", PASSWORD).await.unwrap().status(), 429);
    assert_eq!(
        from("1.1.1.1, 203.0.113.7", PASSWORD)
            .await
            .unwrap()
            .status(),
        429,
        "a forged first hop is not believed"
    );
    assert_eq!(
        from("198.51.100.1", PASSWORD).await.unwrap().status(),
        200,
        "the owner"
    );
}

/// A temporary password works seven days (aged in the database): then 410, told only to whoever
/// knows it.
#[tokio::test]
async fn an_old_temporary_password_no_longer_signs_in() {
    let server = start().await;
    let (admin, _) = server.tenant("contoso").await;
    let body = json!({ "first_name": "Léa", "last_name": "Roux", "email": "lea@contoso.onmicrosoft.com", "roles": [] });
    let created: partner_domain::UserCreated =
        admin.ok(Method::POST, "/api/users", Some(&body), 201).await;
    let reset = format!("/api/users/{}/password-reset", created.user.id);
    let revealed: partner_domain::TemporaryPassword =
        admin.ok(Method::POST, &reset, NONE, 200).await;
    let db = server.db().await;
    sqlx::query("UPDATE users SET temporary_until = '2000-01-01T00:00:00Z' WHERE email = $1")
        .bind("lea@contoso.onmicrosoft.com")
        .execute(&db)
        .await
        .unwrap();
    let client = server.client();
    let sign_in = |password: &str| {
        client.raw(
            Method::POST,
            "/api/session",
            Some(json!({ "email": "lea@contoso.onmicrosoft.com", "password": password })),
        )
    };
    sign_in(&revealed.temporary_password)
        .await
        .error(410, ErrorKind::Expired);
    sign_in("Wrong-password-1")
        .await
        .error(401, ErrorKind::Unauthenticated);
}

/// Behind `--public-url https://…` the session cookie is `__Host-` prefixed and `Secure`, every
/// answer carries HSTS, and the cookie opens the session when sent back.
#[tokio::test]
async fn over_https_the_cookie_is_host_only_and_secure_and_hsts_is_sent() {
    let server = start_configured(|options| {
        options.public_url = Some("https://partners.example.com".into());
    })
    .await;
    let (_, me) = server.tenant("contoso").await;
    let answer = server
        .client()
        .raw(
            Method::POST,
            "/api/session",
            Some(json!({ "email": me.user.email, "password": PASSWORD })),
        )
        .await;
    let cookie = answer.headers["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("__Host-pc_session="), "{cookie}");
    assert!(
        cookie.contains("; Secure") && cookie.contains("Path=/"),
        "{cookie}"
    );
    assert!(!cookie.contains("Domain"), "{cookie}");
    assert_eq!(
        answer.headers["strict-transport-security"],
        "max-age=63072000; includeSubDomains"
    );
    let session = reqwest::Client::new()
        .get(format!("{}/api/session", server.base))
        .header("cookie", cookie.split(';').next().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(session.status(), 200);
    assert!(session.headers().contains_key("strict-transport-security"));
}
