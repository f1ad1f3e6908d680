//! The app shell in a real browser, on the mock backend: language, settings menu, start-up
//! errors, redirects and the not-found page, as a user sees them.
#![cfg(target_arch = "wasm32")]

mod support;

use partner_center::api::{Backend, MockBackend, DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD};
use partner_domain::Credentials;
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_signed_out_visitor_lands_on_the_welcome_page_in_french() {
    let app = Mounted::at("/", MOCK_CONFIG).await;
    app.wait_for_text("h1", "Bienvenue").await;
    assert_eq!(path(), "/onboarding/welcome");
    assert_eq!(html_lang(), "fr-FR");
    assert!(app.text("header label").starts_with("Langue"));
    assert!(app.text("header").contains("données de démonstration"));
    assert!(app.text("main").contains("Avant de commencer"));
    assert!(app.text("main").contains("Agent d’administration"));
    // Signed out: no settings, no sign-out.
    assert!(app.find("[aria-label='Paramètres']").is_none());
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_seed_help_on_work_accounts_opens_beside_the_checklist_and_the_sign_in_step() {
    clear_storage();
    let app = Mounted::at("/onboarding/welcome", MOCK_CONFIG).await;
    app.wait_for_text("h1", "Bienvenue").await;
    let checklist = app.text(".checklist");
    assert!(checklist.contains(
        "Si vous ne connaissez pas le compte professionnel de votre entreprise, consultez \
         Compte professionnel de votre entreprise et Espace partenaires"
    ));
    assert!(checklist.contains("Dénomination sociale légale, adresse et adresse."));
    assert!(
        checklist.contains("car vous serez invité à le faire au cours du processus d’inscription")
    );
    let link = app
        .find(".checklist a[href='/help/work-account']")
        .expect("the help link");
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));

    app.go("/onboarding/sign-in").await;
    app.wait_for("a[href='/help/work-account']").await;

    app.go("/help/work-account").await;
    app.wait_for_text(
        "h1",
        "Compte professionnel de votre entreprise et Espace partenaires",
    )
    .await;
    assert!(app.text("main").contains("admin@préfixe.onmicrosoft.com"));
    app.select("#language", "en-US");
    app.wait_for_text("h1", "Your company's work account and Partner Center")
        .await;
    app.go("/onboarding/welcome").await;
    app.wait_for_text("h1", "Welcome").await;
    let checklist = app.text(".checklist");
    assert!(checklist.contains("If you don't know your company's work account, see"));
    assert!(checklist.contains("Legal business name and address."));
    app.select("#language", "fr-FR");
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_every_text_and_is_remembered() {
    let app = Mounted::at("/onboarding/welcome", MOCK_CONFIG).await;
    app.wait_for_text("h1", "Bienvenue").await;
    app.select("#language", "en-US");
    app.wait_for_text("h1", "Welcome").await;
    assert_eq!(html_lang(), "en-US");
    assert!(app.text("header label").starts_with("Language"));
    assert!(app.text("header").contains("demo data"));
    assert!(app.text("main").contains("Before you begin"));
    assert!(!app.text("main").contains("Avant de commencer"));
    // The server is told, for the pages it renders (`crates/server/src/first_page.rs`).
    assert!(
        cookies().contains("partner-center.lang=en-US"),
        "{}",
        cookies()
    );
    app.unmount();

    // A new visit keeps the choice.
    let again = Mounted::keeping_storage("/onboarding/welcome", MOCK_CONFIG).await;
    again.wait_for_text("h1", "Welcome").await;
    assert_eq!(html_lang(), "en-US");
    again.select("#language", "fr-FR");
    again.wait_for_text("h1", "Bienvenue").await;
    assert_eq!(html_lang(), "fr-FR");
    assert!(
        cookies().contains("partner-center.lang=fr-FR"),
        "{}",
        cookies()
    );
    again.unmount();
}

fn cookies() -> String {
    js_sys::Reflect::get(&gloo_utils::document(), &"cookie".into())
        .ok()
        .and_then(|c| c.as_string())
        .unwrap_or_default()
}

