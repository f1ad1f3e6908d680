//! The onboarding wizard on the mock backend, as a user drives it: guards, the work account
//! form, validation reaching each field, the server's refusals mapped onto fields, drafts
//! (save, restore, corrupt, old version, full storage), double submit, failures, both languages.
#![cfg(target_arch = "wasm32")]

mod support;

use partner_domain::fixtures::{profile_fields, PASSWORD};
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PROFILE_DRAFT: &str = "partner-center.draft.u-admin.partner-profile";

fn text_of(app: &Mounted, selector: &str) -> String {
    app.find(selector)
        .map(|e| e.text_content().unwrap_or_default().trim().to_owned())
        .unwrap_or_default()
}

fn fill_valid_profile(app: &Mounted) {
    for (id, value) in profile_fields() {
        app.type_into(&format!("#{id}"), &value);
    }
    app.select("#legal_profile-address-country", "FR");
}

fn assert_profile_kept(app: &Mounted) {
    for (id, value) in profile_fields() {
        assert_eq!(app.value_of(&format!("#{id}")), value, "{id} kept");
    }
}

fn mock_store() -> serde_json::Value {
    serde_json::from_str(
        &stored(partner_center::api::MOCK_STORAGE_KEY).unwrap_or_else(|| "{}".into()),
    )
    .unwrap()
}

#[wasm_bindgen_test]
async fn a_later_step_opened_too_early_sends_the_user_to_the_first_unfinished_one() {
    let app = Mounted::at("/onboarding/agreement", MOCK_CONFIG).await;
    app.wait_for_path("/onboarding/sign-in").await;
    app.wait_for_content("Terminez d’abord l’étape").await;
    assert!(
        gloo_utils::window()
            .location()
            .search()
            .unwrap()
            .contains("next="),
        "remembers where the user wanted to go"
    );
    assert_eq!(
        app.find("[aria-current=step]")
            .unwrap()
            .text_content()
            .unwrap()
            .trim(),
        "2Connexion"
    );
    app.unmount();

    // Signed in with no partner yet: the agreement waits for the profile.
    sign_in_demo_admin().await;
    let app = Mounted::keeping_storage("/onboarding/agreement", MOCK_CONFIG).await;
    app.wait_for_path("/onboarding/profile").await;
    app.wait_for_text("h1", "Profil juridique et contact principal")
        .await;
    app.unmount();
}

