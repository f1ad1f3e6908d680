//! The rulebook's `Store` over SQL (SQLite or PostgreSQL, `db.rs`): one transaction per writing
//! operation (`BEGIN IMMEDIATE`, or PostgreSQL's write lock, so that what an operation reads is
//! still true when it writes), a pooled connection for reads. A node keeps nothing of its own but
//! the user list's search copy (`user_index.rs`, checked against the database's version; while
//! PostgreSQL's is stale, SQL answers, `user_search.rs`): sign-in failures are rows too.

use std::sync::Arc;

use partner_domain::{
    search::{user_search_text, user_sort_key},
    service::{
        ActivityFilter, InvitationToken, PartnerRecord, SessionRecord, SignedRecord, Store,
        StoreError, StoreResult, StoredPassword, TenantRecord, UserFilter, VerificationToken,
    },
    supporting::{DocumentType, SupportingDocument},
    verification::StepTimes,
    Activity, ActivityAction, ActivityActor, ActivityResource, AgreementAcceptance, AgreementKind,
    Lang, Me, OutboxEmail, Role, Signer, TenantSummary, User, UserList, VerificationStatus,
};
use sqlx::{any::AnyRow, pool::PoolConnection, Any, AnyConnection, Row, Transaction};

use crate::{
    db::{Database, Engine, Filtered, Scope},
    env::ServerEnv,
    user_index::UserIndex,
    user_search, ApiError, AppState,
};

enum Conn {
    Write(Transaction<'static, Any>),
    /// A connection per query: none is held while an operation waits (on a password hash).
    Read(Database),
}

/// The connection a query runs on: the operation's transaction, or one from the pool.
enum Db<'a> {
    Tx(&'a mut AnyConnection),
    Pooled(PoolConnection<Any>),
}

impl std::ops::Deref for Db<'_> {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        match self {
            Db::Tx(conn) => conn,
            Db::Pooled(conn) => conn,
        }
    }
}

impl std::ops::DerefMut for Db<'_> {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        match self {
            Db::Tx(conn) => conn,
            Db::Pooled(conn) => conn,
        }
    }
}

pub struct SqlStore {
    conn: Conn,
    engine: Engine,
    env: ServerEnv,
    user_index: Arc<UserIndex>,
}

impl AppState {
    fn store(&self, conn: Conn) -> SqlStore {
        SqlStore {
            conn,
            engine: self.db.engine,
            env: ServerEnv {
                vetting_delay_s: self.vetting_delay_s,
            },
            user_index: self.user_index.clone(),
        }
    }

    /// For an operation that writes: its transaction, committed by `SqlStore::commit`, apart
    /// from every other writer.
    pub async fn write(&self) -> Result<SqlStore, ApiError> {
        let tx = crate::db::write(&self.db, Scope::Everything).await?;
        Ok(self.store(Conn::Write(tx)))
    }

    /// For an operation that writes to the caller's work account only: its transaction, beside
    /// other accounts' (`db::Scope::Account`).
    pub async fn write_to(&self, caller: &Me) -> Result<SqlStore, ApiError> {
        let tx = crate::db::write(&self.db, Scope::Account(&caller.tenant.id)).await?;
        Ok(self.store(Conn::Write(tx)))
    }

    /// For an operation that only reads (a write it makes is its own transaction).
    pub async fn read(&self) -> Result<SqlStore, ApiError> {
        Ok(self.store(Conn::Read(self.db.clone())))
    }
}

impl SqlStore {
    pub async fn commit(self) -> Result<(), ApiError> {
        if let Conn::Write(tx) = self.conn {
            tx.commit().await?;
        }
        Ok(())
    }

    async fn db(&mut self) -> Result<Db<'_>, sqlx::Error> {
        Ok(match &mut self.conn {
            Conn::Write(tx) => Db::Tx(tx),
            Conn::Read(db) => Db::Pooled(db.pool.acquire().await?),
        })
    }
}

