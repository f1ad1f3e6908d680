//! The mock backend answers like API.md: the same scenario as the server's integration tests,
//! run against `MockBackend` in a real browser.
#![cfg(target_arch = "wasm32")]

mod support;

use partner_center::{
    api::{ApiError, Backend, MockBackend},
    config::MockOptions,
};
use partner_domain::{
    AcceptAgreement, Address, Credentials, ErrorKind, LegalProfile, NewAdmin, NewTenant, NewUser,
    PrimaryContact, ProfileRequest, Role, UserPatch, UserQuery, VerificationStatus,
    VettingDecision,
};
use support::clear_storage;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PASSWORD: &str = "Correct-horse-9battery";

fn backend() -> MockBackend {
    clear_storage();
    MockBackend::new(MockOptions {
        vetting_delay_s: 3600,
        ..MockOptions::default()
    })
}

fn tenant(prefix: &str) -> NewTenant {
    NewTenant {
        company_name: format!("{prefix} SAS"),
        domain_prefix: prefix.into(),
        country: "FR".into(),
        admin: NewAdmin {
            first_name: "Éloïse".into(),
            last_name: "Lefèvre".into(),
            password: PASSWORD.into(),
        },
    }
}

fn profile() -> ProfileRequest {
    ProfileRequest {
        legal_profile: LegalProfile {
            legal_name: "Fabrikam SARL".into(),
            address: Address {
                line1: "3 quai des Chartrons".into(),
                line2: String::new(),
                city: "Bordeaux".into(),
                region: String::new(),
                postal_code: "33000".into(),
                country: "FR".into(),
            },
            phone: "+33 5 56 00 00 00".into(),
            website: String::new(),
        },
        primary_contact: PrimaryContact {
            first_name: "Jean".into(),
            last_name: "Dupont".into(),
            email: "jean.dupont@fabrikam.fr".into(),
            phone: "+33 6 12 34 56 78".into(),
        },
    }
}

/// Asserts an API error of this status and kind, and returns its field codes.
fn refused<T: std::fmt::Debug>(
    answer: Result<T, ApiError>,
    status: u16,
    kind: ErrorKind,
) -> partner_domain::FieldErrors {
    match answer {
        Err(ApiError::Api { status: got, body }) => {
            assert_eq!((got, body.error), (status, kind), "{}", body.message);
            body.fields
        }
        other => panic!("expected {status} {kind:?}, got {other:?}"),
    }
}

async fn signed_in_admin(backend: &MockBackend, prefix: &str) {
    let created = backend.create_tenant(tenant(prefix)).await.unwrap();
    backend
        .sign_in(Credentials {
            email: created.admin.email,
            password: PASSWORD.into(),
        })
        .await
        .unwrap();
}

#[wasm_bindgen_test]
async fn work_accounts_and_sessions() {
    let backend = backend();
    let created = backend.create_tenant(tenant("fabrikam")).await.unwrap();
    assert_eq!(created.admin.email, "admin@fabrikam.onmicrosoft.com");
    let fields = refused(
        backend.create_tenant(tenant("fabrikam")).await,
        409,
        ErrorKind::Conflict,
    );
    assert_eq!(fields["domain_prefix"], ["domain_prefix.taken"]);
    let fields = refused(
        backend.create_tenant(tenant("No Way")).await,
        422,
        ErrorKind::Validation,
    );
    assert_eq!(fields["domain_prefix"], ["domain_prefix.format"]);

    refused(backend.session().await, 401, ErrorKind::Unauthenticated);
    let me = backend
        .sign_in(Credentials {
            email: "ADMIN@fabrikam.onmicrosoft.com".into(),
            password: PASSWORD.into(),
        })
        .await
        .unwrap();
    assert_eq!(me.user.roles, [Role::GlobalAdmin]);
    assert_eq!(backend.session().await.unwrap(), me);
    backend.sign_out().await.unwrap();
    refused(backend.session().await, 401, ErrorKind::Unauthenticated);

    let wrong = || Credentials {
        email: "admin@fabrikam.onmicrosoft.com".into(),
        password: "nope".into(),
    };
    for _ in 0..5 {
        refused(
            backend.sign_in(wrong()).await,
            401,
            ErrorKind::Unauthenticated,
        );
    }
    refused(backend.sign_in(wrong()).await, 429, ErrorKind::RateLimited);
}

