//! An in-browser backend: the rulebook of `partner_domain::service` over a `MemoryStore` kept in
//! local storage, so that `trunk serve` and static hosting work with no server and tests run
//! without a network. It holds data only: every permission, transition, limit and error is the
//! rulebook's, as on `partner-server`. It can add latency and faults (`config.json`, `mock`).

use std::{
    cell::{Cell, RefCell},
    collections::BTreeMap,
    rc::Rc,
};

use gloo_storage::{LocalStorage, Storage};
use partner_domain::{
    document::Typeface,
    service::{self, Env, MemoryData, MemoryStore, ServiceError, StoreResult},
    supporting::SupportingDocument,
    AcceptAgreement, AcceptInvitation, ActivityPage, ActivityQuery, Agreement, AgreementAcceptance,
    AgreementKind, CheckInvitation, Credentials, EmailVerified, ErrorBody, ErrorKind, Health,
    ImportUsers, ImportedUsers, Invitation, InvitationAccepted, Lang, Me, NewTenant, NewUser,
    OutboxEmail, Partner, PasswordChange, PendingInvitation, ProfileRequest, TemporaryPassword,
    TenantCreated, User, UserCreated, UserList, UserPatch, UserQuery, Vetting,
};
use serde::{Deserialize, Serialize};

use super::{ApiError, ApiFuture, ApiResult, Backend, Document};
use crate::config::{BackendKind, FailureScope, MockOptions};

/// Versioned: a store written by an older build is replaced by a fresh demo, not misread.
pub const STORAGE_KEY: &str = "partner-center.mock.v4";
pub const DEMO_ADMIN_EMAIL: &str = "admin@contoso.onmicrosoft.com";
/// Shown on the sign-in page in demo mode; this data never leaves the browser.
pub const DEMO_ADMIN_PASSWORD: &str = "Contoso-demo-2026";
/// `DEMO_ADMIN_PASSWORD` hashed as `BrowserEnv` hashes (a test checks it), so that opening the
/// demo hashes nothing at start-up.
const DEMO_ADMIN_PASSWORD_HASH: &str =
    "$argon2id$v=19$m=64,t=1,p=1$ZGVtby1zYWx0LWNvbnRvc28$rrk9USO8C6B6gpNw63jTSrbvcyzTYkPh7LL6LnJAt14";

/// The browser's clock and random source, and argon2 at a cost fit for a demo.
struct BrowserEnv {
    vetting_delay_s: i64,
}

fn argon2() -> argon2::Argon2<'static> {
    let params = argon2::Params::new(64, 1, 1, None).expect("valid argon2 parameters");
    argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
}

impl Env for BrowserEnv {
    fn now(&self) -> i64 {
        (js_sys::Date::now() / 1000.0) as i64
    }

    fn random(&self) -> [u8; 32] {
        use wasm_bindgen::JsCast;
        let mut bytes = [0u8; 32];
        // `globalThis.crypto`: a page's, or Node's when unit tests run there.
        js_sys::Reflect::get(&js_sys::global(), &"crypto".into())
            .and_then(|crypto| crypto.dyn_into::<web_sys::Crypto>())
            .and_then(|crypto| crypto.get_random_values_with_u8_array(&mut bytes))
            .expect("crypto.getRandomValues works");
        bytes
    }

    fn vetting_delay_s(&self) -> i64 {
        self.vetting_delay_s
    }

    async fn hash_password(&self, password: &str) -> StoreResult<String> {
        use argon2::password_hash::{PasswordHasher, SaltString};
        let salt = SaltString::encode_b64(&self.random()[..16])
            .map_err(|e| service::StoreError::new(e.to_string()))?;
        argon2()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| service::StoreError::new(e.to_string()))
    }

    async fn verify_password(&self, password: &str, hash: &str) -> bool {
        use argon2::password_hash::{PasswordHash, PasswordVerifier};
        PasswordHash::new(hash).is_ok_and(|parsed| {
            argon2()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
    }

    /// No network in between: the activity log shows no address.
    fn client_address(&self) -> Option<String> {
        None
    }
}

/// What local storage keeps: the data, and this browser's session cookie.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Saved {
    data: MemoryData,
    session: Option<String>,
}

/// One call's view of the stored data.
struct Session {
    store: MemoryStore<BrowserEnv>,
    cookie: Option<String>,
}

impl Session {
    /// The signed-in user (401 otherwise), as the server reads its session cookie.
    async fn signed_in(&mut self) -> Result<Me, ServiceError> {
        service::session(&mut self.store, self.cookie.as_deref()).await
    }

    /// The caller of an operation: signed in, with no temporary password to change.
    async fn caller(&mut self) -> Result<Me, ServiceError> {
        service::caller(&mut self.store, self.cookie.as_deref()).await
    }
}

