//! `cargo xtask bench users`: user management with 10,000 users, on the real server, in headless
//! Chromium. Prints a table and merges its numbers into `target/bench.json`. Timings are
//! reported, never asserted (issue #6 lists the targets).

use e2e::{Browser, Server};
use serde_json::{json, Value};

const USERS: u32 = 10_000;
const NAVIGATIONS: usize = 5;

#[tokio::main]
async fn main() {
    let only: Vec<String> = std::env::args().skip(1).collect();
    let mut report = serde_json::Map::new();
    if only.is_empty() || only.iter().any(|a| a == "users") {
        report.insert("users".into(), users().await);
    }
    let path = std::env::var("BENCH_JSON").unwrap_or_else(|_| "target/bench.json".into());
    let mut all: serde_json::Map<String, Value> = std::fs::read_to_string(&path)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    all.extend(report);
    std::fs::write(&path, serde_json::to_string_pretty(&all).unwrap()).unwrap();
    println!("bench: written to {path}");
}

fn median_and_p95(mut values: Vec<f64>) -> (f64, f64, f64) {
    values.sort_by(f64::total_cmp);
    let at = |q: f64| values[((values.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.95), *values.last().unwrap())
}

async fn users() -> Value {
    let server = Server::start().await;
    let browser = Browser::start_in("fr-FR").await;
    let base = &server.base;
    browser.goto(&format!("{base}/onboarding/welcome")).await;
    browser.wait_for("h1").await;
    // A work account with 10,000 generated users, through the API as the page's own session.
    let seeded = browser
        .client
        .execute_async(
            r#"
            const [users, done] = [arguments[0], arguments[arguments.length - 1]];
            const headers = { 'Content-Type': 'application/json', 'X-Requested-With': 'partner-center' };
            const post = (path, body) => fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
            (async () => {
                await post('/api/tenants', { company_name: 'Bench SAS', domain_prefix: 'bench', country: 'FR',
                    admin: { first_name: 'Éloïse', last_name: 'Lefèvre', password: 'Correct-horse-9battery' } });
                await post('/api/session', { email: 'admin@bench.onmicrosoft.com', password: 'Correct-horse-9battery' });
                const seeded = await post('/api/dev/seed', { users });
                done(seeded.status);
            })().catch(e => done(String(e)));
            "#,
            vec![json!(USERS)],
        )
        .await
        .unwrap();
    assert_eq!(seeded, json!(200), "seeding answered {seeded}");

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
