//! An in-browser imitation of the REST API, kept in local storage: `trunk serve` and static
//! hosting work with no server, and tests run without a network. It follows the same rules
//! as `partner-server` (validation, permissions and the verification state machine all come
//! from `partner_domain`) and answers with the statuses and bodies of API.md. It can add
//! latency and faults (`config.json`, `mock`).

use std::{cell::Cell, collections::BTreeMap, rc::Rc};

use gloo_storage::{LocalStorage, Storage};
use partner_domain::{
    agreements, demo,
    search::{search_key, user_search_text, user_sort_key},
    validate,
    verification::{self, mpn_program_status, StepTimes},
    AcceptAgreement, Action, AdminRef, Agreement, AgreementAcceptance, Credentials, EmailVerified,
    ErrorBody, ErrorKind, FieldErrors, Health, ImportUsers, ImportedUsers, LegalProfile, Me,
    NewTenant, NewUser, OutboxEmail, Partner, PasswordChange, PrimaryContact, ProfileRequest,
    ProgramStatus, Role, Signer, TemporaryPassword, TenantCreated, TenantRef, TenantSummary, User,
    UserCreated, UserList, UserPatch, UserQuery, VerificationEvent, VerificationStatus,
    VettingDecision,
};
use serde::{Deserialize, Serialize};

use super::{ApiError, ApiFuture, ApiResult, Backend, Document};
use crate::config::{BackendKind, FailureScope, MockOptions};

/// Versioned: a store written by an older build is replaced by a fresh demo, not misread.
pub const STORAGE_KEY: &str = "partner-center.mock.v2";
pub const DEMO_ADMIN_EMAIL: &str = "admin@contoso.onmicrosoft.com";
/// Shown on the sign-in page in demo mode; this data never leaves the browser.
pub const DEMO_ADMIN_PASSWORD: &str = "Contoso-demo-2026";

