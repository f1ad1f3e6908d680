//! `cargo xtask bench [users|startup|server]`, run by xtask against the release server:
//! - users: user management with 10,000 users in headless Chromium (issue #6's targets);
//! - startup: 10 cold loads of the wizard, shell painted and wizard interactive;
//! - server: `GET /api/users?q=` and `POST /api/session` latency under 50 concurrent clients.
//!
//! Prints tables and writes its sections to `BENCH_JSON`, which xtask merges into
//! `target/bench.json`. Timings are reported, never asserted.

use e2e::{Browser, Server};
use partner_domain::fixtures::PASSWORD;
use serde_json::{json, Value};

const USERS: u32 = 10_000;
const NAVIGATIONS: usize = 5;

#[tokio::main]
async fn main() {
    let only: Vec<String> = std::env::args().skip(1).collect();
    let mut report = serde_json::Map::new();
    let wants = |name: &str| only.is_empty() || only.iter().any(|a| a == name);
    if wants("startup") {
        report.insert("startup".into(), startup().await);
    }
    if wants("users") {
        report.insert("users".into(), users().await);
    }
    if wants("server") {
        report.insert("server".into(), server_latency().await);
    }
    let path = std::env::var("BENCH_JSON").unwrap_or_else(|_| "target/bench-e2e.json".into());
    std::fs::write(&path, serde_json::to_string_pretty(&report).unwrap()).unwrap();
}

/// The value at quantile `q` (0.5: median) of `values`, nearest rank.
fn quantile(values: &[f64], q: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[((sorted.len() as f64 - 1.0) * q).round() as usize]
}

fn median_and_p95(values: Vec<f64>) -> (f64, f64, f64) {
    (
        quantile(&values, 0.5),
        quantile(&values, 0.95),
        quantile(&values, 1.0),
    )
}

