//! The user list's search on PostgreSQL while this node's copy (`user_index.rs`) is stale, in SQL,
//! and inside write transactions: a page of `UserFilter` read through the
//! trigram index on `users.search` (`pg_trgm`, so that a substring needle does not scan the work
//! account), in `Directory`'s orders, byte-wise (`COLLATE "C"`): the same keys
//! (`partner_domain::search`) and the same orders as SQLite's in-memory copy, which the contract
//! suite checks on both engines.

use partner_domain::{
    directory::{Direction, SortBy},
    search::search_key,
    service::{StoreResult, UserFilter},
    User, UserList,
};
use sqlx::AnyConnection;

use crate::{
    db::{Database, Filtered},
    store::USER_COLUMNS,
};

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
    if filter.invited_only {
        query.push("AND u.invited_at IS NOT NULL");
    }
    Ok(query)
}

/// `Directory`'s orders: by name key then id, or by the email's search key (the third line of
/// `search`, so that it is the domain's very key) then as by name; `Desc` reverses the whole.
fn order_by(filter: &UserFilter) -> &'static str {
    match (filter.sort, filter.direction) {
        (SortBy::Name, Direction::Asc) => "u.sort_name, u.id",
        (SortBy::Name, Direction::Desc) => "u.sort_name DESC, u.id DESC",
        (SortBy::Email, Direction::Asc) => "split_part(u.search, E'\\n', 3), u.sort_name, u.id",
        (SortBy::Email, Direction::Desc) => {
            "split_part(u.search, E'\\n', 3) DESC, u.sort_name DESC, u.id DESC"
        }
    }
}

/// The page's users, with their roles.
async fn items(conn: &mut AnyConnection, filter: &UserFilter) -> StoreResult<Vec<User>> {
    // The page's ids first (an index walk in order, or the trigram index), then names and roles
    // for those rows only.
    let mut query = matching("WITH page AS (SELECT u.id", filter)?;
    let order = order_by(filter);
    query.and(
        &format!("ORDER BY {order} LIMIT"),
        i64::try_from(filter.limit).unwrap_or(i64::MAX),
    )?;
    query.and("OFFSET", i64::try_from(filter.offset).unwrap_or(i64::MAX))?;
    query.push(&format!(
        ") SELECT {USER_COLUMNS} FROM page JOIN users u ON u.id = page.id ORDER BY {order}"
    ));
    let rows = sqlx::query_with(&query.sql, query.args)
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows.iter().map(crate::store::user_from).collect())
}

/// How many users match, whatever the page: a pass of its own, as PostgreSQL counts from the
/// index alone where it can, while a count beside each row reads every matching row in order
/// (300 ms against 25 ms at 100,000 users).
async fn count(conn: &mut AnyConnection, filter: &UserFilter) -> StoreResult<u64> {
    let query = matching("SELECT count(*)", filter)?;
    let total: i64 = sqlx::query_scalar_with(&query.sql, query.args)
        .fetch_one(&mut *conn)
        .await?;
    Ok(u64::try_from(total)?)
}

/// A page that starts at the top and is not full holds every match (most searches that narrow
/// the list): its count is the page's.
fn known_total(filter: &UserFilter, items: &[User]) -> Option<u64> {
    (filter.offset == 0 && (items.len() as u64) < filter.limit).then_some(items.len() as u64)
}

/// Inside a transaction: the page, then the count, on its connection.
pub async fn page_in(conn: &mut AnyConnection, filter: &UserFilter) -> StoreResult<UserList> {
    let items = items(conn, filter).await?;
    let total = match known_total(filter, &items) {
        Some(total) => total,
        None => count(conn, filter).await?,
    };
    Ok(UserList { total, items })
}

/// Outside one: the page and the count side by side, each on a pooled connection.
pub async fn page(db: &Database, filter: &UserFilter) -> StoreResult<UserList> {
    let (items, total) = tokio::try_join!(
        async { items(&mut *db.pool.acquire().await?, filter).await },
        async { count(&mut *db.pool.acquire().await?, filter).await },
    )?;
    Ok(UserList {
        total: known_total(filter, &items).unwrap_or(total),
        items,
    })
}
