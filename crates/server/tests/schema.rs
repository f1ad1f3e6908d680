//! The two engines' migrations build the same schema: the same tables, columns (of matching
//! types and nullability), indexes and triggers. A migration written for one engine and
//! forgotten for the other fails here.

mod common;

use std::collections::BTreeSet;

use common::*;
use sqlx::{AnyPool, Row};

/// What each engine calls the types the store uses.
fn portable_type(engine_type: &str) -> &str {
    match engine_type.to_ascii_lowercase().as_str() {
        "text" => "text",
        "integer" | "bigint" => "integer",
        "blob" | "bytea" => "bytes",
        _ => panic!("a column of type {engine_type}: the store reads text, integers and bytes"),
    }
}

type Column = (String, String, String, bool);

#[derive(Debug, PartialEq)]
struct Schema {
    columns: BTreeSet<Column>,
    indexes: BTreeSet<String>,
    triggers: BTreeSet<String>,
}

async fn names(db: &AnyPool, sql: &str) -> BTreeSet<String> {
    sqlx::query_scalar(sql)
        .fetch_all(db)
        .await
        .unwrap()
        .into_iter()
        .collect()
}

async fn columns(db: &AnyPool, sql: &str) -> BTreeSet<Column> {
    sqlx::query(sql)
        .fetch_all(db)
        .await
        .unwrap()
        .iter()
        .map(|row| {
            let engine_type: String = row.get(2);
            (
                row.get(0),
                row.get(1),
                portable_type(&engine_type).to_owned(),
                row.get::<i64, _>(3) != 0,
            )
        })
        .collect()
}

async fn sqlite_schema(db: &AnyPool) -> Schema {
    Schema {
        // SQLite lets a TEXT primary key hold NULL unless told otherwise; the store never
        // writes one, and PostgreSQL's primary keys are NOT NULL: compare them as such.
        columns: columns(
            db,
            "SELECT m.name, p.name, p.type, p.\"notnull\" OR p.pk > 0
             FROM sqlite_master m, pragma_table_info(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations'",
        )
        .await,
        indexes: names(
            db,
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
        )
        .await,
        triggers: names(db, "SELECT name FROM sqlite_master WHERE type = 'trigger'").await,
    }
}

async fn postgres_schema(db: &AnyPool) -> Schema {
    let mut columns = columns(
        db,
        "SELECT table_name::text, column_name::text, data_type::text,
                CASE WHEN is_nullable = 'NO' THEN 1 ELSE 0 END::bigint
         FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
    )
    .await;
    // SQLite's rowid is hidden; PostgreSQL's stand-in is a column.
    let rowid = ("documents".into(), "rowid".into(), "integer".into(), true);
    assert!(columns.remove(&rowid), "documents.rowid orders documents");
    // Those backing a primary key or a UNIQUE constraint are SQLite's automatic ones.
    let mut indexes = names(
        db,
        "SELECT indexname::text FROM pg_indexes WHERE schemaname = 'public'
         AND indexname NOT IN (SELECT conname FROM pg_constraint)",
    )
    .await;
    assert!(indexes.remove("users_search_trigrams"), "{indexes:?}");
    Schema {
        columns,
        indexes,
        triggers: names(
            db,
            "SELECT DISTINCT trigger_name::text FROM information_schema.triggers
             WHERE trigger_schema = 'public'",
        )
        .await,
    }
}

#[tokio::test]
async fn schemas_of_both_engines_agree() {
    let Some(server) = postgres_server_or_skip() else {
        return;
    };
    let sqlite = start_on_sqlite().await;
    let database = new_postgres_database(&server).await;
    let postgres = start_configured(|options| options.database = database).await;
    let sqlite = sqlite_schema(&sqlite.db().await).await;
    let postgres = postgres_schema(&postgres.db().await).await;
    assert!(sqlite.columns.len() > 50, "{sqlite:?}");
    assert_eq!(sqlite, postgres);
}