async fn users() -> Value {
    let server = Server::start().await;
    let browser = Browser::start_in("fr-FR").await;
    let base = &server.base;
    browser.goto(&format!("{base}/onboarding/welcome")).await;
    browser.wait_for("h1").await;
    // A work account with 10,000 generated users, through the API as the page's own session.
    browser.sign_up("bench").await;
    assert_eq!(
        browser
            .post_json("/api/dev/seed", json!({ "users": USERS }))
            .await,
        200
    );

    // First rows after an in-app navigation (the list is fetched, indexed and rendered).
    browser.goto(&format!("{base}/settings/users/new")).await;
    browser.wait_for("#first_name").await;
    let mut first_rows = Vec::new();
    for _ in 0..NAVIGATIONS {
        let ms = browser
            .client
            .execute_async(
                r#"
                const done = arguments[arguments.length - 1];
                const link = document.querySelector('main a[href="/settings/users"]');
                const t0 = performance.now();
                const found = () => document.querySelector('.user-table tbody tr:not(.spacer)');
                const observer = new MutationObserver(() => {
                    if (found()) { observer.disconnect(); requestAnimationFrame(() => done(performance.now() - t0)); }
                });
                observer.observe(document.body, { childList: true, subtree: true });
                link.click();
                "#,
                vec![],
            )
            .await
            .unwrap();
        first_rows.push(ms.as_f64().unwrap());
        browser.click(".actions-row a.button-primary").await;
        browser.wait_for("#first_name").await;
    }
    browser.click("main a[href='/settings/users']").await;
    browser.wait_for(".user-table tbody tr").await;
    let dom_rows = browser
        .client
        .execute(
            "return document.querySelectorAll('.user-table tbody tr:not(.spacer)').length",
            vec![],
        )
        .await
        .unwrap();

    // 30 keystrokes, each timed from the input event to the end of the next frame: Yew renders
    // before that frame, so the new count (and rows) are what it paints.
    let keystrokes = browser
        .client
        .execute_async(
            r#"
            const done = arguments[arguments.length - 1];
            const input = document.getElementById('user-search');
            const status = () => document.querySelector('.list-head [role=status]').textContent;
            const frame = () => new Promise(r => requestAnimationFrame(() => {
                const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0);
            }));
            const steps = [];
            for (const word of ['lefevre', 'dupont', 'eloi']) {
                for (const c of word) steps.push(v => v + c);
                if (word !== 'eloi') for (const _ of word) steps.push(v => v.slice(0, -1));
            }
            (async () => {
                const [times, first] = [[], status()];
                for (const step of steps) {
                    const t0 = performance.now();
                    input.value = step(input.value);
                    input.dispatchEvent(new Event('input', { bubbles: true }));
                    await frame();
                    times.push(performance.now() - t0);
                }
                done({ times, filtered: status() !== first });
            })().catch(e => done(String(e)));
            "#,
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        keystrokes["filtered"],
        json!(true),
        "the search filtered: {keystrokes}"
    );
    let keystrokes = keystrokes["times"].clone();
    let keystrokes: Vec<f64> = keystrokes
        .as_array()
        .unwrap_or_else(|| panic!("keystrokes: {keystrokes}"))
        .iter()
        .filter_map(Value::as_f64)
        .collect();
    let memory = browser
        .client
        .execute(
            "return { js_heap: performance.memory ? performance.memory.usedJSHeapSize : null,
                      wasm: window.wasmBindings.wasm_memory_bytes() }",
            vec![],
        )
        .await
        .unwrap();
    browser.close().await;

    let (first_median, _, first_max) = median_and_p95(first_rows.clone());
    let (key_median, key_p95, key_max) = median_and_p95(keystrokes.clone());
    let mib = |v: &Value| v.as_f64().map(|b| b / 1_048_576.0).unwrap_or(f64::NAN);
    println!("\nusers bench, {} users, headless Chromium", USERS + 1);
    println!("| measure | value | target |");
    println!("|---|---:|---:|");
    println!("| first rows after navigation (median of {NAVIGATIONS}) | {first_median:.0} ms (max {first_max:.0}) | ≤ 300 ms |");
    println!("| DOM rows rendered | {dom_rows} | ≤ 100 |");
    println!("| keystroke → count painted, median | {key_median:.1} ms | ≤ 16 ms |");
    println!("| keystroke → count painted, p95 (max) | {key_p95:.1} ms ({key_max:.1}) | ≤ 33 ms |");
    println!("| JS heap | {:.1} MiB | |", mib(&memory["js_heap"]));
    println!("| wasm memory | {:.1} MiB | |", mib(&memory["wasm"]));
    json!({
        "users": USERS + 1,
        "first_rows_ms": first_rows,
        "first_rows_median_ms": first_median,
        "dom_rows": dom_rows,
        "keystroke_ms": keystrokes,
        "keystroke_median_ms": key_median,
        "keystroke_p95_ms": key_p95,
        "js_heap_bytes": memory["js_heap"],
        "wasm_memory_bytes": memory["wasm"],
    })
}

const COLD_LOADS: usize = 10;

