//! `profile OUT`: which wasm functions start-up runs and which data it reads, for
//! `cargo xtask profile` (`xtask/src/split.rs`). `E2E_DIST` is an instrumented build: its wasm
//! exports a `__profile` memory where each byte is a mark (function `i` ran, or a data byte was
//! read), 1 once set; OUT lists the marks set.
//!
//! Start-up is `/`, and the welcome page opened directly, until the wizard is interactive on
//! partner-server (the real backend: the mock backend waits for the rest of the app,
//! `src/deferred.rs`, and production users never run it), for a first visit and a return visit in
//! French and in English, twice: a few functions (drops at the end of some task) run in one run
//! and not the next. The two first pages mount the wizard differently (`/` through a redirect),
//! and each runs a few generic functions the other does not. OUT gets the union, one mark per
//! line, `en ` before those only a return in English ran.

use std::collections::BTreeSet;

use e2e::{Browser, Server};

/// The functions entered from opening `path` until the wizard is interactive, and 1.5 s after.
async fn started(browser: &Browser, base: &str, path: &str) -> Vec<u64> {
    browser.goto(&format!("{base}{path}")).await;
    let ran = browser
        .client
        .execute_async(
            r#"
            const done = arguments[arguments.length - 1];
            const check = () => {
                if (!performance.getEntriesByName('wizard-interactive').length) return setTimeout(check, 20);
                // What runs soon after (effects, timers) too: well past the time the rest takes
                // to arrive, so that nothing start-up runs waits for it.
                setTimeout(() => window.wasmBindings.default().then((exports) => {
                    const marks = new Uint8Array(exports.__profile.buffer);
                    const ran = [];
                    marks.forEach((mark, index) => { if (mark) ran.push(index); });
                    done(ran);
                }), 1500);
            };
            check();
            "#,
            vec![],
        )
        .await
        .expect("the instrumented app starts");
    ran.as_array()
        .expect("a list of function indices")
        .iter()
        .filter_map(|index| index.as_u64())
        .collect()
}

/// First visits (French, whatever the browser's language) to `/` and to the welcome page, then
/// a return with `lang` saved as the user's choice, as the language menu does: what each ran.
async fn visits(browser: &Browser, base: &str, lang: &str) -> (Vec<u64>, Vec<u64>) {
    let mut first = started(browser, base, "/").await;
    first.extend(started(browser, base, "/onboarding/welcome").await);
    browser
        .client
        .execute(
            "localStorage.setItem('partner-center.lang', arguments[0])",
            vec![lang.into()],
        )
        .await
        .expect("local storage is writable");
    (first, started(browser, base, "/").await)
}

#[tokio::main]
async fn main() {
    let out = std::env::args()
        .nth(1)
        .expect("usage: profile OUT (with E2E_DIST, E2E_SERVER, CHROMEDRIVER, CHROMIUM)");
    let server = Server::start().await;
    let (mut french, mut english) = (BTreeSet::new(), BTreeSet::new());
    for lang in ["fr-FR", "en-US", "fr-FR", "en-US"] {
        let browser = Browser::start_in(lang).await;
        let (first, back) = visits(&browser, &server.base, lang).await;
        french.extend(first);
        if lang == "en-US" {
            english.extend(back)
        } else {
            french.extend(back)
        }
        browser.close().await;
    }
    let ran = french.len() + english.difference(&french).count();
    // English visits on their own lines: xtask keeps from them only what runs before the app's
    // second part arrives (`xtask/src/spa.rs`).
    let mut lines: Vec<String> = french.iter().map(u64::to_string).collect();
    lines.extend(english.difference(&french).map(|i| format!("en {i}")));
    std::fs::write(&out, lines.join("\n")).expect("OUT is writable");
    println!("profile: start-up set {ran} marks (functions entered, data read)");
}