fn storage_error(e: impl std::fmt::Debug) -> ApiError {
    ApiError::Server {
        status: 507,
        body: Some(ErrorBody::new(
            ErrorKind::Internal,
            format!("mock storage: {e:?}"),
        )),
    }
}

fn answer<T>(result: Result<T, ServiceError>) -> ApiResult<T> {
    result.map_err(|error| {
        let body = error.body();
        match error {
            ServiceError::Store(_) => ApiError::Server {
                status: 500,
                body: Some(body),
            },
            _ => ApiError::Api {
                status: body.error.status(),
                body,
            },
        }
    })
}

/// Decides which calls fail: the n-th call that may fail does when it takes the running count
/// of failures `ceil(n × rate)` one higher, so failures are spread evenly from the first call.
struct Faults {
    rate: f64,
    scope: FailureScope,
    eligible: Cell<u32>,
}

impl Faults {
    /// `at`: the point of the call asking (before anything, or about to save a change).
    fn next_fails(&self, at: FailureScope) -> bool {
        if self.rate <= 0.0 || self.scope != at {
            return false;
        }
        let n = self.eligible.get() + 1;
        self.eligible.set(n);
        (f64::from(n) * self.rate).ceil() > (f64::from(n - 1) * self.rate).ceil()
    }
}

fn simulated_failure() -> ApiError {
    ApiError::Server {
        status: 503,
        body: Some(ErrorBody::new(
            ErrorKind::Internal,
            "Simulated failure (mock)",
        )),
    }
}

/// Supporting documents' bytes, by id: too big for local storage, so kept in this page's
/// memory (a reload forgets them; the list, in local storage, says so on download).
type DocumentBytes = Rc<RefCell<BTreeMap<String, Vec<u8>>>>;

#[derive(Clone)]
pub struct MockBackend {
    options: Rc<MockOptions>,
    faults: Rc<Faults>,
    document_bytes: DocumentBytes,
}

impl MockBackend {
    pub fn new(options: MockOptions) -> Self {
        let faults = Rc::new(Faults {
            rate: options.failure_rate,
            scope: options.failure_scope,
            eligible: Cell::new(0),
        });
        Self {
            options: Rc::new(options),
            faults,
            document_bytes: DocumentBytes::default(),
        }
    }

    /// Runs `op` on the stored data after the configured latency, failing a share of calls.
    /// The data is saved only when `op` succeeds, like a transaction (sign-in failures are
    /// kept either way, as the server keeps them).
    fn call<T: 'static>(
        &self,
        op: impl AsyncFnOnce(&mut Session) -> Result<T, ServiceError> + 'static,
    ) -> ApiFuture<T> {
        let (options, faults) = (self.options.clone(), self.faults.clone());
        let document_bytes = self.document_bytes.clone();
        Box::pin(async move {
            if options.latency_ms > 0 {
                gloo_timers::future::TimeoutFuture::new(options.latency_ms).await;
            }
            if faults.next_fails(FailureScope::All) {
                return Err(simulated_failure());
            }
            // Kept as read: what a call changed is told by comparing JSON, with no copy of the data.
            let before = LocalStorage::raw().get_item(STORAGE_KEY).ok().flatten();
            let read = |json: &str| serde_json::from_str::<Saved>(json).ok();
            let saved = before.as_deref().and_then(read);
            let fresh = saved.is_none();
            let Saved { mut data, session } = saved.unwrap_or_default();
            data.document_bytes = document_bytes.take();
            let mut session = Session {
                store: MemoryStore {
                    data,
                    env: BrowserEnv {
                        vetting_delay_s: i64::from(options.vetting_delay_s),
                    },
                },
                cookie: session,
            };
            if fresh {
                answer(
                    service::demo_work_account(&mut session.store, DEMO_ADMIN_PASSWORD_HASH).await,
                )?;
            }
            let result = op(&mut session).await;
            document_bytes.replace(std::mem::take(&mut session.store.data.document_bytes));
            let after = Saved {
                data: session.store.data,
                session: session.cookie,
            };
            let to_save = match &result {
                Ok(_) => Some(after),
                // Undone, but for the sign-in failures it recorded.
                Err(_) => before.as_deref().and_then(read).map(|mut kept| {
                    kept.data.keep_failures_of(after.data);
                    kept
                }),
            };
            let json = to_save
                .map(|saved| serde_json::to_string(&saved))
                .transpose()
                .map_err(|e| ApiError::Decode(e.to_string()))?;
            if let Some(json) = json.filter(|json| Some(json) != before.as_ref()) {
                // Reads write nothing, so a full storage only fails the calls that change data.
                if result.is_ok() && faults.next_fails(FailureScope::Writes) {
                    return Err(simulated_failure());
                }
                LocalStorage::raw()
                    .set_item(STORAGE_KEY, &json)
                    .map_err(storage_error)?;
            }
            answer(result)
        })
    }

    /// `call` for an operation of the signed-in caller.
    fn call_as<T: 'static>(
        &self,
        op: impl AsyncFnOnce(&mut MemoryStore<BrowserEnv>, Me) -> Result<T, ServiceError> + 'static,
    ) -> ApiFuture<T> {
        self.call(async move |session| {
            let me = session.caller().await?;
            op(&mut session.store, me).await
        })
    }
}

