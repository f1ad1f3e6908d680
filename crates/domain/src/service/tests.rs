//! The rulebook on the in-memory store, with a clock the test moves. The API's scenarios run
//! on both real backends in the contract suite (`crates/contract`); these check what only a
//! controlled clock can show.

use std::cell::{Cell, RefCell};

use futures_executor::block_on;

use super::*;
use crate::{
    limits::{SESSION_IDLE_S, SIGN_IN_WINDOW_S},
    Credentials, NewAdmin, NewTenant,
};

struct TestEnv {
    now: Cell<i64>,
    counter: Cell<u8>,
    address: RefCell<String>,
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
    fn client_address(&self) -> Option<String> {
        Some(self.address.borrow().clone())
    }
}

/// `sign_in` from the client address `client`.
fn sign_in_from(
    store: &mut MemoryStore<TestEnv>,
    credentials: &Credentials,
    client: &str,
) -> ServiceResult<SignedIn> {
    *store.env.address.borrow_mut() = client.to_owned();
    block_on(sign_in(store, credentials))
}

use crate::fixtures::PASSWORD;

fn store_with_tenant() -> MemoryStore<TestEnv> {
    let mut store = MemoryStore {
        data: MemoryData::default(),
        env: TestEnv {
            now: Cell::new(1_796_029_200),
            counter: Cell::new(0),
            address: RefCell::new("192.0.2.1".into()),
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
    let signed_in = sign_in_from(&mut store, &credentials(PASSWORD), "c1").unwrap();
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
        let wrong = sign_in_from(&mut store, &credentials("Wrong-password-1"), "c1");
        assert_eq!(
            wrong.unwrap_err().body().error,
            crate::ErrorKind::Unauthenticated
        );
    }
    match sign_in_from(&mut store, &credentials(PASSWORD), "c1") {
        Err(ServiceError::RateLimited(wait)) => assert_eq!(wait, SIGN_IN_WINDOW_S as u64),
        other => panic!("expected 429, got {other:?}"),
    }
    store.env.now.set(store.env.now() + SIGN_IN_WINDOW_S);
    assert!(sign_in_from(&mut store, &credentials(PASSWORD), "c1").is_ok());
}

#[test]
fn the_simulated_business_check_approves_once_due() {
    let mut store = store_with_tenant();
    let signed_in = sign_in_from(&mut store, &credentials(PASSWORD), "c1").unwrap();
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
        let _ = sign_in_from(&mut store, &credentials("Wrong-password-1"), "stranger");
    }
    let stranger = sign_in_from(&mut store, &credentials(PASSWORD), "stranger");
    assert!(matches!(stranger, Err(ServiceError::RateLimited(_))));
    assert!(sign_in_from(&mut store, &credentials(PASSWORD), "owner").is_ok());
}

#[test]
fn a_client_trying_many_emails_is_limited_too() {
    let mut store = store_with_tenant();
    for i in 0..crate::limits::SIGN_IN_FAILURES_PER_CLIENT {
        let guess = Credentials {
            email: format!("guess{i}@contoso.onmicrosoft.com"),
            password: "Wrong-password-1".into(),
        };
        let _ = sign_in_from(&mut store, &guess, "scanner");
    }
    let scanner = sign_in_from(&mut store, &credentials(PASSWORD), "scanner");
    assert!(matches!(scanner, Err(ServiceError::RateLimited(_))));
}

#[test]
fn housekeeping_forgets_expired_sessions_and_week_old_links_and_emails() {
    let mut store = store_with_tenant();
    let _ = sign_in_from(&mut store, &credentials("wrong password"), "c1");
    let failures = |store: &mut MemoryStore<TestEnv>| {
        block_on(store.sign_in_failures("client:c1", 0))
            .unwrap()
            .len()
    };
    assert_eq!(failures(&mut store), 1);
    let first = sign_in_from(&mut store, &credentials(PASSWORD), "c1").unwrap();
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

    assert_eq!(failures(&mut store), 1, "asked for since the epoch");
    block_on(housekeeping(&mut store)).unwrap();
    assert_eq!(failures(&mut store), 0, "failures older than the window");
    assert!(block_on(store.session(&first_session)).unwrap().is_none());
    assert!(
        block_on(outbox(&mut store, None)).unwrap().is_empty(),
        "no raw link kept"
    );
    let gone = block_on(verify_email(&mut store, &token)).unwrap_err();
    assert_eq!(gone.body().error, crate::ErrorKind::NotFound);
}

