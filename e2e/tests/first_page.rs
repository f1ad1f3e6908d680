//! A cold deep link to the user list paints the rows the server rendered with the app's own
//! components (`crates/server/src/first_page.rs`) before the app has arrived, and the app takes
//! the page over without a frame that shows no rows.

use e2e::{plain, Browser, Server};
use serde_json::json;

/// Records, for each frame, whether rows are on screen and whose they are: the server's copy
/// (`copy`) or the app's (`app`).
const FRAMES: &str = "
    window.framesSeen = [];
    const seen = () => {
        const visible = (root) => document.querySelector(root + ' .user-table tr[data-pos]');
        const copy = document.getElementById('snapshot');
        const app = document.getElementById('app');
        window.framesSeen.push(copy && visible('#snapshot') ? 'copy'
            : app && !app.hidden && visible('#app') ? 'app' : 'none');
        if (window.framesSeen.length < 2000) requestAnimationFrame(seen);
    };
    requestAnimationFrame(seen);";

async fn rows_in(browser: &Browser, root: &str) -> u64 {
    let found = browser
        .client
        .execute(
            "return document.querySelectorAll(arguments[0] + ' .user-table tr[data-pos]').length",
            vec![json!(root)],
        )
        .await
        .unwrap();
    found.as_u64().unwrap()
}

#[tokio::test]
async fn a_deep_link_paints_the_servers_rows_first_and_the_app_takes_over_without_a_gap() {
    let server = Server::start().await;
    let browser = Browser::start_in("fr-FR").await;
    let users = format!("{}/settings/users", server.base);
    browser
        .goto(&format!("{}/onboarding/welcome", server.base))
        .await;
    browser.wait_for("main h1").await;
    browser.sign_up("snapshot").await;
    let (status, answer) = browser
        .api("POST", "/api/dev/seed", Some(json!({ "users": 300 })))
        .await;
    assert_eq!(status, 200, "{answer}");
    // The list once shown, the app has told the server the time zone and the language.
    browser.goto(&users).await;
    browser.wait_for(".user-table tr[data-pos]").await;
    browser
        .eventually("the cookies the server reads", || async {
            let cookies = browser
                .client
                .execute("return document.cookie", vec![])
                .await
                .ok()?;
            let cookies = cookies.as_str()?;
            (cookies.contains("partner-center.tz=")
                && cookies.contains("partner-center.lang=fr-FR"))
            .then_some(())
        })
        .await;

    // The app cannot arrive: the rows are painted all the same, inert, and stay.
    browser.block_urls(&["*.wasm"]).await;
    browser.client.goto(&users).await.unwrap();
    browser
        .eventually("the server's rows", || async {
            (rows_in(&browser, "#snapshot").await >= 5).then_some(())
        })
        .await;
    let state = browser
        .client
        .execute(
            "return [document.getElementById('snapshot').inert, document.getElementById('app').hidden,
                     document.querySelector('#snapshot .list-head [role=status]').textContent]",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(state[0], json!(true), "nothing in the copy can be used");
    assert_eq!(state[1], json!(true), "the app's root waits hidden");
    assert_eq!(plain(state[2].as_str().unwrap()), "301 utilisateurs");
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(rows_in(&browser, "#snapshot").await >= 5);
    browser.close().await;

    // With the app: rows in every frame from the first that had any, the server's then the
    // app's, and the page works.
    let browser = Browser::start_in("fr-FR").await;
    browser
        .sign_in_returning(&server.base, "admin@snapshot.onmicrosoft.com")
        .await;
    browser.on_every_document(FRAMES).await;
    browser.goto(&users).await;
    browser.wait_for("#app .user-table tr[data-pos]").await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let frames: Vec<String> = serde_json::from_value(
        browser
            .client
            .execute("return window.framesSeen", vec![])
            .await
            .unwrap(),
    )
    .unwrap();
    let first = frames
        .iter()
        .position(|f| f != "none")
        .expect("rows were shown");
    let shown = &frames[first..];
    assert_eq!(shown[0], "copy", "the server's rows came first: {frames:?}");
    assert!(
        !shown.iter().any(|f| f == "none"),
        "a frame without rows: {frames:?}"
    );
    assert!(shown.iter().any(|f| f == "app"), "{frames:?}");
    assert_eq!(rows_in(&browser, "#snapshot").await, 0);

    browser.fill("user-search", "admin@snapshot").await;
    browser
        .eventually("the list filtered to the admin", || async {
            let status = browser.text_now(".list-head [role=status]").await?;
            (plain(&status) == "1 utilisateur").then_some(())
        })
        .await;
    browser
        .assert_accessible("the list after the app took over")
        .await;
    browser.assert_no_csp_violation().await;
}