/// The agreement texts, loaded from `dist/agreements/` the first time a call needs them: the
/// release build leaves them out of the start-up module (tests compile them in).
async fn load_agreement_texts() -> ApiResult<()> {
    for file in partner_domain::agreements::missing() {
        let text = super::assets::fetch_text(&format!("agreements/{file}")).await?;
        partner_domain::agreements::install(file, &text);
    }
    Ok(())
}

/// `call` once the agreement texts are there.
fn with_agreement_texts<T: 'static>(call: ApiFuture<T>) -> ApiFuture<T> {
    Box::pin(async move {
        load_agreement_texts().await?;
        call.await
    })
}

impl Backend for MockBackend {
    fn kind(&self) -> BackendKind {
        BackendKind::Mock
    }

    fn health(&self) -> ApiFuture<Health> {
        self.call(async |_| {
            Ok(Health {
                status: "ok".into(),
                version: "mock".into(),
            })
        })
    }

    fn create_tenant(&self, body: NewTenant) -> ApiFuture<TenantCreated> {
        self.call(async move |s| service::create_tenant(&mut s.store, body).await)
    }

    fn sign_in(&self, credentials: Credentials) -> ApiFuture<Me> {
        self.call(async move |s| {
            let signed_in = service::sign_in(&mut s.store, &credentials).await?;
            // A browser has no background task: it tidies up as someone signs in.
            service::housekeeping(&mut s.store).await?;
            s.cookie = Some(signed_in.token);
            Ok(signed_in.me)
        })
    }

    fn session(&self) -> ApiFuture<Me> {
        self.call(async |s| s.signed_in().await)
    }

    fn change_password(&self, body: PasswordChange) -> ApiFuture<()> {
        self.call(async move |s| {
            let me = s.signed_in().await?;
            service::change_password(&mut s.store, &me, s.cookie.as_deref(), &body).await
        })
    }

    fn sign_out(&self) -> ApiFuture<()> {
        self.call(async |s| service::sign_out(&mut s.store, s.cookie.take().as_deref()).await)
    }

    fn partner(&self) -> ApiFuture<Partner> {
        self.call_as(async |store, me| service::partner(store, &me).await)
    }

    fn put_profile(&self, body: ProfileRequest) -> ApiFuture<Partner> {
        self.call_as(async move |store, me| service::put_profile(store, &me, body).await)
    }

    fn resend_contact_verification(&self) -> ApiFuture<()> {
        self.call_as(async |store, me| service::resend_contact_verification(store, &me).await)
    }

    fn verify_email(&self, token: String) -> ApiFuture<EmailVerified> {
        self.call(async move |s| service::verify_email(&mut s.store, &token).await)
    }

    fn current_agreement(&self, kind: AgreementKind, lang: Lang) -> ApiFuture<Agreement> {
        with_agreement_texts(
            self.call(async move |_| service::current_agreement(kind.as_str(), lang)),
        )
    }

    fn accept_agreement(
        &self,
        body: AcceptAgreement,
        lang: Lang,
    ) -> ApiFuture<AgreementAcceptance> {
        with_agreement_texts(self.call_as(async move |store, me| {
            service::accept_agreement(store, &me, &body, lang).await
        }))
    }

    fn agreement_document(&self, id: String) -> ApiFuture<Document> {
        with_agreement_texts(self.call_as(async move |store, me| {
            let signed = service::signed_agreement(store, &me, &id).await?;
            Ok(Document {
                filename: signed.filename.clone(),
                mime: "application/pdf".into(),
                bytes: partner_domain::document::pdf(&signed, Typeface::Helvetica),
            })
        }))
    }

    fn upload_document(&self, name: String, bytes: Vec<u8>) -> ApiFuture<SupportingDocument> {
        self.call_as(async move |store, me| {
            service::upload_document(store, &me, &name, &bytes).await
        })
    }

    fn supporting_document(&self, id: String, _name: String) -> ApiFuture<Document> {
        self.call_as(async move |store, me| {
            let (document, bytes) = service::document(store, &me, &id).await?;
            Ok(Document {
                filename: document.name,
                mime: document.content_type.as_str().into(),
                bytes,
            })
        })
    }