const IDLE_SIGN_IN_WINDOW_MS: f64 = 15.0 * 60.0 * 1000.0;
const SIGN_IN_FAILURES: usize = 5;
const RESEND_EVERY_MS: f64 = 60.0 * 1000.0;
const TOKEN_LIFETIME_MS: f64 = 7.0 * 24.0 * 3600.0 * 1000.0;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Account {
    user: User,
    tenant_id: String,
    password: String,
    must_change_password: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct PartnerRecord {
    id: String,
    tenant_id: String,
    mpn_id: String,
    legal_profile: LegalProfile,
    primary_contact: PrimaryContact,
    status: VerificationStatus,
    times: StepTimes,
    vetting_due_ms: Option<f64>,
    last_email_ms: Option<f64>,
    /// With the language of the text that was accepted.
    agreements: Vec<(AgreementAcceptance, String)>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Token {
    token: String,
    partner_id: String,
    email: String,
    expires_ms: f64,
    used: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Store {
    tenants: Vec<TenantSummary>,
    accounts: Vec<Account>,
    partners: Vec<PartnerRecord>,
    tokens: Vec<Token>,
    outbox: Vec<OutboxEmail>,
    session: Option<String>,
    sign_in_failures: BTreeMap<String, Vec<f64>>,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// RFC 3339 UTC with whole seconds, like the server.
fn stamp(ms: f64) -> String {
    let iso = String::from(js_sys::Date::new(&ms.into()).to_iso_string());
    format!("{}Z", &iso[..19])
}

fn now() -> String {
    stamp(now_ms())
}

fn random_bytes<const N: usize>() -> [u8; N] {
    std::array::from_fn(|_| (js_sys::Math::random() * 256.0) as u8)
}

fn new_id() -> String {
    random_bytes::<16>()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn refuse(kind: ErrorKind, message: &str) -> ApiError {
    ApiError::Api {
        status: kind.status(),
        body: ErrorBody::new(kind, message),
    }
}

fn invalid(fields: FieldErrors) -> ApiError {
    let mut body = ErrorBody::new(
        ErrorKind::Validation,
        format!("{} field(s) need attention.", fields.len()),
    );
    body.fields = fields;
    ApiError::Api { status: 422, body }
}

fn field_error(kind: ErrorKind, field: &str, code: &str, message: &str) -> ApiError {
    let mut body = ErrorBody::new(kind, message);
    body.fields.insert(field.into(), vec![code.into()]);
    ApiError::Api {
        status: kind.status(),
        body,
    }
}

fn not_enrolled() -> ApiError {
    refuse(
        ErrorKind::NotFound,
        "This work account has no partner account yet.",
    )
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
            must_change_password: false,
        };
        Self {
            tenants: vec![tenant],
            accounts: vec![admin],
            ..Self::default()
        }
    }

    /// The stored data; a missing or unreadable store (an older build's) starts a fresh demo.
    fn load() -> Self {
        LocalStorage::get(STORAGE_KEY).unwrap_or_else(|_| Self::demo())
    }

    fn save(&self) -> ApiResult<()> {
        let json = serde_json::to_string(self).map_err(|e| ApiError::Decode(e.to_string()))?;
        Self::write(&json)
    }

    fn write(json: &str) -> ApiResult<()> {
        LocalStorage::raw()
            .set_item(STORAGE_KEY, json)
            .map_err(|e| ApiError::Server {
                status: 507,
                body: Some(ErrorBody::new(
                    ErrorKind::Internal,
                    format!("mock storage: {e:?}"),
                )),
            })
    }

    fn me(&self, user_id: &str) -> Option<Me> {
        let account = self.accounts.iter().find(|a| a.user.id == user_id)?;
        let tenant = self.tenants.iter().find(|t| t.id == account.tenant_id)?;
        Some(Me {
            user: account.user.clone(),
            tenant: tenant.clone(),
            partner_id: self
                .partners
                .iter()
                .find(|p| p.tenant_id == tenant.id)
                .map(|p| p.id.clone()),
            must_change_password: account.must_change_password,
        })
    }

    /// The signed-in caller, or 401.
    fn caller(&self) -> ApiResult<Me> {
        self.session
            .as_deref()
            .and_then(|id| self.me(id))
            .ok_or_else(|| refuse(ErrorKind::Unauthenticated, "Sign in to continue."))
    }

    /// The caller, if their roles allow `action` (403 otherwise).
    fn caller_may(&self, action: Action) -> ApiResult<Me> {
        let me = self.caller()?;
        if action.allowed_for(&me.user.roles) {
            Ok(me)
        } else {
            Err(refuse(
                ErrorKind::Forbidden,
                &format!("Your roles do not allow this ({action:?})."),
            ))
        }
    }

    fn partner_mut(&mut self, tenant_id: &str) -> Option<&mut PartnerRecord> {
        let record = self
            .partners
            .iter_mut()
            .find(|p| p.tenant_id == tenant_id)?;
        // The simulated business check completes on its own once due.
        if record.status == VerificationStatus::BusinessPending
            && record.vetting_due_ms.is_some_and(|due| due <= now_ms())
        {
            record.status = VerificationStatus::Authorized;
            record.times.business_step_at = record.vetting_due_ms.map(stamp);
            record.vetting_due_ms = None;
        }
        Some(record)
    }

    fn send_verification(&mut self, partner_id: &str, legal_name: &str, to: &str) {
        let token = new_id() + &new_id();
        self.tokens.retain(|t| t.partner_id != partner_id || t.used);
        self.tokens.push(Token {
            token: token.clone(),
            partner_id: partner_id.into(),
            email: to.into(),
            expires_ms: now_ms() + TOKEN_LIFETIME_MS,
            used: false,
        });
        let link = format!("/verify-email?token={token}");
        self.outbox.insert(
            0,
            OutboxEmail {
                to: to.into(),
                subject: "Confirmez votre adresse e-mail / Confirm your email address".into(),
                body: format!(
                    "{legal_name} vous a désigné(e) comme contact principal. Confirmez votre adresse : {link}\n\n\
                     {legal_name} named you its primary contact. Confirm your address: {link}"
                ),
                link: Some(link),
                sent_at: now(),
            },
        );
        if let Some(partner) = self.partners.iter_mut().find(|p| p.id == partner_id) {
            partner.last_email_ms = Some(now_ms());
        }
    }

    fn user_in_tenant(&mut self, tenant_id: &str, id: &str) -> ApiResult<&mut Account> {
        self.accounts
            .iter_mut()
            .find(|a| a.user.id == id && a.tenant_id == tenant_id)
            .ok_or_else(|| refuse(ErrorKind::NotFound, "No such user in this work account."))
    }

    fn other_global_admins(&self, tenant_id: &str, user_id: &str) -> usize {
        self.accounts
            .iter()
            .filter(|a| {
                a.tenant_id == tenant_id
                    && a.user.id != user_id
                    && a.user.has_role(Role::GlobalAdmin)
            })
            .count()
    }

    fn email_taken(&self, email: &str) -> bool {
        self.accounts.iter().any(|a| a.user.email == email)
    }

    /// A new user of `tenant_id`, as `POST /api/users` and the import store it: trimmed names,
    /// email in lower case, roles sorted, a new password to choose at first sign-in.
    fn add_user(&mut self, tenant_id: &str, body: NewUser, password: String) -> User {
        let user = User {
            id: new_id(),
            first_name: body.first_name.trim().into(),
            last_name: body.last_name.trim().into(),
            email: body.email.trim().to_lowercase(),
            roles: sorted(body.roles),
            created_at: now(),
        };
        self.accounts.push(Account {
            user: user.clone(),
            tenant_id: tenant_id.to_owned(),
            password,
            must_change_password: true,
        });
        user
    }
}

fn view(record: &PartnerRecord) -> Partner {
    let agreements: Vec<AgreementAcceptance> =
        record.agreements.iter().map(|(a, _)| a.clone()).collect();
    let accepted = agreements.iter().any(|a| a.kind == "mpn");
    Partner {
        id: record.id.clone(),
        mpn_id: record.mpn_id.clone(),
        legal_profile: record.legal_profile.clone(),
        primary_contact: record.primary_contact.clone(),
        verification: verification::view(record.status, &record.times),
        programs: vec![ProgramStatus {
            program: "mpn".into(),
            status: mpn_program_status(record.status, accepted).into(),
        }],
        agreements,
    }
}

fn advance(from: VerificationStatus, event: VerificationEvent) -> ApiResult<VerificationStatus> {
    from.next(event)
        .map_err(|e| refuse(ErrorKind::Conflict, &e.to_string()))
}

fn last_global_admin() -> ApiError {
    field_error(
        ErrorKind::Conflict,
        "roles",
        "last_global_admin",
        "A work account keeps at least one Global admin.",
    )
}

fn sorted(mut roles: Vec<Role>) -> Vec<Role> {
    roles.sort();
    roles.dedup();
    roles
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

#[derive(Clone)]
pub struct MockBackend {
    options: Rc<MockOptions>,
    faults: Rc<Faults>,
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
        }
    }

    /// Runs `op` on the stored data after the configured latency, failing a share of calls.
    /// The data is saved only when `op` succeeds, like a transaction.
    fn call<T: 'static>(
        &self,
        op: impl FnOnce(&mut Store) -> ApiResult<T> + 'static,
    ) -> ApiFuture<T> {
        let (latency_ms, faults) = (self.options.latency_ms, self.faults.clone());
        Box::pin(async move {
            if latency_ms > 0 {
                gloo_timers::future::TimeoutFuture::new(latency_ms).await;
            }
            if faults.next_fails(FailureScope::All) {
                return Err(simulated_failure());
            }
            let before = LocalStorage::raw().get_item(STORAGE_KEY).ok().flatten();
            let mut store = Store::load();
            let answer = op(&mut store)?;
            // Reads write nothing, so a full storage only fails the calls that change data.
            let after =
                serde_json::to_string(&store).map_err(|e| ApiError::Decode(e.to_string()))?;
            if before.as_deref() != Some(after.as_str()) {
                if faults.next_fails(FailureScope::Writes) {
                    return Err(simulated_failure());
                }
                Store::write(&after)?;
            }
            Ok(answer)
        })
    }

    fn vetting_delay_ms(&self) -> f64 {
        f64::from(self.options.vetting_delay_s) * 1000.0
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

    fn create_tenant(&self, body: NewTenant) -> ApiFuture<TenantCreated> {
        self.call(move |store| {
            validate::new_tenant(&body).map_err(invalid)?;
            let domain = format!("{}.onmicrosoft.com", body.domain_prefix);
            let email = format!("admin@{domain}");
            if store.tenants.iter().any(|t| t.domain == domain) || store.email_taken(&email) {
                return Err(field_error(
                    ErrorKind::Conflict,
                    "domain_prefix",
                    "domain_prefix.taken",
                    "This domain prefix is taken.",
                ));
            }
            let tenant = TenantSummary {
                id: new_id(),
                domain: domain.clone(),
                name: body.company_name.trim().into(),
            };
            let admin = User {
                id: new_id(),
                first_name: body.admin.first_name.trim().into(),
                last_name: body.admin.last_name.trim().into(),
                email: email.clone(),
                roles: vec![Role::GlobalAdmin],
                created_at: now(),
            };
            let created = TenantCreated {
                tenant: TenantRef {
                    id: tenant.id.clone(),
                    domain,
                },
                admin: AdminRef {
                    id: admin.id.clone(),
                    email,
                },
            };
            store.accounts.push(Account {
                user: admin,
                tenant_id: tenant.id.clone(),
                password: body.admin.password,
                must_change_password: false,
            });
            store.tenants.push(tenant);
            Ok(created)
        })
    }

    fn sign_in(&self, credentials: Credentials) -> ApiFuture<Me> {
        self.call(move |store| {
            let email = credentials.email.trim().to_lowercase();
            let now = now_ms();
            let failures = store.sign_in_failures.entry(email.clone()).or_default();
            failures.retain(|t| now - t < IDLE_SIGN_IN_WINDOW_MS);
            if failures.len() >= SIGN_IN_FAILURES {
                return Err(refuse(
                    ErrorKind::RateLimited,
                    "Too many attempts. Try again later.",
                ));
            }
            let found = store
                .accounts
                .iter()
                .find(|a| a.user.email == email && a.password == credentials.password)
                .map(|a| a.user.id.clone());
            let Some(user_id) = found else {
                store.sign_in_failures.entry(email).or_default().push(now);
                // Failures are remembered even though the call fails.
                store.save()?;
                return Err(refuse(
                    ErrorKind::Unauthenticated,
                    "Wrong email or password.",
                ));
            };
            store.sign_in_failures.remove(&email);
            store.session = Some(user_id.clone());
            store
                .me(&user_id)
                .ok_or_else(|| refuse(ErrorKind::Unauthenticated, "Sign in."))
        })
    }

    fn session(&self) -> ApiFuture<Me> {
        self.call(|store| store.caller())
    }

    fn change_password(&self, body: PasswordChange) -> ApiFuture<()> {
        self.call(move |store| {
            let me = store.caller()?;
            let account = store.user_in_tenant(&me.tenant.id, &me.user.id)?;
            if account.password != body.current_password {
                return Err(field_error(
                    ErrorKind::Validation,
                    "current_password",
                    "password.wrong",
                    "Wrong password.",
                ));
            }
            validate::password_change(&body, &me.user.email).map_err(invalid)?;
            account.password = body.new_password;
            account.must_change_password = false;
            Ok(())
        })
    }

    fn sign_out(&self) -> ApiFuture<()> {
        self.call(|store| {
            store.session = None;
            Ok(())
        })
    }

    fn partner(&self) -> ApiFuture<Partner> {
        self.call(|store| {
            let me = store.caller_may(Action::ReadPartner)?;
            store
                .partner_mut(&me.tenant.id)
                .map(|p| view(p))
                .ok_or_else(not_enrolled)
        })
    }

    fn put_profile(&self, body: ProfileRequest) -> ApiFuture<Partner> {
        let delay = self.vetting_delay_ms();
        self.call(move |store| {
            let me = store.caller_may(Action::EditPartnerProfile)?;
            validate::profile(&body).map_err(invalid)?;
            let body = body.normalised();
            let now_text = now();
            let email_again = match store.partner_mut(&me.tenant.id) {
                None => {
                    let status = advance(
                        VerificationStatus::Draft,
                        VerificationEvent::ProfileSubmitted,
                    )?;
                    let mpn_id = loop {
                        let candidate =
                            (1_000_000 + (js_sys::Math::random() * 9_000_000.0) as u32).to_string();
                        if !store.partners.iter().any(|p| p.mpn_id == candidate) {
                            break candidate;
                        }
                    };
                    store.partners.push(PartnerRecord {
                        id: new_id(),
                        tenant_id: me.tenant.id.clone(),
                        mpn_id,
                        legal_profile: body.legal_profile.clone(),
                        primary_contact: body.primary_contact.clone(),
                        status,
                        times: StepTimes {
                            email_step_at: now_text,
                            ..StepTimes::default()
                        },
                        vetting_due_ms: None,
                        last_email_ms: None,
                        agreements: Vec::new(),
                    });
                    true
                }
                Some(record) => {
                    let changed = record.primary_contact.email != body.primary_contact.email;
                    let event = if changed {
                        VerificationEvent::ContactChanged
                    } else {
                        VerificationEvent::ProfileSubmitted
                    };
                    let status = advance(record.status, event)?;
                    if status == VerificationStatus::BusinessPending && record.status != status {
                        record.vetting_due_ms = Some(now_ms() + delay);
                        record.times.business_step_at = Some(now_text.clone());
                    }
                    if changed {
                        record.times.email_step_at = now_text;
                        record.times.contact_verified_at = None;
                    }
                    record.status = status;
                    record.legal_profile = body.legal_profile.clone();
                    record.primary_contact = body.primary_contact.clone();
                    changed
                }
            };
            let record = store.partner_mut(&me.tenant.id).expect("just stored");
            let id = record.id.clone();
            if email_again {
                store.send_verification(
                    &id,
                    &body.legal_profile.legal_name,
                    &body.primary_contact.email,
                );
            }
            store
                .partner_mut(&me.tenant.id)
                .map(|p| view(p))
                .ok_or_else(not_enrolled)
        })
    }

    fn resend_contact_verification(&self) -> ApiFuture<()> {
        self.call(|store| {
            let me = store.caller_may(Action::ResendContactVerification)?;
            let record = store.partner_mut(&me.tenant.id).ok_or_else(not_enrolled)?;
            if record.status != VerificationStatus::EmailPending {
                return Err(refuse(
                    ErrorKind::Conflict,
                    "The primary contact's email is already confirmed.",
                ));
            }
            if record
                .last_email_ms
                .is_some_and(|last| now_ms() - last < RESEND_EVERY_MS)
            {
                return Err(refuse(
                    ErrorKind::RateLimited,
                    "One email a minute at most.",
                ));
            }
            let (id, name, to) = (
                record.id.clone(),
                record.legal_profile.legal_name.clone(),
                record.primary_contact.email.clone(),
            );
            store.send_verification(&id, &name, &to);
            Ok(())
        })
    }

    fn verify_email(&self, token: String) -> ApiFuture<EmailVerified> {
        let delay = self.vetting_delay_ms();
        self.call(move |store| {
            let token = token.trim().to_owned();
            let found = store
                .tokens
                .iter_mut()
                .find(|t| t.token == token)
                .ok_or_else(|| refuse(ErrorKind::NotFound, "This link is unknown."))?;
            if found.used {
                return Err(refuse(ErrorKind::Conflict, "This link was already used."));
            }
            if found.expires_ms <= now_ms() {
                return Err(refuse(ErrorKind::Expired, "This link has expired."));
            }
            found.used = true;
            let (partner_id, email) = (found.partner_id.clone(), found.email.clone());
            let record = store
                .partners
                .iter_mut()
                .find(|p| p.id == partner_id)
                .ok_or_else(not_enrolled)?;
            record.status = advance(record.status, VerificationEvent::ContactEmailVerified)?;
            record.times.contact_verified_at = Some(now());
            record.times.business_step_at = Some(now());
            record.vetting_due_ms = Some(now_ms() + delay);
            Ok(EmailVerified { partner_id, email })
        })
    }

    fn current_agreement(&self, kind: String, lang: String) -> ApiFuture<Agreement> {
        self.call(move |_| {
            agreements::current(&kind, &lang)
                .ok_or_else(|| refuse(ErrorKind::NotFound, "No agreement of this kind."))
        })
    }

    fn accept_agreement(
        &self,
        body: AcceptAgreement,
        lang: String,
    ) -> ApiFuture<AgreementAcceptance> {
        self.call(move |store| {
            let me = store.caller_may(Action::AcceptAgreement)?;
            let text = agreements::current(&body.kind, &lang)
                .ok_or_else(|| refuse(ErrorKind::NotFound, "No agreement of this kind."))?;
            if text.version != body.version {
                return Err(field_error(
                    ErrorKind::Validation,
                    "version",
                    "agreement.not_current",
                    "Not the current version.",
                ));
            }
            let record = store.partner_mut(&me.tenant.id).ok_or_else(not_enrolled)?;
            if record
                .agreements
                .iter()
                .any(|(a, _)| a.kind == text.kind && a.version == text.version)
            {
                return Err(refuse(
                    ErrorKind::Conflict,
                    "This version is already accepted.",
                ));
            }
            let acceptance = AgreementAcceptance {
                id: new_id(),
                kind: text.kind,
                version: text.version,
                title: text.title,
                accepted_at: now(),
                accepted_by: Signer {
                    name: me.user.display_name(),
                    email: me.user.email.clone(),
                },
            };
            record.agreements.push((acceptance.clone(), lang));
            Ok(acceptance)
        })
    }

    /// A plain-text copy of the signed agreement (the real server makes a PDF).
    fn agreement_document(&self, id: String) -> ApiFuture<Document> {
        self.call(move |store| {
            let me = store.caller_may(Action::DownloadAgreement)?;
            let record = store.partner_mut(&me.tenant.id).ok_or_else(not_enrolled)?;
            let (acceptance, lang) = record
                .agreements
                .iter()
                .find(|(a, _)| a.id == id)
                .ok_or_else(|| refuse(ErrorKind::NotFound, "No such signed agreement."))?;
            let text = agreements::all()
                .find(|(a, l, _)| {
                    a.kind == acceptance.kind && a.version == acceptance.version && l == lang
                })
                .map(|(a, _, _)| a.body)
                .unwrap_or_default();
            let content = format!(
                "{}\nVersion {}\n{} (MPN ID {})\n{} <{}>\n{}\n\n{}\n",
                acceptance.title,
                acceptance.version,
                record.legal_profile.legal_name,
                record.mpn_id,
                acceptance.accepted_by.name,
                acceptance.accepted_by.email,
                acceptance.accepted_at,
                text
            );
            Ok(Document {
                filename: format!(
                    "{}-agreement-{}-{}.txt",
                    acceptance.kind, acceptance.version, record.mpn_id
                ),
                mime: "text/plain;charset=utf-8".into(),
                bytes: content.into_bytes(),
            })
        })
    }

    fn users(&self, query: UserQuery) -> ApiFuture<UserList> {
        self.call(move |store| {
            let me = store.caller_may(Action::ListUsers)?;
            let needle = search_key(&query.q);
            let mut matching: Vec<&Account> = store
                .accounts
                .iter()
                .filter(|a| a.tenant_id == me.tenant.id)
                .filter(|a| query.role.is_none_or(|r| a.user.has_role(r)))
                .filter(|a| {
                    user_search_text(&a.user.first_name, &a.user.last_name, &a.user.email)
                        .contains(&needle)
                })
                .collect();
            matching.sort_by_cached_key(|a| {
                (
                    user_sort_key(&a.user.first_name, &a.user.last_name),
                    a.user.id.clone(),
                )
            });
            let total = matching.len() as u64;
            let items = matching
                .into_iter()
                .skip(query.offset as usize)
                .take(query.limit.unwrap_or(100).min(20_000) as usize)
                .map(|a| a.user.clone())
                .collect();
            Ok(UserList { items, total })
        })
    }

    fn create_user(&self, body: NewUser) -> ApiFuture<UserCreated> {
        self.call(move |store| {
            let me = store.caller_may(Action::ManageUsers)?;
            validate::new_user(&body).map_err(invalid)?;
            let email = body.email.trim().to_lowercase();
            if store.email_taken(&email) {
                return Err(field_error(
                    ErrorKind::Conflict,
                    "email",
                    "email.taken",
                    "A user with this email already exists.",
                ));
            }
            let temporary_password = validate::temporary_password(random_bytes());
            let user = store.add_user(&me.tenant.id, body, temporary_password.clone());
            Ok(UserCreated {
                user,
                temporary_password,
            })
        })
    }

    fn import_users(&self, body: ImportUsers) -> ApiFuture<ImportedUsers> {
        self.call(move |store| {
            let me = store.caller_may(Action::ManageUsers)?;
            validate::import_users(&body).map_err(invalid)?;
            let mut taken = ErrorBody::new(ErrorKind::Conflict, "Some emails are already in use.");
            for (i, user) in body.users.iter().enumerate() {
                if store.email_taken(&user.email.trim().to_lowercase()) {
                    taken
                        .fields
                        .insert(format!("users.{i}.email"), vec!["email.taken".into()]);
                }
            }
            if !taken.fields.is_empty() {
                return Err(ApiError::Api {
                    status: ErrorKind::Conflict.status(),
                    body: taken,
                });
            }
            // Nobody signs in as an imported user until an admin resets the password.
            let created = body
                .users
                .into_iter()
                .map(|row| store.add_user(&me.tenant.id, row, new_id()))
                .collect();
            Ok(ImportedUsers { created })
        })
    }

    fn user(&self, id: String) -> ApiFuture<User> {
        self.call(move |store| {
            let me = store.caller()?;
            Ok(store.user_in_tenant(&me.tenant.id, &id)?.user.clone())
        })
    }

    fn update_user(&self, id: String, patch: UserPatch) -> ApiFuture<User> {
        self.call(move |store| {
            let me = store.caller_may(Action::ManageUsers)?;
            validate::user_patch(&patch).map_err(invalid)?;
            let is_admin = store
                .user_in_tenant(&me.tenant.id, &id)?
                .user
                .has_role(Role::GlobalAdmin);
            if let Some(roles) = &patch.roles {
                if is_admin
                    && !roles.contains(&Role::GlobalAdmin)
                    && store.other_global_admins(&me.tenant.id, &id) == 0
                {
                    return Err(last_global_admin());
                }
            }
            let account = store.user_in_tenant(&me.tenant.id, &id)?;
            if let Some(first) = patch.first_name {
                account.user.first_name = first.trim().into();
            }
            if let Some(last) = patch.last_name {
                account.user.last_name = last.trim().into();
            }
            if let Some(roles) = patch.roles {
                account.user.roles = sorted(roles);
            }
            Ok(account.user.clone())
        })
    }

    fn delete_user(&self, id: String) -> ApiFuture<()> {
        self.call(move |store| {
            let me = store.caller_may(Action::ManageUsers)?;
            let is_admin = store
                .user_in_tenant(&me.tenant.id, &id)?
                .user
                .has_role(Role::GlobalAdmin);
            if is_admin && store.other_global_admins(&me.tenant.id, &id) == 0 {
                return Err(last_global_admin());
            }
            store.accounts.retain(|a| a.user.id != id);
            if store.session.as_deref() == Some(id.as_str()) {
                store.session = None;
            }
            Ok(())
        })
    }

    fn reset_password(&self, id: String) -> ApiFuture<TemporaryPassword> {
        self.call(move |store| {
            let me = store.caller_may(Action::ManageUsers)?;
            let temporary_password = validate::temporary_password(random_bytes());
            let account = store.user_in_tenant(&me.tenant.id, &id)?;
            account.password = temporary_password.clone();
            account.must_change_password = true;
            // Whoever held the old password is signed out.
            if store.session.as_deref() == Some(id.as_str()) {
                store.session = None;
            }
            Ok(TemporaryPassword { temporary_password })
        })
    }

    fn dev_outbox(&self) -> ApiFuture<Vec<OutboxEmail>> {
        self.call(|store| Ok(store.outbox.clone()))
    }

    fn dev_vetting(&self, partner_id: String, decision: VettingDecision) -> ApiFuture<Partner> {
        self.call(move |store| {
            let me = store.caller()?;
            let record = store
                .partner_mut(&me.tenant.id)
                .filter(|p| p.id == partner_id)
                .ok_or_else(|| {
                    refuse(ErrorKind::NotFound, "No such partner in this work account.")
                })?;
            let event = match decision {
                VettingDecision::Authorize => VerificationEvent::VettingAuthorized,
                VettingDecision::Reject => VerificationEvent::VettingRejected,
                VettingDecision::ActionRequired => VerificationEvent::VettingActionRequired,
            };
            record.status = advance(record.status, event)?;
            record.times.business_step_at = Some(now());
            record.vetting_due_ms = None;
            Ok(view(record))
        })
    }

    fn dev_seed(&self, users: u32) -> ApiFuture<()> {
        self.call(move |store| {
            let me = store.caller_may(Action::ManageUsers)?;
            let batch = &new_id()[..6];
            let created_at = now();
            for i in 0..users as usize {
                let demo = demo::user(i, &me.tenant.domain, batch);
                store.accounts.push(Account {
                    user: User {
                        id: new_id(),
                        first_name: demo.first_name.into(),
                        last_name: demo.last_name.into(),
                        email: demo.email,
                        roles: vec![demo.role],
                        created_at: created_at.clone(),
                    },
                    tenant_id: me.tenant.id.clone(),
                    // Nobody signs in as a demo user until an admin resets the password.
                    password: new_id(),
                    must_change_password: true,
                });
            }
            Ok(())
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
}
