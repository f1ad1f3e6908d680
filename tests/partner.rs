//! The overview and the partner profile on the mock backend: each state of the verification
//! timeline, the program information, signed agreements, and who may edit the legal profile;
//! and where each returning user lands after signing in.
#![cfg(target_arch = "wasm32")]

mod support;

use partner_center::api::{Backend, MockBackend, DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD};
use partner_center::config::MockOptions;
use partner_domain::{
    AcceptAgreement, AgreementKind, Lang, Partner, Role, Vetting, VettingDecision, VettingReason,
};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The simulated business check waits an hour: states move only when a test says so.
const CONFIG: &str = r#"{ "backend": "mock", "mock": { "vetting_delay_s": 3600 } }"#;

fn mock() -> MockBackend {
    MockBackend::new(MockOptions {
        vetting_delay_s: 3600,
        ..MockOptions::default()
    })
}

/// The demo admin's company, registered and signed, as the wizard leaves it.
async fn enrolled() -> Partner {
    clear_storage();
    sign_in_demo_admin().await;
    let mock = mock();
    let profile = serde_json::from_value(serde_json::json!({
        "legal_profile": {
            "legal_name": "Contoso SAS",
            "address": { "line1": "12 rue de la Paix", "city": "Paris", "postal_code": "75002", "country": "FR" },
            "phone": "+33 1 23 45 67 89"
        },
        "primary_contact": { "first_name": "Jean", "last_name": "Dupont", "email": "jean.dupont@contoso.fr", "phone": "+33 6 12 34 56 78" }
    }))
    .unwrap();
    mock.put_profile(profile).await.unwrap();
    let current = mock
        .current_agreement(AgreementKind::Mpn, Lang::Fr)
        .await
        .unwrap();
    mock.accept_agreement(
        AcceptAgreement {
            kind: AgreementKind::Mpn,
            version: current.version,
        },
        Lang::Fr,
    )
    .await
    .unwrap();
    mock.partner().await.unwrap()
}

/// The primary contact opens the link of their email.
async fn contact_confirms() {
    let mock = mock();
    let link = mock.dev_outbox().await.unwrap()[0].link.clone().unwrap();
    let token = link.split("token=").nth(1).unwrap().to_owned();
    mock.verify_email(token).await.unwrap();
}

async fn overview() -> Mounted {
    let app = Mounted::keeping_storage("/dashboard", CONFIG).await;
    app.wait_for(".timeline").await;
    app
}