#[wasm_bindgen_test]
async fn enrollment_verification_and_agreement() {
    let backend = backend();
    signed_in_admin(&backend, "fabrikam").await;
    refused(backend.partner().await, 404, ErrorKind::NotFound);
    let mut bad = profile();
    bad.legal_profile.address.postal_code = "330".into();
    let fields = refused(backend.put_profile(bad).await, 422, ErrorKind::Validation);
    assert_eq!(
        fields["legal_profile.address.postal_code"],
        ["postal_code.format"]
    );

    let partner = backend.put_profile(profile()).await.unwrap();
    assert_eq!(
        partner.verification.status,
        VerificationStatus::EmailPending
    );
    assert_eq!(partner.mpn_id.len(), 7);
    assert_eq!(partner.legal_profile.phone, "+33556000000");
    refused(
        backend.resend_contact_verification().await,
        429,
        ErrorKind::RateLimited,
    );

    let outbox = backend.dev_outbox().await.unwrap();
    assert_eq!(outbox[0].to, "jean.dupont@fabrikam.fr");
    let token = outbox[0]
        .link
        .as_deref()
        .unwrap()
        .split("token=")
        .nth(1)
        .unwrap()
        .to_owned();
    let verified = backend.verify_email(token.clone()).await.unwrap();
    assert_eq!(verified.email, "jean.dupont@fabrikam.fr");
    refused(backend.verify_email(token).await, 409, ErrorKind::Conflict);
    refused(
        backend.verify_email("nope".into()).await,
        404,
        ErrorKind::NotFound,
    );
    assert_eq!(
        backend.partner().await.unwrap().verification.status,
        VerificationStatus::BusinessPending
    );
    let authorized = backend
        .dev_vetting(partner.id.clone(), VettingDecision::Authorize)
        .await
        .unwrap();
    assert_eq!(
        authorized.verification.status,
        VerificationStatus::Authorized
    );

    let text = backend
        .current_agreement("mpn".into(), "fr-FR".into())
        .await
        .unwrap();
    assert_eq!(text.title, "Contrat Microsoft Partner Network");
    let english = backend
        .current_agreement("mpn".into(), "en-US".into())
        .await
        .unwrap();
    assert_eq!(english.title, "Microsoft Partner Network agreement");
    let old = AcceptAgreement {
        kind: "mpn".into(),
        version: "1999-01".into(),
    };
    let fields = refused(
        backend.accept_agreement(old, "fr-FR".into()).await,
        422,
        ErrorKind::Validation,
    );
    assert_eq!(fields["version"], ["agreement.not_current"]);
    let current = AcceptAgreement {
        kind: "mpn".into(),
        version: text.version.clone(),
    };
    let accepted = backend
        .accept_agreement(current.clone(), "fr-FR".into())
        .await
        .unwrap();
    assert_eq!(accepted.accepted_by.email, "admin@fabrikam.onmicrosoft.com");
    refused(
        backend.accept_agreement(current, "fr-FR".into()).await,
        409,
        ErrorKind::Conflict,
    );
    let partner = backend.partner().await.unwrap();
    assert_eq!(partner.programs[0].status, "active");

    let document = backend.agreement_document(accepted.id).await.unwrap();
    let content = String::from_utf8(document.bytes).unwrap();
    assert!(
        content.contains("Contrat Microsoft Partner Network") && content.contains("Éloïse Lefèvre")
    );
    assert!(document.filename.ends_with(".txt"));
}

