//! SQLite pool: WAL journal, foreign keys on, migrations applied at start.

use std::{path::PathBuf, str::FromStr};

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};

use crate::StartError;

pub async fn open(url: &str) -> Result<sqlx::SqlitePool, StartError> {
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .foreign_keys(true)
        .journal_mode(SqliteJournalMode::Wal)
        .busy_timeout(std::time::Duration::from_secs(5));
    let in_memory = url.contains(":memory:");
    if !in_memory {
        let parent = options
            .get_filename()
            .parent()
            .map(PathBuf::from)
            .unwrap_or_default();
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(&parent).map_err(|e| StartError::DataDir(parent, e))?;
        }
    }
    // Each connection to `:memory:` is its own empty database: keep exactly one.
    let pool = SqlitePoolOptions::new()
        .max_connections(if in_memory { 1 } else { 8 })
        .min_connections(if in_memory { 1 } else { 0 })
        .idle_timeout(if in_memory {
            None
        } else {
            Some(std::time::Duration::from_secs(600))
        })
        .max_lifetime(if in_memory {
            None
        } else {
            Some(std::time::Duration::from_secs(3600))
        })
        .connect_with(options)
        .await?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    store_agreement_texts(&pool).await?;
    Ok(pool)
}

/// Versions are immutable once stored; a new version in the domain crate becomes current.
async fn store_agreement_texts(pool: &sqlx::SqlitePool) -> Result<(), sqlx::Error> {
    let mut tx = write(pool).await?;
    for (text, lang, current) in partner_domain::agreements::all() {
        sqlx::query(
            "INSERT OR IGNORE INTO agreements (kind, version, lang, title, body, current) VALUES (?, ?, ?, ?, ?, 0)",
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
                "UPDATE agreements SET current = (version = ?) WHERE kind = ? AND lang = ?",
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

/// A write transaction, locking the database at once (`BEGIN IMMEDIATE`): a deferred one that
/// reads and then writes fails with "database is locked" when another connection wrote in
/// between, whatever the busy timeout.
pub async fn write(
    pool: &sqlx::SqlitePool,
) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
    pool.begin_with("BEGIN IMMEDIATE").await
}