#[wasm_bindgen_test]
async fn the_overview_follows_the_verification_from_the_email_to_the_decision() {
    let partner = enrolled().await;
    let app = overview().await;
    app.wait_for_text("h1", "Vue d’ensemble").await;
    assert_eq!(app.text("#mpn-id"), partner.mpn_id);
    let contact = app.text(".timeline li:first-child");
    assert!(contact.contains("En attente"), "{contact}");
    assert!(
        contact.contains("jean.dupont@contoso.fr"),
        "says where it went"
    );
    assert!(
        app.find(".timeline li:first-child button").is_some(),
        "offers to resend"
    );
    assert!(app
        .text(".timeline li:last-child")
        .contains("Commence dès que le contact principal a confirmé"));
    app.unmount();

    contact_confirms().await;
    let app = overview().await;
    assert!(app.text(".timeline li:first-child").contains("Confirmé le"));
    assert!(app.find(".timeline li:first-child button").is_none());
    assert!(app
        .text(".timeline li:last-child")
        .contains("Aucune action n’est requise de votre part"));
    app.unmount();

    mock()
        .dev_vetting(
            partner.id.clone(),
            Vetting::because(
                VettingDecision::ActionRequired,
                VettingReason::DocumentUnreadable,
            ),
        )
        .await
        .unwrap();
    let app = overview().await;
    let business = app.text(".timeline li:last-child");
    assert!(business.contains("Action requise depuis le"), "{business}");
    assert!(business.contains("un administrateur général ou un administrateur de compte doit agir"));
    assert!(business.contains("envoyez un justificatif"), "{business}");
    assert!(
        business.contains("Motif\u{a0}: un justificatif fourni n’a pas pu être lu."),
        "{business}"
    );
    app.click(".timeline li:last-child a");
    app.wait_for_path("/settings/partner-profile").await;
    // The profile page shows the same timeline, and no link to itself.
    app.wait_for("#legal-heading").await;
    assert!(app
        .text(".timeline li:last-child")
        .contains("un justificatif fourni n’a pas pu être lu"));
    assert!(app.find(".timeline li:last-child a").is_none());
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_second_refusal_is_final_and_the_profile_can_no_longer_be_changed() {
    let partner = enrolled().await;
    contact_confirms().await;
    let mock = mock();
    let refuse = || Vetting::because(VettingDecision::Reject, VettingReason::LegalNameMismatch);
    mock.dev_vetting(partner.id.clone(), refuse())
        .await
        .unwrap();
    let app = Mounted::keeping_storage("/settings/partner-profile", CONFIG).await;
    app.wait_for("#legal-heading").await;
    assert!(
        app.find("section[aria-labelledby=legal-heading] > button")
            .is_some(),
        "after a first refusal the profile may be corrected"
    );
    app.unmount();

    let mut profile = mock.partner().await.unwrap();
    profile.legal_profile.legal_name = "Contoso Société par actions simplifiée".into();
    mock.put_profile(partner_domain::ProfileRequest {
        legal_profile: profile.legal_profile,
        primary_contact: profile.primary_contact,
    })
    .await
    .unwrap();
    mock.dev_vetting(partner.id, refuse()).await.unwrap();
    let app = Mounted::keeping_storage("/settings/partner-profile", CONFIG).await;
    app.wait_for("#legal-heading").await;
    assert!(app
        .text(".timeline li:last-child")
        .contains("Cette décision est définitive"));
    assert!(app
        .text(".profile-final")
        .contains("ne peut plus être modifié après un second refus"));
    assert!(
        app.find("section[aria-labelledby=legal-heading] > button")
            .is_none(),
        "no Modifier button"
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn an_authorized_or_rejected_business_is_said_so() {
    let mut other = Vetting::because(VettingDecision::Reject, VettingReason::Other);
    other.note = Some("Registre du commerce introuvable".into());
    for (vetting, expected, rejected) in [
        (
            VettingDecision::Authorize.into(),
            "Entreprise vérifiée le",
            false,
        ),
        (
            Vetting::because(VettingDecision::Reject, VettingReason::LegalNameMismatch),
            "la raison sociale ne correspond pas",
            true,
        ),
        (other, "Registre du commerce introuvable", true),
    ] {
        let partner = enrolled().await;
        contact_confirms().await;
        mock().dev_vetting(partner.id, vetting).await.unwrap();
        let app = overview().await;
        app.wait_for_content(expected).await;
        if rejected {
            assert!(app
                .text(".timeline li:last-child")
                .contains("Contactez le support partenaire pour toute question"));
            let support = app
                .find(".timeline li:last-child a[target=_blank]")
                .expect("a support link");
            assert!(support
                .text_content()
                .unwrap_or_default()
                .starts_with("Contacter le support partenaire"));
            assert_eq!(
                support.get_attribute("href").as_deref(),
                Some("https://learn.microsoft.com/fr-fr/partner-center/support/report-problems-with-partner-center")
            );
        } else {
            assert!(
                app.find(".timeline li:last-child a[target=_blank]")
                    .is_none(),
                "no support link once authorized"
            );
        }
        app.unmount();
    }
}

#[wasm_bindgen_test]
async fn a_check_asking_for_a_proof_of_address_takes_documents_on_the_partner_profile() {
    let partner = enrolled().await;
    contact_confirms().await;
    let asked = Vetting::because(
        VettingDecision::ActionRequired,
        VettingReason::AddressUnconfirmed,
    );
    mock().dev_vetting(partner.id, asked).await.unwrap();
    let app = Mounted::keeping_storage("/settings/partner-profile", CONFIG).await;
    app.wait_for("#documents-heading").await;
    let business = app.text(".timeline li:last-child");
    assert!(
        business.contains("Motif\u{a0}: l’adresse de l’entreprise n’a pas pu être confirmée."),
        "{business}"
    );
    assert!(
        business.contains("ou envoyez un justificatif (PDF, PNG ou JPEG, 5\u{a0}Mo au plus)"),
        "{business}"
    );
    assert!(app
        .text("#documents-heading + p + p")
        .contains("Aucun justificatif envoyé."));

    // One file lies about its type, the other is a PDF: each is said, the PDF listed.
    let pdf: &[u8] = b"%PDF-1.7\n%%EOF\n";
    app.choose_files(
        "#documents-file",
        &[
            ("menu.pdf", b"<html><body>menu</body></html>"),
            ("Facture d’électricité.pdf", pdf),
        ],
    );
    app.wait_for_content("\u{2068}Facture d’électricité.pdf\u{2069} envoyé.")
        .await;
    app.wait_for(".documents-failures").await;
    assert_eq!(
        app.text(".documents-failures"),
        "\u{2068}menu.pdf\u{2069}\u{a0}: \u{2068}Choisissez un fichier PDF, PNG ou JPEG dont le nom finit par .pdf, .png, .jpg ou .jpeg.\u{2069}"
    );
    app.eventually("the document listed", || {
        app.find("section[aria-labelledby=documents-heading] tbody th")
            .filter(|name| name.text_content().unwrap_or_default() == "Facture d’électricité.pdf")
    })
    .await;
    let row = app.text("section[aria-labelledby=documents-heading] tbody tr");
    assert!(
        row.contains("\u{2068}1\u{2069}\u{a0}Ko") && row.contains("admin@contoso.onmicrosoft.com"),
        "{row}"
    );

    // Submitted: checked again; the list stays, with nothing more to send.
    app.click_button("Soumettre pour vérification");
    app.wait_for_content("Justificatifs soumis\u{a0}: la vérification de l’entreprise reprend.")
        .await;
    app.wait_for_content("En cours depuis le").await;
    assert!(app.find("#documents-file").is_none());
    assert!(app
        .text("section[aria-labelledby=documents-heading]")
        .contains("Facture d’électricité.pdf"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_overview_lists_the_next_steps_of_the_seed() {
    enrolled().await;
    let app = overview().await;
    let steps = app.text("section[aria-labelledby=next-steps-heading]");
    for title in [
        "Ajouter des utilisateurs de compte et leur attribuer des autorisations",
        "Acheter ou renouveler un abonnement à Microsoft Action Pack",
        "Gérer les avantages de votre adhésion",
        "Créer un profil d’entreprise pour obtenir des prospects de Microsoft",
        "Obtenir et gérer des prospects de Microsoft",
    ] {
        assert!(steps.contains(title), "{title} in {steps}");
    }
    app.click("section[aria-labelledby=next-steps-heading] li:first-child a");
    app.wait_for_path("/settings/users").await;
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_user_whose_company_is_not_enrolled_is_sent_to_the_wizard() {
    clear_storage();
    sign_in_demo_admin().await;
    let app = Mounted::keeping_storage("/dashboard", CONFIG).await;
    app.wait_for_path("/onboarding/profile").await;
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_partner_profile_shows_its_sections_and_a_global_admin_edits_it() {
    let partner = enrolled().await;
    let app = Mounted::keeping_storage("/settings/partner-profile", CONFIG).await;
    app.wait_for_text("h1", "Profil du partenaire").await;
    app.wait_for("#legal-heading").await;
    assert_eq!(app.text("#legal-heading"), "Profil d’entreprise juridique");
    assert_eq!(
        app.text("#program-heading"),
        "Informations sur le programme"
    );
    let program = app.text("section[aria-labelledby=program-heading]");
    assert!(program.contains("Statut du programme MPN"));
    assert!(program.contains("En attente"), "{program}");
    assert_eq!(app.text("#mpn-id"), partner.mpn_id);
    assert!(app
        .text("section[aria-labelledby=legal-heading]")
        .contains("12 rue de la Paix"));
    let row = app.text("section[aria-labelledby=agreements-heading] tbody tr");
    assert!(row.contains("Contrat Microsoft Partner Network"), "{row}");
    assert!(row.contains(DEMO_ADMIN_EMAIL), "names the signer: {row}");

    app.click_button("Modifier");
    app.wait_for("#legal_profile-address-city").await;
    assert!(app
        .text(".panel-warning")
        .contains("relance les vérifications"));
    let country: web_sys::HtmlSelectElement = app
        .find("#legal_profile-address-country")
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(country.disabled(), "the legal country stays once enrolled");
    assert!(app
        .text("#legal_profile-address-country-hint")
        .contains("ne peut plus changer"));
    app.type_into("#legal_profile-address-city", "Lyon");
    app.type_into("#legal_profile-address-postal_code", "69002");
    app.click("form button[type=submit]");
    app.wait_for_content("Profil enregistré.").await;
    app.wait_for("#legal-heading").await;
    assert!(app
        .text("section[aria-labelledby=legal-heading]")
        .contains("69002 Lyon"));

    // The MPN agreement, opened in the app.
    app.click("section[aria-labelledby=program-heading] a");
    let id = &partner.agreements[0].id;
    app.wait_for_path(&format!("/settings/agreements/{id}"))
        .await;
    app.wait_for_content("1. Objet").await;
    assert!(app.text("h1").contains("Contrat Microsoft Partner Network"));
    assert!(app.text(".page").contains("Télécharger"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_global_admin_or_an_account_admin_edits_the_legal_profile_and_others_know_whom_to_ask() {
    enrolled().await;
    let editor = add_user(
        "Paul",
        "Martin",
        "paul.martin@contoso.onmicrosoft.com",
        Role::AccountAdmin,
    )
    .await;
    let created = add_user(
        "Lucie",
        "Bernard",
        "lucie.bernard@contoso.onmicrosoft.com",
        Role::SalesAgent,
    )
    .await;
    sign_in_as(&created).await;
    let app = Mounted::keeping_storage("/settings/partner-profile", CONFIG).await;
    app.wait_for("#legal-heading").await;
    app.wait_for_content("paul.martin@contoso.onmicrosoft.com")
        .await;
    let section = app.text("section[aria-labelledby=legal-heading]");
    assert!(section.contains("Demandez à"), "{section}");
    assert!(section.contains(DEMO_ADMIN_EMAIL), "{section}");
    assert!(
        app.find("section[aria-labelledby=legal-heading] button")
            .is_none(),
        "no Modifier button"
    );
    app.unmount();

    // The overview tells them the state, without a resend they may not use.
    let app = overview().await;
    assert!(app.text(".timeline li:first-child").contains("En attente"));
    assert!(app.find(".timeline li:first-child button").is_none());
    app.unmount();

    // The Account admin edits it, the legal country excepted.
    sign_in_as(&editor).await;
    let app = Mounted::keeping_storage("/settings/partner-profile", CONFIG).await;
    app.wait_for("#legal-heading").await;
    app.click_button("Modifier");
    app.wait_for("#legal_profile-address-city").await;
    let country: web_sys::HtmlSelectElement = app
        .find("#legal_profile-address-country")
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(country.disabled());
    app.type_into("#legal_profile-address-city", "Lyon");
    app.type_into("#legal_profile-address-postal_code", "69002");
    app.click("form button[type=submit]");
    app.wait_for_content("Profil enregistré.").await;
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_partner_profile_reads_in_english() {
    enrolled().await;
    set_language("en-US");
    let app = Mounted::keeping_storage("/settings/partner-profile", CONFIG).await;
    app.wait_for_text("h1", "Partner profile").await;
    app.wait_for("#program-heading").await;
    assert_eq!(app.text("#program-heading"), "Program information");
    assert!(app
        .text("section[aria-labelledby=program-heading]")
        .contains("MPN program status"));
    app.unmount();
}

/// Signs the browser out (the mock's session), keeping the work account's data.
async fn sign_out() {
    mock().sign_out().await.unwrap();
}

/// The sign-in page's form.
async fn sign_in_here(app: &Mounted, email: &str, password: &str) {
    app.wait_for("#email").await;
    app.type_into("#email", email);
    app.type_into("#password", password);
    app.click("form button[type=submit]");
}

/// "Se connecter" in the top bar, then the sign-in page's form.
async fn sign_in_from_the_top_bar(app: &Mounted, email: &str, password: &str) {
    app.click("header a[href^='/sign-in']");
    app.wait_for_path("/sign-in").await;
    sign_in_here(app, email, password).await;
}

#[wasm_bindgen_test]
async fn a_global_admin_of_an_enrolled_partner_signs_in_and_sees_the_overview() {
    enrolled().await;
    sign_out().await;
    let app = Mounted::keeping_storage("/onboarding/welcome", CONFIG).await;
    app.wait_for("#welcome-title").await;
    sign_in_from_the_top_bar(&app, DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD).await;
    app.wait_for_path("/dashboard").await;
    app.wait_for_text("h1", "Vue d’ensemble").await;
    assert!(
        app.find("nav a[aria-current=page][href='/dashboard']")
            .is_some(),
        "the link itself says it is the current page"
    );

    // The wizard, opened again, says it is done and offers the overview.
    app.go("/onboarding/profile").await;
    app.wait_for_content("déjà inscrit").await;
    assert!(app.find("#legal_profile-legal_name").is_none());
    app.click_button_or_link("Aller à la Vue d’ensemble");
    app.wait_for_path("/dashboard").await;
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_sales_agent_of_an_account_not_enrolled_yet_is_told_whom_to_ask() {
    clear_storage();
    sign_in_demo_admin().await;
    let agent = add_user(
        "Inès",
        "Garcia",
        "ines.garcia@contoso.onmicrosoft.com",
        Role::SalesAgent,
    )
    .await;
    let temporary = reveal_temporary_password(&agent).await;
    sign_out().await;
    let app = Mounted::keeping_storage("/onboarding/welcome", CONFIG).await;
    app.wait_for("#welcome-title").await;
    sign_in_from_the_top_bar(&app, &agent.user.email, &temporary).await;

    // Their temporary password first, then the page for their situation.
    app.wait_for("#new_password").await;
    app.type_into("#current_password", &temporary);
    app.type_into("#new_password", partner_contract::CHOSEN_PASSWORD);
    app.click("form button[type=submit]");
    app.wait_for_path("/not-enrolled").await;
    app.wait_for_content("n’est pas encore inscrit").await;
    app.wait_for_content(DEMO_ADMIN_EMAIL).await;

    // The wizard is not theirs, nor the overview.
    app.go("/onboarding/profile").await;
    app.wait_for_path("/not-enrolled").await;
    app.go("/dashboard").await;
    app.wait_for_path("/not-enrolled").await;
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_global_admin_not_enrolled_yet_signs_in_to_the_page_asked_for_or_the_next_step() {
    clear_storage();
    sign_in_demo_admin().await;
    sign_out().await;
    let app = Mounted::keeping_storage("/sign-in?next=/settings/users", CONFIG).await;
    sign_in_here(&app, DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD).await;
    app.wait_for_path("/settings/users").await;
    app.unmount();

    sign_out().await;
    let app = Mounted::keeping_storage("/sign-in", CONFIG).await;
    sign_in_here(&app, DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD).await;
    app.wait_for_path("/onboarding/profile").await;
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_welcome_page_shows_a_signed_in_admin_the_steps_already_done() {
    enrolled().await;
    let app = Mounted::keeping_storage("/onboarding/welcome", CONFIG).await;
    app.wait_for("#welcome-title").await;
    app.wait_for(".step-done").await;
    // Connexion, profile and agreement are done; only the Admin agent step is left.
    assert_eq!(app.find_all(".step-done").len(), 3);
    assert!(
        app.find("header a[href^='/sign-in']").is_none(),
        "no sign-in link when signed in"
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_new_user_of_an_enrolled_partner_chooses_a_password_then_sees_the_overview() {
    enrolled().await;
    let created = add_user(
        "Paul",
        "Martin",
        "paul.martin@contoso.onmicrosoft.com",
        Role::AccountAdmin,
    )
    .await;
    let temporary = reveal_temporary_password(&created).await;
    sign_out().await;
    let app = Mounted::keeping_storage("/sign-in", CONFIG).await;
    sign_in_here(&app, &created.user.email, &temporary).await;
    app.wait_for("#new_password").await;
    app.type_into("#current_password", &temporary);
    app.type_into("#new_password", partner_contract::CHOSEN_PASSWORD);
    app.click("form button[type=submit]");
    // The partner is read once the password is chosen, not refused before and kept as an error.
    app.wait_for_path("/dashboard").await;
    app.wait_for_text("h1", "Vue d’ensemble").await;
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_finish_page_offers_a_retry_when_the_partner_cannot_be_read() {
    enrolled().await;
    let mock = mock();
    let me = mock.session().await.unwrap();
    mock.update_user(
        me.user.id.clone(),
        partner_domain::UserPatch {
            roles: Some(vec![Role::GlobalAdmin, Role::AdminAgent]),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    // Every other call fails, from the first: the page shows each failure with a retry (it
    // used to spin for ever when the partner could not be read) and gets there by retrying.
    let failing =
        r#"{ "backend": "mock", "mock": { "vetting_delay_s": 3600, "failure_rate": 0.5 } }"#;
    let app = Mounted::keeping_storage("/onboarding/done", failing).await;
    let mut retries = 0;
    loop {
        let done = app
            .eventually("the page or a failure with a retry", || {
                if app.find("main h1").is_some_and(|h1| {
                    h1.text_content().unwrap_or_default()
                        == "Votre compte Espace partenaires est créé"
                }) {
                    Some(true)
                } else {
                    app.find("main [role=alert] button").map(|_| false)
                }
            })
            .await;
        if done {
            break;
        }
        assert!(retries < 5, "still failing after {retries} retries");
        retries += 1;
        app.click_button("Réessayer");
        app.settle().await;
    }
    assert!(retries > 0, "a failure was shown first");
    app.unmount();
}
