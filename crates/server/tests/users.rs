//! Users of a work account, and the permission matrix generated from the domain's table.

mod common;

use common::*;
use partner_domain::{
    permissions::Action, ErrorKind, Me, Role, TemporaryPassword, User, UserCreated, UserList,
};
use reqwest::Method;
use serde_json::json;

async fn add(client: &Client, first: &str, last: &str, email: &str, roles: &[Role]) -> UserCreated {
    let body = json!({ "first_name": first, "last_name": last, "email": email, "roles": roles });
    client
        .ok(Method::POST, "/api/users", Some(&body), 201)
        .await
}

#[tokio::test]
async fn search_filter_and_paging() {
    let server = start().await;
    let (client, _) = server.tenant("contoso").await;
    add(
        &client,
        "Amélie",
        "Poulain",
        "amelie.poulain@contoso.fr",
        &[Role::SalesAgent],
    )
    .await;
    add(
        &client,
        "Jérôme",
        "Lefèvre",
        "jerome@contoso.fr",
        &[Role::AdminAgent],
    )
    .await;
    add(
        &client,
        "Zoé",
        "Martin",
        "zoe.martin@contoso.fr",
        &[Role::SalesAgent, Role::ReportViewer],
    )
    .await;

    let all: UserList = client.get("/api/users").await.json();
    assert_eq!(all.total, 4);
    let names: Vec<String> = all.items.iter().map(User::display_name).collect();
    assert_eq!(
        names,
        [
            "Éloïse Lefèvre",
            "Jérôme Lefèvre",
            "Zoé Martin",
            "Amélie Poulain"
        ],
        "sorted by last name"
    );

    let found: UserList = client.get("/api/users?q=eloise%20lefevre").await.json();
    assert_eq!(found.total, 1);
    assert_eq!(found.items[0].first_name, "Éloïse");
    let by_last_first: UserList = client.get("/api/users?q=LEFEVRE%20JEROME").await.json();
    assert_eq!(by_last_first.items[0].first_name, "Jérôme");
    let by_email: UserList = client.get("/api/users?q=zoe.martin@").await.json();
    assert_eq!(by_email.total, 1);
    let none: UserList = client.get("/api/users?q=%25").await.json();
    assert_eq!(none.total, 0, "LIKE wildcards are literal");

    let sales: UserList = client.get("/api/users?role=sales_agent").await.json();
    assert_eq!(sales.total, 2);
    let page: UserList = client.get("/api/users?offset=1&limit=2").await.json();
    assert_eq!((page.total, page.items.len()), (4, 2));
    assert_eq!(page.items[0].first_name, "Jérôme");
}

#[tokio::test]
async fn adding_updating_resetting_and_deleting() {
    let server = start().await;
    let (client, me) = server.tenant("contoso").await;
    let created = add(
        &client,
        "Jean",
        "Dupont",
        "Jean.Dupont@contoso.fr",
        &[Role::SalesAgent],
    )
    .await;
    assert_eq!(created.user.email, "jean.dupont@contoso.fr");
    assert_eq!(
        partner_domain::validate::password(&created.temporary_password, ""),
        Ok(())
    );
    let taken = json!({ "first_name": "J", "last_name": "D", "email": "jean.dupont@contoso.fr", "roles": [] });
    client
        .raw(Method::POST, "/api/users", Some(taken))
        .await
        .field(409, ErrorKind::Conflict, "email", "email.taken");
    let invalid = json!({ "first_name": "", "last_name": "D", "email": "nope", "roles": [] });
    let body = client
        .raw(Method::POST, "/api/users", Some(invalid))
        .await
        .error(422, ErrorKind::Validation);
    assert_eq!(body.fields["email"], ["email.format"]);

    // The new user signs in with the temporary password and must change it first.
    let jean = server.client();
    let jean_me = jean
        .sign_in("jean.dupont@contoso.fr", &created.temporary_password)
        .await;
    assert!(jean_me.must_change_password);

    // "Mettre à jour": roles change for a signed-in user without signing in again.
    let path = format!("/api/users/{}", created.user.id);
    let updated: User = client
        .ok(
            Method::PATCH,
            &path,
            Some(&json!({ "roles": ["admin_agent", "sales_agent"] })),
            200,
        )
        .await;
    assert_eq!(updated.roles, vec![Role::AdminAgent, Role::SalesAgent]);
    let now: Me = jean.get("/api/session").await.json();
    assert_eq!(now.user.roles, updated.roles);
    let fetched: User = jean.get(&path).await.json();
    assert_eq!(fetched, updated);

    // The last Global admin can neither lose the role nor be deleted.
    let admin_path = format!("/api/users/{}", me.user.id);
    client
        .raw(
            Method::PATCH,
            &admin_path,
            Some(json!({ "roles": ["admin_agent"] })),
        )
        .await
        .field(409, ErrorKind::Conflict, "roles", "last_global_admin");
    client.raw(Method::DELETE, &admin_path, None).await.field(
        409,
        ErrorKind::Conflict,
        "roles",
        "last_global_admin",
    );
    client
        .raw(
            Method::PATCH,
            &admin_path,
            Some(json!({ "roles": ["global_admin", "admin_agent"] })),
        )
        .await;

    let reset: TemporaryPassword = client
        .ok(Method::POST, &format!("{path}/password-reset"), NONE, 200)
        .await;
    jean.get("/api/session")
        .await
        .error(401, ErrorKind::Unauthenticated);
    assert!(
        server
            .client()
            .sign_in("jean.dupont@contoso.fr", &reset.temporary_password)
            .await
            .must_change_password
    );

    assert_eq!(client.raw(Method::DELETE, &path, None).await.status, 204);
    client.get(&path).await.error(404, ErrorKind::NotFound);

    // Another work account sees none of this.
    let (other, _) = server.tenant("fabrikam").await;
    other.get(&admin_path).await.error(404, ErrorKind::NotFound);
    let theirs: UserList = other.get("/api/users").await.json();
    assert_eq!(theirs.total, 1);
}

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