/// Each load in a new browser profile (nothing cached): first contentful paint of the shell, and
/// the app's own `wizard-interactive` mark.
async fn startup() -> Value {
    let server = Server::start().await;
    let (mut painted, mut interactive) = (Vec::new(), Vec::new());
    for _ in 0..COLD_LOADS {
        let browser = Browser::start_in("fr-FR").await;
        browser
            .goto(&format!("{}/onboarding/welcome", server.base))
            .await;
        let marks = browser
            .client
            .execute_async(
                r#"
                const done = arguments[arguments.length - 1];
                const check = () => {
                    const paint = performance.getEntriesByName('first-contentful-paint')[0];
                    const ready = performance.getEntriesByName('wizard-interactive')[0];
                    if (paint && ready) done([paint.startTime, ready.startTime]);
                    else setTimeout(check, 20);
                };
                check();
                "#,
                vec![],
            )
            .await
            .unwrap();
        painted.push(marks[0].as_f64().unwrap());
        interactive.push(marks[1].as_f64().unwrap());
        browser.close().await;
    }
    let (paint_median, _, paint_max) = median_and_p95(painted.clone());
    let (ready_median, _, ready_max) = median_and_p95(interactive.clone());
    println!(
        "\nstart-up, {COLD_LOADS} cold loads of /onboarding/welcome (release server, loopback)"
    );
    println!("| measure | median | max |");
    println!("|---|---:|---:|");
    println!(
        "| shell painted (first contentful paint) | {paint_median:.0} ms | {paint_max:.0} ms |"
    );
    println!("| wizard interactive (`wizard-interactive` mark) | {ready_median:.0} ms | {ready_max:.0} ms |");
    json!({ "shell_painted_ms": painted, "wizard_interactive_ms": interactive,
            "shell_painted_median_ms": paint_median, "wizard_interactive_median_ms": ready_median })
}

const CLIENTS: usize = 50;

/// Latencies of `requests` calls made by `CLIENTS` clients at once, each its own session.
async fn under_load<F, Fut>(clients: &[reqwest::Client], requests: usize, call: F) -> Vec<f64>
where
    F: Fn(reqwest::Client, usize) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = reqwest::StatusCode> + Send,
{
    let mut tasks = Vec::new();
    for client in clients {
        let (client, call) = (client.clone(), call.clone());
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::new();
            for i in 0..requests {
                let started = std::time::Instant::now();
                let status = call(client.clone(), i).await;
                assert!(status.is_success(), "{status}");
                times.push(started.elapsed().as_secs_f64() * 1000.0);
            }
            times
        }));
    }
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await.unwrap());
    }
    all
}