/// Léa Roux, lea@contoso.onmicrosoft.com, added by `admin` with `roles`.
fn add_lea(
    store: &mut MemoryStore<TestEnv>,
    admin: &Me,
    roles: Vec<crate::Role>,
) -> crate::UserCreated {
    let lea = crate::NewUser {
        first_name: "Léa".into(),
        last_name: "Roux".into(),
        email: "lea@contoso.onmicrosoft.com".into(),
        roles,
    };
    block_on(create_user(store, admin, lea)).unwrap()
}

#[test]
fn a_temporary_password_works_seven_days() {
    let mut store = store_with_tenant();
    let admin = sign_in_from(&mut store, &credentials(PASSWORD), "c1")
        .unwrap()
        .me;
    let created = add_lea(&mut store, &admin, vec![]);
    // Léa has no access to her mailbox: the admin reveals a temporary password.
    let revealed = block_on(reset_password(&mut store, &admin, &created.user.id)).unwrap();
    let temporary = Credentials {
        email: "lea@contoso.onmicrosoft.com".into(),
        password: revealed.temporary_password.clone(),
    };
    store.env.now.set(store.env.now() + 7 * 24 * 3600 - 60);
    assert!(
        sign_in_from(&mut store, &temporary, "c2")
            .unwrap()
            .me
            .must_change_password
    );
    store.env.now.set(store.env.now() + 120);
    let expired = sign_in_from(&mut store, &temporary, "c2").unwrap_err();
    assert_eq!(expired.body().error, crate::ErrorKind::Expired);
    let wrong = Credentials {
        password: "Wrong-password-1".into(),
        ..temporary.clone()
    };
    let refused = sign_in_from(&mut store, &wrong, "c3").unwrap_err();
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
    assert!(sign_in_from(&mut store, &again, "c2").is_ok());
}

/// The log as lines (`fixtures::activity_line`, and the address), newest first.
fn log_of(
    store: &mut MemoryStore<TestEnv>,
    caller: &Me,
    query: crate::ActivityQuery,
) -> Vec<String> {
    let page = block_on(list_activity(store, caller, &query)).unwrap();
    page.items
        .iter()
        .map(|a| {
            let from = a.address.as_deref().unwrap_or("-");
            format!("{} from {from}", crate::fixtures::activity_line(a))
        })
        .collect()
}

