//! The whole seed flow on the real server, in real Chromium, from `/` to the overview: create
//! a work account, sign in as its global admin, register the profile, confirm the contact's
//! email from the outbox, accept the agreement, become Admin agent through Paramètres →
//! Gestion des utilisateurs, finish. In French, then in English; axe on every step.

use e2e::{Browser, Server};
use partner_domain::fixtures::PASSWORD;

/// The words a user reads and clicks, per language.
struct Words {
    lang: &'static str,
    welcome: &'static str,
    next: &'static str,
    sign_in_title: &'static str,
    create_account: &'static str,
    profile_title: &'static str,
    register: &'static str,
    error_summary: &'static str,
    /// A region name, loaded from `/regions.tsv` beside the app.
    north_carolina: &'static str,
    important: &'static str,
    open_email: &'static str,
    verify_title: &'static str,
    agreement_title: &'static str,
    accept: &'static str,
    not_agent: &'static str,
    settings: &'static str,
    users: &'static str,
    update: &'static str,
    is_agent: &'static str,
    finish: &'static str,
    done_title: &'static str,
    go_overview: &'static str,
    overview: &'static str,
}

const FRENCH: Words = Words {
    lang: "fr-FR",
    welcome: "Bienvenue",
    next: "Suivant",
    sign_in_title: "Connectez-vous en tant qu’administrateur général",
    create_account: "Créer un compte",
    profile_title: "Profil juridique et contact principal",
    register: "S’inscrire maintenant",
    error_summary: "Corrigez les erreurs suivantes",
    north_carolina: "Caroline du Nord",
    important: "IMPORTANT",
    open_email: "Démonstration : ouvrir le lien reçu par le contact principal",
    verify_title: "Confirmation de votre adresse e-mail",
    agreement_title: "Contrat",
    accept: "Accepter",
    not_agent: "ne fait pas encore partie du groupe Agent d’administration",
    settings: "Paramètres",
    users: "Gestion des utilisateurs",
    update: "Mettre à jour",
    is_agent: "fait partie du groupe Agent d’administration",
    finish: "Terminer",
    done_title: "Votre compte Espace partenaires est créé",
    go_overview: "Aller à la Vue d’ensemble",
    overview: "Vue d’ensemble",
};

const ENGLISH: Words = Words {
    lang: "en-US",
    welcome: "Welcome",
    next: "Next",
    sign_in_title: "Sign in as a global admin",
    create_account: "Create account",
    profile_title: "Legal profile and primary contact",
    register: "Register now",
    error_summary: "Fix the following errors",
    north_carolina: "North Carolina",
    important: "IMPORTANT",
    open_email: "Demo: open the link the primary contact received",
    verify_title: "Confirming your email address",
    agreement_title: "Agreement",
    accept: "Accept",
    not_agent: "is not in the Admin agent group yet",
    settings: "Settings",
    users: "User management",
    update: "Update",
    is_agent: "is in the Admin agent group",
    finish: "Finish",
    done_title: "Your Partner Center account is created",
    go_overview: "Go to the Overview",
    overview: "Overview",
};

