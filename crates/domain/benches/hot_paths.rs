//! The pure code users wait on, natively (`cargo xtask bench native`): the user list's
//! filtering and sorting (`Directory`) at 10,000 and 100,000 users, the search key of a name,
//! and reading an import file of 1,000 rows.

use divan::{black_box, Bencher};
use partner_domain::{
    demo,
    directory::{Direction, Directory, SortBy, View},
    import::{parse_users_csv, users_csv},
    search::search_key,
    Role, User,
};

fn main() {
    divan::main();
}

const SIZES: [usize; 2] = [10_000, 100_000];

fn users(count: usize) -> Vec<User> {
    (0..count)
        .map(|i| {
            let demo = demo::user(i, "contoso.onmicrosoft.com", "b");
            User {
                id: format!("u-{i}"),
                first_name: demo.first_name.into(),
                last_name: demo.last_name.into(),
                email: demo.email,
                roles: vec![demo.role],
                created_at: "2026-11-30T10:00:00Z".into(),
                invited_at: None,
            }
        })
        .collect()
}

fn view(q: &str, role: Option<Role>, sort: SortBy, direction: Direction) -> View {
    View {
        q: q.into(),
        role,
        sort,
        direction,
        ..View::default()
    }
}

/// Loading the list: search keys and orders computed once.
#[divan::bench(args = SIZES, sample_count = 10)]
fn directory_new(bencher: Bencher, count: usize) {
    bencher
        .with_inputs(|| users(count))
        .bench_values(Directory::new);
}

/// A keystroke in the search box: the rows that match, in order.
#[divan::bench(args = SIZES)]
fn directory_search(bencher: Bencher, count: usize) {
    let directory = Directory::new(users(count));
    let query = view("lef", None, SortBy::Name, Direction::Asc);
    let mut out = Vec::with_capacity(count);
    bencher.bench_local(|| {
        directory.select(black_box(&query), &mut out);
        out.len()
    });
}

/// The next keystroke ("le" → "lef"): looking only into the users "le" found.
#[divan::bench(args = SIZES)]
fn directory_narrow(bencher: Bencher, count: usize) {
    let directory = Directory::new(users(count));
    let before = view("le", None, SortBy::Name, Direction::Asc);
    let query = view("lef", None, SortBy::Name, Direction::Asc);
    let mut shown = Vec::with_capacity(count);
    directory.select(&before, &mut shown);
    let mut out = Vec::with_capacity(count);
    bencher.bench_local(|| {
        directory.narrow(&before, &shown, black_box(&query), &mut out);
        out.len()
    });
}

/// A role filter, sorted by email, descending.
#[divan::bench(args = SIZES)]
fn directory_filter_and_sort(bencher: Bencher, count: usize) {
    let directory = Directory::new(users(count));
    let query = view("", Some(Role::SalesAgent), SortBy::Email, Direction::Desc);
    let mut out = Vec::with_capacity(count);
    bencher.bench_local(|| {
        directory.select(black_box(&query), &mut out);
        out.len()
    });
}

/// The whole list in its default order (the first paint).
#[divan::bench(args = SIZES)]
fn directory_everyone(bencher: Bencher, count: usize) {
    let directory = Directory::new(users(count));
    let query = View::default();
    let mut out = Vec::with_capacity(count);
    bencher.bench_local(|| {
        directory.select(black_box(&query), &mut out);
        out.len()
    });
}

#[divan::bench]
fn search_key_of_a_name() -> String {
    search_key(black_box(
        "Éloïse Lefèvre-Gauthier <eloise.lefevre@contoso.onmicrosoft.com>",
    ))
}

/// Reading and checking the shape of an import file of 1,000 rows.
#[divan::bench]
fn parse_csv_1000_rows(bencher: Bencher) {
    let text = users_csv(users(1_000).iter());
    bencher.bench(|| parse_users_csv(black_box(&text)).map(|(rows, _)| rows.len()));
}
