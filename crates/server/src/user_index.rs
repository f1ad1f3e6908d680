//! The user list's search, served from memory: each node keeps, per work account, its users as a
//! `Directory` (the domain's search keys and order, the same as the SPA's), so that a search
//! scans short prepared strings instead of rows and the count comes from the same pass. The
//! database says when a copy is stale: `tenants.users_version` moves (by trigger) in the
//! transaction of every change to the account's users or roles, and a copy is only used while
//! its version is the current one. Nodes share nothing: any node may serve any request.
//!
//! A stale copy is read again before the search on SQLite, which has no other fast search. On
//! PostgreSQL it is read again in the background while SQL (`user_search.rs`) answers: a work
//! account of 100,000 users that changes often is not read whole in front of every search.

use std::{
    collections::{HashMap, HashSet},
    sync::{Arc, Mutex},
};

use partner_domain::{
    directory::Directory,
    service::{StoreResult, UserFilter},
    UserList,
};
use sqlx::{AnyConnection, Row};

use crate::{
    db::{Database, Engine},
    user_search,
};

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
    /// Work accounts whose copy is being read in the background: one reading at a time each.
    reading: Mutex<HashSet<String>>,
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
    /// `filter`'s page from this node's copy when it is current; otherwise as the module says.
    pub async fn search(
        self: &Arc<Self>,
        db: &Database,
        filter: &UserFilter,
    ) -> StoreResult<UserList> {
        let current = version(&mut *db.pool.acquire().await?, &filter.tenant_id).await?;
        if let Some(directory) = self.cached(&filter.tenant_id, current) {
            return Ok(directory.page(filter));
        }
        match db.engine {
            Engine::Sqlite => Ok(self.read(db, &filter.tenant_id).await?.page(filter)),
            Engine::Postgres => {
                self.read_in_background(db, &filter.tenant_id);
                user_search::page(db, filter).await
            }
        }
    }

    /// Reads the account's copy and keeps it.
    async fn read(&self, db: &Database, tenant_id: &str) -> sqlx::Result<Arc<Directory>> {
        // The version and the users from one snapshot, so that the copy is what it says.
        let mut tx = crate::db::snapshot(db).await?;
        let version = version(&mut tx, tenant_id).await?;
        let directory = Arc::new(load(&mut tx, tenant_id).await?);
        tx.commit().await?;
        self.keep(tenant_id, version, directory.clone());
        Ok(directory)
    }

    fn read_in_background(self: &Arc<Self>, db: &Database, tenant_id: &str) {
        let mut reading = self.reading.lock().unwrap_or_else(|p| p.into_inner());
        if !reading.insert(tenant_id.to_owned()) {
            return;
        }
        let (index, db, tenant_id) = (self.clone(), db.clone(), tenant_id.to_owned());
        tokio::spawn(async move {
            if let Err(error) = index.read(&db, &tenant_id).await {
                tracing::warn!(%error, "reading a user list into memory failed; SQL answers");
            }
            let mut reading = index.reading.lock().unwrap_or_else(|p| p.into_inner());
            reading.remove(&tenant_id);
        });
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
