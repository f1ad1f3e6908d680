//! The release build in real Chromium: on partner-server, and as plain static files.

use e2e::{dist, Browser, Server, StaticHost};
use fantoccini::Locator;

async fn html_lang(browser: &Browser) -> String {
    let lang = browser
        .client
        .execute("return document.documentElement.lang", vec![])
        .await
        .unwrap();
    lang.as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn partner_server_serves_the_app_in_both_languages_with_no_accessibility_violation() {
    let server = Server::start().await;
    let browser = Browser::start().await;

    browser.goto(&format!("{}/", server.base)).await;
    browser.wait_for_text("h1", "Bienvenue").await;
    assert_eq!(
        browser.path().await,
        "/onboarding/welcome",
        "signed out: / starts the wizard"
    );
    assert_eq!(html_lang(&browser).await, "fr-FR");
    assert!(
        !browser.exists(".badge").await,
        "the real backend shows no demo badge"
    );
    browser.assert_accessible("the welcome page (fr)").await;
    // README shows the committed copy, refreshed with `E2E_UPDATE_SCREENSHOTS=1`; otherwise it
    // goes under `target/` (each run renders it a few pixels apart, which left the tree dirty).
    let png = browser.client.screenshot().await.unwrap();
    let dir = if std::env::var_os("E2E_UPDATE_SCREENSHOTS").is_some() {
        concat!(env!("CARGO_MANIFEST_DIR"), "/screenshots")
    } else {
        env!("CARGO_TARGET_TMPDIR")
    };
    std::fs::write(std::path::Path::new(dir).join("welcome.png"), png).unwrap();

    browser
        .client
        .find(Locator::Css("#language"))
        .await
        .unwrap()
        .select_by_value("en-US")
        .await
        .unwrap();
    browser.wait_for_text("h1", "Welcome").await;
    assert_eq!(html_lang(&browser).await, "en-US");
    assert!(browser.text("main").await.contains("Before you begin"));
    browser.assert_accessible("the welcome page (en)").await;

    // Deep links load the app (index.html fallback); unknown ones get the app's own page.
    browser.goto(&format!("{}/no/such/page", server.base)).await;
    browser.wait_for_text("h1", "Page not found").await;
    browser.assert_accessible("the not-found page (en)").await;
    browser
        .client
        .find(Locator::Css("#language"))
        .await
        .unwrap()
        .select_by_value("fr-FR")
        .await
        .unwrap();
    browser.wait_for_text("h1", "Page introuvable").await;
    browser.assert_accessible("the not-found page (fr)").await;

    // The seed's help on work accounts, a deep link too.
    browser
        .goto(&format!("{}/help/work-account", server.base))
        .await;
    browser
        .wait_for_text(
            "h1",
            "Compte professionnel de votre entreprise et Espace partenaires",
        )
        .await;
    browser
        .assert_accessible("the work account help (fr)")
        .await;

    browser
        .goto(&format!("{}/onboarding/welcome", server.base))
        .await;
    browser.wait_for_text("h1", "Bienvenue").await;
    browser.close().await;

    let status = server.terminate().await;
    assert!(status.success(), "a clean exit on SIGTERM, got {status}");
}

#[tokio::test]
async fn dist_alone_on_a_plain_static_host_runs_on_the_mock_backend() {
    let host = StaticHost::start(&dist()).await;
    let browser = Browser::start().await;

    browser
        .goto(&format!("{}/onboarding/welcome", host.base))
        .await;
    browser.wait_for_text("h1", "Bienvenue").await;
    assert_eq!(
        browser.text(".badge").await.trim(),
        "données de démonstration"
    );
    browser
        .assert_accessible("the welcome page on the mock")
        .await;

    browser.goto(&format!("{}/", host.base)).await;
    browser.wait_for_text("h1", "Bienvenue").await;
    assert_eq!(browser.path().await, "/onboarding/welcome");

    // A 360 px phone: everything fits, nothing scrolls sideways.
    browser.client.set_window_size(360, 740).await.unwrap();
    let width = browser.scroll_width().await;
    let viewport = browser
        .client
        .execute("return window.innerWidth", vec![])
        .await
        .unwrap();
    assert!(
        width <= viewport.as_u64().unwrap(),
        "page is {width}px wide in a {viewport}px viewport"
    );
    browser.client.set_window_size(1280, 900).await.unwrap();

    // The mock loads the agreement text from dist/agreements/ (not in the start-up module).
    browser.goto(&format!("{}/sign-in", host.base)).await;
    browser.wait_for("#email").await;
    browser.fill("email", "admin@contoso.onmicrosoft.com").await;
    browser.fill("password", "Contoso-demo-2026").await;
    browser.submit().await;
    browser.wait_for_path("/onboarding/profile").await;
    browser.fill_profile().await;
    browser.submit().await;
    browser.wait_for_content("jean.dupont@contoso.fr").await;
    browser
        .goto(&format!("{}/onboarding/agreement", host.base))
        .await;
    browser.wait_for_content("1. Objet").await;
    browser.close().await;
}