fn json<T: serde::Serialize>(value: &T) -> StoreResult<String> {
    Ok(serde_json::to_string(value)?)
}

fn from_json<T: serde::de::DeserializeOwned>(value: &str) -> StoreResult<T> {
    Ok(serde_json::from_str(value)?)
}

fn parse_roles(joined: Option<String>) -> Vec<Role> {
    let mut roles: Vec<Role> = joined
        .unwrap_or_default()
        .split(',')
        .filter_map(Role::from_key)
        .collect();
    roles.sort();
    roles
}

pub(crate) const USER_COLUMNS: &str =
    "u.id, u.first_name, u.last_name, u.email, u.created_at, u.invited_at,
    (SELECT string_agg(role, ',') FROM user_roles r WHERE r.user_id = u.id) AS roles";

pub(crate) fn user_from(row: &AnyRow) -> User {
    User {
        id: row.get("id"),
        first_name: row.get("first_name"),
        last_name: row.get("last_name"),
        email: row.get("email"),
        roles: parse_roles(row.get("roles")),
        created_at: row.get("created_at"),
        invited_at: row.get("invited_at"),
    }
}

fn partner_from(row: &AnyRow) -> StoreResult<PartnerRecord> {
    let status: String = row.get("status");
    Ok(PartnerRecord {
        id: row.get("id"),
        tenant_id: row.get("tenant_id"),
        mpn_id: row.get("mpn_id"),
        legal_profile: from_json(row.get("legal_profile"))?,
        primary_contact: from_json(row.get("primary_contact"))?,
        status: VerificationStatus::from_key(&status)
            .ok_or_else(|| StoreError::new(format!("stored status {status:?}")))?,
        times: StepTimes {
            email_step_at: row.get("email_step_at"),
            contact_verified_at: row.get("contact_verified_at"),
            business_step_at: row.get("business_step_at"),
        },
        vetting_due_at: row.get("vetting_due_at"),
        check_reason: row
            .get::<Option<String>, _>("check_reason")
            .map(|text| from_json(&text))
            .transpose()?,
        rejections: row.get::<i64, _>("rejections").try_into().unwrap_or(0),
        last_verification_email: row.get("last_verification_email"),
        created_at: row.get("created_at"),
    })
}

fn acceptance_from(row: &AnyRow) -> StoreResult<AgreementAcceptance> {
    let kind: String = row.get("kind");
    Ok(AgreementAcceptance {
        id: row.get("id"),
        kind: AgreementKind::from_key(&kind)
            .ok_or_else(|| StoreError::new(format!("stored agreement kind {kind:?}")))?,
        version: row.get("version"),
        title: row.get("title"),
        accepted_at: row.get("accepted_at"),
        accepted_by: Signer {
            name: row.get("signer_name"),
            email: row.get("signer_email"),
        },
    })
}

fn document_from(row: &AnyRow) -> StoreResult<SupportingDocument> {
    let content_type: String = row.get("content_type");
    let size: i64 = row.get("size");
    Ok(SupportingDocument {
        id: row.get("id"),
        name: row.get("name"),
        size: u64::try_from(size)?,
        content_type: DocumentType::from_key(&content_type)
            .ok_or_else(|| StoreError::new(format!("stored document type {content_type:?}")))?,
        uploaded_by: ActivityActor {
            id: row.get("uploaded_by_id"),
            name: row.get("uploaded_by_name"),
            email: row.get("uploaded_by_email"),
        },
        uploaded_at: row.get("uploaded_at"),
    })
}

impl Store for SqlStore {
    type Env = ServerEnv;

    fn env(&self) -> &ServerEnv {
        &self.env
    }

    async fn domain_prefix_taken(&mut self, prefix: &str) -> StoreResult<bool> {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM tenants WHERE domain_prefix = $1")
                .bind(prefix)
                .fetch_optional(&mut *self.db().await?)
                .await?;
        Ok(found.is_some())
    }

