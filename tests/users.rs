//! User management on the mock backend: a large list rendered in part, search, role filter and
//! sort kept in the address, keyboard moves, adding a user, and what a reader without the right
//! sees; and the real API client asking for the list ahead of the page (against a stand-in fetch).
#![cfg(target_arch = "wasm32")]

mod support;

use std::time::Duration;

use gloo_timers::future::sleep;
use partner_center::api::{Backend, HttpBackend, MockBackend};
use partner_domain::{Credentials, Role};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The demo admin and `extra` generated users (with accents, varied roles).
async fn work_account_with(extra: u32) -> usize {
    clear_storage();
    sign_in_demo_admin().await;
    let mock = MockBackend::new(Default::default());
    mock.dev_seed(extra).await.unwrap();
    let all = mock
        .users(partner_domain::UserQuery {
            limit: Some(100_000),
            ..Default::default()
        })
        .await
        .unwrap();
    all.total as usize
}

/// The count line as read aloud: without Unicode isolation marks, with plain spaces.
fn count_line(app: &Mounted) -> String {
    app.text("[role=status]")
        .chars()
        .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
        .map(|c| {
            if c == '\u{202f}' || c == '\u{a0}' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

async fn wait_for_count(app: &Mounted, expected: &str) {
    app.eventually(&format!("the count reading {expected:?}"), || {
        (count_line(app) == expected).then_some(())
    })
    .await
}

fn rendered_rows() -> u32 {
    gloo_utils::document()
        .query_selector_all(".user-table tbody tr:not(.spacer)")
        .unwrap()
        .length()
}

#[wasm_bindgen_test]
async fn a_large_list_renders_only_what_is_in_view_and_searches_in_the_address() {
    let total = work_account_with(3000).await;
    let app = Mounted::keeping_storage("/settings/users", MOCK_CONFIG).await;
    app.wait_for(".user-table tbody tr").await;
    let grouped = format!("{} {:03} utilisateurs", total / 1000, total % 1000);
    assert_eq!(count_line(&app), grouped);
    let rows = rendered_rows();
    assert!(
        rows > 5 && rows <= 100,
        "{rows} rows rendered for {total} users"
    );

    app.type_into("#user-search", "ELOISE lefevre");
    let found = MockBackend::new(Default::default())
        .users(partner_domain::UserQuery {
            q: "éloïse LEFÈVRE".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .total;
    assert!(found >= 1);
    wait_for_count(
        &app,
        &format!("{found} utilisateur{}", if found > 1 { "s" } else { "" }),
    )
    .await;
    assert!(app.text(".user-table tbody").contains("Éloïse Lefèvre"));
    // The address follows once typing pauses.
    app.eventually("the search in the address", || {
        gloo_utils::window()
            .location()
            .search()
            .unwrap()
            .contains("q=ELOISE")
            .then_some(())
    })
    .await;

    // Leaving while the address waits for typing to pause: the next page stays.
    app.type_into("#user-search", "zzzz");
    app.click_button_or_link("Ajouter un utilisateur");
    app.wait_for_path("/settings/users/new").await;
    sleep(Duration::from_millis(500)).await;
    assert_eq!(
        path(),
        "/settings/users/new",
        "the list's address came back"
    );
    app.unmount();

    // A shared address opens the same view.
    let app = Mounted::keeping_storage("/settings/users?role=global_admin", MOCK_CONFIG).await;
    app.wait_for(".user-table tbody tr").await;
    let select: web_sys::HtmlSelectElement =
        wasm_bindgen::JsCast::dyn_into(app.find("#user-role").unwrap()).unwrap();
    assert_eq!(select.value(), "global_admin");
    assert!(app
        .text(".user-table tbody")
        .contains("Administrateur général"));
    assert!(!app.text(".user-table tbody").contains("Agent commercial"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn sorting_by_email_both_ways_and_moving_with_the_keyboard() {
    work_account_with(200).await;
    let app = Mounted::keeping_storage("/settings/users", MOCK_CONFIG).await;
    app.wait_for(".user-table tbody tr").await;
    let name_header = app.find(".user-table th:nth-child(1)").unwrap();
    assert_eq!(
        name_header.get_attribute("aria-sort").as_deref(),
        Some("ascending")
    );

    app.click(".user-table th:nth-child(2) button");
    app.settle().await;
    let email_header = app.find(".user-table th:nth-child(2)").unwrap();
    assert_eq!(
        email_header.get_attribute("aria-sort").as_deref(),
        Some("ascending")
    );
    let first_email = || app.text(".user-table tbody tr:not(.spacer) td:nth-child(2)");
    let ascending = first_email();
    app.click(".user-table th:nth-child(2) button");
    app.settle().await;
    assert_eq!(
        email_header.get_attribute("aria-sort").as_deref(),
        Some("descending")
    );
    let descending = first_email();
    assert!(descending > ascending, "{descending} after {ascending}");
    assert!(gloo_utils::window()
        .location()
        .search()
        .unwrap()
        .contains("direction=desc"));

    // Tab reaches the first row; arrows and End move; Enter opens.
    let first = app.find("#user-row-0").unwrap();
    assert_eq!(first.get_attribute("tabindex").as_deref(), Some("0"));
    first
        .unchecked_ref::<web_sys::HtmlElement>()
        .focus()
        .unwrap();
    key(&focused(), "ArrowDown");
    app.settle().await;
    assert_eq!(focused().id(), "user-row-1");
    key(&focused(), "End");
    app.settle().await;
    app.settle().await;
    assert_eq!(focused().id(), "user-row-200", "the last of 201 rows");
    key(&focused(), "Home");
    app.settle().await;
    app.settle().await;
    assert_eq!(focused().id(), "user-row-0");
    key(&focused(), "Enter");
    app.wait_for("h1").await;
    assert!(path().starts_with("/settings/users/"), "at {}", path());
    app.unmount();
}

#[wasm_bindgen_test]
async fn an_added_user_is_invited_by_email_and_chooses_a_password_from_the_link() {
    work_account_with(0).await;
    let app = Mounted::keeping_storage("/settings/users", MOCK_CONFIG).await;
    app.wait_for(".user-table").await;
    app.click(".actions-row a");
    app.wait_for_path("/settings/users/new").await;
    app.wait_for("#first_name").await;

    app.click("form button[type=submit]");
    app.wait_for(".error-summary").await;
    assert!(app.text("#first_name-error").contains("obligatoire"));

    app.type_into("#first_name", "Lucie");
    app.type_into("#last_name", "Bernard");
    // A whole address at the account's domain is taken as its name.
    app.type_into("#email", "admin@contoso.onmicrosoft.com");
    app.settle().await;
    assert_eq!(app.value_of("#email"), "admin");
    assert_eq!(app.text("#email-suffix"), "@contoso.onmicrosoft.com");
    app.click("#role-sales_agent");
    app.click("form button[type=submit]");
    app.wait_for_content("Un utilisateur a déjà cette adresse e-mail")
        .await;
    assert_eq!(
        app.find("#email")
            .unwrap()
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );

    app.type_into("#email", "lucie@fabrikam.fr");
    app.wait_for_content("domaine de votre compte professionnel")
        .await;
    // The box takes the part before @: the domain is the account's.
    app.type_into("#email", "lucie.bernard");
    app.click("form button[type=submit]");
    app.wait_for_content(
        "Une invitation a été envoyée à \u{2068}lucie.bernard@contoso.onmicrosoft.com\u{2069}",
    )
    .await;
    assert!(app.text(".panel-success").contains(
        "réinitialisez son mot de passe pour lui communiquer un mot de passe temporaire"
    ));
    let link = app
        .eventually("the demo's link to the invitation", || {
            app.find("#dev-email-link")?.get_attribute("href")
        })
        .await;
    assert!(link.starts_with("/set-password?token="), "{link}");

    // Her page says so, and offers a new link, once a minute at most.
    app.click_button_or_link("Ouvrir sa fiche");
    app.wait_for_content("pas encore acceptée").await;
    app.click_button("Renvoyer l’invitation");
    app.wait_for_content("L’invitation n’a pas été renvoyée")
        .await;

    // The list says who has not accepted yet, and keeps only them on demand.
    app.go("/settings/users").await;
    app.wait_for(".user-table").await;
    app.select("#user-status", "invited");
    app.wait_for_path("/settings/users").await;
    app.eventually("only Lucie listed", || {
        let rows = app.find_all(".user-table tbody tr:not(.spacer)");
        (rows.len() == 1).then_some(())
    })
    .await;
    let row = app.text(".user-table tbody tr:not(.spacer)");
    assert!(
        row.contains("Lucie Bernard") && row.contains("Invitation envoyée le"),
        "{row}"
    );

    // Lucie opens the emailed link and chooses her password; then she signs in with it.
    app.go(&link).await;
    // A page reached from an email speaks the reader's browser language (English here).
    app.wait_for_text("h1", "Choose your password").await;
    // The link is checked on arrival: whose password it chooses.
    app.wait_for_content("Work account: \u{2068}lucie.bernard@contoso.onmicrosoft.com\u{2069}")
        .await;
    assert_eq!(
        app.value_of("input[autocomplete=username]"),
        "lucie.bernard@contoso.onmicrosoft.com"
    );
    app.type_into("#password", "court");
    app.click("form button[type=submit]");
    app.wait_for("#password-error").await;
    app.type_into("#password", "Lucie-Bernard-2026");
    app.click("form button[type=submit]");
    app.wait_for_content("Password saved. Sign in as").await;
    let me = MockBackend::new(Default::default())
        .sign_in(Credentials {
            email: "lucie.bernard@contoso.onmicrosoft.com".into(),
            password: "Lucie-Bernard-2026".into(),
        })
        .await
        .unwrap();
    assert!(!me.must_change_password);
    assert_eq!(me.user.roles, [Role::SalesAgent]);
    assert_eq!(me.user.invited_at, None);
    // The link served once: opened again later, as a new page, it says so before anything is
    // typed; so does a link that was never sent.
    app.go("/settings/users").await;
    app.go(&link).await;
    app.wait_for_content("This link was already used").await;
    assert!(app.find("#password").is_none());
    app.go("/settings/users").await;
    app.go("/set-password?token=not-a-token").await;
    app.wait_for_content("This link is not recognised").await;
    assert!(app.find("#password").is_none());
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_reader_without_the_right_sees_the_list_and_whom_to_ask() {
    work_account_with(0).await;
    let created = add_user(
        "Hugo",
        "Moreau",
        "hugo.moreau@contoso.onmicrosoft.com",
        Role::ReportViewer,
    )
    .await;
    sign_in_as(&created).await;
    let app = Mounted::keeping_storage("/settings/users", MOCK_CONFIG).await;
    app.wait_for(".user-table").await;
    let notice = app.text(".panel-info");
    assert!(
        notice.contains("Seuls un administrateur général"),
        "{notice}"
    );
    assert!(
        notice.contains("admin@contoso.onmicrosoft.com"),
        "names whom to ask: {notice}"
    );
    assert!(app.find(".actions-row").is_none(), "no Ajouter button");
    app.unmount();
}

#[wasm_bindgen_test]
async fn resetting_a_password_and_deleting_a_user_but_never_the_last_global_admin() {
    work_account_with(0).await;
    let mock = MockBackend::new(Default::default());
    let created = add_user(
        "Inès",
        "Garnier",
        "ines.garnier@contoso.onmicrosoft.com",
        Role::HelpdeskAgent,
    )
    .await;
    let page = format!("/settings/users/{}", created.user.id);
    let app = Mounted::keeping_storage(&page, MOCK_CONFIG).await;
    app.wait_for_text("h1", "Inès Garnier").await;
    app.click_button("Réinitialiser le mot de passe");
    app.wait_for("#temporary-password").await;
    let password = app.text("#temporary-password");
    assert_eq!(partner_domain::validate::password(&password, ""), Ok(()));

    app.click_button("Supprimer l’utilisateur");
    app.settle().await;
    let dialog: web_sys::HtmlDialogElement = app.find("dialog").unwrap().dyn_into().unwrap();
    assert!(dialog.open(), "asks first");
    app.click("dialog .button-danger");
    app.wait_for_path("/settings/users").await;
    app.wait_for_content("a été supprimé.").await;
    let left = mock
        .users(partner_domain::UserQuery {
            q: "garnier".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(left.total, 0);
    app.unmount();

    // The demo admin is the only Global admin: no delete, and the page says why.
    let app = Mounted::keeping_storage("/settings/users/u-admin", MOCK_CONFIG).await;
    app.wait_for_content("il ne peut pas être supprimé").await;
    assert!(app.find(".button-danger").is_none(), "no delete button");
    let global_admin: web_sys::HtmlInputElement =
        app.find("#role-global_admin").unwrap().dyn_into().unwrap();
    assert!(global_admin.disabled(), "cannot lose the role either");
    app.unmount();
}

/// Managing users allows every role but Global admin: a User management admin sees the Global
/// admin box locked with the reason, and a Global admin's page read-only with the reason.
#[wasm_bindgen_test]
async fn a_user_management_admin_cannot_grant_or_touch_global_admin() {
    work_account_with(0).await;
    let manager = add_user(
        "Maud",
        "Gestion",
        "maud.gestion@contoso.onmicrosoft.com",
        Role::UserManagementAdmin,
    )
    .await;
    let colleague = add_user(
        "Léo",
        "Martin",
        "leo.martin@contoso.onmicrosoft.com",
        Role::SalesAgent,
    )
    .await;
    sign_in_as(&manager).await;
    let global_admin_box = |app: &Mounted| -> web_sys::HtmlInputElement {
        app.find("#role-global_admin").unwrap().dyn_into().unwrap()
    };

    let app = Mounted::keeping_storage("/settings/users/new", MOCK_CONFIG).await;
    app.wait_for("#role-global_admin").await;
    assert!(global_admin_box(&app).disabled());
    assert!(app
        .text("#role-global_admin-desc")
        .contains("Seul un administrateur général peut attribuer"));
    let sales: web_sys::HtmlInputElement =
        app.find("#role-sales_agent").unwrap().dyn_into().unwrap();
    assert!(!sales.disabled(), "every other role is theirs to grant");
    app.unmount();

    let app = Mounted::keeping_storage(
        &format!("/settings/users/{}", colleague.user.id),
        MOCK_CONFIG,
    )
    .await;
    app.wait_for_text("h1", "Léo Martin").await;
    assert!(global_admin_box(&app).disabled());
    assert!(
        app.find("button[type=submit]").is_some(),
        "other roles can be changed"
    );
    app.unmount();

    let app = Mounted::keeping_storage("/settings/users/u-admin", MOCK_CONFIG).await;
    app.wait_for_content("seul un autre administrateur général peut modifier")
        .await;
    assert!(global_admin_box(&app).disabled());
    let sales: web_sys::HtmlInputElement =
        app.find("#role-sales_agent").unwrap().dyn_into().unwrap();
    assert!(sales.disabled(), "a Global admin's roles are read-only");
    assert!(app.find("button[type=submit]").is_none());
    for action in ["Réinitialiser le mot de passe", "Supprimer l’utilisateur"] {
        let button = app
            .find_all("button")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().contains(action))
            .unwrap_or_else(|| panic!("{action} is shown"));
        assert!(button.has_attribute("disabled"), "{action} is disabled");
        assert_eq!(
            button.get_attribute("aria-describedby").as_deref(),
            Some("account-actions-why")
        );
    }
    app.unmount();
}

/// A temporary password opens nothing but the page to choose one's own; then back where the
/// user was going.
#[wasm_bindgen_test]
async fn a_temporary_password_is_changed_before_anything_else() {
    work_account_with(0).await;
    let created = add_user(
        "Nina",
        "Temp",
        "nina.temp@contoso.onmicrosoft.com",
        Role::UserManagementAdmin,
    )
    .await;
    // Nina cannot read her mailbox yet: the admin reveals a temporary password.
    let mock = MockBackend::new(Default::default());
    let revealed = mock.reset_password(created.user.id.clone()).await.unwrap();
    mock.sign_in(Credentials {
        email: created.user.email.clone(),
        password: revealed.temporary_password.clone(),
    })
    .await
    .unwrap();
    let app = Mounted::keeping_storage("/settings/users", MOCK_CONFIG).await;
    app.wait_for_path("/sign-in").await;
    app.wait_for_content("Choisissez d’abord votre propre mot de passe")
        .await;
    app.type_into("#current_password", &revealed.temporary_password);
    app.type_into("#new_password", "Nina-choisit-2026");
    app.click("form button[type=submit]");
    app.wait_for_path("/settings/users").await;
    app.wait_for(".user-table").await;
    app.unmount();
}

fn paste(app: &Mounted, text: &str) {
    let area: web_sys::HtmlTextAreaElement = app.find("#import-text").unwrap().dyn_into().unwrap();
    area.focus().unwrap();
    area.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    area.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn an_import_lists_each_rows_problems_first_then_creates_all_at_once() {
    work_account_with(0).await;
    let app = Mounted::keeping_storage("/settings/users", MOCK_CONFIG).await;
    app.wait_for(".user-table").await;
    app.click_button_or_link("Importer des utilisateurs");
    app.wait_for_path("/settings/users/import").await;
    app.wait_for("#import-text").await;

    paste(&app, "nom;prénom\nx;y\n");
    app.wait_for_content("Colonnes manquantes").await;

    paste(
        &app,
        "Prénom;Nom;E-mail;Rôles\n\
         Léa;Roux;lea.roux@contoso.onmicrosoft.com;sales_agent\n\
         ;Blanc;pas-un-email;wizard\n\
         Léa;Roux;LEA.ROUX@contoso.onmicrosoft.com;\n\
         Bo;Li;bo.li@fabrikam.fr;\n",
    );
    app.wait_for(".panel-error table").await;
    let report = app.text(".panel-error");
    assert!(
        report.contains("\u{2068}3\u{2069} lignes à corriger"),
        "{report}"
    );
    let rows = app.text(".panel-error tbody");
    assert!(
        rows.contains("3") && rows.contains("Ce champ est obligatoire"),
        "line 3: {rows}"
    );
    assert!(rows.contains("Rôle inconnu"), "{rows}");
    assert!(rows.contains("figure déjà plus haut"), "line 4: {rows}");
    assert!(rows.contains("domaine de votre compte"), "line 5: {rows}");
    assert!(
        app.find("form button[type=submit]").is_none(),
        "nothing to import yet"
    );

    paste(
        &app,
        "first_name,last_name,email,roles\n\
         Léa,Roux,lea.roux@contoso.onmicrosoft.com,sales_agent\n\
         Noé,Blanc,noe.blanc,report_viewer|helpdesk_agent\n",
    );
    app.wait_for(".panel-success").await;
    app.click("form button[type=submit]");
    app.wait_for_content("utilisateurs importés").await;
    // A name alone got the account's domain.
    for address in [
        "lea.roux@contoso.onmicrosoft.com",
        "noe.blanc@contoso.onmicrosoft.com",
    ] {
        let imported = MockBackend::new(Default::default())
            .users(partner_domain::UserQuery {
                q: address.into(),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(imported.total, 1, "{address}");
    }
    app.unmount();
}

#[wasm_bindgen_test]
async fn giving_a_user_a_role_with_mettre_a_jour() {
    work_account_with(0).await;
    let mock = MockBackend::new(Default::default());
    let created = add_user(
        "Chloé",
        "Petit",
        "chloe.petit@contoso.onmicrosoft.com",
        Role::SalesAgent,
    )
    .await;
    let app =
        Mounted::keeping_storage(&format!("/settings/users/{}", created.user.id), MOCK_CONFIG)
            .await;
    app.wait_for("#role-admin_agent").await;
    assert!(app
        .text("#role-admin_agent-desc")
        .contains("nécessaire pour terminer la configuration"));
    app.click("#role-admin_agent");
    app.click_button("Mettre à jour");
    app.wait_for_content("mis à jour").await;
    let saved = mock.user(created.user.id.clone()).await.unwrap();
    assert_eq!(saved.roles, [Role::AdminAgent, Role::SalesAgent]);
    app.unmount();
}

/// The demo admin and Inès Garcia, Sales agent.
async fn demo_and_a_seller() -> partner_domain::UserCreated {
    work_account_with(0).await;
    add_user(
        "Inès",
        "Garcia",
        "ines.garcia@contoso.onmicrosoft.com",
        Role::SalesAgent,
    )
    .await
}

/// A row's name links to the user's page, which a click opens in the app (the list's rows
/// share one click handler).
#[wasm_bindgen_test]
async fn a_rows_name_opens_the_users_page() {
    let seller = demo_and_a_seller().await;
    let app = Mounted::keeping_storage("/settings/users?q=garcia", MOCK_CONFIG).await;
    app.wait_for(".user-table tbody tr").await;
    let page = format!("/settings/users/{}", seller.user.id);
    let link = ".user-table tbody tr:not(.spacer) a";
    assert_eq!(
        app.find(link).unwrap().get_attribute("href"),
        Some(page.clone())
    );
    app.click(link);
    app.wait_for_text("h1", "Inès Garcia").await;
    assert_eq!(path(), page);
    app.unmount();
}

#[wasm_bindgen_test]
async fn going_from_one_user_to_another_shows_the_other_users_roles() {
    let seller = demo_and_a_seller().await;
    let reader = add_user(
        "Paul",
        "Martin",
        "paul.martin@contoso.onmicrosoft.com",
        Role::ReportViewer,
    )
    .await;
    let app =
        Mounted::keeping_storage(&format!("/settings/users/{}", seller.user.id), MOCK_CONFIG).await;
    app.wait_for_text("h1", "Inès Garcia").await;
    assert!(app.checked("#role-sales_agent"));

    app.go(&format!("/settings/users/{}", reader.user.id)).await;
    app.wait_for_text("h1", "Paul Martin").await;
    assert!(
        !app.checked("#role-sales_agent"),
        "not the previous user's roles"
    );
    assert!(app.checked("#role-report_viewer"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_field_error_shows_once_the_field_is_left_then_follows_each_correction() {
    work_account_with(0).await;
    let app = Mounted::keeping_storage("/settings/users/new", MOCK_CONFIG).await;
    app.wait_for("#email").await;

    app.type_into("#email", "pas une adresse");
    app.settle().await;
    assert!(
        app.find("#email-error").is_none(),
        "not while typing the first time"
    );
    app.leave("#email");
    app.settle().await;
    assert!(
        app.text("#email-error").contains("adresse e-mail valide"),
        "{}",
        app.text("form")
    );
    app.type_into("#email", "lucie");
    app.settle().await;
    assert!(
        app.find("#email-error").is_none(),
        "fixed: the error goes at once"
    );

    // The server's answer stays on the field until the value it was about changes.
    app.type_into("#first_name", "Lucie");
    app.type_into("#last_name", "Bernard");
    app.type_into("#email", "admin");
    app.click("form button[type=submit]");
    app.wait_for_content("Un utilisateur a déjà cette adresse e-mail")
        .await;
    assert!(app.text(".error-summary").contains("déjà cette adresse"));
    app.type_into("#email", "admin2");
    app.settle().await;
    assert!(app.find("#email-error").is_none(), "{}", app.text("form"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_user_that_does_not_exist_is_said_so_without_a_retry() {
    work_account_with(0).await;
    let app = Mounted::keeping_storage("/settings/users/no-such-user", MOCK_CONFIG).await;
    app.wait_for_content("Élément introuvable").await;
    assert!(
        !app.text("main").contains("Réessayer"),
        "asking again gives the same answer"
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_sample_import_file_is_in_the_page_language_and_imports_as_shown() {
    work_account_with(0).await;
    let app = Mounted::keeping_storage("/settings/users/import", MOCK_CONFIG).await;
    app.wait_for("#import-text").await;
    let sample = app.text(".sample");
    assert!(sample.starts_with("Prénom;Nom;E-mail;Rôles"), "{sample}");
    paste(&app, &sample);
    app.wait_for(".panel-success").await;
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_first_rows_show_while_the_whole_list_arrives() {
    let total = work_account_with(3000).await;
    // What the page shows after each change: the count's digits, whether the export is offered,
    // how many rows are rendered.
    js_sys::Function::new_no_args(
        "window.__seen = [];
         window.__observer = new MutationObserver(() => {
             const rows = document.querySelectorAll('.user-table tbody tr:not(.spacer)').length;
             const status = document.querySelector('.list-head [role=status]');
             if (rows) window.__seen.push([status ? status.textContent.replace(/\\D/g, '') : '',
                 !!document.querySelector('.list-head button'), rows]);
         });
         window.__observer.observe(document.body, { childList: true, subtree: true, characterData: true });",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
    let slow = r#"{ "backend": "mock", "mock": { "latency_ms": 150 } }"#;
    let app = Mounted::keeping_storage("/settings/users", slow).await;
    app.wait_for(".list-head button").await;
    let seen: Vec<(String, bool, u32)> = serde_json::from_str(
        &js_sys::eval("window.__observer.disconnect(); JSON.stringify(window.__seen)")
            .unwrap()
            .as_string()
            .unwrap(),
    )
    .unwrap();
    let total = total.to_string();
    let (count, export, rows) = &seen[0];
    assert_eq!(
        (count, *export),
        (&total, false),
        "first the first page, counted as the whole list, no export yet: {seen:?}"
    );
    assert!(*rows > 5);
    let (count, export, _) = seen.last().unwrap();
    assert_eq!((count, *export), (&total, true), "then the whole list");
    app.unmount();
}

fn query_string() -> String {
    gloo_utils::window().location().search().unwrap()
}

/// The rows of the activity log, as text.
fn activity_rows(app: &Mounted) -> Vec<String> {
    app.find_all(".page tbody tr")
        .iter()
        .map(|row| row.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn the_activity_log_says_who_changed_what_and_filters_by_resource_user_and_dates() {
    work_account_with(0).await;
    let mock = MockBackend::new(Default::default());
    let ines = add_user(
        "Inès",
        "Garnier",
        "ines.garnier@contoso.onmicrosoft.com",
        Role::HelpdeskAgent,
    )
    .await;
    let patch = partner_domain::UserPatch {
        roles: Some(vec![Role::AccountAdmin]),
        ..Default::default()
    };
    mock.update_user(ines.user.id.clone(), patch).await.unwrap();

    let app = Mounted::keeping_storage("/settings/activity", MOCK_CONFIG).await;
    app.wait_for(".page tbody tr").await;
    let rows = activity_rows(&app);
    assert!(
        rows[0].contains("Éloïse Lefèvre")
            && rows[0].contains(
                "Rôles de \u{2068}ines.garnier@contoso.onmicrosoft.com\u{2069}\u{a0}: \u{2068}Agent du support technique\u{2069} → \u{2068}Administrateur de compte\u{2069}"
            ),
        "newest first, by whom: {rows:?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("\u{2068}Inès Garnier\u{2069} (\u{2068}ines.garnier@contoso.onmicrosoft.com\u{2069}) ajouté")),
        "{rows:?}"
    );

    // Resource filter, kept in the address.
    app.select("#activity-resource", "roles");
    app.eventually("only role changes", || {
        let rows = activity_rows(&app);
        (rows.len() == 2 && rows.iter().all(|r| r.contains("Rôles de"))).then_some(())
    })
    .await;
    assert!(
        query_string().contains("resource=roles"),
        "{}",
        query_string()
    );

    // A user's name filters on their changes; the panel names them and leads back.
    app.select("#activity-resource", "");
    app.click(".page tbody tr .link-button");
    app.wait_for_content(
        "Modifications de \u{2068}Éloïse Lefèvre (admin@contoso.onmicrosoft.com)\u{2069}",
    )
    .await;
    assert!(
        query_string().contains("user=u-admin"),
        "{}",
        query_string()
    );
    app.click_button("Afficher tous les utilisateurs");
    app.eventually("the user filter gone", || {
        (!query_string().contains("user=")).then_some(())
    })
    .await;

    // An end before the start is said on the field, and nothing is asked.
    app.change("#activity-since", "2026-11-20");
    app.change("#activity-until", "2026-11-10");
    app.wait_for_content("La date de fin précède la date de début.")
        .await;
    assert!(app.find(".page tbody tr").is_none());
    // A range without today: nothing.
    app.change("#activity-since", "2020-01-01");
    app.change("#activity-until", "2020-01-31");
    app.wait_for_content("Aucune activité ne correspond à ces filtres.")
        .await;
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_activity_log_pages_with_afficher_plus_and_is_for_admins_only() {
    work_account_with(0).await;
    let mock = MockBackend::new(Default::default());
    let rows: Vec<partner_domain::NewUser> = (0..30)
        .map(|i| partner_domain::NewUser {
            first_name: "Léa".into(),
            last_name: format!("Roux {i}"),
            email: format!("lea{i}@contoso.onmicrosoft.com"),
            roles: vec![Role::SalesAgent],
        })
        .collect();
    mock.import_users(partner_domain::ImportUsers { users: rows })
        .await
        .unwrap();
    // 30 users, two records each, and the work account's own.
    let app = Mounted::keeping_storage("/settings/activity", MOCK_CONFIG).await;
    app.wait_for(".page tbody tr").await;
    assert_eq!(activity_rows(&app).len(), 50, "a first page");
    app.click_button("Afficher plus");
    app.eventually("the rest", || {
        (activity_rows(&app).len() == 61).then_some(())
    })
    .await;
    app.wait_for_content("Début du journal").await;
    assert!(app
        .find_all("button")
        .iter()
        .all(|b| b.text_content().unwrap_or_default() != "Afficher plus"));
    app.unmount();

    let sales = add_user(
        "Paul",
        "Vente",
        "paul.vente@contoso.onmicrosoft.com",
        Role::SalesAgent,
    )
    .await;
    sign_in_as(&sales).await;
    let app = Mounted::keeping_storage("/settings/activity", MOCK_CONFIG).await;
    app.wait_for_content("Seuls un administrateur général ou un administrateur de compte")
        .await;
    assert!(app.find("table").is_none());
    app.click("#settings-button");
    app.settle().await;
    let menu = app.text("#settings-menu");
    assert!(!menu.contains("Journal d’activité"), "{menu}");
    app.unmount();
}

/// A deep link to the list (start-up has its first rows before the page renders): the page is
/// never on screen without them, as it would be for a loading pass and the frame after it.
#[wasm_bindgen_test]
async fn a_deep_link_to_the_list_shows_rows_in_the_pages_first_render() {
    work_account_with(30).await;
    js_sys::eval(
        "window.rowsWhenTheListShowed = null;
         window.listObserver = new MutationObserver(() => {
             if (window.rowsWhenTheListShowed === null && document.querySelector('#user-search')) {
                 window.rowsWhenTheListShowed = document.querySelectorAll('.user-table tbody tr:not(.spacer)').length;
             }
         });
         window.listObserver.observe(document.body, { childList: true, subtree: true });",
    )
    .unwrap();
    let app = Mounted::keeping_storage("/settings/users", MOCK_CONFIG).await;
    app.wait_for(".user-table tbody tr").await;
    let rows = js_sys::eval("window.listObserver.disconnect(); window.rowsWhenTheListShowed")
        .unwrap()
        .as_f64()
        .unwrap_or_default();
    assert!(rows >= 5.0, "{rows} rows when the list first showed");
    app.unmount();
}

/// What index.html's script asked for on a deep link (`xtask/src/spa.rs`) is what the app's
/// own calls get, once, while it is fresh and no write came between.
#[wasm_bindgen_test]
async fn answers_index_html_asked_for_are_taken_by_the_app() {
    let fetch = StandInFetch::answering(r#"{"total":1,"items":[]}"#);
    let backend = HttpBackend::new("/api/");
    let first = partner_domain::UserQuery::first_page();
    let url = "/api/users?q=&offset=0&limit=100";
    kept_ahead(url, 0.0, &json_answer(r#"{"total":7,"items":[]}"#));
    assert_eq!(backend.users(first.clone()).await.unwrap().total, 7);
    assert_eq!(backend.users(first.clone()).await.unwrap().total, 1);
    assert_eq!(fetch.fetched(), 1, "taken once, then asked for");

    kept_ahead(url, 11_000.0, &json_answer(r#"{"total":7,"items":[]}"#));
    assert_eq!(
        backend.users(first.clone()).await.unwrap().total,
        1,
        "an answer older than 10 s is not taken"
    );
    kept_ahead(url, 0.0, &json_answer(r#"{"total":7,"items":[]}"#));
    let _ = backend.sign_out().await;
    assert_eq!(
        backend.users(first.clone()).await.unwrap().total,
        1,
        "a write drops what was asked for before it"
    );

    // The script's request timed out: said as the app's own would say it.
    let timed_out = js_sys::Promise::reject(
        &web_sys::DomException::new_with_message_and_name("slow", "TimeoutError")
            .unwrap()
            .into(),
    );
    kept_ahead(url, 0.0, &timed_out);
    assert_eq!(
        backend.users(first).await.unwrap_err(),
        partner_center::api::ApiError::Timeout(15)
    );

    // The runtime config, too.
    kept_ahead(
        "/config.json",
        0.0,
        &json_answer(r#"{ "backend": "http", "api_base": "/elsewhere" }"#),
    );
    let before = fetch.fetched();
    let config = partner_center::config::RuntimeConfig::fetch("/config.json")
        .await
        .unwrap();
    assert_eq!(config.api_base, "/elsewhere");
    assert_eq!(
        fetch.fetched(),
        before,
        "the config was not asked for again"
    );
}
