//! An in-browser imitation of the REST API, kept in local storage: `trunk serve` and static
//! hosting work with no server, and tests run without a network. It answers with the same
//! statuses and bodies as API.md, and can add latency and faults (`config.json`, `mock`).

use std::rc::Rc;

use gloo_storage::{LocalStorage, Storage};
use partner_domain::{Credentials, ErrorBody, ErrorKind, Health, Me, Role, TenantSummary, User};
use serde::{Deserialize, Serialize};

use super::{ApiError, ApiFuture, ApiResult, Backend};
use crate::config::{BackendKind, MockOptions};

/// Versioned: a store written by an older build is replaced by a fresh demo, not misread.
pub const STORAGE_KEY: &str = "partner-center.mock.v1";
pub const DEMO_ADMIN_EMAIL: &str = "admin@contoso.onmicrosoft.com";
/// Shown on the sign-in page in demo mode; this data never leaves the browser.
pub const DEMO_ADMIN_PASSWORD: &str = "Contoso-demo-2026";

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Account {
    user: User,
    tenant_id: String,
    password: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Store {
    tenants: Vec<TenantSummary>,
    accounts: Vec<Account>,
    session: Option<String>,
}

impl Store {
    fn demo() -> Self {
        let tenant = TenantSummary {
            id: "t-contoso".into(),
            domain: "contoso.onmicrosoft.com".into(),
            name: "Contoso".into(),
        };
        let admin = Account {
            user: User {
                id: "u-admin".into(),
                first_name: "Éloïse".into(),
                last_name: "Lefèvre".into(),
                email: DEMO_ADMIN_EMAIL.into(),
                roles: vec![Role::GlobalAdmin],
                created_at: "2026-01-05T09:00:00Z".into(),
            },
            tenant_id: tenant.id.clone(),
            password: DEMO_ADMIN_PASSWORD.into(),
        };
        Self {
            tenants: vec![tenant],
            accounts: vec![admin],
            session: None,
        }
    }

    fn load() -> Self {
        LocalStorage::get(STORAGE_KEY).unwrap_or_else(|_| Self::demo())
    }

    fn save(&self) -> ApiResult<()> {
        LocalStorage::set(STORAGE_KEY, self).map_err(|e| ApiError::Server {
            status: 507,
            body: Some(ErrorBody::new(
                ErrorKind::Internal,
                format!("mock storage: {e}"),
            )),
        })
    }

    fn me(&self, user_id: &str) -> Option<Me> {
        let account = self.accounts.iter().find(|a| a.user.id == user_id)?;
        let tenant = self.tenants.iter().find(|t| t.id == account.tenant_id)?;
        Some(Me {
            user: account.user.clone(),
            tenant: tenant.clone(),
            partner_id: None,
            must_change_password: false,
        })
    }
}

fn refuse(kind: ErrorKind, message: &str) -> ApiError {
    ApiError::Api {
        status: kind.status(),
        body: ErrorBody::new(kind, message),
    }
}

#[derive(Clone)]
pub struct MockBackend {
    options: Rc<MockOptions>,
}

impl MockBackend {
    pub fn new(options: MockOptions) -> Self {
        Self {
            options: Rc::new(options),
        }
    }

    /// Runs `op` on the stored data after the configured latency, failing a share of calls.
    fn call<T: 'static>(
        &self,
        op: impl FnOnce(&mut Store) -> ApiResult<T> + 'static,
    ) -> ApiFuture<T> {
        let options = self.options.clone();
        Box::pin(async move {
            if options.latency_ms > 0 {
                gloo_timers::future::TimeoutFuture::new(options.latency_ms).await;
            }
            if options.failure_rate > 0.0 && js_sys::Math::random() < options.failure_rate {
                return Err(ApiError::Server {
                    status: 503,
                    body: Some(ErrorBody::new(
                        ErrorKind::Internal,
                        "Simulated failure (mock)",
                    )),
                });
            }
            let mut store = Store::load();
            let answer = op(&mut store)?;
            store.save()?;
            Ok(answer)
        })
    }
}

impl Backend for MockBackend {
    fn kind(&self) -> BackendKind {
        BackendKind::Mock
    }

    fn health(&self) -> ApiFuture<Health> {
        self.call(|_| {
            Ok(Health {
                status: "ok".into(),
                version: "mock".into(),
            })
        })
    }

    fn sign_in(&self, credentials: Credentials) -> ApiFuture<Me> {
        self.call(move |store| {
            let email = credentials.email.trim().to_lowercase();
            let user_id = store
                .accounts
                .iter()
                .find(|a| a.user.email == email && a.password == credentials.password)
                .map(|a| a.user.id.clone())
                .ok_or_else(|| refuse(ErrorKind::Unauthenticated, "Wrong email or password."))?;
            store.session = Some(user_id.clone());
            store
                .me(&user_id)
                .ok_or_else(|| refuse(ErrorKind::Unauthenticated, "Sign in."))
        })
    }

    fn session(&self) -> ApiFuture<Me> {
        self.call(|store| {
            store
                .session
                .as_deref()
                .and_then(|id| store.me(id))
                .ok_or_else(|| refuse(ErrorKind::Unauthenticated, "Sign in."))
        })
    }

    fn sign_out(&self) -> ApiFuture<()> {
        self.call(|store| {
            store.session = None;
            Ok(())
        })
    }
}