async fn server_latency() -> Value {
    let server = Server::start().await;
    let base = server.base.clone();
    let http = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let post = |client: &reqwest::Client, path: &str, body: Value| {
        client
            .post(format!("{base}{path}"))
            .header("x-requested-with", "partner-center")
            .json(&body)
            .send()
    };
    let credentials = json!({ "email": "admin@bench.onmicrosoft.com", "password": PASSWORD });
    post(
        &http,
        "/api/tenants",
        json!({ "company_name": "Bench SAS", "domain_prefix": "bench", "country": "FR",
        "admin": { "first_name": "Éloïse", "last_name": "Lefèvre", "password": PASSWORD } }),
    )
    .await
    .unwrap();
    post(&http, "/api/session", credentials.clone())
        .await
        .unwrap();
    post(&http, "/api/dev/seed", json!({ "users": USERS }))
        .await
        .unwrap();

    let mut clients = Vec::new();
    for _ in 0..CLIENTS {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .unwrap();
        post(&client, "/api/session", credentials.clone())
            .await
            .unwrap();
        clients.push(client);
    }
    let searches = ["", "martin", "lefevre", "eloise", "@bench", "du"];
    // One client, one search after the other: the cost of a search itself.
    let mut alone = Vec::new();
    for i in 0..300 {
        let url = format!(
            "{base}/api/users?limit=50&q={}",
            searches[i % searches.len()]
        );
        let started = std::time::Instant::now();
        let status = http.get(url).send().await.unwrap().status();
        assert!(status.is_success(), "{status}");
        alone.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    // `/api/health` under the same load: what the machine itself gives a request.
    let health_base = base.clone();
    let health_loaded = under_load(&clients, 20, move |client, _| {
        let url = format!("{health_base}/api/health");
        async move { client.get(url).send().await.unwrap().status() }
    })
    .await;
    let search_base = base.clone();
    let search = under_load(&clients, 20, move |client, i| {
        let url = format!(
            "{search_base}/api/users?limit=50&q={}",
            searches[i % searches.len()]
        );
        async move { client.get(url).send().await.unwrap().status() }
    })
    .await;
    let session_base = base.clone();
    let sign_in = under_load(&clients, 2, move |client, _| {
        let url = format!("{session_base}/api/session");
        let body = json!({ "email": "admin@bench.onmicrosoft.com", "password": PASSWORD });
        async move {
            client
                .post(url)
                .header("x-requested-with", "partner-center")
                .json(&body)
                .send()
                .await
                .unwrap()
                .status()
        }
    })
    .await;
    // `/api/health` alone, then while 20 clients sign in without a pause: password hashing must
    // not stall the other requests (it runs on the blocking pool).
    let health_url = format!("{base}/api/health");
    let health = |n: usize| {
        let (client, url) = (http.clone(), health_url.clone());
        async move {
            let mut times = Vec::new();
            for _ in 0..n {
                let started = std::time::Instant::now();
                client.get(&url).send().await.unwrap();
                times.push(started.elapsed().as_secs_f64() * 1000.0);
            }
            times
        }
    };
    let idle = health(300).await;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut signing_in = Vec::new();
    for client in clients.iter().take(20) {
        let (client, stop) = (client.clone(), stop.clone());
        let url = format!("{base}/api/session");
        let body = credentials.clone();
        signing_in.push(tokio::spawn(async move {
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                client
                    .post(&url)
                    .header("x-requested-with", "partner-center")
                    .json(&body)
                    .send()
                    .await
                    .unwrap();
            }
        }));
    }
    let busy = health(300).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for task in signing_in {
        task.await.unwrap();
    }
    let (_, idle_p99) = percentiles(idle);
    let (_, busy_p99) = percentiles(busy);
    let (search_p50, search_p99) = percentiles(search.clone());
    let (alone_p50, _) = percentiles(alone.clone());
    let (loaded_health_p50, loaded_health_p99) = percentiles(health_loaded.clone());
    let (session_p50, session_p99) = percentiles(sign_in.clone());
    println!(
        "\nserver, {CLIENTS} concurrent clients, {} users (release build, loopback)",
        USERS + 1
    );
    println!("| request | calls | p50 | p99 |");
    println!("|---|---:|---:|---:|");
    println!(
        "| `GET /api/users?q=…&limit=50` | {} | {search_p50:.1} ms | {search_p99:.1} ms |",
        search.len()
    );
    println!(
        "| `GET /api/health` under the same load | {} | {loaded_health_p50:.1} ms | {loaded_health_p99:.1} ms |",
        health_loaded.len()
    );
    println!(
        "| `GET /api/users?q=…&limit=50`, one client | {} | {alone_p50:.2} ms | |",
        alone.len()
    );
    println!(
        "| `POST /api/session` (argon2) | {} | {session_p50:.0} ms | {session_p99:.0} ms |",
        sign_in.len()
    );
    println!(
        "| `GET /api/health`, p99 idle → during 20 sign-ins | 300 + 300 | | {idle_p99:.1} → {busy_p99:.1} ms ({:.1}×) |",
        busy_p99 / idle_p99
    );
    println!(
        "search p99 / health p99 under {CLIENTS} clients: {:.1}× (goal ≤ 3×); one-client search p50 {alone_p50:.2} ms (goal ≤ 1 ms)",
        search_p99 / loaded_health_p99
    );
    json!({ "clients": CLIENTS,
            "users_search_p50_ms": search_p50, "users_search_p99_ms": search_p99,
            "users_search_one_client_p50_ms": alone_p50,
            "health_p99_same_load_ms": loaded_health_p99,
            "search_to_health_p99": search_p99 / loaded_health_p99,
            "session_p50_ms": session_p50, "session_p99_ms": session_p99,
            "health_p99_idle_ms": idle_p99, "health_p99_during_sign_ins_ms": busy_p99 })
}

fn percentiles(values: Vec<f64>) -> (f64, f64) {
    (quantile(&values, 0.5), quantile(&values, 0.99))
}
