//! A store kept in memory as one serialisable value: the SPA's mock backend keeps it in local
//! storage, and the domain's own tests use it. Data only: every decision is the rulebook's.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{
    ActivityFilter, Env, InvitationToken, PartnerRecord, SessionRecord, SignedRecord, Store,
    StoreResult, StoredPassword, TenantRecord, UserFilter, VerificationToken,
};
use crate::{
    directory::Directory, supporting::SupportingDocument, Activity, ActivityResource,
    AgreementAcceptance, Me, OutboxEmail, TenantSummary, User, UserList,
};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct StoredUser {
    tenant_id: String,
    user: User,
    password: StoredPassword,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct StoredEmail {
    tenant_id: String,
    email: OutboxEmail,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct StoredAcceptance {
    partner_id: String,
    signed: SignedRecord,
}

/// Everything a backend stores.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemoryData {
    tenants: Vec<TenantRecord>,
    users: Vec<StoredUser>,
    sessions: Vec<SessionRecord>,
    /// Kept apart: they outlive the operation that fails (see `keep_failures_of`).
    sign_in_failures: BTreeMap<String, Vec<i64>>,
    partners: Vec<PartnerRecord>,
    tokens: Vec<VerificationToken>,
    /// Newest first.
    outbox: Vec<StoredEmail>,
    acceptances: Vec<StoredAcceptance>,
    /// Oldest first.
    #[serde(default)]
    activity: Vec<StoredActivity>,
    /// The id of the last activity record, kept when old records are forgotten.
    #[serde(default)]
    last_activity_id: u64,
    #[serde(default)]
    documents: Vec<StoredDocument>,
    #[serde(default)]
    invitations: Vec<InvitationToken>,
    /// The documents' bytes, by document id: never serialised (local storage holds a few
    /// megabytes at most), so the mock keeps them beside the data, in the page's memory.
    #[serde(skip)]
    pub document_bytes: BTreeMap<String, Vec<u8>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct StoredDocument {
    partner_id: String,
    document: SupportingDocument,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct StoredActivity {
    tenant_id: String,
    activity: Activity,
}

impl MemoryData {
    /// Sign-in failures recorded by an operation that failed, which is otherwise undone, and the
    /// log's record of a sign-in blocked by them (as on the server, where they are written
    /// outside the operation's transaction).
    pub fn keep_failures_of(&mut self, failed: MemoryData) {
        self.sign_in_failures = failed.sign_in_failures;
        let blocked = failed.activity.into_iter().filter(|a| {
            a.activity.id > self.last_activity_id && a.activity.resource == ActivityResource::SignIn
        });
        self.activity.extend(blocked);
        self.last_activity_id = self.last_activity_id.max(failed.last_activity_id);
    }
}

/// `MemoryData` with an environment (clock, randomness, hashing).
pub struct MemoryStore<E> {
    pub data: MemoryData,
    pub env: E,
}

impl<E: Env> MemoryStore<E> {
    fn stored_user(&mut self, id: &str) -> Option<&mut StoredUser> {
        self.data.users.iter_mut().find(|u| u.user.id == id)
    }

    fn partner_mut(&mut self, id: &str) -> Option<&mut PartnerRecord> {
        self.data.partners.iter_mut().find(|p| p.id == id)
    }
}

impl<E: Env> Store for MemoryStore<E> {
    type Env = E;

    fn env(&self) -> &E {
        &self.env
    }

    async fn domain_prefix_taken(&mut self, prefix: &str) -> StoreResult<bool> {
        Ok(self.data.tenants.iter().any(|t| t.domain_prefix == prefix))
    }

    async fn insert_tenant(&mut self, tenant: &TenantRecord) -> StoreResult<()> {
        self.data.tenants.push(tenant.clone());
        Ok(())
    }

    async fn me(&mut self, user_id: &str) -> StoreResult<Option<Me>> {
        let Some(stored) = self.data.users.iter().find(|u| u.user.id == user_id) else {
            return Ok(None);
        };
        let Some(tenant) = self.data.tenants.iter().find(|t| t.id == stored.tenant_id) else {
            return Ok(None);
        };
        Ok(Some(Me {
            user: stored.user.clone(),
            tenant: TenantSummary {
                id: tenant.id.clone(),
                domain: format!("{}.onmicrosoft.com", tenant.domain_prefix),
                name: tenant.name.clone(),
            },
            partner_id: self
                .data
                .partners
                .iter()
                .find(|p| p.tenant_id == tenant.id)
                .map(|p| p.id.clone()),
            must_change_password: stored.password.temporary_until.is_some(),
        }))
    }

    async fn credentials(&mut self, email: &str) -> StoreResult<Option<(String, StoredPassword)>> {
        Ok(self
            .data
            .users
            .iter()
            .find(|u| u.user.email == email)
            .map(|u| (u.user.id.clone(), u.password.clone())))
    }

    async fn password_hash(&mut self, user_id: &str) -> StoreResult<Option<String>> {
        Ok(self.stored_user(user_id).map(|u| u.password.hash.clone()))
    }

    async fn set_password(&mut self, user_id: &str, password: &StoredPassword) -> StoreResult<()> {
        if let Some(stored) = self.stored_user(user_id) {
            stored.password = password.clone();
        }
        Ok(())
    }

    async fn insert_session(&mut self, session: &SessionRecord) -> StoreResult<()> {
        self.data.sessions.push(session.clone());
        Ok(())
    }

    async fn session(&mut self, token_hash: &str) -> StoreResult<Option<SessionRecord>> {
        Ok(self
            .data
            .sessions
            .iter()
            .find(|s| s.token_hash == token_hash)
            .cloned())
    }

    async fn set_session_expiry(&mut self, token_hash: &str, expires_at: &str) -> StoreResult<()> {
        for session in &mut self.data.sessions {
            if session.token_hash == token_hash {
                session.expires_at = expires_at.to_owned();
            }
        }
        Ok(())
    }

    async fn delete_session(&mut self, token_hash: &str) -> StoreResult<()> {
        self.data.sessions.retain(|s| s.token_hash != token_hash);
        Ok(())
    }

    async fn end_sessions(&mut self, user_id: &str, keep: Option<&str>) -> StoreResult<()> {
        self.data
            .sessions
            .retain(|s| s.user_id != user_id || Some(s.token_hash.as_str()) == keep);
        Ok(())
    }

    async fn sign_in_failures(&mut self, key: &str, since: i64) -> StoreResult<Vec<i64>> {
        let Some(times) = self.data.sign_in_failures.get_mut(key) else {
            return Ok(Vec::new());
        };
        times.retain(|t| *t > since);
        Ok(times.clone())
    }

    async fn record_sign_in_failure(&mut self, key: &str, at: i64) -> StoreResult<()> {
        self.data
            .sign_in_failures
            .entry(key.to_owned())
            .or_default()
            .push(at);
        Ok(())
    }

    async fn clear_sign_in_failures(&mut self, key: &str) -> StoreResult<()> {
        self.data.sign_in_failures.remove(key);
        Ok(())
    }

    async fn purge(
        &mut self,
        sessions_until: &str,
        links_until: &str,
        emails_until: &str,
        activity_until: &str,
        failures_until: i64,
    ) -> StoreResult<()> {
        self.data.sign_in_failures.retain(|_, times| {
            times.retain(|t| *t > failures_until);
            !times.is_empty()
        });
        self.data
            .sessions
            .retain(|s| s.expires_at.as_str() > sessions_until);
        self.data
            .tokens
            .retain(|t| t.expires_at.as_str() > links_until);
        self.data
            .invitations
            .retain(|t| t.expires_at.as_str() > links_until);
        self.data
            .outbox
            .retain(|e| e.email.sent_at.as_str() > emails_until);
        self.data
            .activity
            .retain(|a| a.activity.at.as_str() > activity_until);
        Ok(())
    }

    async fn email_taken(&mut self, email: &str) -> StoreResult<bool> {
        Ok(self.data.users.iter().any(|u| u.user.email == email))
    }

    async fn insert_user(
        &mut self,
        tenant_id: &str,
        user: &User,
        password: &StoredPassword,
    ) -> StoreResult<()> {
        self.data.users.push(StoredUser {
            tenant_id: tenant_id.to_owned(),
            user: user.clone(),
            password: password.clone(),
        });
        Ok(())
    }

    async fn user(&mut self, tenant_id: &str, id: &str) -> StoreResult<Option<User>> {
        Ok(self
            .data
            .users
            .iter()
            .find(|u| u.user.id == id && u.tenant_id == tenant_id)
            .map(|u| u.user.clone()))
    }

    async fn update_user(&mut self, user: &User) -> StoreResult<()> {
        if let Some(stored) = self.stored_user(&user.id) {
            stored.user = user.clone();
        }
        Ok(())
    }

    async fn delete_user(&mut self, id: &str) -> StoreResult<()> {
        self.data.users.retain(|u| u.user.id != id);
        self.data.sessions.retain(|s| s.user_id != id);
        self.data.invitations.retain(|i| i.user_id != id);
        Ok(())
    }

    async fn set_invited(&mut self, user_id: &str, at: Option<&str>) -> StoreResult<()> {
        if let Some(stored) = self.stored_user(user_id) {
            stored.user.invited_at = at.map(str::to_owned);
        }
        Ok(())
    }

    async fn replace_invitation(&mut self, invitation: &InvitationToken) -> StoreResult<()> {
        (self.data.invitations).retain(|i| i.user_id != invitation.user_id || i.used_at.is_some());
        self.data.invitations.push(invitation.clone());
        Ok(())
    }

    async fn invitation(&mut self, token_hash: &str) -> StoreResult<Option<InvitationToken>> {
        Ok((self.data.invitations.iter())
            .find(|i| i.token_hash == token_hash)
            .cloned())
    }

    async fn use_invitation(&mut self, token_hash: &str, at: &str) -> StoreResult<()> {
        for invitation in &mut self.data.invitations {
            if invitation.token_hash == token_hash {
                invitation.used_at = Some(at.to_owned());
            }
        }
        Ok(())
    }

    async fn global_admins_except(&mut self, tenant_id: &str, user_id: &str) -> StoreResult<u64> {
        Ok(self
            .data
            .users
            .iter()
            .filter(|u| {
                u.tenant_id == tenant_id
                    && u.user.id != user_id
                    && u.user.has_role(crate::Role::GlobalAdmin)
            })
            .count() as u64)
    }

    async fn list_users(&mut self, filter: &UserFilter) -> StoreResult<UserList> {
        let mut users: Vec<User> = self
            .data
            .users
            .iter()
            .filter(|u| u.tenant_id == filter.tenant_id)
            .map(|u| u.user.clone())
            .collect();
        // By id first: the directory's name order keeps it among equal names, as the server's.
        users.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(Directory::new(users).page(filter))
    }

    async fn partner(&mut self, tenant_id: &str) -> StoreResult<Option<PartnerRecord>> {
        Ok(self
            .data
            .partners
            .iter()
            .find(|p| p.tenant_id == tenant_id)
            .cloned())
    }

    async fn partner_by_id(&mut self, id: &str) -> StoreResult<Option<PartnerRecord>> {
        Ok(self.data.partners.iter().find(|p| p.id == id).cloned())
    }

    async fn mpn_id_taken(&mut self, mpn_id: &str) -> StoreResult<bool> {
        Ok(self.data.partners.iter().any(|p| p.mpn_id == mpn_id))
    }

    async fn insert_partner(&mut self, partner: &PartnerRecord) -> StoreResult<()> {
        self.data.partners.push(partner.clone());
        Ok(())
    }

    async fn update_partner(&mut self, partner: &PartnerRecord) -> StoreResult<()> {
        if let Some(stored) = self.partner_mut(&partner.id) {
            *stored = partner.clone();
        }
        Ok(())
    }

    async fn replace_verification_token(&mut self, token: &VerificationToken) -> StoreResult<()> {
        self.data
            .tokens
            .retain(|t| t.partner_id != token.partner_id || t.used_at.is_some());
        self.data.tokens.push(token.clone());
        Ok(())
    }

    async fn verification_token(
        &mut self,
        token_hash: &str,
    ) -> StoreResult<Option<VerificationToken>> {
        Ok(self
            .data
            .tokens
            .iter()
            .find(|t| t.token_hash == token_hash)
            .cloned())
    }

    async fn use_verification_token(&mut self, token_hash: &str, at: &str) -> StoreResult<()> {
        for token in &mut self.data.tokens {
            if token.token_hash == token_hash {
                token.used_at = Some(at.to_owned());
            }
        }
        Ok(())
    }

    async fn send_email(&mut self, tenant_id: &str, email: &OutboxEmail) -> StoreResult<()> {
        self.data.outbox.insert(
            0,
            StoredEmail {
                tenant_id: tenant_id.to_owned(),
                email: email.clone(),
            },
        );
        Ok(())
    }

    async fn outbox(
        &mut self,
        tenant_id: Option<&str>,
        limit: usize,
    ) -> StoreResult<Vec<OutboxEmail>> {
        Ok(self
            .data
            .outbox
            .iter()
            .filter(|e| tenant_id.is_none_or(|t| e.tenant_id == t))
            .take(limit)
            .map(|e| e.email.clone())
            .collect())
    }

    async fn documents(&mut self, partner_id: &str) -> StoreResult<Vec<SupportingDocument>> {
        Ok(self
            .data
            .documents
            .iter()
            .filter(|d| d.partner_id == partner_id)
            .map(|d| d.document.clone())
            .collect())
    }

    async fn document_bytes(&mut self, partner_id: &str, id: &str) -> StoreResult<Option<Vec<u8>>> {
        let listed =
            (self.data.documents.iter()).any(|d| d.partner_id == partner_id && d.document.id == id);
        Ok(listed
            .then(|| self.data.document_bytes.get(id).cloned())
            .flatten())
    }

    async fn insert_document(
        &mut self,
        partner_id: &str,
        document: &SupportingDocument,
        bytes: &[u8],
    ) -> StoreResult<()> {
        self.data.documents.push(StoredDocument {
            partner_id: partner_id.to_owned(),
            document: document.clone(),
        });
        (self.data.document_bytes).insert(document.id.clone(), bytes.to_vec());
        Ok(())
    }

    async fn delete_document(&mut self, partner_id: &str, id: &str) -> StoreResult<()> {
        (self.data.documents).retain(|d| d.partner_id != partner_id || d.document.id != id);
        self.data.document_bytes.remove(id);
        Ok(())
    }

    async fn acceptances(&mut self, partner_id: &str) -> StoreResult<Vec<AgreementAcceptance>> {
        let mut found: Vec<AgreementAcceptance> = self
            .data
            .acceptances
            .iter()
            .filter(|a| a.partner_id == partner_id)
            .map(|a| a.signed.acceptance.clone())
            .collect();
        found.sort_by(|a, b| (&a.accepted_at, &a.id).cmp(&(&b.accepted_at, &b.id)));
        Ok(found)
    }

    async fn signed_agreement(
        &mut self,
        partner_id: &str,
        id: &str,
    ) -> StoreResult<Option<SignedRecord>> {
        Ok(self
            .data
            .acceptances
            .iter()
            .find(|a| a.partner_id == partner_id && a.signed.acceptance.id == id)
            .map(|a| a.signed.clone()))
    }

    async fn insert_acceptance(
        &mut self,
        partner_id: &str,
        signed: &SignedRecord,
    ) -> StoreResult<()> {
        self.data.acceptances.push(StoredAcceptance {
            partner_id: partner_id.to_owned(),
            signed: signed.clone(),
        });
        Ok(())
    }

    async fn record_activity(&mut self, tenant_id: &str, activity: &Activity) -> StoreResult<()> {
        self.data.last_activity_id += 1;
        self.data.activity.push(StoredActivity {
            tenant_id: tenant_id.to_owned(),
            activity: Activity {
                id: self.data.last_activity_id,
                ..activity.clone()
            },
        });
        Ok(())
    }

    async fn activity(&mut self, filter: &ActivityFilter) -> StoreResult<Vec<Activity>> {
        Ok(self
            .data
            .activity
            .iter()
            .rev()
            .filter(|a| a.tenant_id == filter.tenant_id && filter.matches(&a.activity))
            .take(usize::try_from(filter.limit).unwrap_or(usize::MAX))
            .map(|a| a.activity.clone())
            .collect())
    }
}