#[wasm_bindgen_test]
async fn users_search_roles_and_the_last_global_admin() {
    let backend = backend();
    signed_in_admin(&backend, "fabrikam").await;
    let add = |first: &str, last: &str, email: &str, roles: Vec<Role>| NewUser {
        first_name: first.into(),
        last_name: last.into(),
        email: email.into(),
        roles,
    };
    let jerome = backend
        .create_user(add(
            "Jérôme",
            "Lefèvre",
            "jerome@fabrikam.fr",
            vec![Role::SalesAgent],
        ))
        .await
        .unwrap();
    assert_eq!(validate_password(&jerome.temporary_password), Ok(()));
    let fields = refused(
        backend
            .create_user(add("J", "L", "Jerome@fabrikam.fr", vec![]))
            .await,
        409,
        ErrorKind::Conflict,
    );
    assert_eq!(fields["email"], ["email.taken"]);

    let found = backend
        .users(UserQuery {
            q: "LEFEVRE jerome".into(),
            ..UserQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(
        (found.total, found.items[0].id.as_str()),
        (1, jerome.user.id.as_str())
    );
    let all = backend.users(UserQuery::default()).await.unwrap();
    let names: Vec<String> = all.items.iter().map(|u| u.display_name()).collect();
    assert_eq!(names, ["Éloïse Lefèvre", "Jérôme Lefèvre"]);
    let sales = backend
        .users(UserQuery {
            role: Some(Role::SalesAgent),
            ..UserQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(sales.total, 1);

    let patch = UserPatch {
        roles: Some(vec![Role::AdminAgent, Role::SalesAgent]),
        ..UserPatch::default()
    };
    let updated = backend
        .update_user(jerome.user.id.clone(), patch)
        .await
        .unwrap();
    assert_eq!(updated.roles, [Role::AdminAgent, Role::SalesAgent]);

    let me = backend.session().await.unwrap();
    let demote = UserPatch {
        roles: Some(vec![Role::AdminAgent]),
        ..UserPatch::default()
    };
    let fields = refused(
        backend.update_user(me.user.id.clone(), demote).await,
        409,
        ErrorKind::Conflict,
    );
    assert_eq!(fields["roles"], ["last_global_admin"]);
    refused(
        backend.delete_user(me.user.id.clone()).await,
        409,
        ErrorKind::Conflict,
    );

    let reset = backend
        .reset_password(jerome.user.id.clone())
        .await
        .unwrap();
    assert_ne!(reset.temporary_password, jerome.temporary_password);

    // A Sales agent may read but not manage.
    backend.sign_out().await.unwrap();
    let jerome_now = backend
        .sign_in(Credentials {
            email: "jerome@fabrikam.fr".into(),
            password: reset.temporary_password,
        })
        .await
        .unwrap();
    assert!(jerome_now.must_change_password);
    backend
        .update_user(
            jerome.user.id.clone(),
            UserPatch {
                roles: Some(vec![Role::SalesAgent]),
                ..UserPatch::default()
            },
        )
        .await
        .unwrap();
    refused(
        backend
            .create_user(add("A", "B", "ab@fabrikam.fr", vec![]))
            .await,
        403,
        ErrorKind::Forbidden,
    );
    assert_eq!(backend.users(UserQuery::default()).await.unwrap().total, 2);
    refused(
        backend.delete_user(me.user.id).await,
        403,
        ErrorKind::Forbidden,
    );
}

#[wasm_bindgen_test]
async fn latency_and_failures_can_be_simulated() {
    clear_storage();
    let failing = MockBackend::new(MockOptions {
        failure_rate: 1.0,
        ..MockOptions::default()
    });
    match failing.health().await {
        Err(ApiError::Server { status: 503, .. }) => {}
        other => panic!("expected a simulated 503, got {other:?}"),
    }
    let slow = MockBackend::new(MockOptions {
        latency_ms: 120,
        ..MockOptions::default()
    });
    let start = js_sys::Date::now();
    slow.health().await.unwrap();
    assert!(
        js_sys::Date::now() - start >= 100.0,
        "the configured latency is applied"
    );
}

fn validate_password(password: &str) -> Result<(), &'static str> {
    partner_domain::validate::password(password, "")
}

#[wasm_bindgen_test]
async fn an_import_is_all_or_nothing_with_every_problem_reported() {
    let backend = backend();
    signed_in_admin(&backend, "fabrikam").await;
    let row = |i: usize| NewUser {
        first_name: "Léa".into(),
        last_name: format!("Roux {i}"),
        email: format!("lea{i}@fabrikam.fr"),
        roles: vec![Role::SalesAgent],
    };
    let total = |list: partner_domain::UserList| list.total;
    let all = || UserQuery {
        limit: Some(10_000),
        ..UserQuery::default()
    };

    let bad = partner_domain::ImportUsers {
        users: vec![
            row(0),
            NewUser {
                first_name: String::new(),
                email: "nope".into(),
                ..row(1)
            },
            row(0),
        ],
    };
    let fields = refused(backend.import_users(bad).await, 422, ErrorKind::Validation);
    assert_eq!(fields["users.1.first_name"], ["required"]);
    assert_eq!(fields["users.1.email"], ["email.format"]);
    assert_eq!(fields["users.2.email"], ["email.duplicate"]);
    assert_eq!(
        total(backend.users(all()).await.unwrap()),
        1,
        "nothing written"
    );

    backend.create_user(row(1)).await.unwrap();
    let taken = partner_domain::ImportUsers {
        users: vec![row(0), row(1)],
    };
    let fields = refused(backend.import_users(taken).await, 409, ErrorKind::Conflict);
    assert_eq!(fields["users.1.email"], ["email.taken"]);
    assert_eq!(total(backend.users(all()).await.unwrap()), 2);

    let good = partner_domain::ImportUsers {
        users: (2..12).map(row).collect(),
    };
    let imported = backend.import_users(good).await.unwrap();
    assert_eq!(imported.created.len(), 10);
    assert_eq!(imported.created[0].roles, [Role::SalesAgent]);
    assert_eq!(total(backend.users(all()).await.unwrap()), 12);

    // A reader may not import.
    let reader = backend
        .create_user(NewUser {
            roles: vec![Role::ReportViewer],
            ..row(99)
        })
        .await
        .unwrap();
    backend
        .sign_in(Credentials {
            email: reader.user.email,
            password: reader.temporary_password,
        })
        .await
        .unwrap();
    refused(
        backend
            .import_users(partner_domain::ImportUsers {
                users: vec![row(100)],
            })
            .await,
        403,
        ErrorKind::Forbidden,
    );
}
