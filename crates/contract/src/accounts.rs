//! Work accounts and sessions (docs/API.md, "Work accounts and sessions").

use partner_domain::{limits::SIGN_IN_FAILURES_PER_EMAIL, ErrorKind, Role};

use crate::{fixtures::*, refused, refused_on, Api, Target};

pub async fn work_accounts_and_sessions<T: Target>() {
    let target = T::start(30).await;
    let client = target.client();
    let created = client.create_tenant(&new_tenant("contoso")).await.unwrap();
    assert_eq!(created.tenant.domain, "contoso.onmicrosoft.com");
    assert_eq!(created.admin.email, "admin@contoso.onmicrosoft.com");

    refused(client.session().await, 401, ErrorKind::Unauthenticated);
    let me = client
        .sign_in("ADMIN@contoso.onmicrosoft.com ", PASSWORD)
        .await
        .unwrap();
    assert_eq!(me.user.roles, vec![Role::GlobalAdmin]);
    assert_eq!(me.user.display_name(), "Éloïse Lefèvre");
    assert_eq!(me.tenant.name, "contoso SAS");
    assert_eq!(me.tenant.domain, "contoso.onmicrosoft.com");
    assert_eq!(me.partner_id, None);
    assert!(!me.must_change_password);

    assert_eq!(client.session().await.unwrap(), me);
    // Another browser has its own session.
    refused(
        target.client().session().await,
        401,
        ErrorKind::Unauthenticated,
    );
    client.sign_out().await.unwrap();
    refused(client.session().await, 401, ErrorKind::Unauthenticated);
    client.sign_out().await.unwrap();
}

pub async fn work_account_errors<T: Target>() {
    let target = T::start(30).await;
    let client = target.client();
    client.create_tenant(&new_tenant("fabrikam")).await.unwrap();
    refused_on(
        client.create_tenant(&new_tenant("fabrikam")).await,
        409,
        ErrorKind::Conflict,
        "domain_prefix",
        "domain_prefix.taken",
    );
    let mut bad = new_tenant("Bad Prefix");
    bad.admin.password = "short".into();
    bad.admin.first_name = " ".into();
    let fields = refused(client.create_tenant(&bad).await, 422, ErrorKind::Validation);
    assert_eq!(fields["domain_prefix"], ["domain_prefix.format"]);
    assert_eq!(fields["admin.password"], ["password.too_short"]);
    assert_eq!(fields["admin.first_name"], ["required"]);
}

pub async fn one_answer_for_any_bad_pair_then_rate_limited<T: Target>() {
    let target = T::start(30).await;
    let (_, me) = tenant(&target, "contoso").await;
    let client = target.client();
    let wrong = client.sign_in(&me.user.email, "nope").await.unwrap_err();
    let unknown = client
        .sign_in("who@contoso.onmicrosoft.com", "nope")
        .await
        .unwrap_err();
    assert_eq!(
        (wrong.status, wrong.body.error),
        (401, ErrorKind::Unauthenticated)
    );
    assert_eq!(wrong, unknown, "no account enumeration");
    for _ in 1..SIGN_IN_FAILURES_PER_EMAIL {
        refused(
            client.sign_in(&me.user.email, "nope").await,
            401,
            ErrorKind::Unauthenticated,
        );
    }
    // Even the right password waits now.
    refused(
        client.sign_in(&me.user.email, PASSWORD).await,
        429,
        ErrorKind::RateLimited,
    );
}

pub async fn changing_the_password<T: Target>() {
    let target = T::start(30).await;
    let (client, me) = tenant(&target, "contoso").await;
    let elsewhere = target.client();
    elsewhere.sign_in(&me.user.email, PASSWORD).await.unwrap();
    refused_on(
        client.change_password("wrong", "Another-horse-7").await,
        422,
        ErrorKind::Validation,
        "current_password",
        "password.wrong",
    );
    refused_on(
        client.change_password(PASSWORD, "weak").await,
        422,
        ErrorKind::Validation,
        "new_password",
        "password.too_short",
    );
    refused_on(
        client.change_password(PASSWORD, PASSWORD).await,
        422,
        ErrorKind::Validation,
        "new_password",
        "password.unchanged",
    );
    client
        .change_password(PASSWORD, "Another-horse-7")
        .await
        .unwrap();
    // Whoever else knew the old password is signed out; this session goes on.
    refused(elsewhere.session().await, 401, ErrorKind::Unauthenticated);
    assert_eq!(client.session().await.unwrap().user, me.user);
    let again = target.client();
    refused(
        again.sign_in(&me.user.email, PASSWORD).await,
        401,
        ErrorKind::Unauthenticated,
    );
    again
        .sign_in(&me.user.email, "Another-horse-7")
        .await
        .unwrap();
    refused(
        target.client().change_password("a", "b").await,
        401,
        ErrorKind::Unauthenticated,
    );
}
