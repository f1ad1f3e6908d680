//! The user list's search on PostgreSQL, in SQL: a page of `UserFilter` read through the
//! trigram index on `users.search` (`pg_trgm`, so that a substring needle does not scan the work
//! account), in the order of `users.sort_name` then id, byte-wise (`COLLATE "C"`). The same
//! keys (`partner_domain::search`) and the same order as SQLite's in-memory `Directory`, which
//! the contract suite checks on both engines. Nodes keep nothing: a work account of 100,000
//! users is not read whole after each change.

use partner_domain::{
    search::search_key,
    service::{StoreResult, UserFilter},
    UserList,
};
use sqlx::{AnyConnection, Row};

use crate::{db::Filtered, store::USER_COLUMNS};

/// `needle` for `LIKE`, its wildcards taken literally.
fn like_pattern(needle: &str) -> String {
    let mut pattern = String::with_capacity(needle.len() + 2);
    pattern.push('%');
    for c in needle.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// The users `filter` matches, whatever the page: `select` then `FROM users u WHERE …`.
fn matching(select: &str, filter: &UserFilter) -> StoreResult<Filtered> {
    let mut query = Filtered::new(
        &format!("{select} FROM users u WHERE u.tenant_id ="),
        filter.tenant_id.clone(),
    )?;
    let needle = search_key(&filter.needle);
    if !needle.is_empty() {
        query.and("AND u.search LIKE", like_pattern(&needle))?;
        query.push("ESCAPE '\\'");
    }
    if let Some(role) = filter.role {
        query.and(
            "AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role =",
            role.key().to_owned(),
        )?;
        query.push(")");
    }
    Ok(query)
}

pub async fn page(conn: &mut AnyConnection, filter: &UserFilter) -> StoreResult<UserList> {
    // The page's ids and the count in one pass; names and roles for the page's rows only.
    let mut query = matching(
        "WITH page AS (SELECT u.id, count(*) OVER () AS total",
        filter,
    )?;
    query.and(
        "ORDER BY u.sort_name, u.id LIMIT",
        i64::try_from(filter.limit).unwrap_or(i64::MAX),
    )?;
    query.and("OFFSET", i64::try_from(filter.offset).unwrap_or(i64::MAX))?;
    query.push(&format!(
        ") SELECT {USER_COLUMNS}, page.total FROM page JOIN users u ON u.id = page.id
           ORDER BY u.sort_name, u.id"
    ));
    let rows = sqlx::query_with(&query.sql, query.args)
        .fetch_all(&mut *conn)
        .await?;
    let total: i64 = match rows.first() {
        Some(row) => row.try_get("total")?,
        // A page past the end: count apart.
        None if filter.offset > 0 => {
            let count = matching("SELECT count(*)", filter)?;
            sqlx::query_scalar_with(&count.sql, count.args)
                .fetch_one(&mut *conn)
                .await?
        }
        None => 0,
    };
    Ok(UserList {
        total: u64::try_from(total)?,
        items: rows.iter().map(crate::store::user_from).collect(),
    })
}
