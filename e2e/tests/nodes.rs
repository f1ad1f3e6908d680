//! Two `partner-server` nodes on one PostgreSQL database, behind a round-robin load balancer
//! (#18): the browser signs in through one node and keeps its session on the other, an import
//! acknowledged by one is read by the other, a node killed with SIGKILL in the middle of a
//! stream of imports loses no acknowledged write, and the sign-in limit counts the failures
//! both nodes saw.

use std::{
    collections::BTreeSet,
    sync::{Arc, Mutex},
};

use e2e::{balancer::RoundRobin, postgres_database, Browser, Server};
use partner_domain::{fixtures::PASSWORD, limits::SIGN_IN_FAILURES_PER_EMAIL};
use serde_json::{json, Value};

const ADMIN: &str = "admin@nodes.onmicrosoft.com";

fn batch(name: &str, size: usize) -> Value {
    let users: Vec<Value> = (0..size)
        .map(|i| {
            json!({ "first_name": format!("{name}{i}"), "last_name": "Nœud",
                "email": format!("{name}-{i}@nodes.onmicrosoft.com"), "roles": ["sales_agent"] })
        })
        .collect();
    json!({ "users": users })
}

/// The emails of the work account's users, read through the balancer from whichever node
/// answers.
async fn emails(http: &reqwest::Client, base: &str) -> BTreeSet<String> {
    for _ in 0..10 {
        let answer = http
            .get(format!("{base}/api/users?limit=20000"))
            .send()
            .await
            .unwrap();
        if answer.status() == 200 {
            let list: Value = answer.json().await.unwrap();
            return list["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|u| u["email"].as_str().unwrap().to_owned())
                .collect();
        }
    }
    panic!("no node answered the user list");
}

#[tokio::test]
async fn two_nodes_on_one_database_serve_as_one() {
    let database = postgres_database();
    let a = Server::start_on(&database).await;
    let mut b = Server::start_on(&database).await;
    let balancer = RoundRobin::start(vec![a.base.clone(), b.base.clone()]).await;
    let base = balancer.base.clone();
    let browser = Browser::start().await;
    browser.goto(&format!("{base}/onboarding/welcome")).await;
    browser.wait_for("main h1").await;

    // A session made on one node works on the other: the pages and their API calls alternate.
    browser.sign_up("nodes").await;
    browser.goto(&format!("{base}/settings/users")).await;
    browser.wait_for(".page tbody tr").await;
    assert!(browser.text(".page tbody").await.contains("Lefèvre"));
    let served = balancer.served();
    let signed_in = served
        .iter()
        .rposition(|s| s.method == "POST" && s.path == "/api/session" && s.status == 200)
        .expect("the sign-in went through the balancer");
    let signed_in_on = served[signed_in].node;
    assert!(
        served[signed_in..]
            .iter()
            .any(|s| s.path.starts_with("/api/users") && s.status == 200 && s.node != signed_in_on),
        "the other node answered for the session: {served:?}"
    );

    // An import acknowledged by one node is read by the other.
    let (status, imported) = browser
        .api("POST", "/api/users/import", Some(batch("import", 3)))
        .await;
    assert_eq!(status, 201, "{imported}");
    let imported_on = balancer.last_node("/api/users/import");
    let mut read_by = BTreeSet::new();
    while read_by.len() < 2 {
        let (status, list) = browser.api("GET", "/api/users?q=import", None).await;
        assert_eq!(status, 200);
        assert_eq!(list["total"], 3, "{list}");
        read_by.insert(balancer.last_node("/api/users?q=import"));
    }
    assert!(read_by.contains(&(1 - imported_on)));
    browser.goto(&format!("{base}/settings/users")).await;
    browser
        .eventually("the imported users listed", || async {
            browser
                .text_now(".page tbody")
                .await
                .filter(|rows| rows.contains("import2"))
        })
        .await;

    // Node B is killed in the middle of a stream of imports: every import acknowledged (by
    // either node) is there, whole, and none half-written.
    let http = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let signed = http
        .post(format!("{base}/api/session"))
        .header("x-requested-with", "partner-center")
        .json(&json!({ "email": ADMIN, "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(signed.status(), 200);
    let acknowledged: Arc<Mutex<Vec<String>>> = Arc::default();
    let stream = tokio::spawn({
        let (http, base, acknowledged) = (http.clone(), base.clone(), acknowledged.clone());
        async move {
            let mut attempted = Vec::new();
            for round in 0..40 {
                let name = format!("stream{round}x");
                attempted.push(name.clone());
                let answer = http
                    .post(format!("{base}/api/users/import"))
                    .header("x-requested-with", "partner-center")
                    .json(&batch(&name, 4))
                    .send()
                    .await
                    .unwrap();
                if answer.status() == 201 {
                    acknowledged.lock().unwrap().push(name);
                } else {
                    assert_eq!(answer.status(), 502, "only the killed node fails");
                }
            }
            attempted
        }
    });
    e2e::eventually("imports flowing", || async {
        (acknowledged.lock().unwrap().len() >= 8).then_some(())
    })
    .await;
    b.stop().await;
    let attempted = stream.await.unwrap();
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(acknowledged.len() >= 20, "{acknowledged:?}");
    let stored = emails(&http, &base).await;
    for name in &attempted {
        let present = (0..4)
            .filter(|i| stored.contains(&format!("{name}-{i}@nodes.onmicrosoft.com")))
            .count();
        if acknowledged.contains(name) {
            assert_eq!(present, 4, "{name} was acknowledged");
        } else {
            assert!(present == 0 || present == 4, "{name}: {present} of 4 users");
        }
    }

    // The sign-in limit counts the failures both nodes saw.
    b.start_again().await;
    let wrong = json!({ "email": ADMIN, "password": "not-the-password" });
    for _ in 0..SIGN_IN_FAILURES_PER_EMAIL {
        assert_eq!(browser.post_json("/api/session", wrong.clone()).await, 401);
    }
    let right = json!({ "email": ADMIN, "password": PASSWORD });
    let mut refused_by = BTreeSet::new();
    for _ in 0..6 {
        assert_eq!(browser.post_json("/api/session", right.clone()).await, 429);
        refused_by.insert(balancer.last_node("/api/session"));
        if refused_by.len() == 2 {
            break;
        }
    }
    assert_eq!(refused_by.len(), 2, "both nodes refuse the right password");
    let failed_on: BTreeSet<usize> = balancer
        .served()
        .iter()
        .filter(|s| s.path == "/api/session" && s.status == 401)
        .map(|s| s.node)
        .collect();
    assert_eq!(failed_on.len(), 2, "the failures reached both nodes");
    browser.close().await;
}