/// Runs the flow and leaves the browser on the overview, signed in.
async fn seed_flow(words: &Words, prefix: &str) -> (Server, Browser) {
    let server = Server::start().await;
    let browser = Browser::start_in(words.lang).await;
    let base = &server.base;

    browser.goto(&format!("{base}/")).await;
    browser.wait_for_text("h1", FRENCH.welcome).await;
    // French is the default whatever the browser; an English speaker switches.
    if words.lang != FRENCH.lang {
        browser.choose("language", words.lang).await;
        browser.wait_for_text("h1", words.welcome).await;
    }
    browser.assert_accessible("welcome").await;
    browser.click_text(words.next).await;
    browser.wait_for_path("/onboarding/sign-in").await;
    browser.wait_for_text("h1", words.sign_in_title).await;
    browser.assert_accessible("sign-in").await;

    // No work account yet: create one, then sign in with its global admin.
    browser.click_text(words.create_account).await;
    browser.fill("company_name", "Contoso SAS").await;
    browser.fill("domain_prefix", prefix).await;
    browser
        .wait_for_content(&format!("{prefix}.onmicrosoft.com"))
        .await;
    browser.choose("country", "FR").await;
    browser.fill("admin-first_name", "Éloïse").await;
    browser.fill("admin-last_name", "Lefèvre").await;
    browser.fill("admin-password", PASSWORD).await;
    browser.assert_accessible("create account").await;
    browser.submit().await;
    let admin = format!("admin@{prefix}.onmicrosoft.com");
    browser.wait_for_content(&admin).await;
    let prefilled = browser
        .client
        .find(fantoccini::Locator::Id("email"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(
        prefilled.as_deref(),
        Some(admin.as_str()),
        "the new admin's email is prefilled"
    );
    browser.fill("password", PASSWORD).await;
    browser.submit().await;

    browser.wait_for_path("/onboarding/profile").await;
    browser.wait_for_text("h1", words.profile_title).await;
    browser.assert_accessible("profile").await;
    browser.click_text(words.register).await;
    browser.wait_for_content(words.error_summary).await;
    browser.assert_accessible("profile with errors").await;
    browser.choose("legal_profile-address-country", "US").await;
    browser
        .wait_for_text(
            "#legal_profile-address-region option[value=NC]",
            words.north_carolina,
        )
        .await;

    browser.fill_profile().await;
    browser.click_text(words.register).await;
    browser.wait_for_content(words.important).await;
    browser.wait_for_content("jean.dupont@contoso.fr").await;
    browser.assert_accessible("profile registered").await;

    // The contact opens the link from the email (the dev outbox), in this browser.
    let dev_link = browser.wait_for("#dev-email-link").await;
    assert_eq!(
        dev_link.text().await.unwrap().replace('\u{a0}', " "),
        words.open_email
    );
    let link = dev_link.attr("href").await.unwrap().unwrap();
    browser.goto(&format!("{base}{link}")).await;
    browser.wait_for_text("h1", words.verify_title).await;
    browser.wait_for_content("jean.dupont@contoso.fr").await;
    browser.assert_accessible("email confirmed").await;

    browser.goto(&format!("{base}/onboarding/agreement")).await;
    browser.wait_for_text("h1", words.agreement_title).await;
    browser
        .wait_for_content(if words.lang == "fr-FR" {
            "1. Objet"
        } else {
            "1. Purpose"
        })
        .await;
    browser.assert_accessible("agreement").await;
    browser.click_text(words.accept).await;
    browser
        .wait_for_content(if words.lang == "fr-FR" {
            "Cochez la case"
        } else {
            "Check the box"
        })
        .await;
    browser.assert_accessible("agreement unchecked").await;
    browser
        .client
        .find(fantoccini::Locator::Id("accept"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.click_text(words.accept).await;

    browser.wait_for_path("/onboarding/admin-agent").await;
    browser.wait_for_content(words.not_agent).await;
    browser.assert_accessible("admin agent, not yet").await;

    // The seed's path: Paramètres → Gestion des utilisateurs → your name → Agent d’administration → Mettre à jour.
    browser.click_text(words.settings).await;
    browser.click_text(words.users).await;
    browser.wait_for_path("/settings/users").await;
    browser.click_text("Éloïse Lefèvre").await;
    browser.wait_for_text("h1", "Éloïse Lefèvre").await;
    browser.assert_accessible("user page").await;
    browser
        .client
        .find(fantoccini::Locator::Id("role-admin_agent"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.click_text(words.update).await;
    browser.wait_for_content("Éloïse Lefèvre").await;

    browser
        .goto(&format!("{base}/onboarding/admin-agent"))
        .await;
    browser.wait_for_content(words.is_agent).await;
    browser.click_text(words.finish).await;
    browser.wait_for_text("h1", words.done_title).await;
    browser.assert_accessible("finish").await;
    browser.click_text(words.go_overview).await;
    browser.wait_for_text("h1", words.overview).await;
    (server, browser)
}

#[tokio::test]
async fn the_seed_flow_in_french_then_the_partner_profile() {
    let (server, browser) = seed_flow(&FRENCH, "contoso").await;
    partner_profile_tour(server, &browser).await;
    browser.close().await;
}

#[tokio::test]
async fn the_seed_flow_in_english_then_user_management() {
    let (server, browser) = seed_flow(&ENGLISH, "fabrikam").await;
    user_management_tour(&server, &browser).await;
    browser.close().await;
}

/// User management's pages and states on the real server, each checked with axe: the list, its
/// empty state, adding a user (errors, then the temporary password), the import report, and the
/// delete dialog.
async fn user_management_tour(server: &Server, browser: &Browser) {
    let base = &server.base;
    browser.goto(&format!("{base}/settings/users")).await;
    browser.wait_for(".user-table tbody tr").await;
    browser.assert_accessible("user list").await;
    browser.fill("user-search", "zzzz").await;
    browser
        .wait_for_content("No user matches this search")
        .await;
    browser.assert_accessible("user list, nothing found").await;

    browser.click_text("Add a user").await;
    browser.wait_for_path("/settings/users/new").await;
    browser.submit().await;
    browser.wait_for(".error-summary").await;
    // Components carry their own rules (stylist's `<style>` elements): the CSP lets them apply.
    let styled = browser
        .client
        .execute(
            "const px = (s, p) => getComputedStyle(document.querySelector(s)).getPropertyValue(p);
             return [px('.error-summary', 'border-top-width'), px('.left-nav', 'border-right-width'),
                 px('.top-bar', 'display')];",
            vec![],
        )
        .await
        .expect("computed styles");
    assert_eq!(
        styled,
        serde_json::json!(["4px", "1px", "flex"]),
        "the error summary's frame, the nav's edge, the top bar's row (styled at start-up)"
    );
    browser.assert_accessible("add user with errors").await;
    browser.fill("first_name", "Noah").await;
    browser.fill("last_name", "Smith").await;
    // The box takes the name; the work account's domain is shown beside it.
    browser.fill("email", "noah.smith").await;
    browser.submit().await;
    browser.wait_for_content("An invitation was sent to").await;
    browser.assert_accessible("user added").await;

    browser.goto(&format!("{base}/settings/users/import")).await;
    browser.wait_for("#import-text").await;
    browser
        .fill(
            "import-text",
            "first_name,last_name,email
,Roe,nope
",
        )
        .await;
    browser.wait_for(".panel-error table").await;
    browser.assert_accessible("import report").await;

    browser.goto(&format!("{base}/settings/users?q=noah")).await;
    browser.click_text("Noah Smith").await;
    browser.wait_for_text("h1", "Noah Smith").await;
    browser.click_text("Delete user").await;
    browser.wait_for("dialog[open]").await;
    browser.assert_accessible("delete dialog").await;
    browser.click_text("Cancel").await;

    // A name made of markup is text: shown as typed, run never (and the CSP would report it).
    let markup = "<img src=x onerror=\"window.__pwned=1\">";
    browser.goto(&format!("{base}/settings/users/new")).await;
    browser.wait_for("#first_name").await;
    browser.fill("first_name", markup).await;
    browser.fill("last_name", "<b>Bold</b>").await;
    browser.fill("email", "markup").await;
    browser.submit().await;
    browser.wait_for_content("An invitation was sent to").await;
    browser
        .goto(&format!("{base}/settings/users?q=markup"))
        .await;
    browser.wait_for(".user-table tbody tr").await;
    let shown = browser
        .text(".user-table tbody tr:not(.spacer) td:first-child")
        .await;
    assert_eq!(shown, format!("{markup} <b>Bold</b>"));
    let status = browser
        .text(".user-table tbody tr:not(.spacer) td:last-child")
        .await;
    assert!(status.starts_with("Invitation sent on"), "{status}");
    browser.click(".user-table tbody tr:not(.spacer) a").await;
    browser.wait_for("h1").await;
    let pwned = browser
        .client
        .execute(
            "return window.__pwned === undefined && !document.querySelector('main img, main b')",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(pwned, serde_json::json!(true), "markup stays text");
    browser.assert_no_csp_violation().await;
}

/// The seed's "Afficher les détails d’un compte MPN": overview, gear → Paramètres partenaire,
/// the sections, the MPN ID, the agreement opened and downloaded as a PDF, the page in English;
/// then the server goes away and the last loaded details stay on screen.
async fn partner_profile_tour(server: Server, browser: &Browser) {
    let mpn_id = browser.wait_for("#mpn-id").await.text().await.unwrap();
    assert!(
        mpn_id.len() == 7 && mpn_id.bytes().all(|b| b.is_ascii_digit()),
        "a 7-digit MPN ID: {mpn_id:?}"
    );
    browser.wait_for_content("Étapes suivantes").await;
    browser.assert_accessible("overview").await;

    browser.click_text("Paramètres").await;
    browser.click_text("Paramètres partenaire").await;
    browser.wait_for_path("/settings/partner-profile").await;
    browser.wait_for_text("h1", "Profil du partenaire").await;
    browser
        .wait_for_text("#legal-heading", "Profil d’entreprise juridique")
        .await;
    browser
        .wait_for_text("#program-heading", "Informations sur le programme")
        .await;
    browser.wait_for_content("Statut du programme MPN").await;
    assert_eq!(browser.text("#mpn-id").await, mpn_id);
    browser.assert_accessible("partner profile").await;

    browser
        .click("section[aria-labelledby=agreements-heading] tbody button")
        .await;
    let (name, bytes) = browser.wait_for_download().await;
    assert!(name.ends_with(".pdf"), "{name}");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");

    browser.click_text("Modifier").await;
    browser.wait_for("#legal_profile-legal_name").await;
    browser.assert_accessible("partner profile, editing").await;
    browser.click_text("Annuler").await;

    browser
        .click_text("Contrat Microsoft Partner Network")
        .await;
    browser.wait_for_content("1. Objet").await;
    assert!(browser.path().await.starts_with("/settings/agreements/"));
    browser.assert_accessible("signed agreement").await;
    browser.click_text("Retour au Profil du partenaire").await;

    browser.choose("language", "en-US").await;
    browser.wait_for_text("h1", "Partner profile").await;
    browser
        .wait_for_text("#program-heading", "Program information")
        .await;
    browser.wait_for_content("MPN program status").await;
    browser
        .assert_accessible("partner profile in English")
        .await;

    server.terminate().await;
    browser.click_text("Overview").await;
    browser
        .wait_for_content("These details could not be refreshed")
        .await;
    assert_eq!(
        browser.text("#mpn-id").await,
        mpn_id,
        "the last details stay"
    );
}
