//! The release wasm comes in two parts (xtask/src/split.rs, src/deferred.rs): start-up needs
//! only the first; the rest follows in the background, arrives at once when a page needs it
//! sooner, and never runs if it is not the file the build made.

use e2e::{dist, Browser, Server, StaticHost};
use serde_json::Value;

/// How each request of the page whose URL `matching` accepts (a JS function of a `URL`) was
/// started: "fetch", "link" (a preload), "xmlhttprequest"…; none, an empty list.
async fn requests_started_by(browser: &Browser, matching: &str) -> Value {
    browser
        .client
        .execute(
            &format!(
                "return performance.getEntriesByType('resource')
                     .filter((e) => ({matching})(new URL(e.name)))
                     .map((e) => e.initiatorType);"
            ),
            vec![],
        )
        .await
        .unwrap()
}

/// How the page fetched the rest of the wasm, each time it did: "fetch" (in the background),
/// "xmlhttprequest" (at once, for a stub); none yet, an empty list.
async fn rest_fetched_by(browser: &Browser) -> Value {
    requests_started_by(browser, "(u) => u.pathname.endsWith('_rest.wasm')").await
}

/// How each request for `/api/session` the page made was started.
async fn session_requests(browser: &Browser) -> Value {
    requests_started_by(browser, "(u) => u.pathname === '/api/session'").await
}

/// How each request for the user list's first rows the page made was started.
async fn first_rows_requests(browser: &Browser) -> Value {
    requests_started_by(
        browser,
        "(u) => u.pathname === '/api/users' && u.searchParams.get('limit') === '100'",
    )
    .await
}

/// Fetched once, in the background: no stub waited for it.
fn in_the_background_only() -> Value {
    serde_json::json!(["fetch"])
}

async fn rest_installed(browser: &Browser) -> bool {
    let loaded = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             window.wasmBindings.default().then((w) => done(w.__deferred_loaded.value));",
            vec![],
        )
        .await
        .unwrap();
    loaded.as_u64() == Some(1)
}

#[tokio::test]
async fn start_up_runs_on_the_first_part_and_the_rest_follows_in_the_background() {
    let server = Server::start().await;
    let browser = Browser::start_in("fr-FR").await;
    browser.goto(&format!("{}/", server.base)).await;
    browser.wait_for_text("h1", "Bienvenue").await;
    // Who is signed in (nobody), named by the document's answer and asked for as it arrived: the
    // app's own request took that answer rather than asking again.
    assert_eq!(
        session_requests(&browser).await,
        serde_json::json!(["link"])
    );

    browser
        .eventually("the rest of the app arriving", || async {
            rest_installed(&browser).await.then_some(())
        })
        .await;
    assert_eq!(
        rest_fetched_by(&browser).await,
        in_the_background_only(),
        "nothing at start-up waited for the rest (no synchronous load)"
    );
    // The synchronous path a stub takes downloads the same file and accepts it: its SHA-256,
    // computed in JS, matches the build's (the tampered case is the next test).
    let snippet = snippet_path();
    let synchronous = browser
        .client
        .execute_async(
            "const [snippet, done] = arguments;
             Promise.all([import(snippet), window.wasmBindings.default()])
               .then(([loader, exports]) => { loader.load_now(exports); done('loaded'); })
               .catch((error) => done(String(error)));",
            vec![snippet.into()],
        )
        .await
        .unwrap();
    assert_eq!(synchronous, "loaded");
    browser.click_text("Suivant").await;
    browser.wait_for_path("/onboarding/sign-in").await;
    browser.assert_no_csp_violation().await;
    browser.close().await;

    // The welcome page opened directly is a start-up page too, reached without `/`'s redirect.
    let browser = Browser::start_in("fr-FR").await;
    browser
        .goto(&format!("{}/onboarding/welcome", server.base))
        .await;
    browser.wait_for_text("h1", "Bienvenue").await;
    browser
        .eventually("the rest of the app arriving", || async {
            rest_installed(&browser).await.then_some(())
        })
        .await;
    assert_eq!(rest_fetched_by(&browser).await, in_the_background_only());
}