#[test]
fn the_activity_log_says_who_changed_what_from_where_and_forgets_after_90_days() {
    use crate::{ActivityQuery, ActivityResource, Role};
    let mut store = store_with_tenant();
    let admin = sign_in_from(&mut store, &credentials(PASSWORD), "203.0.113.7")
        .unwrap()
        .me;
    let lea = add_lea(&mut store, &admin, vec![Role::SalesAgent]).user;
    let patch = crate::UserPatch {
        last_name: Some("Roux-Petit".into()),
        roles: Some(vec![Role::AccountAdmin, Role::SalesAgent]),
        ..crate::UserPatch::default()
    };
    block_on(update_user(&mut store, &admin, &lea.id, patch)).unwrap();
    block_on(put_profile(&mut store, &admin, crate::fixtures::profile())).unwrap();
    let mut moved = crate::fixtures::profile();
    moved.legal_profile.address.city = "Lyon".into();
    block_on(put_profile(&mut store, &admin, moved)).unwrap();
    let token = block_on(outbox(&mut store, None)).unwrap()[0]
        .link
        .clone()
        .unwrap();
    block_on(verify_email(&mut store, token.split('=').nth(1).unwrap())).unwrap();
    store.env.now.set(store.env.now() + 30);
    block_on(partner(&mut store, &admin)).unwrap();
    // Someone guesses Léa's password from elsewhere, until the limit.
    let guess = Credentials {
        email: "lea@contoso.onmicrosoft.com".into(),
        password: "Wrong-password-1".into(),
    };
    for _ in 0..crate::limits::SIGN_IN_FAILURES_PER_EMAIL {
        let _ = sign_in_from(&mut store, &guess, "198.51.100.9");
    }
    let mpn_id = block_on(partner(&mut store, &admin)).unwrap().mpn_id;
    let contact = crate::fixtures::profile().primary_contact.email;
    let by_admin = "by admin@contoso.onmicrosoft.com from 203.0.113.7";
    let lea_email = "lea@contoso.onmicrosoft.com";
    let everything = log_of(&mut store, &admin, ActivityQuery::default());
    assert_eq!(
        everything,
        [
            format!("sign_in blocked {lea_email} - -→- by nobody from 198.51.100.9"),
            format!("verification decided {mpn_id} - business_pending→authorized by nobody from -"),
            format!("primary_contact verified {contact} - -→- by nobody from 203.0.113.7"),
            format!("legal_profile changed Contoso SAS legal_profile.address.city Paris→Lyon {by_admin}"),
            format!("primary_contact created {contact} - -→- {by_admin}"),
            format!("legal_profile created Contoso SAS - -→- {by_admin}"),
            format!("roles changed {lea_email} - sales_agent→account_admin,sales_agent {by_admin}"),
            format!("user changed {lea_email} last_name Roux→Roux-Petit {by_admin}"),
            format!("roles changed {lea_email} - -→sales_agent {by_admin}"),
            format!("user created {lea_email} - -→Léa Roux {by_admin}"),
            "work_account created contoso.onmicrosoft.com - -→- by admin@contoso.onmicrosoft.com from 192.0.2.1".to_owned(),
        ]
    );

    // Filters: resource, user, dates; pages follow `next`.
    let roles = ActivityQuery {
        resource: Some(ActivityResource::Roles),
        ..ActivityQuery::default()
    };
    assert_eq!(
        log_of(&mut store, &admin, roles),
        [everything[6].clone(), everything[8].clone()]
    );
    let by_nobody_else = ActivityQuery {
        user: Some(lea.id.clone()),
        ..ActivityQuery::default()
    };
    assert!(log_of(&mut store, &admin, by_nobody_else).is_empty());
    let now = store.env.now();
    let future = ActivityQuery {
        since: Some(crate::clock::stamp(now + 1)),
        ..ActivityQuery::default()
    };
    assert!(log_of(&mut store, &admin, future).is_empty());
    let mut pages = Vec::new();
    let mut query = ActivityQuery {
        limit: Some(4),
        ..ActivityQuery::default()
    };
    loop {
        let page = block_on(list_activity(&mut store, &admin, &query)).unwrap();
        pages.push(page.items.len());
        match page.next {
            Some(next) => query.before = Some(next),
            None => break,
        }
    }
    assert_eq!(pages, [4, 4, 3]);
    let csv = block_on(export_activity(
        &mut store,
        &admin,
        &ActivityQuery::default(),
    ))
    .unwrap();
    assert_eq!(csv.lines().count(), 1 + everything.len());

    // Only Global admins and Account admins read it.
    let lea_me = block_on(store.me(&lea.id)).unwrap().unwrap();
    let sales = Me {
        user: crate::User {
            roles: vec![Role::SalesAgent],
            ..lea_me.user.clone()
        },
        ..lea_me.clone()
    };
    let refused = block_on(list_activity(&mut store, &sales, &ActivityQuery::default()));
    assert_eq!(
        refused.unwrap_err().body().error,
        crate::ErrorKind::Forbidden
    );
    assert!(block_on(list_activity(
        &mut store,
        &lea_me,
        &ActivityQuery::default()
    ))
    .is_ok());

    store
        .env
        .now
        .set(now + crate::limits::ACTIVITY_RETENTION_S + 1);
    block_on(housekeeping(&mut store)).unwrap();
    assert!(log_of(&mut store, &admin, ActivityQuery::default()).is_empty());
}

#[test]
fn seeded_activity_spreads_over_the_kept_days_oldest_first() {
    let mut store = store_with_tenant();
    let admin = sign_in_from(&mut store, &credentials(PASSWORD), "c1")
        .unwrap()
        .me;
    let before = log_of(&mut store, &admin, crate::ActivityQuery::default()).len();
    assert_eq!(block_on(seed_activity(&mut store, &admin, 30)).unwrap(), 30);
    let page = block_on(list_activity(
        &mut store,
        &admin,
        &crate::ActivityQuery::default(),
    ))
    .unwrap();
    assert_eq!(page.items.len(), before + 30);
    let seeded: Vec<&str> = page.items[..30].iter().map(|a| a.at.as_str()).collect();
    assert!(
        seeded.windows(2).all(|w| w[0] > w[1]),
        "newest first: {seeded:?}"
    );
    let oldest = crate::clock::parse_stamp(seeded[29]).unwrap();
    assert!(store.env.now() - oldest <= crate::limits::ACTIVITY_RETENTION_S);
    let too_many = block_on(seed_activity(
        &mut store,
        &admin,
        crate::limits::SEED_MAX_ACTIVITY + 1,
    ));
    assert_eq!(
        too_many.unwrap_err().body().error,
        crate::ErrorKind::Validation
    );
}

