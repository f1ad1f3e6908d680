//! Users at scale over HTTP: a large seed in one transaction, an import over the body limit. The
//! API's behaviour is in the contract suite (`tests/contract.rs`).

mod common;

use common::*;
use partner_domain::{ErrorKind, UserList};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn seeding_ten_thousand_users_is_one_fast_transaction() {
    let server = start().await;
    let (client, _) = server.tenant("contoso").await;
    let created: serde_json::Value = client
        .ok(
            Method::POST,
            "/api/dev/seed",
            Some(&json!({ "users": 10000 })),
            200,
        )
        .await;
    assert_eq!(created["created"], 10000);
    let all: UserList = client.get("/api/users?limit=1").await.json();
    assert_eq!(all.total, 10001);
    let accented: UserList = client.get("/api/users?q=helene").await.json();
    assert!(accented.total > 0 && accented.items.iter().all(|u| u.first_name == "Hélène"));
    client
        .raw(
            Method::POST,
            "/api/dev/seed",
            Some(json!({ "users": 1000000 })),
        )
        .await
        .error(422, ErrorKind::Validation);
}

#[tokio::test]
async fn an_import_over_its_body_limit_is_refused_before_it_is_read() {
    let server = start().await;
    let (admin, _) = server.tenant("contoso").await;
    let users: Vec<_> = (0..3000)
        .map(|i| json!({ "first_name": "Léa", "last_name": format!("Roux {i}"), "email": format!("lea{i}@contoso.fr"), "roles": ["sales_agent"] }))
        .collect();
    admin
        .raw(
            Method::POST,
            "/api/users/import",
            Some(json!({ "users": users })),
        )
        .await
        .error(413, ErrorKind::PayloadTooLarge);
    let list: UserList = admin.get("/api/users").await.json();
    assert_eq!(list.total, 1, "nothing written");
}

/// Two edits of different fields of one user at the same time: both are kept (each write reads
/// the user inside its own transaction).
#[tokio::test]
async fn concurrent_edits_of_one_user_lose_nothing() {
    let server = start().await;
    let (admin, _) = server.tenant("contoso").await;
    let body = json!({ "first_name": "Ana", "last_name": "Roux", "email": "ana@contoso.onmicrosoft.com", "roles": [] });
    let created: partner_domain::UserCreated =
        admin.ok(Method::POST, "/api/users", Some(&body), 201).await;
    let path = format!("/api/users/{}", created.user.id);
    for round in 0..10 {
        let (first, last) = (format!("Ana{round}"), format!("Roux{round}"));
        let (a, b) = tokio::join!(
            admin.raw(Method::PATCH, &path, Some(json!({ "first_name": first }))),
            admin.raw(Method::PATCH, &path, Some(json!({ "last_name": last }))),
        );
        assert_eq!((a.status.as_u16(), b.status.as_u16()), (200, 200));
        let user: partner_domain::User = admin.get(&path).await.json();
        assert_eq!(
            (user.first_name, user.last_name),
            (first, last),
            "round {round}"
        );
    }
}
