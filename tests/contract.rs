//! The contract suite (`crates/contract`) against `MockBackend` in headless Chromium: the same
//! scenarios as partner-server's, on the same rulebook over local storage.
#![cfg(target_arch = "wasm32")]

mod support;

use std::{cell::RefCell, rc::Rc};

use partner_center::{
    api::{ApiError, ApiFuture, Backend, Document, MockBackend, MOCK_STORAGE_KEY},
    config::MockOptions,
};
use partner_contract::{Answer, Api, Download, Refusal, Target};
use partner_domain::{
    service::MemoryData, supporting::SupportingDocument, AcceptAgreement, AcceptInvitation,
    ActivityPage, ActivityQuery, Agreement, AgreementAcceptance, AgreementKind, CheckInvitation,
    Credentials, EmailVerified, ErrorBody, ImportUsers, ImportedUsers, Invitation,
    InvitationAccepted, Lang, Me, NewTenant, NewUser, OutboxEmail, Partner, PasswordChange,
    PendingInvitation, ProfileRequest, TemporaryPassword, TenantCreated, User, UserCreated,
    UserList, UserPatch, UserQuery, Vetting,
};
use serde_json::{json, Value};
use support::{clear_storage, store, stored};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

struct Mock(Rc<MockBackend>);

impl Target for Mock {
    type Client = Browser;

    async fn start(vetting_delay_s: u32) -> Self {
        clear_storage();
        // An empty store: no demo account, so that scenarios choose every name.
        let empty = json!({ "data": MemoryData::default(), "session": null });
        store(MOCK_STORAGE_KEY, &empty.to_string());
        Mock(Rc::new(MockBackend::new(MockOptions {
            vetting_delay_s,
            ..MockOptions::default()
        })))
    }

    fn client(&self) -> Browser {
        Browser {
            backend: self.0.clone(),
            cookie: RefCell::new(Value::Null),
        }
    }
}

/// One browser on the shared mock: the mock keeps one session cookie in local storage, so each
/// browser puts its own there for the length of its call.
struct Browser {
    backend: Rc<MockBackend>,
    cookie: RefCell<Value>,
}

fn saved() -> Value {
    serde_json::from_str(&stored(MOCK_STORAGE_KEY).expect("a mock store")).unwrap()
}

impl Browser {
    async fn call<T>(&self, call: impl FnOnce(&MockBackend) -> ApiFuture<T>) -> Answer<T> {
        let mut data = saved();
        data["session"] = self.cookie.borrow().clone();
        store(MOCK_STORAGE_KEY, &data.to_string());
        let answer = call(&self.backend).await;
        *self.cookie.borrow_mut() = saved()["session"].clone();
        answer.map_err(|error| match error {
            ApiError::Api { status, body } => Refusal { status, body },
            ApiError::Server { status, body } => Refusal {
                status,
                body: body.unwrap_or_else(ErrorBody::internal),
            },
            other => panic!("the mock answers or refuses: {other:?}"),
        })
    }
}

fn downloaded(document: Document) -> Download {
    Download {
        filename: document.filename,
        mime: document.mime,
        bytes: document.bytes,
    }
}

impl Api for Browser {
    async fn create_tenant(&self, body: &NewTenant) -> Answer<TenantCreated> {
        self.call(|b| b.create_tenant(body.clone())).await
    }

    async fn sign_in(&self, email: &str, password: &str) -> Answer<Me> {
        let credentials = Credentials {
            email: email.into(),
            password: password.into(),
        };
        self.call(|b| b.sign_in(credentials)).await
    }

    async fn session(&self) -> Answer<Me> {
        self.call(|b| b.session()).await
    }

    async fn change_password(&self, current: &str, new: &str) -> Answer<()> {
        let change = PasswordChange {
            current_password: current.into(),
            new_password: new.into(),
        };
        self.call(|b| b.change_password(change)).await
    }

    async fn sign_out(&self) -> Answer<()> {
        self.call(|b| b.sign_out()).await
    }

    async fn partner(&self) -> Answer<Partner> {
        self.call(|b| b.partner()).await
    }

    async fn put_profile(&self, body: &ProfileRequest) -> Answer<Partner> {
        self.call(|b| b.put_profile(body.clone())).await
    }

    async fn resend_contact_verification(&self) -> Answer<()> {
        self.call(|b| b.resend_contact_verification()).await
    }

    async fn verify_email(&self, token: &str) -> Answer<EmailVerified> {
        self.call(|b| b.verify_email(token.into())).await
    }