/// Each role alone × each action of the permission table: 403 exactly when the table says no.
#[tokio::test]
async fn permission_matrix_follows_the_domain_table() {
    let server = start_with(true, 0).await;
    let (admin, _) = server.tenant("contoso").await;
    let target = add(
        &admin,
        "Cible",
        "Test",
        "cible@contoso.fr",
        &[Role::ReportViewer],
    )
    .await
    .user;
    // Valid bodies, so that only the permission can refuse.
    let profile = json!({
        "legal_profile": { "legal_name": "Contoso SAS", "phone": "+33123456789", "website": "",
            "address": { "line1": "1 rue A", "line2": "", "city": "Paris", "region": "", "postal_code": "75001", "country": "FR" } },
        "primary_contact": { "first_name": "Jean", "last_name": "Dupont", "email": "jean@contoso.fr", "phone": "+33612345678" }
    });
    for (i, role) in Role::ALL.into_iter().enumerate() {
        let created = add(
            &admin,
            "Rôle",
            &format!("{role:?}"),
            &format!("role{i}@contoso.fr"),
            &[role],
        )
        .await;
        let client = server.client();
        client
            .sign_in(&created.user.email, &created.temporary_password)
            .await;
        for action in Action::ALL {
            let answer = match action {
                Action::ReadPartner => client.get("/api/partner").await,
                Action::EditPartnerProfile => {
                    client
                        .raw(Method::PUT, "/api/partner/profile", Some(profile.clone()))
                        .await
                }
                Action::ResendContactVerification => {
                    client
                        .raw(Method::POST, "/api/partner/contact-verification", None)
                        .await
                }
                Action::AcceptAgreement => {
                    client
                        .raw(
                            Method::POST,
                            "/api/partner/agreements",
                            Some(json!({ "kind": "mpn", "version": "2026-09" })),
                        )
                        .await
                }
                Action::DownloadAgreement => {
                    client.get("/api/partner/agreements/none/document").await
                }
                Action::ListUsers => client.get("/api/users").await,
                Action::ManageUsers => {
                    client
                        .raw(
                            Method::PATCH,
                            &format!("/api/users/{}", target.id),
                            Some(json!({})),
                        )
                        .await
                }
            };
            let refused = answer.status == 403;
            assert_eq!(
                refused,
                !action.allowed_for(&[role]),
                "{role:?} {action:?}: {}",
                answer.status
            );
        }
    }
}

/// `POST /api/users/import` with these rows.
async fn import(client: &Client, users: serde_json::Value) -> Answer {
    client
        .raw(
            Method::POST,
            "/api/users/import",
            Some(json!({ "users": users })),
        )
        .await
}

#[tokio::test]
async fn an_import_creates_every_row_or_none_and_reports_every_problem() {
    let server = start().await;
    let (admin, _) = server.tenant("contoso").await;
    let row = |i: usize| json!({ "first_name": "Léa", "last_name": format!("Roux {i}"), "email": format!("lea{i}@contoso.fr"), "roles": ["sales_agent"] });

    // Every rule, every row, nothing written.
    let bad = json!([row(0), { "first_name": "", "last_name": "X", "email": "nope", "roles": [] }, row(0)]);
    let body = import(&admin, bad).await.error(422, ErrorKind::Validation);
    assert_eq!(body.fields["users.1.first_name"], ["required"]);
    assert_eq!(body.fields["users.1.email"], ["email.format"]);
    assert_eq!(body.fields["users.2.email"], ["email.duplicate"]);
    let list: UserList = admin.get("/api/users").await.json();
    assert_eq!(list.total, 1, "nothing written");

    // An email already in use: 409 on its row, nothing written.
    add(&admin, "Léa", "Roux", "lea1@contoso.fr", &[]).await;
    import(&admin, json!([row(0), row(1)])).await.field(
        409,
        ErrorKind::Conflict,
        "users.1.email",
        "email.taken",
    );
    let list: UserList = admin.get("/api/users").await.json();
    assert_eq!(list.total, 2);

    // A thousand rows (over the usual 64 KiB) in one go.
    let users: Vec<_> = (2..1002).map(row).collect();
    let imported: partner_domain::ImportedUsers = admin
        .ok(
            Method::POST,
            "/api/users/import",
            Some(&json!({ "users": users })),
            201,
        )
        .await;
    assert_eq!(imported.created.len(), 1000);
    assert_eq!(imported.created[0].email, "lea2@contoso.fr");
    assert_eq!(imported.created[0].roles, [Role::SalesAgent]);
    let list: UserList = admin.get("/api/users?limit=1").await.json();
    assert_eq!(list.total, 1002);

    // More than a thousand: refused as a rule; far more: refused by size.
    let users: Vec<_> = (0..1001).map(|i| row(5000 + i)).collect();
    import(&admin, json!(users)).await.field(
        422,
        ErrorKind::Validation,
        "users",
        "import.too_many",
    );
    let users: Vec<_> = (0..3000).map(|i| row(9000 + i)).collect();
    import(&admin, json!(users))
        .await
        .error(413, ErrorKind::PayloadTooLarge);

    // Only those who manage users may import.
    let reader = add(&admin, "Lu", "Seul", "lu@contoso.fr", &[Role::ReportViewer]).await;
    let client = server.client();
    client
        .sign_in(&reader.user.email, &reader.temporary_password)
        .await;
    import(&client, json!([row(20000)]))
        .await
        .error(403, ErrorKind::Forbidden);
}
