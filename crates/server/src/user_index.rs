//! The user list's search on SQLite, served from memory (PostgreSQL's is `user_search.rs`):
//! each node keeps, per work account, its users as a `Directory` (the domain's search keys and
//! order, the same as the SPA's), so that a search scans short prepared strings instead of rows
//! and the count comes from the same pass. The
//! database says when a copy is stale: `tenants.users_version` moves (by trigger) in the
//! transaction of every change to the account's users or roles, and a copy is only used while
//! its version is the current one. Nodes share nothing: any node may serve any request.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use partner_domain::{directory::Directory, service::UserFilter, UserList};
use sqlx::{AnyConnection, Row};

use crate::db::Database;

/// Work accounts whose list a node keeps; past that, the least recently searched goes.
const KEPT_TENANTS: usize = 32;

struct Entry {
    version: i64,
    directory: Arc<Directory>,
    last_used: u64,
}

#[derive(Default)]
pub struct UserIndex {
    entries: Mutex<(u64, HashMap<String, Entry>)>,
}

impl UserIndex {
    fn cached(&self, tenant_id: &str, version: i64) -> Option<Arc<Directory>> {
        let mut guard = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let (clock, entries) = &mut *guard;
        *clock += 1;
        let entry = entries
            .get_mut(tenant_id)
            .filter(|e| e.version == version)?;
        entry.last_used = *clock;
        Some(entry.directory.clone())
    }

    fn keep(&self, tenant_id: &str, version: i64, directory: Arc<Directory>) {
        let mut guard = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let (clock, entries) = &mut *guard;
        *clock += 1;
        if entries.get(tenant_id).is_some_and(|e| e.version > version) {
            return;
        }
        if !entries.contains_key(tenant_id) && entries.len() >= KEPT_TENANTS {
            if let Some(oldest) = entries
                .iter()
                .min_by_key(|(_, e)| e.last_used)
                .map(|(id, _)| id.clone())
            {
                entries.remove(&oldest);
            }
        }
        entries.insert(
            tenant_id.to_owned(),
            Entry {
                version,
                directory,
                last_used: *clock,
            },
        );
    }
}

/// The account's users and roles, read once (roles joined, not queried per user), in the
/// list's order.
async fn load(conn: &mut AnyConnection, tenant_id: &str) -> sqlx::Result<Directory> {
    let rows = sqlx::query(
        "SELECT u.id, u.first_name, u.last_name, u.email, u.created_at, u.invited_at,
                string_agg(r.role, ',') AS roles
         FROM users u LEFT JOIN user_roles r ON r.user_id = u.id
         WHERE u.tenant_id = $1 GROUP BY u.id ORDER BY u.sort_name, u.id",
    )
    .bind(tenant_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Directory::new(
        rows.iter().map(crate::store::user_from).collect(),
    ))
}

async fn version(conn: &mut AnyConnection, tenant_id: &str) -> sqlx::Result<i64> {
    Ok(
        sqlx::query("SELECT users_version FROM tenants WHERE id = $1")
            .bind(tenant_id)
            .fetch_optional(&mut *conn)
            .await?
            .map_or(0, |row| row.get(0)),
    )
}

impl UserIndex {
    /// `filter`'s page from this node's copy, read again first if the account changed.
    pub async fn search(&self, db: &Database, filter: &UserFilter) -> sqlx::Result<UserList> {
        let current = version(&mut *db.pool.acquire().await?, &filter.tenant_id).await?;
        if let Some(directory) = self.cached(&filter.tenant_id, current) {
            return Ok(directory.page(filter));
        }
        // The version and the users from one snapshot, so that the copy is what it says.
        let mut tx = crate::db::snapshot(db).await?;
        let version = version(&mut tx, &filter.tenant_id).await?;
        let directory = Arc::new(load(&mut tx, &filter.tenant_id).await?);
        tx.commit().await?;
        let list = directory.page(filter);
        self.keep(&filter.tenant_id, version, directory);
        Ok(list)
    }

    /// Inside a write transaction, whose changes others must not see before it commits: read
    /// from the transaction, kept nowhere.
    pub async fn search_uncached(
        conn: &mut AnyConnection,
        filter: &UserFilter,
    ) -> sqlx::Result<UserList> {
        Ok(load(conn, &filter.tenant_id).await?.page(filter))
    }
}
