//! `--copy-from` (`cargo xtask migrate-db`): a SQLite database in use moves to PostgreSQL whole:
//! the same people sign in with the same passwords and find the same users, partner, documents,
//! signed agreements and activity, and new activity is numbered after the old.

mod common;

use common::*;
use partner_contract::{latest_link, profile, Api};
use partner_domain::{
    supporting::SupportingDocument, ActivityQuery, AgreementKind, Lang, Partner, Role, UserQuery,
};
use partner_server::{copy_database, CopyError};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn a_sqlite_database_moves_to_postgresql_whole() {
    let Some(server) = postgres_server_or_skip() else {
        return;
    };
    let old = start_on_sqlite().await;
    let (client, me) = old.tenant("contoso").await;
    let partner: Partner = client
        .ok(Method::PUT, "/api/partner/profile", Some(&profile()), 200)
        .await;
    let agreement = client
        .current_agreement(AgreementKind::Mpn, Lang::Fr)
        .await
        .unwrap();
    client
        .accept_agreement(AgreementKind::Mpn, &agreement.version, Lang::Fr)
        .await
        .unwrap();
    let token = latest_link(&client, "jean.dupont@contoso.fr").await;
    old.client().verify_email(&token).await.unwrap();
    let asked = json!({ "decision": "action_required", "reason": "document_unreadable" });
    client
        .ok::<_, Partner>(
            Method::POST,
            &format!("/api/dev/vetting/{}", partner.id),
            Some(&asked),
            200,
        )
        .await;
    let pdf = b"%PDF-1.4\n\x00\xff binary %%EOF\n".to_vec();
    let sent: SupportingDocument = client
        .upload("/api/partner/documents?name=Kbis.pdf", pdf.clone())
        .await
        .json();
    client.seed(150).await.unwrap();
    let invited = client
        .create_user(&partner_contract::new_user(
            "Zoé",
            "Martin",
            "zoe@contoso.onmicrosoft.com",
            &[Role::SalesAgent],
        ))
        .await
        .unwrap();
    let everyone = UserQuery {
        limit: Some(1000),
        ..UserQuery::default()
    };
    let users = client.users(&everyone).await.unwrap();
    let activity = client.activity(&ActivityQuery::default()).await.unwrap();
    let partner = client.partner().await.unwrap();

    let target = new_postgres_database(&server).await;
    let copied = copy_database(&old.database, &target).await.unwrap();
    let rows = |table: &str| copied.iter().find(|(t, _)| *t == table).unwrap().1;
    assert_eq!(rows("users"), 152);
    assert_eq!(rows("documents"), 1);
    assert!(rows("activity") >= activity.items.len() as u64);
    assert!(matches!(
        copy_database(&old.database, &target).await,
        Err(CopyError::NotEmpty(1))
    ));
    assert!(matches!(
        copy_database(&target, &old.database).await,
        Err(CopyError::Engines)
    ));
    let missing = format!("sqlite:{}", old.dir.path().join("typo.db").display());
    assert!(matches!(
        copy_database(&missing, &target).await,
        Err(CopyError::NoSource(_))
    ));

    let moved = start_configured(|options| options.database = target).await;
    let client = moved.client();
    client.sign_in(&me.user.email, PASSWORD).await;
    assert_eq!(client.users(&everyone).await.unwrap(), users);
    assert_eq!(client.partner().await.unwrap(), partner);
    assert_eq!(
        client.activity(&ActivityQuery::default()).await.unwrap(),
        activity
    );
    let download = client
        .get(&format!("/api/partner/documents/{}", sent.id))
        .await;
    assert_eq!(download.bytes, pdf);
    assert_eq!(partner.agreements.len(), 1);
    client
        .agreement_document(&partner.agreements[0].id)
        .await
        .unwrap();
    let found = client
        .users(&UserQuery {
            q: "zoe martin".into(),
            ..UserQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(found.items, std::slice::from_ref(&invited.user));

    // The next record comes after every copied one.
    client.delete_user(&invited.user.id).await.unwrap();
    let newest = client.activity(&ActivityQuery::default()).await.unwrap();
    assert!(newest.items[0].id > activity.items[0].id);
}