    fn delete_document(&self, id: String) -> ApiFuture<()> {
        self.call_as(async move |store, me| service::delete_document(store, &me, &id).await)
    }

    fn submit_documents(&self) -> ApiFuture<Partner> {
        self.call_as(async move |store, me| service::submit_documents(store, &me).await)
    }

    fn users(&self, query: UserQuery) -> ApiFuture<UserList> {
        self.call_as(async move |store, me| service::list_users(store, &me, &query).await)
    }

    fn create_user(&self, body: NewUser) -> ApiFuture<UserCreated> {
        self.call_as(async move |store, me| service::create_user(store, &me, body).await)
    }

    fn import_users(&self, body: ImportUsers) -> ApiFuture<ImportedUsers> {
        self.call_as(async move |store, me| service::import_users(store, &me, body).await)
    }

    fn user(&self, id: String) -> ApiFuture<User> {
        self.call_as(async move |store, me| service::user(store, &me, &id).await)
    }

    fn update_user(&self, id: String, patch: UserPatch) -> ApiFuture<User> {
        self.call_as(async move |store, me| service::update_user(store, &me, &id, patch).await)
    }

    fn delete_user(&self, id: String) -> ApiFuture<()> {
        self.call_as(async move |store, me| service::delete_user(store, &me, &id).await)
    }

    fn reset_password(&self, id: String) -> ApiFuture<TemporaryPassword> {
        self.call_as(async move |store, me| service::reset_password(store, &me, &id).await)
    }

    fn activity(&self, query: ActivityQuery) -> ApiFuture<ActivityPage> {
        self.call_as(async move |store, me| service::list_activity(store, &me, &query).await)
    }

    fn export_activity(&self, query: ActivityQuery) -> ApiFuture<Document> {
        self.call_as(async move |store, me| {
            let csv = service::export_activity(store, &me, &query).await?;
            Ok(Document {
                filename: partner_domain::activity::EXPORT_FILENAME.into(),
                mime: "text/csv".into(),
                bytes: csv.into_bytes(),
            })
        })
    }

    fn resend_invitation(&self, id: String) -> ApiFuture<Invitation> {
        self.call_as(async move |store, me| service::resend_invitation(store, &me, &id).await)
    }

    fn check_invitation(&self, body: CheckInvitation) -> ApiFuture<PendingInvitation> {
        self.call(async move |s| service::check_invitation(&mut s.store, &body).await)
    }

    fn accept_invitation(&self, body: AcceptInvitation) -> ApiFuture<InvitationAccepted> {
        self.call(async move |s| service::accept_invitation(&mut s.store, &body).await)
    }

    fn dev_outbox(&self) -> ApiFuture<Vec<OutboxEmail>> {
        self.call(async |s| {
            let me = s.signed_in().await.ok();
            service::outbox(&mut s.store, me.as_ref()).await
        })
    }

    fn dev_vetting(&self, partner_id: String, vetting: Vetting) -> ApiFuture<Partner> {
        self.call_as(async move |store, me| {
            service::decide_vetting(store, &me, &partner_id, vetting).await
        })
    }

    fn dev_seed(&self, users: u32) -> ApiFuture<()> {
        self.call_as(async move |store, me| {
            service::seed_users(store, &me, users).await.map(|_| ())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn failing(rate: f64, scope: FailureScope, at: FailureScope, calls: u32) -> Vec<u32> {
        let faults = Faults {
            rate,
            scope,
            eligible: Cell::new(0),
        };
        (1..=calls).filter(|_| faults.next_fails(at)).collect()
    }

    #[test]
    fn failures_are_spread_evenly_from_the_first_call() {
        use FailureScope::{All, Writes};
        assert_eq!(failing(0.1, All, All, 30), [1, 11, 21]);
        assert_eq!(failing(0.5, Writes, Writes, 5), [1, 3, 5]);
        assert_eq!(failing(1.0, All, All, 3), [1, 2, 3]);
        assert!(failing(0.0, All, All, 10).is_empty());
        assert!(
            failing(1.0, Writes, All, 10).is_empty(),
            "reads pass when only writes fail"
        );
    }

    #[test]
    async fn the_demo_password_matches_its_stored_hash() {
        let env = BrowserEnv { vetting_delay_s: 0 };
        assert!(
            env.verify_password(DEMO_ADMIN_PASSWORD, DEMO_ADMIN_PASSWORD_HASH)
                .await
        );
        let hash = env.hash_password(DEMO_ADMIN_PASSWORD).await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=64,t=1,p=1$"), "{hash}");
        assert!(env.verify_password(DEMO_ADMIN_PASSWORD, &hash).await);
        assert_ne!(env.random(), env.random());
    }
}
