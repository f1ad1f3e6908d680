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

/// Each node searches its own in-memory copy of a work account's users: a change made through
/// another node on the same database shows at once (the copy's version is the database's).
#[tokio::test]
async fn a_search_on_one_node_sees_every_change_made_through_another() {
    let a = start().await;
    let database = a.database.clone();
    let b = start_configured(|options| options.database = database).await;
    let (on_a, admin) = a.tenant("nodes").await;
    let on_b = b.client();
    on_b.sign_in(&admin.user.email, PASSWORD).await;
    let list = |q: &str| {
        let (on_b, path) = (&on_b, format!("/api/users?{q}"));
        async move { on_b.get(&path).await.json::<UserList>() }
    };
    assert_eq!(list("q=").await.total, 1, "B keeps its copy");

    let created: partner_domain::UserCreated = on_a
        .ok(
            Method::POST,
            "/api/users",
            Some(&json!({ "first_name": "Zoé", "last_name": "Martin",
                "email": "zoe.martin@nodes.onmicrosoft.com", "roles": ["sales_agent"] })),
            201,
        )
        .await;
    let found = list("q=zoe+martin").await;
    assert_eq!(found.total, 1, "a new user");
    assert_eq!(found.items[0].id, created.user.id);

    on_a.ok::<_, serde_json::Value>(
        Method::PATCH,
        &format!("/api/users/{}", created.user.id),
        Some(&json!({ "last_name": "Durand", "roles": ["billing_admin"] })),
        200,
    )
    .await;
    assert_eq!(list("q=zoe+martin").await.total, 0, "a new name");
    assert_eq!(list("q=zoe+durand").await.total, 1);
    assert_eq!(list("role=sales_agent").await.total, 0, "new roles");
    assert_eq!(list("role=billing_admin").await.total, 1);

    on_a.ok::<serde_json::Value, serde_json::Value>(
        Method::DELETE,
        &format!("/api/users/{}", created.user.id),
        None,
        204,
    )
    .await;
    assert_eq!(list("q=").await.total, 1, "a deleted user");
}

/// Once a node has read a work account's users, its copy answers searches, on either engine
/// (PostgreSQL reads it in the background and answers in SQL meanwhile). Seen through a row
/// changed behind the store's back: its stored search text says "Quentin", which SQL finds, while
/// the copy keys users by their names, as the domain does.
#[tokio::test]
async fn searches_are_answered_from_the_nodes_copy_once_it_is_read() {
    let server = start().await;
    let (client, admin) = server.tenant("copy").await;
    sqlx::query("UPDATE users SET search = 'quentin' WHERE id = $1")
        .bind(&admin.user.id)
        .execute(&server.db().await)
        .await
        .unwrap();
    let found = |q: &'static str| {
        let client = &client;
        async move {
            let list: UserList = client.get(&format!("/api/users?q={q}")).await.json();
            list.total
        }
    };
    eventually("the copy answering", || async {
        (found("quentin").await == 0).then_some(())
    })
    .await;
    assert_eq!(
        found("lefevre").await,
        1,
        "the copy holds the account's users"
    );
}

/// A node's copy is current while `tenants.users_version` has not moved: on both engines, every
/// change the list shows moves it, in the change's transaction, and what it does not show leaves
/// it (a copy read again for a password reset would be wasted).
#[tokio::test]
async fn every_change_the_user_list_shows_moves_its_version() {
    let server = start().await;
    let (client, admin) = server.tenant("version").await;
    let db = server.db().await;
    let version = || {
        let (db, admin) = (&db, &admin.user.id);
        async move {
            let version: i64 = sqlx::query_scalar(
                "SELECT t.users_version FROM tenants t JOIN users u ON u.tenant_id = t.id
                 WHERE u.id = $1",
            )
            .bind(admin)
            .fetch_one(db)
            .await
            .unwrap();
            version
        }
    };
    let mut last = version().await;
    let mut moved = |now: i64| {
        let moved = now > last;
        last = now;
        moved
    };

    let body = json!({ "first_name": "Léa", "last_name": "Roux",
        "email": "lea@version.onmicrosoft.com", "roles": ["sales_agent"] });
    let created: partner_domain::UserCreated = client
        .ok(Method::POST, "/api/users", Some(&body), 201)
        .await;
    assert!(moved(version().await), "a new user");
    let user = format!("/api/users/{}", created.user.id);
    let patch = |body: serde_json::Value| {
        let (client, user) = (&client, &user);
        async move {
            client
                .ok::<_, serde_json::Value>(Method::PATCH, user, Some(&body), 200)
                .await
        }
    };
    patch(json!({ "last_name": "Durand" })).await;
    assert!(moved(version().await), "a new name");
    patch(json!({ "roles": ["billing_admin"] })).await;
    assert!(moved(version().await), "new roles");
    client
        .ok::<_, partner_domain::TemporaryPassword>(
            Method::POST,
            &format!("{user}/password-reset"),
            NONE,
            200,
        )
        .await;
    assert!(!moved(version().await), "a password reset");
    client
        .ok::<_, serde_json::Value>(Method::DELETE, &user, NONE, 204)
        .await;
    assert!(moved(version().await), "a deleted user");
}

/// On PostgreSQL, a write to one work account waits only for writes to the same account (and
/// for those that span accounts): here a transaction holds the locks a write to Alpha takes, as
/// a slow import would. Beta's admin adds a user at once; Alpha's waits, then succeeds. SQLite
/// has one writer per file by design.
#[tokio::test]
async fn work_accounts_write_side_by_side() {
    let server = start().await;
    if !server.database.starts_with("postgres") {
        return;
    }
    let (alpha, alpha_admin) = server.tenant("alpha").await;
    let (beta, _) = server.tenant("beta").await;
    let db = server.db().await;
    let mut writing = db.begin().await.unwrap();
    sqlx::query("SELECT pg_advisory_xact_lock_shared($1)")
        .bind(partner_server::WRITE_LOCK)
        .execute(&mut *writing)
        .await
        .unwrap();
    sqlx::query("SELECT pg_advisory_xact_lock($1, hashtext($2))")
        .bind(partner_server::ACCOUNT_LOCKS)
        .bind(&alpha_admin.tenant.id)
        .execute(&mut *writing)
        .await
        .unwrap();
    let add = |client: &Client, prefix: &str| {
        let body = json!({ "first_name": "Léa", "last_name": "Roux",
            "email": format!("lea@{prefix}.onmicrosoft.com"), "roles": [] });
        let client = client.clone();
        async move {
            client
                .call(Method::POST, "/api/users", Some(&body))
                .await
                .status
        }
    };

    let waiting = tokio::spawn(add(&alpha, "alpha"));
    let beside = tokio::time::timeout(std::time::Duration::from_secs(10), add(&beta, "beta"))
        .await
        .expect("Beta's write does not wait for Alpha's");
    assert_eq!(beside, 201);
    assert!(!waiting.is_finished(), "Alpha's write waits for Alpha's");
    writing.commit().await.unwrap();
    assert_eq!(waiting.await.unwrap(), 201);
}