/// An English visit asks for its messages as it starts, beside the rest of the wasm their reader
/// is in, rather than once the rest has arrived: a round trip sooner.
#[tokio::test]
async fn an_english_visit_asks_for_its_messages_beside_the_rest() {
    let server = Server::start().await;
    let browser = Browser::start_in("en-US").await;
    browser.goto(&format!("{}/", server.base)).await;
    browser.wait_for_text("h1", "Bienvenue").await;
    browser.choose("language", "en-US").await;
    browser.wait_for_text("h1", "Welcome").await;
    // A return visit: English is the saved choice.
    browser.goto(&format!("{}/", server.base)).await;
    browser.wait_for_text("h1", "Welcome").await;
    let asked = browser
        .client
        .execute(
            "const entries = performance.getEntriesByType('resource');
             const english = entries.filter((e) => e.name.includes('/locales/en-US/main.ftl'));
             const rest = entries.find((e) => e.name.endsWith('_rest.wasm'));
             return [english.length, english[0].startTime <= rest.startTime];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(asked, serde_json::json!([1, true]));
    assert_eq!(rest_fetched_by(&browser).await, in_the_background_only());
    browser.close().await;
}

#[tokio::test]
async fn the_mock_backend_comes_with_the_rest_before_start_up_never_synchronously() {
    // Start-up is profiled on the real server: the mock is in the rest, which a `mock` config
    // waits for, downloaded in the background way.
    let host = StaticHost::start(&dist()).await;
    let browser = Browser::start_in("fr-FR").await;
    browser.goto(&format!("{}/", host.base)).await;
    browser.wait_for_text("h1", "Bienvenue").await;
    assert!(rest_installed(&browser).await);
    assert_eq!(rest_fetched_by(&browser).await, in_the_background_only());
    browser.click_text("Suivant").await;
    browser.wait_for_path("/onboarding/sign-in").await;
}

#[tokio::test]
async fn a_host_that_mislabels_the_wasm_still_serves_the_whole_app() {
    // The rest compiles as it streams in, which needs the `application/wasm` label; a host
    // that sends `application/octet-stream` gets it compiled once downloaded.
    let host = StaticHost::start_labelling_wasm(&dist(), "application/octet-stream").await;
    let browser = Browser::start_in("fr-FR").await;
    browser
        .goto(&format!("{}/onboarding/sign-in", host.base))
        .await;
    browser.wait_for("#email").await;
    assert!(rest_installed(&browser).await);
    assert_eq!(rest_fetched_by(&browser).await, in_the_background_only());
}

#[tokio::test]
async fn a_deep_link_gets_the_rest_before_its_page_and_a_tampered_rest_never_runs() {
    let server = Server::start().await;
    let browser = Browser::start_in("en-US").await;
    browser.goto(&format!("{}/", server.base)).await;
    browser.wait_for("h1").await;
    browser.sign_up("splitdeep").await;
    browser.close().await;

    // A bookmarked settings page in a new browser (nothing cached, signed in without the app):
    // the rest is downloaded at once, asynchronously, and awaited before the page, never loaded
    // synchronously by a stub.
    let browser = Browser::start_in("en-US").await;
    browser.goto(&format!("{}/api/health", server.base)).await;
    let credentials = serde_json::json!({ "email": "admin@splitdeep.onmicrosoft.com",
        "password": partner_domain::fixtures::PASSWORD });
    assert_eq!(browser.post_json("/api/session", credentials).await, 200);
    browser
        .goto(&format!("{}/settings/users", server.base))
        .await;
    browser
        .wait_for_content("admin@splitdeep.onmicrosoft.com")
        .await;
    assert!(rest_installed(&browser).await);
    assert_eq!(rest_fetched_by(&browser).await, in_the_background_only());
    // `config.json` was asked for once, by index.html beside the wasm: the app took that answer.
    let config_requests = browser
        .client
        .execute(
            "return performance.getEntriesByType('resource')
                 .filter((e) => new URL(e.name).pathname === '/config.json')
                 .map((e) => e.initiatorType);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(config_requests, serde_json::json!(["link"]));
    // The rest was asked for as index.html was parsed, before the glue's scripts had arrived
    // (they would have asked a round trip later).
    let asked_early = browser
        .client
        .execute(
            "const entries = performance.getEntriesByType('resource');
             const rest = entries.find((e) => e.name.endsWith('_rest.wasm'));
             const glue = entries.find((e) => e.name.includes('/partner-center-') && e.name.endsWith('.js'));
             return rest.startTime < glue.responseEnd;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(asked_early, serde_json::json!(true));
    // Who is signed in and the list's first rows, asked for by index.html's script (which
    // `xtask`'s tests run) and by start-up, were asked for once each: the app took the answers,
    // so the script asked for the very URLs the app asks for.
    let asked_once = browser
        .client
        .execute(
            "const entries = performance.getEntriesByType('resource').map((e) => new URL(e.name));
             return [
                 entries.filter((u) => u.pathname === '/api/session').length,
                 entries.filter((u) => u.pathname === '/api/users' && u.searchParams.get('limit') === '100').length,
             ];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(asked_once, serde_json::json!([1, 1]));
    // Both were asked for as the document arrived, named by its answer (`Link: rel=preload`),
    // before the script could have asked (once `config.json`, then the session, had answered).
    let preloaded = browser
        .client
        .execute(
            "const entries = performance.getEntriesByType('resource');
             const config = entries.find((e) => new URL(e.name).pathname === '/config.json');
             return entries
                 .filter((e) => ['/api/session', '/api/users'].includes(new URL(e.name).pathname))
                 .filter((e) => e.startTime < config.responseEnd)
                 .map((e) => e.initiatorType);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(preloaded, serde_json::json!(["link", "link"]));

    // The same build with one byte of the rest changed, as a broken cache or proxy would.
    let copy = tempfile::tempdir().unwrap();
    copy_tree(&dist(), copy.path());
    let rest = std::fs::read_dir(copy.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| path.to_string_lossy().ends_with("_rest.wasm"));
    let rest = rest.expect("the build has a _rest.wasm");
    let mut bytes = std::fs::read(&rest).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&rest, bytes).unwrap();
    let host = StaticHost::start(copy.path()).await;

    browser
        .goto(&format!("{}/onboarding/sign-in", host.base))
        .await;
    let alert = browser.wait_for("#app [role=alert]").await;
    let text = alert.text().await.unwrap();
    assert!(
        text.contains("Part of Partner Center could not be loaded"),
        "the page says so instead of going blank: {text}"
    );
}

/// A page the browser revalidates (a 304: it keeps the page it had) still names what this
/// visit needs: the list's first rows once someone has signed in since, none once they have
/// signed out (a 304 replaces the kept headers it carries).
#[tokio::test]
async fn a_page_revalidated_from_the_cache_names_what_this_visit_needs() {
    let server = Server::start().await;
    let browser = Browser::start_in("en-US").await;
    let list = format!("{}/settings/users", server.base);
    browser.goto(&list).await;
    browser.wait_for_path("/sign-in").await;
    browser.sign_up("revalidated").await;
    // A browser that has not told its time zone (its app has not shown the list yet): the
    // server does not render the list for it (`crates/server/src/first_page.rs`), and
    // revalidates the page it kept.
    browser
        .client
        .execute(
            "document.cookie = 'partner-center.tz=;path=/;max-age=0'",
            vec![],
        )
        .await
        .unwrap();

    browser.goto(&list).await;
    browser
        .wait_for_content("admin@revalidated.onmicrosoft.com")
        .await;
    let page = "const page = performance.getEntriesByType('navigation')[0];
                return page.transferSize < page.encodedBodySize;";
    let revalidated = browser.client.execute(page, vec![]).await.unwrap();
    assert_eq!(
        revalidated,
        serde_json::json!(true),
        "a 304, not the page again"
    );
    assert_eq!(
        first_rows_requests(&browser).await,
        serde_json::json!(["link"])
    );

    assert_eq!(browser.api("DELETE", "/api/session", None).await.0, 204);
    browser.goto(&list).await;
    browser.wait_for_path("/sign-in").await;
    assert_eq!(first_rows_requests(&browser).await, serde_json::json!([]));
    assert_eq!(
        session_requests(&browser).await,
        serde_json::json!(["link"])
    );
}

/// The loader's snippet (`src/deferred.rs`), among wasm-bindgen's inline snippets.
fn snippet_path() -> String {
    let snippets = dist().join("snippets");
    let dir = std::fs::read_dir(&snippets)
        .unwrap()
        .next()
        .expect("one snippet directory")
        .unwrap()
        .path();
    let loader = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| {
            std::fs::read_to_string(path).is_ok_and(|js| js.contains("export function load_now"))
        })
        .expect("the loader's snippet");
    format!(
        "/snippets/{}/{}",
        dir.file_name().unwrap().to_string_lossy(),
        loader.file_name().unwrap().to_string_lossy()
    )
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}
