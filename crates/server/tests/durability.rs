//! Durability: the server is killed with SIGKILL in the middle of a stream of writes, 20 times.
//! After each restart every acknowledged write is there, and nothing is half-written: an import
//! is all its rows or none, and every user has all the roles it was created with. On SQLite, or
//! on PostgreSQL when the tests run there.

use std::{
    collections::{BTreeMap, BTreeSet},
    process::Stdio,
    sync::{Arc, Mutex},
    time::Duration,
};

mod common;

use partner_domain::{Role, UserList};
use serde_json::json;
use tokio::{
    io::{AsyncBufReadExt, BufReader},
    process::{Child, Command},
};

const ROUNDS: usize = 20;
const BATCH: usize = 10;
const ROLES: [Role; 2] = [Role::SalesAgent, Role::ReportViewer];

async fn start(dir: &std::path::Path, database: &str) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_partner-server"))
        .args(["--dev", "--addr", "127.0.0.1:0", "--database", database])
        .arg("--dist")
        .arg(dir.join("dist"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let base = loop {
        let line = lines.next_line().await.unwrap().expect("the server starts");
        if let Some(url) = line.strip_prefix("partner-server listening on ") {
            break url.to_owned();
        }
    };
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    (child, base)
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap()
}

async fn sign_in(http: &reqwest::Client, base: &str) {
    let answer = http
        .post(format!("{base}/api/session"))
        .header("x-requested-with", "partner-center")
        .json(&json!({ "email": "admin@durable.onmicrosoft.com", "password": "Correct-horse-9battery" }))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
}

/// What the server acknowledged (201) before it died: batch name → its emails.
type Acknowledged = Arc<Mutex<BTreeMap<String, Vec<String>>>>;

async fn write_until_killed(
    http: reqwest::Client,
    base: String,
    round: usize,
    acked: Acknowledged,
) {
    for batch in 0.. {
        let name = format!("r{round}b{batch}");
        let emails: Vec<String> = (0..BATCH)
            .map(|i| format!("{name}u{i}@durable.onmicrosoft.com"))
            .collect();
        let users: Vec<_> = emails
            .iter()
            .map(|email| json!({ "first_name": "Dur", "last_name": "Able", "email": email, "roles": ROLES }))
            .collect();
        let answer = http
            .post(format!("{base}/api/users/import"))
            .header("x-requested-with", "partner-center")
            .json(&json!({ "users": users }))
            .send()
            .await;
        match answer {
            Ok(response) if response.status() == 201 => {
                acked.lock().unwrap().insert(name, emails);
            }
            // The server died mid-request: this batch was never acknowledged.
            _ => return,
        }
    }
}

#[tokio::test]
async fn acknowledged_writes_survive_sigkill_and_nothing_is_half_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("dist")).unwrap();
    std::fs::write(dir.path().join("dist/index.html"), "<!doctype html>").unwrap();
    let acked: Acknowledged = Arc::default();
    let database = common::test_database(dir.path()).await;

    let (child, base) = start(dir.path(), &database).await;
    let http = client();
    let created = http
        .post(format!("{base}/api/tenants"))
        .header("x-requested-with", "partner-center")
        .json(&json!({ "company_name": "Durable SAS", "domain_prefix": "durable", "country": "FR",
            "admin": { "first_name": "Éloïse", "last_name": "Lefèvre", "password": "Correct-horse-9battery" } }))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let mut server = Some((child, base));

    for round in 0..ROUNDS {
        let (mut child, base) = server.take().unwrap();
        let http = client();
        sign_in(&http, &base).await;
        let writer = tokio::spawn(write_until_killed(http, base.clone(), round, acked.clone()));
        // Once the stream is flowing (a first batch acknowledged), kill at a different moment
        // of it each round.
        let before = acked.lock().unwrap().len();
        let flowing = tokio::time::Instant::now() + Duration::from_secs(30);
        while acked.lock().unwrap().len() == before {
            assert!(
                tokio::time::Instant::now() < flowing,
                "round {round}: no write acknowledged"
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        tokio::time::sleep(Duration::from_millis((round as u64 * 37) % 150)).await;
        child.start_kill().unwrap();
        child.wait().await.unwrap();
        writer.await.unwrap();

        let (child, base) = start(dir.path(), &database).await;
        let http = client();
        sign_in(&http, &base).await;
        let list: UserList = http
            .get(format!("{base}/api/users?limit=20000"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let stored: BTreeMap<&str, &Vec<Role>> = list
            .items
            .iter()
            .map(|u| (u.email.as_str(), &u.roles))
            .collect();
        for (name, emails) in acked.lock().unwrap().iter() {
            for email in emails {
                assert!(
                    stored.contains_key(email.as_str()),
                    "round {round}: acknowledged {email} of {name} is lost"
                );
            }
        }
        // Every batch that reached the database is whole, and every user has both roles.
        let mut per_batch: BTreeMap<&str, usize> = BTreeMap::new();
        for (email, roles) in &stored {
            if let Some((batch, _)) = email
                .split_once('u')
                .filter(|_| email.starts_with('r') && email.ends_with("@durable.onmicrosoft.com"))
            {
                *per_batch.entry(batch).or_default() += 1;
                assert_eq!(
                    roles.as_slice(),
                    ROLES,
                    "round {round}: {email} half-written"
                );
            }
        }
        for (batch, count) in per_batch {
            assert_eq!(count, BATCH, "round {round}: batch {batch} half-written");
        }
        server = Some((child, base));
    }
    let total: BTreeSet<String> = acked.lock().unwrap().values().flatten().cloned().collect();
    assert!(
        total.len() >= ROUNDS * BATCH,
        "the writes really ran: {} acknowledged",
        total.len()
    );
}