/// The token of the latest link emailed to `to`.
fn emailed_token(store: &mut MemoryStore<TestEnv>, to: &str) -> String {
    let outbox = block_on(outbox(store, None)).unwrap();
    let email = outbox.iter().find(|e| e.to == to).expect("an email");
    let link = email.link.as_deref().expect("a link");
    link.split("token=").nth(1).unwrap().to_owned()
}

#[test]
fn an_invitation_link_works_once_for_seven_days_and_is_resent_at_most_once_a_minute() {
    use crate::{AcceptInvitation, ErrorKind};
    let mut store = store_with_tenant();
    let admin = sign_in_from(&mut store, &credentials(PASSWORD), "c1")
        .unwrap()
        .me;
    let lea = "lea@contoso.onmicrosoft.com";
    let created = add_lea(&mut store, &admin, vec![]);
    assert_eq!(
        created.user.invited_at,
        Some(created.invitation.sent_at.clone())
    );
    let first = emailed_token(&mut store, lea);
    let accept = |token: &str| AcceptInvitation {
        token: token.to_owned(),
        password: "Lea-Roux-2026".into(),
    };
    // The link page checks a link before a password is typed: the same answers, nothing used.
    let check = |store: &mut MemoryStore<TestEnv>, token: &str| {
        let body = crate::CheckInvitation {
            token: token.to_owned(),
        };
        block_on(check_invitation(store, &body))
            .map(|pending| pending.email)
            .map_err(|e| e.body().error)
    };
    assert_eq!(check(&mut store, &first), Ok(lea.to_owned()));
    assert_eq!(
        check(&mut store, &first),
        Ok(lea.to_owned()),
        "checked, not used"
    );
    let resend = |store: &mut MemoryStore<TestEnv>| {
        block_on(resend_invitation(store, &admin, &created.user.id))
    };
    assert!(matches!(
        resend(&mut store),
        Err(ServiceError::RateLimited(60))
    ));

    // A week later the link no longer works; a new one does, and the first is replaced.
    store
        .env
        .now
        .set(store.env.now() + crate::limits::INVITATION_LIFETIME_S);
    let expired = block_on(accept_invitation(&mut store, &accept(&first))).unwrap_err();
    assert_eq!(expired.body().error, ErrorKind::Expired);
    assert_eq!(check(&mut store, &first), Err(ErrorKind::Expired));
    let again = resend(&mut store).unwrap();
    assert!(again.expires_at > created.invitation.expires_at);
    let second = emailed_token(&mut store, lea);
    assert_ne!(first, second);
    let replaced = block_on(accept_invitation(&mut store, &accept(&first))).unwrap_err();
    assert_eq!(replaced.body().error, ErrorKind::NotFound);
    assert_eq!(check(&mut store, &first), Err(ErrorKind::NotFound));
    let weak = AcceptInvitation {
        password: "short".into(),
        ..accept(&second)
    };
    let refused = block_on(accept_invitation(&mut store, &weak)).unwrap_err();
    assert_eq!(refused.body().error, ErrorKind::Validation);
    let accepted = block_on(accept_invitation(&mut store, &accept(&second))).unwrap();
    assert_eq!(accepted.email, lea);
    let used = block_on(accept_invitation(&mut store, &accept(&second))).unwrap_err();
    assert_eq!(used.body().error, ErrorKind::Conflict);
    assert_eq!(check(&mut store, &second), Err(ErrorKind::Conflict));
    let lea_in = Credentials {
        email: lea.into(),
        password: "Lea-Roux-2026".into(),
    };
    let signed_in = sign_in_from(&mut store, &lea_in, "c2").unwrap().me;
    assert_eq!(signed_in.user.invited_at, None);
    assert!(!signed_in.must_change_password);
    let done = resend(&mut store).unwrap_err();
    assert_eq!(done.body().error, ErrorKind::Conflict, "nothing to resend");
}
