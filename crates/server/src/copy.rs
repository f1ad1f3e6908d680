//! `partner-server --copy-from sqlite:OLD --database postgres://NEW` (`cargo xtask migrate-db`):
//! moves a SQLite database to PostgreSQL. Both are first brought to the current schema (their
//! migrations), then every row of every table is copied in one PostgreSQL transaction: the copy
//! is whole or not at all, and a target that already holds a work account is refused. Identity
//! counters continue after the highest number SQLite ever gave, so that an activity cursor keeps
//! its meaning.

use std::str::FromStr;

use sqlx::{any::AnyArguments, sqlite::SqliteConnectOptions, Arguments, Row};

use crate::{
    db::{self, Database, Engine},
    StartError,
};

/// Every table, each after those its rows refer to.
const TABLES: [&str; 13] = [
    "tenants",
    "users",
    "user_roles",
    "sessions",
    "partners",
    "verification_tokens",
    "outbox",
    "agreements",
    "agreement_acceptances",
    "activity",
    "sign_in_failures",
    "documents",
    "invitations",
];

/// Rows read and written at a time: few enough for PostgreSQL's 65,535 parameters and for
/// five 5 MB documents in memory.
const BATCH_ROWS: i64 = 500;

#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error("--copy-from takes a sqlite: database and --database a postgres:// one")]
    Engines,
    #[error("{0}: no such SQLite database")]
    NoSource(std::path::PathBuf),
    #[error("the target database already holds {0} work account(s): copy into an empty one")]
    NotEmpty(i64),
    #[error("{0}")]
    Database(#[from] sqlx::Error),
    #[error("{0}")]
    Start(#[from] Box<StartError>),
}

/// How each column is read from SQLite and written to PostgreSQL.
enum Kind {
    Integer,
    Text,
    Bytes,
}

/// The target's columns that take a value (not `documents.rowid`, which numbers itself in the
/// order rows arrive), in order.
async fn columns(target: &Database, table: &str) -> Result<Vec<(String, Kind)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT column_name::text, data_type::text FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = $1
           AND identity_generation IS DISTINCT FROM 'ALWAYS'
         ORDER BY ordinal_position",
    )
    .bind(table)
    .fetch_all(&target.pool)
    .await?;
    rows.iter()
        .map(|row| {
            let (name, data_type): (String, String) = (row.try_get(0)?, row.try_get(1)?);
            let kind = match data_type.as_str() {
                "bigint" => Kind::Integer,
                "bytea" => Kind::Bytes,
                _ => Kind::Text,
            };
            Ok((name, kind))
        })
        .collect()
}

/// Copies `from` (SQLite) into `to` (PostgreSQL, empty); the number of rows of each table.
pub async fn copy_database(from: &str, to: &str) -> Result<Vec<(&'static str, u64)>, CopyError> {
    if Engine::of(from) != Some(Engine::Sqlite) || Engine::of(to) != Some(Engine::Postgres) {
        return Err(CopyError::Engines);
    }
    let file = SqliteConnectOptions::from_str(from)?
        .get_filename()
        .to_path_buf();
    if !file.is_file() {
        return Err(CopyError::NoSource(file));
    }
    let source = db::open(from).await.map_err(Box::new)?;
    let target = db::open(to).await.map_err(Box::new)?;
    let mut tx = db::write(&target, db::Scope::Everything).await?;
    let tenants: i64 = sqlx::query_scalar("SELECT count(*) FROM tenants")
        .fetch_one(&mut *tx)
        .await?;
    if tenants > 0 {
        return Err(CopyError::NotEmpty(tenants));
    }
    // Written at start from the domain crate; the source's are the ones its users accepted.
    sqlx::query("DELETE FROM agreements")
        .execute(&mut *tx)
        .await?;
    let mut copied = Vec::new();
    for table in TABLES {
        let columns = columns(&target, table).await?;
        let names: Vec<&str> = columns.iter().map(|(name, _)| name.as_str()).collect();
        let select = format!(
            "SELECT rowid AS copy_rowid, {} FROM {table} WHERE rowid > $1 ORDER BY rowid LIMIT $2",
            names.join(", ")
        );
        let (mut after, mut count) = (0i64, 0u64);
        loop {
            let rows = sqlx::query(&select)
                .bind(after)
                .bind(BATCH_ROWS)
                .fetch_all(&source.pool)
                .await?;
            let Some(last) = rows.last() else { break };
            after = last.try_get("copy_rowid")?;
            let mut args = AnyArguments::default();
            let mut values = Vec::with_capacity(rows.len());
            for row in &rows {
                let mut placeholders = Vec::with_capacity(columns.len());
                for (name, kind) in &columns {
                    let added = match kind {
                        Kind::Integer => args.add(row.try_get::<Option<i64>, _>(name.as_str())?),
                        Kind::Text => args.add(row.try_get::<Option<String>, _>(name.as_str())?),
                        Kind::Bytes => args.add(row.try_get::<Option<Vec<u8>>, _>(name.as_str())?),
                    };
                    added.map_err(sqlx::Error::Encode)?;
                    placeholders.push(format!("${}", args.len()));
                }
                values.push(format!("({})", placeholders.join(", ")));
            }
            let insert = format!(
                "INSERT INTO {table} ({}) VALUES {}",
                names.join(", "),
                values.join(", ")
            );
            sqlx::query_with(&insert, args).execute(&mut *tx).await?;
            count += rows.len() as u64;
        }
        copied.push((table, count));
    }
    for table in ["outbox", "activity"] {
        // SQLite's AUTOINCREMENT remembers numbers of rows since purged.
        let given: Option<i64> =
            sqlx::query_scalar("SELECT seq FROM sqlite_sequence WHERE name = $1")
                .bind(table)
                .fetch_optional(&source.pool)
                .await?;
        sqlx::query(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'),
                           GREATEST($1, (SELECT COALESCE(max(id), 0) FROM {table})) + 1, false)"
        ))
        .bind(given.unwrap_or(0))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(copied)
}
