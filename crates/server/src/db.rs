//! The database: SQLite (a file, WAL journal, the default) or PostgreSQL (any number of nodes on
//! one database), chosen by `--database`'s URL. Queries are written once, in the SQL both engines
//! speak (`$1` parameters, BIGINT flags, text times), and run through sqlx's `Any` driver; only
//! the migrations (`migrations/sqlite`, `migrations/postgres`), how a write transaction excludes
//! others and the user search (`user_index.rs`, `user_search.rs`) differ.

use std::{path::PathBuf, str::FromStr, time::Duration};

use partner_domain::service::StoreError;
use sqlx::{
    any::{AnyArguments, AnyConnectOptions, AnyPoolOptions},
    sqlite::SqliteConnectOptions,
    Any, AnyPool, Arguments, Encode, Executor, Type,
};

use crate::StartError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    pub fn of(url: &str) -> Option<Self> {
        if url.starts_with("sqlite:") {
            Some(Self::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Self::Postgres)
        } else {
            None
        }
    }
}

/// A pool and the engine behind it; cheap to clone.
#[derive(Clone)]
pub struct Database {
    pub pool: AnyPool,
    pub engine: Engine,
}

/// The advisory lock (one `bigint` key) every write transaction on PostgreSQL takes: exclusive
/// for a write that spans work accounts or does not know its own yet, shared for a write to one
/// account, which then also takes that account's lock (two `int` keys: [`ACCOUNT_LOCKS`] and
/// `hashtext` of its id). So writes to one account follow one another, as SQLite's
/// `BEGIN IMMEDIATE` makes every write: what an operation reads is still true when it writes, on
/// whichever node it runs; different accounts write side by side. Holding this lock exclusive
/// (`pg_advisory_lock`) pauses every writer of every node, for maintenance.
pub const WRITE_LOCK: i64 = i64::from_be_bytes(*b"\0partner");
/// The first key of each work account's advisory lock.
pub const ACCOUNT_LOCKS: i32 = i32::from_be_bytes(*b"acct");

/// What a write transaction keeps others from writing until it ends.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// Every other write: an operation that spans work accounts, or that learns which one it
    /// writes to from what it reads (a link's token, a sign-in).
    Everything,
    /// Every other write to this work account, the only one the operation writes to (the
    /// caller's own): the store's cross-account uniqueness (an email is at the account's own
    /// domain; MPN IDs are random among 9,000,000) does not depend on other accounts' writes.
    Account(&'a str),
}

pub async fn open(url: &str) -> Result<Database, StartError> {
    sqlx::any::install_default_drivers();
    let engine = Engine::of(url).ok_or_else(|| StartError::DatabaseUrl(url.to_owned()))?;
    let pool = match engine {
        Engine::Sqlite => open_sqlite(url).await?,
        Engine::Postgres => {
            AnyPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect(url)
                .await?
        }
    };
    match engine {
        Engine::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&pool).await?,
        Engine::Postgres => sqlx::migrate!("./migrations/postgres").run(&pool).await?,
    }
    let db = Database { pool, engine };
    store_agreement_texts(&db).await?;
    Ok(db)
}

async fn open_sqlite(url: &str) -> Result<AnyPool, StartError> {
    let in_memory = url.contains(":memory:");
    let mut url = url.to_owned();
    if !in_memory {
        let parent = SqliteConnectOptions::from_str(&url)?
            .get_filename()
            .parent()
            .map(PathBuf::from)
            .unwrap_or_default();
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(&parent).map_err(|e| StartError::DataDir(parent, e))?;
        }
        // Create the file if missing, as a first start expects.
        if !url.contains("mode=") {
            url.push(if url.contains('?') { '&' } else { '?' });
            url.push_str("mode=rwc");
        }
    }
    let options = AnyConnectOptions::from_str(&url)?;
    // Each connection to `:memory:` is its own empty database: keep exactly one.
    Ok(AnyPoolOptions::new()
        .max_connections(if in_memory { 1 } else { 8 })
        .min_connections(if in_memory { 1 } else { 0 })
        .idle_timeout((!in_memory).then_some(Duration::from_secs(600)))
        .max_lifetime((!in_memory).then_some(Duration::from_secs(3600)))
        .after_connect(|conn, _| {
            Box::pin(async move {
                conn.execute(
                    "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;",
                )
                .await
                .map(drop)
            })
        })
        .connect_with(options)
        .await?)
}

