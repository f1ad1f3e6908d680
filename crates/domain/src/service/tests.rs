//! The rulebook on the in-memory store, with a clock the test moves. The API's scenarios run
//! on both real backends in the contract suite (`crates/contract`); these check what only a
//! controlled clock can show.

use std::cell::Cell;

use futures_executor::block_on;

use super::*;
use crate::{
    limits::{SESSION_IDLE_S, SIGN_IN_WINDOW_S},
    Credentials, NewAdmin, NewTenant,
};

struct TestEnv {
    now: Cell<i64>,
    counter: Cell<u8>,
}

impl Env for TestEnv {
    fn now(&self) -> i64 {
        self.now.get()
    }
    fn random(&self) -> [u8; 32] {
        self.counter.set(self.counter.get().wrapping_add(1));
        [self.counter.get(); 32]
    }
    fn vetting_delay_s(&self) -> i64 {
        30
    }
    async fn hash_password(&self, password: &str) -> StoreResult<String> {
        Ok(format!("hashed:{password}"))
    }
    async fn verify_password(&self, password: &str, hash: &str) -> bool {
        hash.strip_prefix("hashed:") == Some(password)
    }
}

use crate::fixtures::PASSWORD;

fn store_with_tenant() -> MemoryStore<TestEnv> {
    let mut store = MemoryStore {
        data: MemoryData::default(),
        env: TestEnv {
            now: Cell::new(1_796_029_200),
            counter: Cell::new(0),
        },
    };
    block_on(create_tenant(
        &mut store,
        NewTenant {
            company_name: "Contoso".into(),
            domain_prefix: "contoso".into(),
            country: "FR".into(),
            admin: NewAdmin {
                first_name: "Éloïse".into(),
                last_name: "Lefèvre".into(),
                password: PASSWORD.into(),
            },
        },
    ))
    .unwrap();
    store
}

fn credentials(password: &str) -> Credentials {
    Credentials {
        email: " Admin@Contoso.onmicrosoft.com ".into(),
        password: password.into(),
    }
}

#[test]
fn sessions_slide_with_use_and_end_when_idle() {
    let mut store = store_with_tenant();
    let signed_in = block_on(sign_in(&mut store, &credentials(PASSWORD), "c1")).unwrap();
    let token = Some(signed_in.token.as_str());
    store.env.now.set(store.env.now() + SESSION_IDLE_S - 10);
    assert!(
        block_on(session(&mut store, token)).is_ok(),
        "used just in time"
    );
    store.env.now.set(store.env.now() + SESSION_IDLE_S - 10);
    assert!(
        block_on(session(&mut store, token)).is_ok(),
        "the last use moved the expiry"
    );
    store.env.now.set(store.env.now() + SESSION_IDLE_S);
    let expired = block_on(session(&mut store, token)).unwrap_err();
    assert_eq!(expired.body().error, crate::ErrorKind::Unauthenticated);
}

#[test]
fn failures_leave_the_window_and_a_success_forgets_them() {
    let mut store = store_with_tenant();
    for _ in 0..5 {
        let wrong = block_on(sign_in(&mut store, &credentials("Wrong-password-1"), "c1"));
        assert_eq!(
            wrong.unwrap_err().body().error,
            crate::ErrorKind::Unauthenticated
        );
    }
    match block_on(sign_in(&mut store, &credentials(PASSWORD), "c1")) {
        Err(ServiceError::RateLimited(wait)) => assert_eq!(wait, SIGN_IN_WINDOW_S as u64),
        other => panic!("expected 429, got {other:?}"),
    }
    store.env.now.set(store.env.now() + SIGN_IN_WINDOW_S);
    assert!(block_on(sign_in(&mut store, &credentials(PASSWORD), "c1")).is_ok());
}

#[test]
fn the_simulated_business_check_approves_once_due() {
    let mut store = store_with_tenant();
    let signed_in = block_on(sign_in(&mut store, &credentials(PASSWORD), "c1")).unwrap();
    let me = signed_in.me;
    let profile: crate::ProfileRequest = crate::fixtures::profile();
    block_on(put_profile(&mut store, &me, profile)).unwrap();
    let link = block_on(outbox(&mut store, None)).unwrap()[0]
        .link
        .clone()
        .unwrap();
    block_on(verify_email(&mut store, link.split('=').nth(1).unwrap())).unwrap();
    let pending = block_on(partner(&mut store, &me)).unwrap();
    assert_eq!(
        pending.verification.status,
        crate::VerificationStatus::BusinessPending
    );
    store.env.now.set(store.env.now() + 30);
    let approved = block_on(partner(&mut store, &me)).unwrap();
    assert_eq!(
        approved.verification.status,
        crate::VerificationStatus::Authorized
    );
}