#[wasm_bindgen_test]
async fn creating_a_work_account_then_signing_in_with_the_prefilled_email() {
    let app = Mounted::at("/onboarding/sign-in", MOCK_CONFIG).await;
    app.wait_for_text("h1", "Connectez-vous en tant qu’administrateur général")
        .await;
    app.click_button("Créer un compte");
    app.wait_for("#company_name").await;
    app.type_into("#company_name", "Northwind SARL");
    app.type_into("#domain_prefix", "northwind");
    app.settle().await;
    assert!(
        app.text("form").contains("northwind.onmicrosoft.com"),
        "the domain is shown as typed"
    );
    app.select("#country", "FR");
    app.type_into("#admin-first_name", "Zoé");
    app.type_into("#admin-last_name", "Martin");
    app.type_into("#admin-password", PASSWORD);
    app.settle().await;
    assert!(app.text("form").contains("Robustesse du mot de passe"));
    // A double click sends one request.
    app.click("form button[type=submit]");
    app.click("form button[type=submit]");
    app.wait_for_content("Compte professionnel créé").await;
    let domains: Vec<String> = mock_store()["data"]["tenants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| format!("{}.onmicrosoft.com", t["domain_prefix"].as_str().unwrap()))
        .collect();
    assert_eq!(
        domains
            .iter()
            .filter(|d| *d == "northwind.onmicrosoft.com")
            .count(),
        1
    );
    assert_eq!(app.value_of("#email"), "admin@northwind.onmicrosoft.com");

    app.type_into("#password", PASSWORD);
    app.click("form button[type=submit]");
    app.wait_for_path("/onboarding/profile").await;
    app.wait_for_text("h1", "Profil juridique et contact principal")
        .await;
    app.unmount();
}

#[wasm_bindgen_test]
async fn account_errors_reach_their_fields_and_the_servers_refusals_too() {
    let app = Mounted::at("/onboarding/sign-in", MOCK_CONFIG).await;
    app.wait_for_text("h1", "Connectez-vous en tant qu’administrateur général")
        .await;
    app.click_button("Créer un compte");
    app.wait_for("#domain_prefix").await;
    app.type_into("#domain_prefix", "Not OK");
    app.leave("#domain_prefix");
    app.settle().await;
    assert_eq!(
        text_of(&app, "#domain_prefix-error"),
        "Utilisez uniquement des lettres minuscules et des chiffres."
    );
    let input = app.find("#domain_prefix").unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(input
        .get_attribute("aria-describedby")
        .unwrap()
        .contains("domain_prefix-error"));

    app.click("form button[type=submit]");
    app.settle().await;
    let summary = app.find(".error-summary").expect("an error summary");
    assert_eq!(
        gloo_utils::document().active_element().as_ref(),
        Some(&summary),
        "the summary takes focus"
    );
    assert!(app.find(".error-summary a[href='#company_name']").is_some());
    assert_eq!(
        text_of(&app, "#company_name-error"),
        "Ce champ est obligatoire."
    );

    // "contoso" is the demo account's prefix: the backend refuses, on the same field.
    app.type_into("#company_name", "Contoso bis");
    app.type_into("#domain_prefix", "contoso");
    app.select("#country", "BE");
    app.type_into("#admin-first_name", "Jean");
    app.type_into("#admin-last_name", "Dupont");
    app.type_into("#admin-password", PASSWORD);
    app.click("form button[type=submit]");
    app.wait_for_content("Ce préfixe de domaine est déjà pris.")
        .await;
    assert_eq!(
        text_of(&app, "#domain_prefix-error"),
        "Ce préfixe de domaine est déjà pris."
    );
    assert_eq!(
        app.value_of("#company_name"),
        "Contoso bis",
        "every value is kept"
    );
    assert_eq!(app.value_of("#admin-password"), PASSWORD);

    // The draft holds what was typed, never the password.
    let key = "partner-center.draft.anonymous.create-account";
    wait_until_stored(&app, key, "Contoso bis").await;
    let draft = stored(key).expect("a draft");
    assert!(draft.contains("Contoso bis"));
    assert!(!draft.contains("Correct-horse"), "{draft}");
    app.unmount();
}

#[wasm_bindgen_test]
async fn profile_rules_reach_each_field_in_both_languages() {
    clear_storage();
    sign_in_demo_admin().await;
    let app = Mounted::keeping_storage("/onboarding/profile", MOCK_CONFIG).await;
    app.wait_for("#legal_profile-legal_name").await;
    app.leave("#legal_profile-legal_name");
    app.select("#legal_profile-address-country", "FR");
    app.type_into("#legal_profile-address-postal_code", "7500");
    app.leave("#legal_profile-address-postal_code");
    app.type_into("#primary_contact-email", "jean@gmail.com");
    app.leave("#primary_contact-email");
    app.type_into("#legal_profile-phone", "01 23 45 67 89");
    app.leave("#legal_profile-phone");
    app.type_into("#legal_profile-website", "contoso.fr");
    app.leave("#legal_profile-website");
    app.settle().await;
    assert_eq!(
        text_of(&app, "#legal_profile-legal_name-error"),
        "Ce champ est obligatoire."
    );
    assert!(
        text_of(&app, "#legal_profile-address-postal_code-error").contains("75008"),
        "the country's example"
    );
    assert!(text_of(&app, "#primary_contact-email-error")
        .starts_with("Utilisez une adresse professionnelle"));
    assert!(text_of(&app, "#legal_profile-phone-error").contains("format international"));
    assert!(text_of(&app, "#legal_profile-website-error").contains("https://"));

    app.type_into("#primary_contact-email", "contact@contoso.fr");
    app.leave("#primary_contact-email");
    app.settle().await;
    assert!(text_of(&app, "#primary_contact-email-error").contains("pas une adresse partagée"));

    // The United States need a state, from a list.
    app.select("#legal_profile-address-country", "US");
    app.settle().await;
    assert_eq!(
        app.find("#legal_profile-address-region")
            .unwrap()
            .tag_name(),
        "SELECT"
    );
    assert!(
        app.text("#legal_profile-address-postal_code-hint")
            .contains("98052"),
        "the US postal example"
    );
    app.click("form button[type=submit]");
    app.settle().await;
    assert_eq!(
        text_of(&app, "#legal_profile-address-region-error"),
        "Ce champ est obligatoire."
    );

    app.select("#language", "en-US");
    app.wait_for_text("h1", "Legal profile and primary contact")
        .await;
    assert_eq!(
        text_of(&app, "#legal_profile-legal_name-error"),
        "This field is required."
    );
    assert_eq!(
        text_of(&app, ".error-summary h2"),
        "Fix the following errors"
    );
    app.select("#language", "fr-FR");
    app.unmount();
}

/// The (value, label) options of a select, in order.
fn options_of(app: &Mounted, select: &str) -> Vec<(String, String)> {
    app.find_all(&format!("{select} option"))
        .iter()
        .map(|option| {
            (
                option.get_attribute("value").unwrap_or_default(),
                option.text_content().unwrap_or_default(),
            )
        })
        .collect()
}

fn label_of(options: &[(String, String)], value: &str) -> String {
    options
        .iter()
        .find(|(v, _)| v == value)
        .map(|(_, label)| label.clone())
        .unwrap_or_else(|| panic!("no option {value}"))
}

fn position_of(options: &[(String, String)], label: &str) -> usize {
    options
        .iter()
        .position(|(_, l)| l == label)
        .unwrap_or_else(|| panic!("no option {label:?}"))
}

#[wasm_bindgen_test]
async fn every_country_enrols_with_names_and_regions_in_the_users_language() {
    clear_storage();
    sign_in_demo_admin().await;
    let app = Mounted::keeping_storage("/onboarding/profile", MOCK_CONFIG).await;
    app.wait_for("#legal_profile-legal_name").await;
    let country = "#legal_profile-address-country";
    let region = "#legal_profile-address-region";

    // Every ISO 3166-1 country, named and sorted as French sorts words.
    let countries = options_of(&app, country);
    assert_eq!(countries.len(), 1 + 249, "a prompt and every country");
    assert_eq!(label_of(&countries, "LU"), "Luxembourg");
    assert_eq!(label_of(&countries, "JP"), "Japon");
    assert!(position_of(&countries, "Danemark") < position_of(&countries, "Égypte"));
    assert!(position_of(&countries, "Égypte") < position_of(&countries, "Espagne"));

    // Japan: a prefecture from its list, a postal code of its shape.
    app.select(country, "JP");
    app.settle().await;
    let prefectures = options_of(&app, region);
    assert_eq!(prefectures.len(), 1 + 47);
    assert_eq!(label_of(&prefectures, "13"), "Tokyo");
    assert!(app
        .text("#legal_profile-address-postal_code-hint")
        .contains("100-0001"));

    // The regions of the United States, India and Brazil in French.
    for (code, state, name) in [
        ("US", "NC", "Caroline du Nord"),
        ("IN", "WB", "Bengale-Occidental"),
        ("BR", "PE", "Pernambouc"),
        ("MX", "CMX", "Ville de Mexico"),
    ] {
        app.select(country, code);
        app.settle().await;
        assert_eq!(label_of(&options_of(&app, region), state), name);
    }
    let states = options_of(&app, region);
    assert!(position_of(&states, "État de Mexico") < position_of(&states, "Guanajuato"));

    // A country with neither postal codes nor a region list: both free and optional.
    app.select(country, "HK");
    app.settle().await;
    assert_eq!(app.find(region).unwrap().tag_name(), "INPUT");
    assert!(app
        .text("label[for=legal_profile-address-postal_code]")
        .contains("(facultatif)"));
    assert!(app
        .find("#legal_profile-address-postal_code-hint")
        .is_none());

    app.select("#language", "en-US");
    app.wait_for_text("h1", "Legal profile and primary contact")
        .await;
    let countries = options_of(&app, country);
    assert_eq!(label_of(&countries, "JP"), "Japan");
    assert!(position_of(&countries, "Egypt") < position_of(&countries, "El Salvador"));
    app.select(country, "US");
    app.settle().await;
    assert_eq!(label_of(&options_of(&app, region), "NC"), "North Carolina");
    app.select("#language", "fr-FR");
    app.unmount();
}

#[wasm_bindgen_test]
async fn profile_drafts_survive_a_reload_and_bad_drafts_never_crash() {
    clear_storage();
    sign_in_demo_admin().await;
    let app = Mounted::keeping_storage("/onboarding/profile", MOCK_CONFIG).await;
    app.wait_for("#legal_profile-legal_name").await;
    app.type_into("#legal_profile-legal_name", "Contoso Brouillon");
    wait_until_stored(&app, PROFILE_DRAFT, "Contoso Brouillon").await;
    app.unmount();

    let app = Mounted::keeping_storage("/onboarding/profile", MOCK_CONFIG).await;
    app.wait_for_content("Brouillon restauré du").await;
    assert_eq!(
        app.value_of("#legal_profile-legal_name"),
        "Contoso Brouillon"
    );
    app.click_button("Effacer");
    app.settle().await;
    assert_eq!(app.value_of("#legal_profile-legal_name"), "");
    assert_eq!(stored(PROFILE_DRAFT), None);
    app.unmount();

    for bad in ["{not json", r#"{"v":0,"saved_at":1,"data":{}}"#] {
        store(PROFILE_DRAFT, bad);
        let app = Mounted::keeping_storage("/onboarding/profile", MOCK_CONFIG).await;
        app.wait_for_content("n’a pas pu être relu").await;
        assert_eq!(
            stored(PROFILE_DRAFT),
            None,
            "the unreadable draft is removed"
        );
        assert!(
            app.find("#legal_profile-legal_name").is_some(),
            "the form works"
        );
        app.unmount();
    }

    // A full storage: a warning, and the form keeps working.
    js_sys::eval("window.__setItem = Storage.prototype.setItem; Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }").unwrap();
    let app = Mounted::keeping_storage("/onboarding/profile", MOCK_CONFIG).await;
    app.wait_for("#legal_profile-legal_name").await;
    app.type_into("#legal_profile-legal_name", "Plein");
    let warned = app
        .within_patience(|| {
            let text = app.text("main");
            text.contains("l’espace de stockage du navigateur est plein")
                .then_some(())
        })
        .await
        .is_some();
    let kept = app.value_of("#legal_profile-legal_name");
    // Storage works again for the next tests before anything is asserted.
    js_sys::eval("Storage.prototype.setItem = window.__setItem;").unwrap();
    assert!(
        warned,
        "a warning that the draft is not saved: {}",
        app.text("main")
    );
    assert_eq!(kept, "Plein");
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_draft_edited_in_another_tab_is_picked_up() {
    clear_storage();
    sign_in_demo_admin().await;
    let app = Mounted::keeping_storage("/onboarding/profile", MOCK_CONFIG).await;
    app.wait_for("#legal_profile-legal_name").await;
    let other_tab = r#"{"v":1,"saved_at":1,"data":{"legal_profile":{"legal_name":"Autre onglet","address":{"line1":"","line2":"","city":"","region":"","postal_code":"","country":""},"phone":"","website":""},"primary_contact":{"first_name":"","last_name":"","email":"","phone":""}}}"#;
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(PROFILE_DRAFT));
    init.set_new_value(Some(other_tab));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    gloo_utils::window().dispatch_event(&event).unwrap();
    app.settle().await;
    assert_eq!(app.value_of("#legal_profile-legal_name"), "Autre onglet");
    app.unmount();
}

/// The demo admin on the profile step, the valid profile sent.
async fn profile_registered() -> Mounted {
    clear_storage();
    sign_in_demo_admin().await;
    let app = Mounted::keeping_storage("/onboarding/profile", MOCK_CONFIG).await;
    app.wait_for("#legal_profile-legal_name").await;
    fill_valid_profile(&app);
    app.click("form button[type=submit]");
    app
}

#[wasm_bindgen_test]
async fn registering_then_accepting_the_agreement() {
    let app = profile_registered().await;
    app.wait_for_content("IMPORTANT").await;
    assert!(
        app.text(".panel-important")
            .contains("jean.dupont@contoso.fr"),
        "says where the email went"
    );
    assert_eq!(
        stored(PROFILE_DRAFT),
        None,
        "a submitted form leaves no draft"
    );

    app.click(".panel-important a.button-primary");
    app.wait_for_path("/onboarding/agreement").await;
    app.wait_for_content("1. Objet").await;
    assert!(
        app.text("form").contains("Contoso SAS"),
        "says on whose behalf"
    );
    app.click("form button[type=submit]");
    app.wait_for_content("Cochez la case").await;
    app.click("#accept");
    app.click("form button[type=submit]");
    app.wait_for_path("/onboarding/admin-agent").await;
    app.wait_for_content("ne fait pas encore partie du groupe Agent d’administration")
        .await;
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_failed_submit_keeps_every_value_and_retrying_sends_it() {
    clear_storage();
    sign_in_demo_admin().await;
    // Every other write fails, starting with the first: the page loads, the first submit fails.
    let flaky =
        r#"{ "backend": "mock", "mock": { "failure_rate": 0.5, "failure_scope": "writes" } }"#;
    let app = Mounted::keeping_storage("/onboarding/profile", flaky).await;
    app.wait_for("#legal_profile-legal_name").await;
    fill_valid_profile(&app);
    app.click("form button[type=submit]");
    app.wait_for_content("Le serveur a rencontré un problème")
        .await;
    assert!(
        text_of(&app, "form [role=alert]").contains("Vos saisies sont conservées"),
        "says that nothing is lost: {}",
        text_of(&app, "form")
    );
    assert_profile_kept(&app);
    assert!(
        mock_store()["data"]["partners"]
            .as_array()
            .is_none_or(|p| p.is_empty()),
        "nothing was written"
    );

    app.click("form button[type=submit]");
    app.wait_for_content("IMPORTANT").await;
    assert_eq!(
        mock_store()["data"]["partners"].as_array().map(Vec::len),
        Some(1)
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_session_lost_mid_step_signs_in_again_and_comes_back_with_the_draft() {
    clear_storage();
    sign_in_demo_admin().await;
    let app = Mounted::keeping_storage("/onboarding/profile", MOCK_CONFIG).await;
    app.wait_for("#legal_profile-legal_name").await;
    fill_valid_profile(&app);
    wait_until_stored(&app, PROFILE_DRAFT, "jean.dupont@contoso.fr").await;

    // The server forgets the session (expired, revoked elsewhere).
    let mut data = mock_store();
    data["session"] = serde_json::Value::Null;
    store(partner_center::api::MOCK_STORAGE_KEY, &data.to_string());
    app.click("form button[type=submit]");

    app.wait_for_path("/onboarding/sign-in").await;
    app.wait_for_content("Votre session a expiré").await;
    assert_eq!(
        app.value_of("#email"),
        "admin@contoso.onmicrosoft.com",
        "signs in again as the same user"
    );
    app.type_into("#password", partner_center::api::DEMO_ADMIN_PASSWORD);
    app.click("form button[type=submit]");
    app.wait_for_path("/onboarding/profile").await;
    app.wait_for("#legal_profile-legal_name").await;
    app.wait_for_content("Brouillon restauré").await;
    assert_profile_kept(&app);
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_signed_out_visitor_of_a_settings_page_signs_in_and_lands_there() {
    let app = Mounted::at("/settings/users", MOCK_CONFIG).await;
    app.wait_for_path("/sign-in").await;
    app.wait_for_content("Connectez-vous pour ouvrir cette page")
        .await;
    app.type_into("#email", partner_center::api::DEMO_ADMIN_EMAIL);
    app.type_into("#password", partner_center::api::DEMO_ADMIN_PASSWORD);
    app.click("form button[type=submit]");
    app.wait_for_path("/settings/users").await;
    app.wait_for_text("h1", "Gestion des utilisateurs").await;
    app.unmount();
}

#[wasm_bindgen_test]
async fn an_unreachable_server_says_so_and_offers_to_retry() {
    let app = Mounted::at(
        "/onboarding/sign-in",
        r#"{ "backend": "http", "api_base": "http://127.0.0.1:9/api" }"#,
    )
    .await;
    app.wait_for_content("Impossible de joindre le serveur")
        .await;
    assert!(app.find("[role=alert] button").is_some(), "a retry button");
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_contacts_page_explains_each_outcome() {
    clear_storage();
    set_language("fr-FR");
    let app = Mounted::keeping_storage("/verify-email?token=nope", MOCK_CONFIG).await;
    app.wait_for_content("Ce lien n’est pas reconnu").await;
    app.unmount();
    let app = Mounted::keeping_storage("/verify-email", MOCK_CONFIG).await;
    app.wait_for_content("Ce lien est incomplet").await;
    app.unmount();
}

async fn wait_until_stored(app: &Mounted, key: &str, needle: &str) {
    app.eventually(&format!("{key} holding {needle}"), || {
        stored(key)
            .is_some_and(|s| s.contains(needle))
            .then_some(())
    })
    .await
}

#[wasm_bindgen_test]
async fn signing_out_ends_the_session_and_leaves_no_draft_behind() {
    clear_storage();
    sign_in_demo_admin().await;
    let app = Mounted::keeping_storage("/onboarding/profile", MOCK_CONFIG).await;
    app.wait_for("#legal_profile-legal_name").await;
    app.type_into("#legal_profile-legal_name", "Brouillon privé");
    wait_until_stored(&app, PROFILE_DRAFT, "Brouillon privé").await;
    app.click_button("Se déconnecter");
    app.wait_for_path("/onboarding/welcome").await;
    app.wait_for_content("Vous êtes déconnecté.").await;
    assert_eq!(stored(PROFILE_DRAFT), None, "the draft is gone");
    assert!(
        mock_store()["session"].is_null(),
        "the session is over on the backend"
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_demo_email_link_follows_a_resend() {
    let app = profile_registered().await;
    let link = |app: &Mounted| app.find("#dev-email-link")?.get_attribute("href");
    let first = app.eventually("the demo email link", || link(&app)).await;

    // A minute later (aged in the stored data), "Renvoyer l’e-mail" sends a new link.
    let mut data = mock_store();
    data["data"]["partners"][0]["last_verification_email"] = "2000-01-01T00:00:00Z".into();
    store(partner_center::api::MOCK_STORAGE_KEY, &data.to_string());
    app.click_button("Renvoyer l’e-mail");
    let second = app
        .eventually("a new demo email link", || {
            link(&app).filter(|l| *l != first)
        })
        .await;
    assert!(second.contains("token="), "{second}");
    app.unmount();
}
