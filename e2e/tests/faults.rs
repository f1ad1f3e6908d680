//! The server goes away while the user fills the profile step: the page says it cannot reach
//! the server and keeps every value; the server comes back and the same submit succeeds.

use e2e::{Browser, Server};
use partner_domain::fixtures::profile_fields;

#[tokio::test]
async fn the_server_stops_while_the_profile_is_filled_and_nothing_typed_is_lost() {
    let mut server = Server::start().await;
    let browser = Browser::start_in("fr-FR").await;
    let base = server.base.clone();
    browser.goto(&format!("{base}/onboarding/welcome")).await;
    browser.wait_for("h1").await;
    browser.sign_up("contoso").await;
    browser.goto(&format!("{base}/onboarding/profile")).await;
    browser.wait_for("#legal_profile-legal_name").await;
    browser.fill_profile().await;

    server.stop().await;
    browser.submit().await;
    browser
        .wait_for_content("Impossible de joindre le serveur")
        .await;
    browser
        .wait_for_content("Vos saisies sont conservées")
        .await;
    browser
        .assert_accessible("profile, server unreachable")
        .await;
    for (id, value) in profile_fields() {
        let kept = browser
            .client
            .find(fantoccini::Locator::Id(id))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap();
        assert_eq!(kept.as_deref(), Some(value.as_str()), "{id} kept");
    }

    server.start_again().await;
    browser.submit().await;
    browser.wait_for_content("IMPORTANT").await;
    browser.wait_for_content("jean.dupont@contoso.fr").await;
    browser.assert_no_csp_violation().await;
    browser.close().await;
}