    async fn insert_tenant(&mut self, tenant: &TenantRecord) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO tenants (id, name, domain_prefix, country, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&tenant.id)
        .bind(&tenant.name)
        .bind(&tenant.domain_prefix)
        .bind(&tenant.country)
        .bind(&tenant.created_at)
        .execute(&mut *self.db().await?)
        .await?;
        Ok(())
    }

    async fn me(&mut self, user_id: &str) -> StoreResult<Option<Me>> {
        let sql = format!(
            "SELECT {USER_COLUMNS}, u.must_change_password, t.id AS tenant_id, t.name AS tenant_name,
                    t.domain_prefix, (SELECT p.id FROM partners p WHERE p.tenant_id = t.id) AS partner_id
             FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE u.id = $1"
        );
        let Some(row) = sqlx::query(&sql)
            .bind(user_id)
            .fetch_optional(&mut *self.db().await?)
            .await?
        else {
            return Ok(None);
        };
        let prefix: String = row.get("domain_prefix");
        Ok(Some(Me {
            user: user_from(&row),
            tenant: TenantSummary {
                id: row.get("tenant_id"),
                name: row.get("tenant_name"),
                domain: format!("{prefix}.onmicrosoft.com"),
            },
            partner_id: row.get("partner_id"),
            must_change_password: row.get::<i64, _>("must_change_password") != 0,
        }))
    }

    async fn credentials(&mut self, email: &str) -> StoreResult<Option<(String, StoredPassword)>> {
        let row: Option<(String, String, Option<String>)> =
            sqlx::query_as("SELECT id, password_hash, temporary_until FROM users WHERE email = $1")
                .bind(email)
                .fetch_optional(&mut *self.db().await?)
                .await?;
        Ok(row.map(|(id, hash, temporary_until)| {
            (
                id,
                StoredPassword {
                    hash,
                    temporary_until,
                },
            )
        }))
    }

    async fn password_hash(&mut self, user_id: &str) -> StoreResult<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1")
                .bind(user_id)
                .fetch_optional(&mut *self.db().await?)
                .await?,
        )
    }

    async fn set_password(&mut self, user_id: &str, password: &StoredPassword) -> StoreResult<()> {
        sqlx::query(
            "UPDATE users SET password_hash = $1, temporary_until = $2, must_change_password = $3
             WHERE id = $4",
        )
        .bind(&password.hash)
        .bind(&password.temporary_until)
        .bind(i64::from(password.temporary_until.is_some()))
        .bind(user_id)
        .execute(&mut *self.db().await?)
        .await?;
        Ok(())
    }

    async fn insert_session(&mut self, session: &SessionRecord) -> StoreResult<()> {
        sqlx::query("INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)")
            .bind(&session.token_hash)
            .bind(&session.user_id)
            .bind(&session.expires_at)
            .execute(&mut *self.db().await?)
            .await?;
        Ok(())
    }

    async fn session(&mut self, token_hash: &str) -> StoreResult<Option<SessionRecord>> {
        let row: Option<(String, String)> =
            sqlx::query_as("SELECT user_id, expires_at FROM sessions WHERE token_hash = $1")
                .bind(token_hash)
                .fetch_optional(&mut *self.db().await?)
                .await?;
        Ok(row.map(|(user_id, expires_at)| SessionRecord {
            token_hash: token_hash.to_owned(),
            user_id,
            expires_at,
        }))
    }

    async fn set_session_expiry(&mut self, token_hash: &str, expires_at: &str) -> StoreResult<()> {
        sqlx::query("UPDATE sessions SET expires_at = $1 WHERE token_hash = $2")
            .bind(expires_at)
            .bind(token_hash)
            .execute(&mut *self.db().await?)
            .await?;
        Ok(())
    }

    async fn delete_session(&mut self, token_hash: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&mut *self.db().await?)
            .await?;
        Ok(())
    }

    async fn end_sessions(&mut self, user_id: &str, keep: Option<&str>) -> StoreResult<()> {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2")
            .bind(user_id)
            .bind(keep)
            .execute(&mut *self.db().await?)
            .await?;
        Ok(())
    }

    async fn sign_in_failures(&mut self, key: &str, since: i64) -> StoreResult<Vec<i64>> {
        let rows =
            sqlx::query("SELECT at FROM sign_in_failures WHERE key = $1 AND at > $2 ORDER BY at")
                .bind(key)
                .bind(since)
                .fetch_all(&mut *self.db().await?)
                .await?;
        Ok(rows.iter().map(|row| row.get("at")).collect())
    }

    async fn record_sign_in_failure(&mut self, key: &str, at: i64) -> StoreResult<()> {
        sqlx::query("INSERT INTO sign_in_failures (key, at) VALUES ($1, $2)")
            .bind(key)
            .bind(at)
            .execute(&mut *self.db().await?)
            .await?;
        Ok(())
    }

    async fn clear_sign_in_failures(&mut self, key: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM sign_in_failures WHERE key = $1")
            .bind(key)
            .execute(&mut *self.db().await?)
            .await?;
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
        sqlx::query("DELETE FROM sign_in_failures WHERE at <= $1")
            .bind(failures_until)
            .execute(&mut *self.db().await?)
            .await?;
        for (sql, until) in [
            (
                "DELETE FROM sessions WHERE expires_at <= $1",
                sessions_until,
            ),
            (
                "DELETE FROM verification_tokens WHERE expires_at <= $1",
                links_until,
            ),
            (
                "DELETE FROM invitations WHERE expires_at <= $1",
                links_until,
            ),
            ("DELETE FROM outbox WHERE sent_at <= $1", emails_until),
            ("DELETE FROM activity WHERE at <= $1", activity_until),
        ] {
            sqlx::query(sql)
                .bind(until)
                .execute(&mut *self.db().await?)
                .await?;
        }
        Ok(())
    }

    async fn email_taken(&mut self, email: &str) -> StoreResult<bool> {
        let found: Option<i64> = sqlx::query_scalar("SELECT 1 FROM users WHERE email = $1")
            .bind(email)
            .fetch_optional(&mut *self.db().await?)
            .await?;
        Ok(found.is_some())
    }

    async fn insert_user(
        &mut self,
        tenant_id: &str,
        user: &User,
        password: &StoredPassword,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO users (id, tenant_id, first_name, last_name, email, password_hash,
                                temporary_until, must_change_password, created_at, search,
                                sort_name, invited_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(&user.id)
        .bind(tenant_id)
        .bind(&user.first_name)
        .bind(&user.last_name)
        .bind(&user.email)
        .bind(&password.hash)
        .bind(&password.temporary_until)
        .bind(i64::from(password.temporary_until.is_some()))
        .bind(&user.created_at)
        .bind(user_search_text(
            &user.first_name,
            &user.last_name,
            &user.email,
        ))
        .bind(user_sort_key(&user.first_name, &user.last_name))
        .bind(&user.invited_at)
        .execute(&mut *self.db().await?)
        .await?;
        self.insert_roles(user).await
    }

    async fn user(&mut self, tenant_id: &str, id: &str) -> StoreResult<Option<User>> {
        let sql =
            format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1 AND u.tenant_id = $2");
        Ok(sqlx::query(&sql)
            .bind(id)
            .bind(tenant_id)
            .fetch_optional(&mut *self.db().await?)
            .await?
            .map(|row| user_from(&row)))
    }

    async fn update_user(&mut self, user: &User) -> StoreResult<()> {
        sqlx::query(
            "UPDATE users SET first_name = $1, last_name = $2, search = $3, sort_name = $4 WHERE id = $5",
        )
        .bind(&user.first_name)
        .bind(&user.last_name)
        .bind(user_search_text(&user.first_name, &user.last_name, &user.email))
        .bind(user_sort_key(&user.first_name, &user.last_name))
        .bind(&user.id)
        .execute(&mut *self.db().await?)
        .await?;
        sqlx::query("DELETE FROM user_roles WHERE user_id = $1")
            .bind(&user.id)
            .execute(&mut *self.db().await?)
            .await?;
        self.insert_roles(user).await
    }

    async fn delete_user(&mut self, id: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM users WHERE id = $1")
            .bind(id)
            .execute(&mut *self.db().await?)
            .await?;
        Ok(())
    }

    async fn global_admins_except(&mut self, tenant_id: &str, user_id: &str) -> StoreResult<u64> {
        let count: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM users u JOIN user_roles r ON r.user_id = u.id
             WHERE u.tenant_id = $1 AND r.role = 'global_admin' AND u.id <> $2",
        )
        .bind(tenant_id)
        .bind(user_id)
        .fetch_one(&mut *self.db().await?)
        .await?;
        Ok(count as u64)
    }

    async fn list_users(&mut self, filter: &UserFilter) -> StoreResult<UserList> {
        Ok(match &mut self.conn {
            Conn::Read(db) => self.user_index.search(db, filter).await?,
            Conn::Write(tx) if self.engine == Engine::Postgres => {
                user_search::page_in(tx, filter).await?
            }
            Conn::Write(tx) => UserIndex::search_uncached(tx, filter).await?,
        })
    }

    async fn partner(&mut self, tenant_id: &str) -> StoreResult<Option<PartnerRecord>> {
        sqlx::query("SELECT * FROM partners WHERE tenant_id = $1")
            .bind(tenant_id)
            .fetch_optional(&mut *self.db().await?)
            .await?
            .as_ref()
            .map(partner_from)
            .transpose()
    }

    async fn partner_by_id(&mut self, id: &str) -> StoreResult<Option<PartnerRecord>> {
        sqlx::query("SELECT * FROM partners WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *self.db().await?)
            .await?
            .as_ref()
            .map(partner_from)
            .transpose()
    }

    async fn mpn_id_taken(&mut self, mpn_id: &str) -> StoreResult<bool> {
        let found: Option<i64> = sqlx::query_scalar("SELECT 1 FROM partners WHERE mpn_id = $1")
            .bind(mpn_id)
            .fetch_optional(&mut *self.db().await?)
            .await?;
        Ok(found.is_some())
    }

    async fn insert_partner(&mut self, partner: &PartnerRecord) -> StoreResult<()> {
        self.write_partner(partner).await
    }

    async fn update_partner(&mut self, partner: &PartnerRecord) -> StoreResult<()> {
        self.write_partner(partner).await
    }

    async fn set_invited(&mut self, user_id: &str, at: Option<&str>) -> StoreResult<()> {
        sqlx::query("UPDATE users SET invited_at = $1 WHERE id = $2")
            .bind(at)
            .bind(user_id)
            .execute(&mut *self.db().await?)
            .await?;
        Ok(())
    }

    async fn replace_invitation(&mut self, invitation: &InvitationToken) -> StoreResult<()> {
        sqlx::query("DELETE FROM invitations WHERE user_id = $1 AND used_at IS NULL")
            .bind(&invitation.user_id)
            .execute(&mut *self.db().await?)
            .await?;
        sqlx::query(
            "INSERT INTO invitations (token_hash, user_id, expires_at, used_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(&invitation.token_hash)
        .bind(&invitation.user_id)
        .bind(&invitation.expires_at)
        .bind(&invitation.used_at)
        .execute(&mut *self.db().await?)
        .await?;
        Ok(())
    }

    async fn invitation(&mut self, token_hash: &str) -> StoreResult<Option<InvitationToken>> {
        let row: Option<(String, String, Option<String>)> = sqlx::query_as(
            "SELECT user_id, expires_at, used_at FROM invitations WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&mut *self.db().await?)
        .await?;
        Ok(row.map(|(user_id, expires_at, used_at)| InvitationToken {
            token_hash: token_hash.to_owned(),
            user_id,
            expires_at,
            used_at,
        }))
    }

    async fn use_invitation(&mut self, token_hash: &str, at: &str) -> StoreResult<()> {
        sqlx::query("UPDATE invitations SET used_at = $1 WHERE token_hash = $2")
            .bind(at)
            .bind(token_hash)
            .execute(&mut *self.db().await?)
            .await?;
        Ok(())
    }

    async fn replace_verification_token(&mut self, token: &VerificationToken) -> StoreResult<()> {
        sqlx::query("DELETE FROM verification_tokens WHERE partner_id = $1 AND used_at IS NULL")
            .bind(&token.partner_id)
            .execute(&mut *self.db().await?)
            .await?;
        sqlx::query(
            "INSERT INTO verification_tokens (token_hash, partner_id, email, expires_at, used_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&token.token_hash)
        .bind(&token.partner_id)
        .bind(&token.email)
        .bind(&token.expires_at)
        .bind(&token.used_at)
        .execute(&mut *self.db().await?)
        .await?;
        Ok(())
    }

    async fn verification_token(
        &mut self,
        token_hash: &str,
    ) -> StoreResult<Option<VerificationToken>> {
        let row: Option<(String, String, String, Option<String>)> = sqlx::query_as(
            "SELECT partner_id, email, expires_at, used_at FROM verification_tokens WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&mut *self.db().await?)
        .await?;
        Ok(row.map(
            |(partner_id, email, expires_at, used_at)| VerificationToken {
                token_hash: token_hash.to_owned(),
                partner_id,
                email,
                expires_at,
                used_at,
            },
        ))
    }

    async fn use_verification_token(&mut self, token_hash: &str, at: &str) -> StoreResult<()> {
        sqlx::query("UPDATE verification_tokens SET used_at = $1 WHERE token_hash = $2")
            .bind(at)
            .bind(token_hash)
            .execute(&mut *self.db().await?)
            .await?;
        Ok(())
    }

    async fn send_email(&mut self, tenant_id: &str, email: &OutboxEmail) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO outbox (tenant_id, to_addr, subject, body, link, sent_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(tenant_id)
        .bind(&email.to)
        .bind(&email.subject)
        .bind(&email.body)
        .bind(&email.link)
        .bind(&email.sent_at)
        .execute(&mut *self.db().await?)
        .await?;
        Ok(())
    }

    async fn outbox(
        &mut self,
        tenant_id: Option<&str>,
        limit: usize,
    ) -> StoreResult<Vec<OutboxEmail>> {
        Ok(sqlx::query(
            "SELECT to_addr, subject, body, link, sent_at FROM outbox
             WHERE $1 IS NULL OR tenant_id = $1 ORDER BY id DESC LIMIT $2",
        )
        .bind(tenant_id)
        .bind(limit as i64)
        .fetch_all(&mut *self.db().await?)
        .await?
        .iter()
        .map(|row| OutboxEmail {
            to: row.get("to_addr"),
            subject: row.get("subject"),
            body: row.get("body"),
            link: row.get("link"),
            sent_at: row.get("sent_at"),
        })
        .collect())
    }

    async fn documents(&mut self, partner_id: &str) -> StoreResult<Vec<SupportingDocument>> {
        sqlx::query(
            "SELECT id, name, size, content_type, uploaded_by_id, uploaded_by_name,
                    uploaded_by_email, uploaded_at
             FROM documents WHERE partner_id = $1 ORDER BY uploaded_at, rowid",
        )
        .bind(partner_id)
        .fetch_all(&mut *self.db().await?)
        .await?
        .iter()
        .map(document_from)
        .collect()
    }

    async fn document_bytes(&mut self, partner_id: &str, id: &str) -> StoreResult<Option<Vec<u8>>> {
        Ok(
            sqlx::query_scalar("SELECT bytes FROM documents WHERE id = $1 AND partner_id = $2")
                .bind(id)
                .bind(partner_id)
                .fetch_optional(&mut *self.db().await?)
                .await?,
        )
    }

    async fn insert_document(
        &mut self,
        partner_id: &str,
        document: &SupportingDocument,
        bytes: &[u8],
    ) -> StoreResult<()> {
        let by = &document.uploaded_by;
        sqlx::query(
            "INSERT INTO documents (id, partner_id, name, size, content_type, uploaded_by_id,
                                    uploaded_by_name, uploaded_by_email, uploaded_at, bytes)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&document.id)
        .bind(partner_id)
        .bind(&document.name)
        .bind(i64::try_from(document.size)?)
        .bind(document.content_type.as_str())
        .bind(&by.id)
        .bind(&by.name)
        .bind(&by.email)
        .bind(&document.uploaded_at)
        .bind(bytes)
        .execute(&mut *self.db().await?)
        .await?;
        Ok(())
    }

    async fn delete_document(&mut self, partner_id: &str, id: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM documents WHERE id = $1 AND partner_id = $2")
            .bind(id)
            .bind(partner_id)
            .execute(&mut *self.db().await?)
            .await?;
        Ok(())
    }

    async fn acceptances(&mut self, partner_id: &str) -> StoreResult<Vec<AgreementAcceptance>> {
        sqlx::query(
            "SELECT id, kind, version, title, accepted_at, signer_name, signer_email
             FROM agreement_acceptances WHERE partner_id = $1 ORDER BY accepted_at, id",
        )
        .bind(partner_id)
        .fetch_all(&mut *self.db().await?)
        .await?
        .iter()
        .map(acceptance_from)
        .collect()
    }

    async fn signed_agreement(
        &mut self,
        partner_id: &str,
        id: &str,
    ) -> StoreResult<Option<SignedRecord>> {
        let Some(row) = sqlx::query(
            "SELECT id, kind, version, lang, title, accepted_at, signer_name, signer_email
             FROM agreement_acceptances WHERE id = $1 AND partner_id = $2",
        )
        .bind(id)
        .bind(partner_id)
        .fetch_optional(&mut *self.db().await?)
        .await?
        else {
            return Ok(None);
        };
        let lang: String = row.get("lang");
        Ok(Some(SignedRecord {
            acceptance: acceptance_from(&row)?,
            lang: Lang::from_tag(&lang)
                .ok_or_else(|| StoreError::new(format!("stored language {lang:?}")))?,
        }))
    }

    async fn insert_acceptance(
        &mut self,
        partner_id: &str,
        signed: &SignedRecord,
    ) -> StoreResult<()> {
        let a = &signed.acceptance;
        sqlx::query(
            "INSERT INTO agreement_acceptances (id, partner_id, kind, version, lang, title, accepted_at, signer_name, signer_email)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&a.id)
        .bind(partner_id)
        .bind(a.kind.as_str())
        .bind(&a.version)
        .bind(signed.lang.tag())
        .bind(&a.title)
        .bind(&a.accepted_at)
        .bind(&a.accepted_by.name)
        .bind(&a.accepted_by.email)
        .execute(&mut *self.db().await?)
        .await?;
        Ok(())
    }

    async fn record_activity(&mut self, tenant_id: &str, activity: &Activity) -> StoreResult<()> {
        let actor = activity.actor.as_ref();
        sqlx::query(
            "INSERT INTO activity (tenant_id, at, actor_id, actor_name, actor_email, resource,
                                   action, target, detail, old_value, new_value, address)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(tenant_id)
        .bind(&activity.at)
        .bind(actor.map(|a| &a.id))
        .bind(actor.map(|a| &a.name))
        .bind(actor.map(|a| &a.email))
        .bind(activity.resource.as_str())
        .bind(activity.action.as_str())
        .bind(&activity.target)
        .bind(&activity.detail)
        .bind(&activity.old)
        .bind(&activity.new)
        .bind(&activity.address)
        .execute(&mut *self.db().await?)
        .await?;
        Ok(())
    }

    async fn activity(&mut self, filter: &ActivityFilter) -> StoreResult<Vec<Activity>> {
        // Only the filters asked for, so that the index of each (tenant, resource or actor, id)
        // serves the query and the newest matches come first without a sort.
        let mut query = Filtered::new(
            "SELECT id, at, actor_id, actor_name, actor_email, resource, action, target, detail,
                    old_value, new_value, address
             FROM activity WHERE tenant_id =",
            filter.tenant_id.clone(),
        )?;
        if let Some(resource) = filter.resource {
            query.and("AND resource =", resource.as_str().to_owned())?;
        }
        if let Some(actor) = &filter.actor_id {
            query.and("AND actor_id =", actor.clone())?;
        }
        if let Some(since) = &filter.since {
            query.and("AND at >=", since.clone())?;
        }
        if let Some(until) = &filter.until {
            query.and("AND at <", until.clone())?;
        }
        if let Some(before) = filter.before {
            query.and("AND id <", i64::try_from(before).unwrap_or(i64::MAX))?;
        }
        query.and(
            "ORDER BY id DESC LIMIT",
            i64::try_from(filter.limit).unwrap_or(i64::MAX),
        )?;
        let rows = sqlx::query_with(&query.sql, query.args)
            .fetch_all(&mut *self.db().await?)
            .await?;
        rows.iter().map(activity_of).collect()
    }
}

fn activity_of(row: &AnyRow) -> StoreResult<Activity> {
    let key = |column: &str| -> StoreResult<String> { Ok(row.try_get(column)?) };
    let resource = key("resource")?;
    let action = key("action")?;
    let actor_id: Option<String> = row.try_get("actor_id")?;
    Ok(Activity {
        id: row.try_get::<i64, _>("id")? as u64,
        at: row.try_get("at")?,
        actor: match actor_id {
            Some(id) => Some(ActivityActor {
                id,
                name: row.try_get("actor_name")?,
                email: row.try_get("actor_email")?,
            }),
            None => None,
        },
        resource: ActivityResource::from_key(&resource)
            .ok_or_else(|| StoreError::new(format!("unknown activity resource {resource:?}")))?,
        action: ActivityAction::from_key(&action)
            .ok_or_else(|| StoreError::new(format!("unknown activity action {action:?}")))?,
        target: row.try_get("target")?,
        detail: row.try_get("detail")?,
        old: row.try_get("old_value")?,
        new: row.try_get("new_value")?,
        address: row.try_get("address")?,
    })
}

impl SqlStore {
    /// Inserts the partner, or rewrites every column that can change.
    async fn write_partner(&mut self, partner: &PartnerRecord) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO partners (id, tenant_id, mpn_id, legal_profile, primary_contact, status,
                                   email_step_at, contact_verified_at, business_step_at,
                                   vetting_due_at, check_reason, rejections,
                                   last_verification_email, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
             ON CONFLICT (id) DO UPDATE SET
                legal_profile = excluded.legal_profile, primary_contact = excluded.primary_contact,
                status = excluded.status, email_step_at = excluded.email_step_at,
                contact_verified_at = excluded.contact_verified_at,
                business_step_at = excluded.business_step_at,
                vetting_due_at = excluded.vetting_due_at,
                check_reason = excluded.check_reason, rejections = excluded.rejections,
                last_verification_email = excluded.last_verification_email",
        )
        .bind(&partner.id)
        .bind(&partner.tenant_id)
        .bind(&partner.mpn_id)
        .bind(json(&partner.legal_profile)?)
        .bind(json(&partner.primary_contact)?)
        .bind(partner.status.key())
        .bind(&partner.times.email_step_at)
        .bind(&partner.times.contact_verified_at)
        .bind(&partner.times.business_step_at)
        .bind(&partner.vetting_due_at)
        .bind(partner.check_reason.as_ref().map(json).transpose()?)
        .bind(i64::from(partner.rejections))
        .bind(&partner.last_verification_email)
        .bind(&partner.created_at)
        .execute(&mut *self.db().await?)
        .await?;
        Ok(())
    }

    async fn insert_roles(&mut self, user: &User) -> StoreResult<()> {
        for role in &user.roles {
            sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)")
                .bind(&user.id)
                .bind(role.key())
                .execute(&mut *self.db().await?)
                .await?;
        }
        Ok(())
    }
}
