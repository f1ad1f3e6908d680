//! Returning users (issue #15): a Sales agent, a Report viewer, an Account admin and a Global
//! admin each sign in from the top bar and land where their situation says, in French and in
//! English, with axe at each landing.

use e2e::{Browser, Server};
use partner_domain::fixtures::{profile, PASSWORD};
use serde_json::json;

struct Words {
    lang: &'static str,
    sign_in: &'static str,
    sign_out: &'static str,
    not_enrolled: &'static str,
    overview: &'static str,
}

const FRENCH: Words = Words {
    lang: "fr-FR",
    sign_in: "Se connecter",
    sign_out: "Se déconnecter",
    not_enrolled: "Ce compte n’est pas encore inscrit",
    overview: "Vue d’ensemble",
};

const ENGLISH: Words = Words {
    lang: "en-US",
    sign_in: "Sign in",
    sign_out: "Sign out",
    not_enrolled: "This account is not enrolled yet",
    overview: "Overview",
};

/// Chosen by each new user in place of their temporary password.
const CHOSEN: &str = "Chosen-password-2026";

/// Adds a user with one role through the API (the page is signed in as the Global admin); the
/// temporary password the admin reveals for them.
async fn add(browser: &Browser, prefix: &str, name: &str, role: &str) -> (String, String) {
    let email = format!("{name}@{prefix}.onmicrosoft.com");
    let body = json!({ "first_name": name, "last_name": "Test", "email": email, "roles": [role] });
    let (status, created) = browser.api("POST", "/api/users", Some(body)).await;
    assert_eq!(status, 201, "{created}");
    // No mailbox in these tests: the admin reveals a temporary password instead.
    let reset = format!(
        "/api/users/{}/password-reset",
        created["user"]["id"].as_str().unwrap()
    );
    let (status, revealed) = browser.api("POST", &reset, None).await;
    assert_eq!(status, 200, "{revealed}");
    let password = revealed["temporary_password"].as_str().unwrap().to_owned();
    (email, password)
}

/// Signs out with the top bar, then signs in from it as `email`, choosing a password first when
/// `temporary` is set.
async fn sign_in_from_the_top_bar(
    browser: &Browser,
    words: &Words,
    email: &str,
    password: &str,
    temporary: bool,
) {
    browser.click_text(words.sign_out).await;
    browser.wait_for_path("/onboarding/welcome").await;
    let link = "header a[href^='/sign-in']";
    browser.wait_for(link).await;
    assert_eq!(browser.text(link).await.trim(), words.sign_in);
    browser.click(link).await;
    browser.wait_for_path("/sign-in").await;
    browser.wait_for("#email").await;
    browser.fill("email", email).await;
    browser.fill("password", password).await;
    browser.submit().await;
    if temporary {
        browser.wait_for("#new_password").await;
        browser.fill("current_password", password).await;
        browser.fill("new_password", CHOSEN).await;
        browser.submit().await;
    }
}

async fn returning_users_in(words: &Words, prefix: &str) {
    let server = Server::start().await;
    let browser = Browser::start_in(words.lang).await;
    browser
        .goto(&format!("{}/onboarding/welcome", server.base))
        .await;
    browser.wait_for("#language").await;
    browser.choose("language", words.lang).await;
    browser.sign_up(prefix).await;
    let sales = add(&browser, prefix, "sales", "sales_agent").await;
    let reader = add(&browser, prefix, "reader", "report_viewer").await;
    let account = add(&browser, prefix, "account", "account_admin").await;
    browser.goto(&format!("{}/dashboard", server.base)).await;

    // Not enrolled yet: those who cannot enrol are told whom to ask, the Global admin is sent on.
    for (email, password) in [&sales, &reader] {
        sign_in_from_the_top_bar(&browser, words, email, password, true).await;
        browser.wait_for_path("/not-enrolled").await;
        browser.wait_for_text("h1", words.not_enrolled).await;
        browser
            .wait_for_content(&format!("admin@{prefix}.onmicrosoft.com"))
            .await;
        browser
            .assert_accessible(&format!("{email}, not enrolled, {}", words.lang))
            .await;
    }
    let admin = format!("admin@{prefix}.onmicrosoft.com");
    sign_in_from_the_top_bar(&browser, words, &admin, PASSWORD, false).await;
    browser.wait_for_path("/onboarding/profile").await;
    browser
        .assert_accessible(&format!("Global admin, not enrolled, {}", words.lang))
        .await;

    // Enrolled (profile and agreement through the API): everyone lands on the overview.
    let (status, _) = browser
        .api(
            "PUT",
            "/api/partner/profile",
            Some(serde_json::to_value(profile()).unwrap()),
        )
        .await;
    assert_eq!(status, 200);
    let (_, current) = browser
        .api("GET", "/api/agreements/current?kind=mpn", None)
        .await;
    let accept = json!({ "kind": "mpn", "version": current["version"] });
    let (status, _) = browser
        .api("POST", "/api/partner/agreements", Some(accept))
        .await;
    assert_eq!(status, 201);
    for (email, password, temporary) in [
        (account.0.as_str(), account.1.as_str(), true),
        (sales.0.as_str(), CHOSEN, false),
        (admin.as_str(), PASSWORD, false),
    ] {
        sign_in_from_the_top_bar(&browser, words, email, password, temporary).await;
        browser.wait_for_path("/dashboard").await;
        browser.wait_for_text("h1", words.overview).await;
        browser
            .assert_accessible(&format!("{email}, enrolled, {}", words.lang))
            .await;
    }
    browser.assert_no_csp_violation().await;
    browser.close().await;
}

#[tokio::test]
async fn returning_users_land_where_they_belong_in_french() {
    returning_users_in(&FRENCH, "retourfr").await;
}

#[tokio::test]
async fn returning_users_land_where_they_belong_in_english() {
    returning_users_in(&ENGLISH, "returnen").await;
}
