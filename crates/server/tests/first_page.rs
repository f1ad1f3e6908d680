//! A navigation to the user list is answered with its first rows rendered by the app's own
//! components (`first_page.rs`), for whoever `GET /api/users` would answer, in the language
//! and time zone their browser told; everyone else gets the page as built.

mod common;

use common::*;
use partner_center::i18n::written;
use partner_domain::{Lang, User, UserCreated, UserList};
use reqwest::Method;
use serde_json::json;
use time::{format_description::well_known::Rfc3339, OffsetDateTime, UtcOffset};

/// The server's copy of the page, if it sent one.
fn copy(answer: &Answer) -> Option<String> {
    assert_eq!(answer.status, 200);
    let page = String::from_utf8(answer.bytes.clone()).unwrap();
    let start = page.find("<div id=snapshot inert")?;
    let end = page
        .find("<div id=app hidden>")
        .expect("the app's root, hidden");
    assert!(start < end, "the copy comes before the app's root");
    Some(page[start..end].to_owned())
}

/// `user`'s creation day at a fixed offset from UTC, as the browser writes it in `lang`.
fn day_at(user: &User, lang: Lang, hours: i8) -> String {
    let at = OffsetDateTime::parse(&user.created_at, &Rfc3339)
        .unwrap()
        .to_offset(UtcOffset::from_hms(hours, 0, 0).unwrap());
    written::day(
        lang,
        at.year() as i16,
        u8::from(at.month()) as i8,
        at.day() as i8,
    )
}

#[tokio::test]
async fn the_user_list_comes_rendered_with_its_rows_in_the_readers_language_and_time_zone() {
    let server = start().await;
    let (admin, _) = server.tenant("contoso").await;
    let body = json!({ "first_name": "Zoé <b>", "last_name": "O'Brien & Fils", "email": "zoe@contoso.onmicrosoft.com", "roles": ["sales_agent"] });
    let created: UserCreated = admin.ok(Method::POST, "/api/users", Some(&body), 201).await;
    let list: UserList = admin.get("/api/users").await.json();
    // Kiribati's Line Islands are 14 hours ahead of UTC, and American Samoa 11 behind: whatever
    // the time, a day apart.
    admin.set_cookie("partner-center.tz=Pacific/Kiritimati");
    let answer = admin.navigate("/settings/users").await;
    assert_eq!(answer.headers["cache-control"], "no-store");
    let page = copy(&answer).expect("the list rendered");
    assert!(
        page.starts_with("<div id=snapshot inert lang=fr-FR>"),
        "{page}"
    );
    assert!(
        page.contains("<style"),
        "its components' styles come with it"
    );
    assert!(page.contains("Gestion des utilisateurs"), "{page}");
    assert!(page.contains("\u{2068}2\u{2069} utilisateurs"), "{page}");
    for user in &list.items {
        assert!(page.contains(&user.email), "{} in {page}", user.email);
    }
    assert!(page.contains("Zoé &lt;b&gt;"), "names are escaped: {page}");
    assert!(!page.contains("<script"), "nothing to run: {page}");
    assert!(!page.contains("<b>"), "{page}");
    assert!(
        page.contains(&day_at(&created.user, Lang::Fr, 14)),
        "{page}"
    );

    // The address's search, as the app's first render has it: the search box holds it, and the
    // list is loading (a search waits for the whole list), not the first rows unfiltered.
    let page = copy(&admin.navigate("/settings/users?q=zoe").await).expect("the list rendered");
    assert!(page.contains(r#"value="zoe""#), "{page}");
    assert!(page.contains(r#"aria-busy="true""#), "{page}");
    assert!(!page.contains("data-pos"), "{page}");

    admin.set_cookie("partner-center.tz=Pacific/Pago_Pago");
    admin.set_cookie("partner-center.lang=en-US");
    let page = copy(&admin.navigate("/settings/users").await).expect("the list rendered");
    assert!(
        page.starts_with("<div id=snapshot inert lang=en-US>"),
        "{page}"
    );
    assert!(page.contains("User management"), "{page}");
    assert!(page.contains("\u{2068}2\u{2069} users"), "{page}");
    assert!(
        page.contains(&day_at(&created.user, Lang::En, -11)),
        "{page}"
    );
    assert!(
        !page.contains(&day_at(&created.user, Lang::En, 14)),
        "{page}"
    );
}

#[tokio::test]
async fn nobody_else_gets_the_rows_and_without_a_time_zone_nobody_does() {
    let server = start().await;
    let (admin, _) = server.tenant("contoso").await;
    let (other, other_me) = server.tenant("fabrikam").await;
    let tz = "partner-center.tz=Europe/Paris";

    // The browser has not said how it writes days: the page as built, the app renders the list.
    assert_eq!(copy(&admin.navigate("/settings/users").await), None);
    // Nor an unknown zone.
    admin.set_cookie("partner-center.tz=Mars/Olympus_Mons");
    assert_eq!(copy(&admin.navigate("/settings/users").await), None);
    admin.set_cookie(tz);
    // Only the list, and only for a navigation (not a script's request for the page).
    assert_eq!(copy(&admin.navigate("/settings/partner").await), None);
    assert_eq!(copy(&admin.get("/settings/users").await), None);

    // Signed out.
    let anonymous = server.client();
    anonymous.set_cookie(tz);
    assert_eq!(copy(&anonymous.navigate("/settings/users").await), None);

    // Someone of another work account gets theirs.
    other.set_cookie(tz);
    let page = copy(&other.navigate("/settings/users").await).expect("their list");
    assert!(page.contains(&other_me.user.email), "{page}");
    assert!(!page.contains("contoso"), "{page}");

    // Someone whose password is temporary may not read the list yet (403): no rows either.
    let body = json!({ "first_name": "Léa", "last_name": "Roux", "email": "lea@contoso.onmicrosoft.com", "roles": [] });
    let created: UserCreated = admin.ok(Method::POST, "/api/users", Some(&body), 201).await;
    let reset = format!("/api/users/{}/password-reset", created.user.id);
    let revealed: partner_domain::TemporaryPassword =
        admin.ok(Method::POST, &reset, NONE, 200).await;
    let lea = server.client();
    lea.sign_in("lea@contoso.onmicrosoft.com", &revealed.temporary_password)
        .await;
    lea.set_cookie(tz);
    lea.get("/api/users")
        .await
        .error(403, partner_domain::ErrorKind::PasswordChangeRequired);
    assert_eq!(copy(&lea.navigate("/settings/users").await), None);
}

/// The page rendered here is compressed for a browser that accepts it (the built files are
/// compressed already).
#[tokio::test]
async fn the_rendered_page_is_compressed() {
    let server = start().await;
    let (admin, _) = server.tenant("contoso").await;
    admin.set_cookie("partner-center.tz=Europe/Paris");
    let answer = admin
        .navigate_with("/settings/users", &[("accept-encoding", "gzip")])
        .await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.headers["content-encoding"], "gzip");
}