#[test]
fn failures_from_a_stranger_do_not_lock_the_owner_out() {
    let mut store = store_with_tenant();
    for _ in 0..10 {
        let _ = block_on(sign_in(
            &mut store,
            &credentials("Wrong-password-1"),
            "stranger",
        ));
    }
    let stranger = block_on(sign_in(&mut store, &credentials(PASSWORD), "stranger"));
    assert!(matches!(stranger, Err(ServiceError::RateLimited(_))));
    assert!(block_on(sign_in(&mut store, &credentials(PASSWORD), "owner")).is_ok());
}

#[test]
fn a_client_trying_many_emails_is_limited_too() {
    let mut store = store_with_tenant();
    for i in 0..crate::limits::SIGN_IN_FAILURES_PER_CLIENT {
        let guess = Credentials {
            email: format!("guess{i}@contoso.onmicrosoft.com"),
            password: "Wrong-password-1".into(),
        };
        let _ = block_on(sign_in(&mut store, &guess, "scanner"));
    }
    let scanner = block_on(sign_in(&mut store, &credentials(PASSWORD), "scanner"));
    assert!(matches!(scanner, Err(ServiceError::RateLimited(_))));
}

#[test]
fn housekeeping_forgets_expired_sessions_and_week_old_links_and_emails() {
    let mut store = store_with_tenant();
    let first = block_on(sign_in(&mut store, &credentials(PASSWORD), "c1")).unwrap();
    block_on(put_profile(
        &mut store,
        &first.me,
        crate::fixtures::profile(),
    ))
    .unwrap();
    let link = block_on(outbox(&mut store, None)).unwrap()[0]
        .link
        .clone()
        .unwrap();
    let token = link.split('=').nth(1).unwrap().to_owned();
    let first_session = hash_token(&first.token);

    // Fifteen days later: the link has been dead over a week, the first session for days.
    store.env.now.set(store.env.now() + 15 * 24 * 3600);
    let expired = block_on(verify_email(&mut store, &token)).unwrap_err();
    assert_eq!(expired.body().error, crate::ErrorKind::Expired);
    assert!(block_on(store.session(&first_session)).unwrap().is_some());

    block_on(housekeeping(&mut store)).unwrap();
    assert!(block_on(store.session(&first_session)).unwrap().is_none());
    assert!(
        block_on(outbox(&mut store, None)).unwrap().is_empty(),
        "no raw link kept"
    );
    let gone = block_on(verify_email(&mut store, &token)).unwrap_err();
    assert_eq!(gone.body().error, crate::ErrorKind::NotFound);
}

#[test]
fn a_temporary_password_works_seven_days() {
    let mut store = store_with_tenant();
    let admin = block_on(sign_in(&mut store, &credentials(PASSWORD), "c1"))
        .unwrap()
        .me;
    let created = block_on(create_user(
        &mut store,
        &admin,
        crate::NewUser {
            first_name: "Léa".into(),
            last_name: "Roux".into(),
            email: "lea@contoso.onmicrosoft.com".into(),
            roles: vec![],
        },
    ))
    .unwrap();
    let temporary = Credentials {
        email: "lea@contoso.onmicrosoft.com".into(),
        password: created.temporary_password.clone(),
    };
    store.env.now.set(store.env.now() + 7 * 24 * 3600 - 60);
    assert!(
        block_on(sign_in(&mut store, &temporary, "c2"))
            .unwrap()
            .me
            .must_change_password
    );
    store.env.now.set(store.env.now() + 120);
    let expired = block_on(sign_in(&mut store, &temporary, "c2")).unwrap_err();
    assert_eq!(expired.body().error, crate::ErrorKind::Expired);
    let wrong = Credentials {
        password: "Wrong-password-1".into(),
        ..temporary.clone()
    };
    let refused = block_on(sign_in(&mut store, &wrong, "c3")).unwrap_err();
    assert_eq!(
        refused.body().error,
        crate::ErrorKind::Unauthenticated,
        "said only to who knows it"
    );

    // A reset gives seven days again.
    let reset = block_on(reset_password(&mut store, &admin, &created.user.id)).unwrap();
    let again = Credentials {
        password: reset.temporary_password,
        ..temporary
    };
    assert!(block_on(sign_in(&mut store, &again, "c2")).is_ok());
}