/// Versions are immutable once stored; a new version in the domain crate becomes current.
async fn store_agreement_texts(db: &Database) -> Result<(), sqlx::Error> {
    let mut tx = write(db, Scope::Everything).await?;
    for (text, lang, current) in partner_domain::agreements::all() {
        sqlx::query(
            "INSERT INTO agreements (kind, version, lang, title, body, current)
             VALUES ($1, $2, $3, $4, $5, 0) ON CONFLICT DO NOTHING",
        )
        .bind(text.kind.as_str())
        .bind(&text.version)
        .bind(lang.tag())
        .bind(&text.title)
        .bind(&text.body)
        .execute(&mut *tx)
        .await?;
        if current {
            sqlx::query(
                "UPDATE agreements SET current = CASE WHEN version = $1 THEN 1 ELSE 0 END
                 WHERE kind = $2 AND lang = $3",
            )
            .bind(&text.version)
            .bind(text.kind.as_str())
            .bind(lang.tag())
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await
}

/// A write transaction that excludes, from its start, the writers `scope` names: on SQLite
/// every other (`BEGIN IMMEDIATE`: a deferred one that reads and then writes fails with
/// "database is locked" when another connection wrote in between, whatever the busy timeout),
/// on PostgreSQL as [`WRITE_LOCK`] says, the locks held until the transaction ends.
pub async fn write(
    db: &Database,
    scope: Scope<'_>,
) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
    if db.engine == Engine::Sqlite {
        return db.pool.begin_with("BEGIN IMMEDIATE").await;
    }
    let mut tx = db.pool.begin().await?;
    match scope {
        Scope::Everything => {
            sqlx::query("SELECT pg_advisory_xact_lock($1)")
                .bind(WRITE_LOCK)
                .execute(&mut *tx)
                .await?;
        }
        // The shared lock first, as every writer takes them: no two wait for each other.
        Scope::Account(tenant_id) => {
            sqlx::query("SELECT pg_advisory_xact_lock_shared($1)")
                .bind(WRITE_LOCK)
                .execute(&mut *tx)
                .await?;
            sqlx::query("SELECT pg_advisory_xact_lock($1, hashtext($2))")
                .bind(ACCOUNT_LOCKS)
                .bind(tenant_id)
                .execute(&mut *tx)
                .await?;
        }
    }
    Ok(tx)
}

/// After many rows at once (`POST /api/dev/seed`): PostgreSQL plans by its statistics, which
/// autovacuum refreshes a minute later; a search made before would walk 100,000 users it believes
/// to be a few hundred. SQLite plans without them.
pub async fn after_bulk_load(db: &Database) -> Result<(), sqlx::Error> {
    if db.engine == Engine::Postgres {
        sqlx::query("ANALYZE users, user_roles, activity")
            .execute(&db.pool)
            .await?;
    }
    Ok(())
}

/// A read-only transaction whose reads all see one moment (SQLite's deferred transaction does;
/// PostgreSQL's default gives each statement its own).
pub async fn snapshot(db: &Database) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
    match db.engine {
        Engine::Sqlite => db.pool.begin().await,
        Engine::Postgres => {
            db.pool
                .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                .await
        }
    }
}

/// A query whose clauses depend on what is asked, numbering its parameters as it grows (sqlx's
/// `QueryBuilder` writes `?` for the `Any` driver, which PostgreSQL does not read).
pub struct Filtered {
    pub sql: String,
    pub args: AnyArguments<'static>,
}

impl Filtered {
    pub fn new<T: Encode<'static, Any> + Type<Any> + 'static>(
        sql: &str,
        value: T,
    ) -> Result<Self, StoreError> {
        let mut query = Self {
            sql: String::new(),
            args: AnyArguments::default(),
        };
        query.and(sql, value)?;
        Ok(query)
    }

    /// Appends `clause $n`, `$n` standing for `value`.
    pub fn and<T: Encode<'static, Any> + Type<Any> + 'static>(
        &mut self,
        clause: &str,
        value: T,
    ) -> Result<(), StoreError> {
        self.args.add(value).map_err(StoreError::from_boxed)?;
        self.sql += &format!(" {clause} ${}", self.args.len());
        Ok(())
    }

    /// Appends SQL that binds nothing.
    pub fn push(&mut self, sql: &str) {
        self.sql.push(' ');
        self.sql.push_str(sql);
    }
}
