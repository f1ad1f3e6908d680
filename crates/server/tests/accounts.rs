//! Work accounts and sessions, with every error path of API.md.

mod common;

use common::*;
use partner_domain::{ErrorKind, Me, TenantCreated};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn creating_a_work_account_and_signing_in_as_its_global_admin() {
    let server = start().await;
    let client = server.client();
    let created: TenantCreated = client
        .ok(
            Method::POST,
            "/api/tenants",
            Some(&new_tenant("contoso")),
            201,
        )
        .await;
    assert_eq!(created.tenant.domain, "contoso.onmicrosoft.com");
    assert_eq!(created.admin.email, "admin@contoso.onmicrosoft.com");

    client
        .get("/api/session")
        .await
        .error(401, ErrorKind::Unauthenticated);
    let answer = client
        .raw(
            Method::POST,
            "/api/session",
            Some(json!({ "email": "ADMIN@contoso.onmicrosoft.com ", "password": PASSWORD })),
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
    let me: Me = answer.json();
    assert_eq!(me.user.roles, vec![partner_domain::Role::GlobalAdmin]);
    assert_eq!(me.tenant.name, "contoso SAS");
    assert_eq!(me.partner_id, None);
    assert!(!me.must_change_password);

    let again: Me = client.get("/api/session").await.json();
    assert_eq!(again, me);
    assert_eq!(
        client
            .raw(Method::DELETE, "/api/session", None)
            .await
            .status,
        204
    );
    client
        .get("/api/session")
        .await
        .error(401, ErrorKind::Unauthenticated);
}

#[tokio::test]
async fn work_account_errors() {
    let server = start().await;
    let client = server.client();
    client
        .ok::<_, TenantCreated>(
            Method::POST,
            "/api/tenants",
            Some(&new_tenant("fabrikam")),
            201,
        )
        .await;
    client
        .call(Method::POST, "/api/tenants", Some(&new_tenant("fabrikam")))
        .await
        .field(
            409,
            ErrorKind::Conflict,
            "domain_prefix",
            "domain_prefix.taken",
        );

    let mut bad = new_tenant("Bad Prefix");
    bad.admin.password = "short".into();
    let body = client
        .call(Method::POST, "/api/tenants", Some(&bad))
        .await
        .error(422, ErrorKind::Validation);
    assert_eq!(body.fields["domain_prefix"], ["domain_prefix.format"]);
    assert_eq!(body.fields["admin.password"], ["password.too_short"]);

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
async fn one_message_for_any_bad_pair_then_rate_limited() {
    let server = start().await;
    let (_, me) = server.tenant("contoso").await;
    let client = server.client();
    let wrong = client
        .raw(
            Method::POST,
            "/api/session",
            Some(json!({ "email": me.user.email, "password": "nope" })),
        )
        .await
        .error(401, ErrorKind::Unauthenticated);
    let unknown = client
        .raw(
            Method::POST,
            "/api/session",
            Some(json!({ "email": "who@contoso.onmicrosoft.com", "password": "nope" })),
        )
        .await
        .error(401, ErrorKind::Unauthenticated);
    assert_eq!(wrong.message, unknown.message, "no account enumeration");
    for _ in 0..4 {
        client
            .raw(
                Method::POST,
                "/api/session",
                Some(json!({ "email": me.user.email, "password": "nope" })),
            )
            .await;
    }
    let limited = client
        .raw(
            Method::POST,
            "/api/session",
            Some(json!({ "email": me.user.email, "password": PASSWORD })),
        )
        .await;
    limited.error(429, ErrorKind::RateLimited);
    let retry: u64 = limited.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 0 && retry <= 15 * 60);
}

#[tokio::test]
async fn changing_the_password() {
    let server = start().await;
    let (client, me) = server.tenant("contoso").await;
    let change =
        |current: &str, new: &str| json!({ "current_password": current, "new_password": new });
    client
        .raw(
            Method::POST,
            "/api/session/password",
            Some(change("wrong", "Another-horse-7")),
        )
        .await
        .field(
            422,
            ErrorKind::Validation,
            "current_password",
            "password.wrong",
        );
    client
        .raw(
            Method::POST,
            "/api/session/password",
            Some(change(PASSWORD, "weak")),
        )
        .await
        .field(
            422,
            ErrorKind::Validation,
            "new_password",
            "password.too_short",
        );
    assert_eq!(
        client
            .raw(
                Method::POST,
                "/api/session/password",
                Some(change(PASSWORD, "Another-horse-7"))
            )
            .await
            .status,
        204
    );
    server
        .client()
        .sign_in(&me.user.email, "Another-horse-7")
        .await;
    server
        .client()
        .raw(
            Method::POST,
            "/api/session/password",
            Some(change("a", "b")),
        )
        .await
        .error(401, ErrorKind::Unauthenticated);
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
            sqlx::query("UPDATE sessions SET expires_at = ?")
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