    async fn current_agreement(&self, kind: AgreementKind, lang: Lang) -> Answer<Agreement> {
        self.call(|b| b.current_agreement(kind, lang)).await
    }

    async fn accept_agreement(
        &self,
        kind: AgreementKind,
        version: &str,
        lang: Lang,
    ) -> Answer<AgreementAcceptance> {
        let body = AcceptAgreement {
            kind,
            version: version.into(),
        };
        self.call(|b| b.accept_agreement(body, lang)).await
    }

    async fn agreement_document(&self, id: &str) -> Answer<Download> {
        (self.call(|b| b.agreement_document(id.into())).await).map(downloaded)
    }

    async fn upload_document(&self, name: &str, bytes: &[u8]) -> Answer<SupportingDocument> {
        self.call(|b| b.upload_document(name.into(), bytes.to_vec()))
            .await
    }

    async fn document(&self, id: &str) -> Answer<Download> {
        (self
            .call(|b| b.supporting_document(id.into(), String::new()))
            .await)
            .map(downloaded)
    }

    async fn delete_document(&self, id: &str) -> Answer<()> {
        self.call(|b| b.delete_document(id.into())).await
    }

    async fn submit_documents(&self) -> Answer<Partner> {
        self.call(|b| b.submit_documents()).await
    }

    async fn users(&self, query: &UserQuery) -> Answer<UserList> {
        self.call(|b| b.users(query.clone())).await
    }

    async fn create_user(&self, body: &NewUser) -> Answer<UserCreated> {
        self.call(|b| b.create_user(body.clone())).await
    }

    async fn import_users(&self, users: &[NewUser]) -> Answer<ImportedUsers> {
        let body = ImportUsers {
            users: users.to_vec(),
        };
        self.call(|b| b.import_users(body)).await
    }

    async fn user(&self, id: &str) -> Answer<User> {
        self.call(|b| b.user(id.into())).await
    }

    async fn update_user(&self, id: &str, patch: &UserPatch) -> Answer<User> {
        self.call(|b| b.update_user(id.into(), patch.clone())).await
    }

    async fn delete_user(&self, id: &str) -> Answer<()> {
        self.call(|b| b.delete_user(id.into())).await
    }

    async fn reset_password(&self, id: &str) -> Answer<TemporaryPassword> {
        self.call(|b| b.reset_password(id.into())).await
    }

    async fn resend_invitation(&self, id: &str) -> Answer<Invitation> {
        self.call(|b| b.resend_invitation(id.into())).await
    }

    async fn check_invitation(&self, token: &str) -> Answer<PendingInvitation> {
        let body = CheckInvitation {
            token: token.into(),
        };
        self.call(|b| b.check_invitation(body)).await
    }

    async fn accept_invitation(&self, token: &str, password: &str) -> Answer<InvitationAccepted> {
        let body = AcceptInvitation {
            token: token.into(),
            password: password.into(),
        };
        self.call(|b| b.accept_invitation(body)).await
    }

    async fn activity(&self, query: &ActivityQuery) -> Answer<ActivityPage> {
        self.call(|b| b.activity(query.clone())).await
    }

    async fn export_activity(&self, query: &ActivityQuery) -> Answer<Download> {
        (self.call(|b| b.export_activity(query.clone())).await).map(downloaded)
    }

    async fn outbox(&self) -> Answer<Vec<OutboxEmail>> {
        self.call(|b| b.dev_outbox()).await
    }

    async fn vetting(&self, partner_id: &str, vetting: Vetting) -> Answer<Partner> {
        self.call(|b| b.dev_vetting(partner_id.into(), vetting.clone()))
            .await
    }

    async fn seed(&self, users: u32) -> Answer<()> {
        self.call(|b| b.dev_seed(users)).await
    }
}

partner_contract::contract_scenarios!(wasm_bindgen_test, Mock);

/// What only the mock does: simulated latency and failures (`config.json`, `mock`).
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

/// The demo work account exists from the first call, and its password works.
#[wasm_bindgen_test]
async fn a_fresh_browser_opens_on_the_demo_account() {
    clear_storage();
    let backend = MockBackend::new(MockOptions::default());
    let me = backend
        .sign_in(Credentials {
            email: partner_center::api::DEMO_ADMIN_EMAIL.into(),
            password: partner_center::api::DEMO_ADMIN_PASSWORD.into(),
        })
        .await
        .unwrap();
    assert_eq!(me.tenant.domain, "contoso.onmicrosoft.com");
    assert_eq!(me.user.display_name(), "Éloïse Lefèvre");
}
