//! The seed flow with the keyboard alone (Tab, Space, Enter, and typing into fields), with
//! keyboard focus visible at every stop; then the pages at 360 px and at 200 % zoom (a 640 px
//! viewport) without horizontal scrolling; then every route in both languages, and the settings
//! menu open, through axe.

use e2e::{Browser, Server};
use fantoccini::key::Key;
use partner_domain::fixtures::PASSWORD;

async fn fill_by_keyboard(browser: &Browser, fields: &[(&str, &str)]) {
    for (id, value) in fields {
        browser.tab_to(id).await;
        browser.press(value).await;
    }
}

async fn viewport_width(browser: &Browser) -> u64 {
    browser
        .client
        .execute("return document.documentElement.clientWidth", vec![])
        .await
        .unwrap()
        .as_u64()
        .unwrap()
}

/// Once the page has settled: while it loads, a vertical scrollbar may come a layout after the
/// content that needs it (the page measured 640 px in 625 once, with nothing sticking out).
async fn assert_fits(browser: &Browser, what: &str) {
    let fits = e2e::within_patience(|| async {
        (browser.scroll_width().await <= viewport_width(browser).await).then_some(())
    })
    .await;
    if fits.is_some() {
        return;
    }
    let (width, viewport) = (browser.scroll_width().await, viewport_width(browser).await);
    // What sticks out, to say why (the scrollers may hold wide tables).
    let culprits = browser
        .client
        .execute(
            "const w = document.documentElement.clientWidth;
             return [...document.querySelectorAll('body *')]
                 .filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.table-scroll, .user-scroller'))
                 .slice(0, 5)
                 .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));",
            vec![],
        )
        .await
        .unwrap();
    panic!("{what}: the page is {width}px wide in a {viewport}px viewport, because of {culprits}");
}

#[tokio::test]
async fn the_wizard_by_keyboard_alone_then_small_screens_then_every_route_through_axe() {
    let server = Server::start().await;
    let browser = Browser::start_in("fr-FR").await;
    let base = &server.base;
    browser.goto(&format!("{base}/")).await;
    browser.wait_for_text("h1", "Bienvenue").await;

    browser.tab_to("Suivant").await;
    browser.press(&Key::Enter).await;
    browser.wait_for_path("/onboarding/sign-in").await;
    browser.tab_to("Créer un compte").await;
    browser.press(&Key::Space).await;
    browser.wait_for("#company_name").await;
    fill_by_keyboard(
        &browser,
        &[
            ("company_name", "Keyboard SAS"),
            ("domain_prefix", "keyboard"),
            ("country", "France"),
            ("admin-first_name", "Kim"),
            ("admin-last_name", "Lee"),
            ("admin-password", PASSWORD),
        ],
    )
    .await;
    browser.press(&Key::Enter).await;
    browser
        .wait_for_content("admin@keyboard.onmicrosoft.com")
        .await;
    browser.tab_to("password").await;
    browser.press(PASSWORD).await;
    browser.press(&Key::Enter).await;

    browser.wait_for_path("/onboarding/profile").await;
    browser.wait_for("#legal_profile-legal_name").await;
    fill_by_keyboard(
        &browser,
        &[
            ("legal_profile-legal_name", "Keyboard SAS"),
            ("legal_profile-address-country", "France"),
            ("legal_profile-address-line1", "12 rue de la Paix"),
            ("legal_profile-address-city", "Paris"),
            ("legal_profile-address-postal_code", "75002"),
            ("legal_profile-phone", "+33 1 23 45 67 89"),
            ("primary_contact-first_name", "Jean"),
            ("primary_contact-last_name", "Dupont"),
            ("primary_contact-email", "jean.dupont@keyboard.fr"),
            ("primary_contact-phone", "+33 6 12 34 56 78"),
        ],
    )
    .await;
    browser.press(&Key::Enter).await;
    browser.wait_for_content("IMPORTANT").await;
    browser.tab_to("Suivant").await;
    browser.press(&Key::Enter).await;

    browser.wait_for_path("/onboarding/agreement").await;
    browser.wait_for_content("1. Objet").await;
    browser.tab_to("accept").await;
    browser.press(&Key::Space).await;
    browser.tab_to("Accepter").await;
    browser.press(&Key::Enter).await;

    browser.wait_for_path("/onboarding/admin-agent").await;
    browser
        .tab_to("Ouvrir ma fiche dans Gestion des utilisateurs")
        .await;
    browser.press(&Key::Enter).await;
    browser.wait_for("#role-admin_agent").await;
    browser.tab_to("role-admin_agent").await;
    browser.press(&Key::Space).await;
    browser.tab_to("Mettre à jour").await;
    browser.press(&Key::Enter).await;
    browser.wait_for_content("mis à jour").await;
    browser.tab_to("Vue d’ensemble").await;
    browser.press(&Key::Enter).await;
    browser.wait_for_text("h1", "Vue d’ensemble").await;

    // A phone, then 200 % zoom of a 1280 px window: everything reflows, nothing scrolls sideways.
    for (width, zoom) in [(360, "360 px"), (640, "200 %")] {
        browser.client.set_window_size(width, 800).await.unwrap();
        for path in [
            "/dashboard",
            "/settings/partner-profile",
            "/settings/users",
            "/settings/users/new",
            "/settings/users/import",
            "/onboarding/agreement",
        ] {
            browser.goto(&format!("{base}{path}")).await;
            browser.wait_for("main h1").await;
            assert_fits(&browser, &format!("{path} at {zoom}")).await;
        }
    }

    // Every route, in both languages, with the settings menu open: axe finds nothing.
    browser.client.set_window_size(1280, 900).await.unwrap();
    let agreement = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch('/api/partner').then(r => r.json()).then(p => done(p.agreements[0].id), e => done(String(e)));",
            vec![],
        )
        .await
        .unwrap();
    let me = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch('/api/session').then(r => r.json()).then(m => done(m.user.id), e => done(String(e)));",
            vec![],
        )
        .await
        .unwrap();
    let routes = [
        "/onboarding/welcome".to_owned(),
        "/onboarding/sign-in".to_owned(),
        "/onboarding/profile".to_owned(),
        "/onboarding/agreement".to_owned(),
        "/onboarding/admin-agent".to_owned(),
        "/onboarding/done".to_owned(),
        "/dashboard".to_owned(),
        "/settings/partner-profile".to_owned(),
        format!("/settings/agreements/{}", agreement.as_str().unwrap()),
        "/settings/users".to_owned(),
        format!("/settings/users/{}", me.as_str().unwrap()),
        "/settings/users/new".to_owned(),
        "/settings/users/import".to_owned(),
        "/verify-email?token=unknown".to_owned(),
        "/no/such/page".to_owned(),
    ];
    for lang in ["fr-FR", "en-US"] {
        browser.goto(&format!("{base}/onboarding/welcome")).await;
        browser.wait_for("#language").await;
        browser.choose("language", lang).await;
        for route in &routes {
            browser.goto(&format!("{base}{route}")).await;
            browser.wait_for("main h1").await;
            browser
                .assert_accessible(&format!("{route} in {lang}"))
                .await;
        }
        browser.tab_to("settings-button").await;
        browser.press(&Key::Enter).await;
        browser.wait_for("#settings-menu:not([hidden])").await;
        browser
            .assert_accessible(&format!("settings menu open in {lang}"))
            .await;
        browser.press(&Key::Escape).await;
    }
    browser.assert_no_csp_violation().await;
    browser.close().await;
}
