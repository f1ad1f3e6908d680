//! A work account past one answer's 20,000 users (#18): user management no longer loads the
//! whole list; the server searches, filters and orders it, the count is the server's, the rows
//! come as the view reaches them, and the page says how far the list scrolls.

use e2e::{plain, Browser, Server};
use serde_json::json;

/// The list's count, once the page shows one (it may be loading the server's rows still).
async fn status(browser: &Browser) -> Option<String> {
    Some(plain(&browser.text_now(".list-head [role=status]").await?))
}

#[tokio::test]
async fn past_twenty_thousand_users_the_server_searches_the_list() {
    let server = Server::start().await;
    let browser = Browser::start_in("fr-FR").await;
    browser
        .goto(&format!("{}/onboarding/welcome", server.base))
        .await;
    browser.wait_for("main h1").await;
    browser.sign_up("large").await;
    for users in [20_000, 5_000] {
        let (status, answer) = browser
            .api("POST", "/api/dev/seed", Some(json!({ "users": users })))
            .await;
        assert_eq!(status, 200, "{answer}");
    }

    browser
        .goto(&format!("{}/settings/users", server.base))
        .await;
    browser.wait_for(".user-table tbody tr:not(.spacer)").await;
    browser
        .eventually("the server's count", || async {
            (status(&browser).await? == "25 001 utilisateurs").then_some(())
        })
        .await;
    let notice = plain(&browser.text(".page .panel-info").await);
    assert!(
        notice.starts_with("Les 20 000 premiers sont listés"),
        "{notice}"
    );
    browser
        .assert_accessible("a list the server searches")
        .await;

    // Scrolling past the rows that came asks for more.
    browser
        .client
        .execute(
            "document.querySelector('.user-scroller').scrollTop = 300 * 44;",
            vec![],
        )
        .await
        .unwrap();
    browser.wait_for(".user-table tr[data-pos='310']").await;

    // A search is the server's: its count, and only matching rows.
    browser.fill("user-search", "helene").await;
    let found = browser
        .eventually("the search answered", || async {
            let text = status(&browser).await?;
            (text != "25 001 utilisateurs").then_some(text)
        })
        .await;
    let found: u64 = found
        .trim_end_matches(" utilisateurs")
        .replace(' ', "")
        .parse()
        .unwrap_or_else(|_| panic!("{found:?}"));
    assert!(found > 0 && found < 25_001, "{found}");
    let rows = browser.text(".user-table tbody").await;
    assert!(
        rows.lines()
            .filter(|l| !l.trim().is_empty())
            .all(|l| l.contains("Hélène")),
        "{rows}"
    );
    assert!(!browser.exists(".page .panel-info").await || found > 20_000);

    // Ordered by the server too: by email, from Z (the address holds the view).
    browser
        .goto(&format!(
            "{}/settings/users?sort=email&direction=desc",
            server.base
        ))
        .await;
    browser
        .eventually("sorted by email from Z", || async {
            let emails = browser
                .client
                .execute(
                    "return [...document.querySelectorAll('.user-table tbody tr:not(.spacer) td:nth-child(2)')]
                        .slice(0, 5).map(td => td.textContent)",
                    vec![],
                )
                .await
                .ok()?;
            let emails: Vec<String> = serde_json::from_value(emails).ok()?;
            (emails.len() == 5 && emails.windows(2).all(|w| w[0] > w[1]) && emails[0].starts_with('z'))
                .then_some(())
        })
        .await;
    browser.assert_accessible("sorted by email").await;
    browser.close().await;
}