/// The server writes the user list's counts and days without a browser (`i18n::written`), and
/// the app then writes them through `Intl`: the same text, or the page would change as the app
/// takes over.
#[wasm_bindgen_test]
fn the_servers_numbers_and_days_are_the_browsers() {
    use partner_center::i18n::{written, Lang};
    for lang in Lang::ALL {
        let numbers = js_sys::Intl::NumberFormat::new(
            &js_sys::Array::of1(&lang.tag().into()),
            &js_sys::Object::new(),
        )
        .format();
        let options = js_sys::Object::new();
        for (key, value) in [("dateStyle", "medium"), ("timeZone", "UTC")] {
            js_sys::Reflect::set(&options, &key.into(), &value.into()).unwrap();
        }
        let days =
            js_sys::Intl::DateTimeFormat::new(&js_sys::Array::of1(&lang.tag().into()), &options)
                .format();
        let mut n = 0u64;
        while n < 20_000_000 {
            let intl = numbers
                .call1(&wasm_bindgen::JsValue::NULL, &(n as f64).into())
                .unwrap();
            assert_eq!(written::number(lang, n), intl.as_string().unwrap(), "{n}");
            n = n * 3 + 1;
        }
        for year in [999, 2026, 2027] {
            for month in 1..=12 {
                for day in [1, 9, 10, 28] {
                    let at = js_sys::Date::new_0();
                    at.set_utc_full_year_with_month_date(year, month - 1, day);
                    let intl = days.call1(&wasm_bindgen::JsValue::NULL, &at).unwrap();
                    assert_eq!(
                        written::day(lang, year as i16, month as i8, day as i8),
                        intl.as_string().unwrap(),
                        "{year}-{month}-{day}"
                    );
                }
            }
        }
    }
}

#[wasm_bindgen_test]
async fn the_settings_menu_opens_and_closes_with_the_keyboard() {
    clear_storage();
    MockBackend::new(Default::default())
        .sign_in(Credentials {
            email: DEMO_ADMIN_EMAIL.into(),
            password: DEMO_ADMIN_PASSWORD.into(),
        })
        .await
        .expect("the demo admin signs in");
    let app = Mounted::keeping_storage("/settings/users", MOCK_CONFIG).await;
    app.wait_for_text("h1", "Gestion des utilisateurs").await;
    assert!(app.text("nav").contains("Vue d’ensemble"));

    let gear = app.wait_for("button[aria-label='Paramètres']").await;
    assert_eq!(
        gear.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(app.find("#settings-menu").unwrap().has_attribute("hidden"));

    key(&gear, "ArrowDown");
    app.settle().await;
    assert_eq!(gear.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(!app.find("#settings-menu").unwrap().has_attribute("hidden"));
    assert_eq!(focused_text(), "Gestion des utilisateurs");

    key(&focused(), "ArrowDown");
    app.settle().await;
    assert_eq!(focused_text(), "Paramètres partenaire");
    key(&focused(), "ArrowDown");
    app.settle().await;
    assert_eq!(
        focused_text(),
        "Journal d’activité",
        "a Global admin reads the activity log"
    );
    key(&focused(), "ArrowDown");
    app.settle().await;
    assert_eq!(
        focused_text(),
        "Gestion des utilisateurs",
        "focus wraps around"
    );

    key(&focused(), "Escape");
    app.settle().await;
    assert_eq!(
        gear.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(app.find("#settings-menu").unwrap().has_attribute("hidden"));
    assert_eq!(
        focused().get_attribute("aria-label").as_deref(),
        Some("Paramètres")
    );

    // Enter opens it too, on the first item.
    key(&gear, "Enter");
    app.settle().await;
    assert_eq!(focused_text(), "Gestion des utilisateurs");
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_malformed_config_shows_an_error_screen_not_a_blank_page() {
    let app = Mounted::at("/", "{ \"backend\": ").await;
    app.wait_for_text("h1", "Impossible de démarrer l’Espace partenaires")
        .await;
    let alert = app.text("[role=alert]");
    assert!(alert.contains("config.json"), "{alert}");
    assert!(app.find("button.button").is_some(), "offers to retry");
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_missing_config_shows_the_error_screen_in_english_too() {
    clear_storage();
    set_language("en-US");
    let app = Mounted::with_url("/", "/no-such-config.json").await;
    app.wait_for_text("h1", "Partner Center cannot start").await;
    assert!(app.text("[role=alert]").contains("404"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn an_unknown_address_shows_the_not_found_page() {
    let app = Mounted::at("/no/such/page", MOCK_CONFIG).await;
    app.wait_for_text("h1", "Page introuvable").await;
    assert!(app.text("main").contains("/no/such/page"));
    assert!(app.find("main a[href='/']").is_some(), "links back home");
    app.unmount();
}
