//! The business check's reasons (issue #17) on the real server: asked for a document, refused,
//! refused a second time, each said on the partner profile page, with axe at each state; then the
//! activity log lists each step, with who and from where, filters it and exports it.

use e2e::{Browser, Server};
use partner_domain::fixtures::profile;
use serde_json::{json, Value};

/// Registers the profile (or resubmits it); the partner's id.
async fn submit_profile(browser: &Browser) -> String {
    let body = serde_json::to_value(profile()).unwrap();
    let (status, partner) = browser.api("PUT", "/api/partner/profile", Some(body)).await;
    assert_eq!(status, 200, "{partner}");
    partner["id"].as_str().unwrap().to_owned()
}

async fn decide(browser: &Browser, partner_id: &str, vetting: Value) {
    let path = format!("/api/dev/vetting/{partner_id}");
    let (status, answer) = browser.api("POST", &path, Some(vetting)).await;
    assert_eq!(status, 200, "{answer}");
}

#[tokio::test]
async fn the_check_says_why_and_a_second_refusal_is_final() {
    let server = Server::start().await;
    let base = &server.base;
    let browser = Browser::start_in("fr-FR").await;
    browser.goto(&format!("{base}/onboarding/welcome")).await;
    browser.wait_for("#language").await;
    browser.sign_up("verifiee").await;
    let partner_id = submit_profile(&browser).await;
    let (_, outbox) = browser.api("GET", "/api/dev/outbox", None).await;
    let link = outbox[0]["link"].as_str().unwrap().to_owned();
    browser.goto(&format!("{base}{link}")).await;
    browser.wait_for_content("jean.dupont@contoso.fr").await;

    // Each decision follows a (re)submitted profile; the first one changes nothing, the check
    // being under way already.
    for (vetting, expected, state) in [
        (
            json!({ "decision": "action_required", "reason": "document_unreadable" }),
            "un justificatif fourni n’a pas pu être lu",
            "action required",
        ),
        (
            json!({ "decision": "reject", "reason": "legal_name_mismatch" }),
            "la raison sociale ne correspond pas",
            "rejected",
        ),
        (
            json!({ "decision": "reject", "reason": "other", "note": "Registre du commerce introuvable" }),
            "Registre du commerce introuvable",
            "final",
        ),
    ] {
        submit_profile(&browser).await;
        decide(&browser, &partner_id, vetting).await;
        browser
            .goto(&format!("{base}/settings/partner-profile"))
            .await;
        browser.wait_for("#legal-heading").await;
        browser.wait_for_content(expected).await;
        browser
            .assert_accessible(&format!("partner profile, {state}"))
            .await;
    }
    browser
        .wait_for_content("Cette décision est définitive")
        .await;
    browser
        .wait_for_content("ne peut plus être modifié après un second refus")
        .await;
    let body = serde_json::to_value(profile()).unwrap();
    let (status, _) = browser.api("PUT", "/api/partner/profile", Some(body)).await;
    assert_eq!(status, 409, "a final decision cannot be resubmitted");

    // The activity log: each decision by the check, each resubmission by the admin, from here.
    browser.goto(&format!("{base}/settings/activity")).await;
    browser.wait_for(".page tbody tr").await;
    browser
        .wait_for_content("\u{2068}Action requise\u{2069} → \u{2068}Vérification en cours\u{2069}")
        .await;
    browser
        .wait_for_content("Action requise\u{2069}. Motif")
        .await;
    browser
        .wait_for_content("un justificatif fourni n’a pas pu être lu.")
        .await;
    let rows = browser.text(".page tbody").await;
    assert!(rows.contains("Vérification de l’entreprise"), "{rows}");
    assert!(rows.contains("127.0.0.1"), "the admin's address: {rows}");
    browser.assert_accessible("activity log").await;
    browser.choose("activity-resource", "verification").await;
    browser
        .eventually("only the verification's records", || async {
            let rows = browser.text_now(".page tbody").await?;
            (!rows.contains("Profil juridique de") && rows.contains("Refusé")).then_some(())
        })
        .await;
    browser.click_text("Exporter en CSV").await;
    let (name, bytes) = browser.wait_for_download().await;
    assert_eq!(name, "activity.csv");
    let csv = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    let (_, partner) = browser.api("GET", "/api/partner", None).await;
    let mpn = partner["mpn_id"].as_str().unwrap();
    assert_eq!(
        lines[0],
        "at,actor_email,actor_name,resource,action,target,detail,old,new,address"
    );
    assert!(
        lines[1..].iter().all(|l| l.contains(",verification,")),
        "the export keeps the filter: {csv}"
    );
    assert!(
        lines.iter().any(|l| l.ends_with(&format!(
            ",decided,{mpn},Registre du commerce introuvable,business_pending,rejected,"
        ))),
        "{csv}"
    );
    browser.assert_no_csp_violation().await;
    browser.close().await;
}

/// Issue #17's walk, as far as it is built: the check asks for a document → the overview and the
/// partner profile say why and what to do → the admin sends files (one too big, one that lies
/// about its type, one good PDF) → submits → the check authorizes → the activity log lists each
/// step with who and when; and a newly invited user sets their password from the emailed link
/// and signs in.
#[tokio::test]
async fn the_check_asks_for_a_document_and_the_admin_sends_one() {
    let server = Server::start().await;
    let base = &server.base;
    let browser = Browser::start_in("fr-FR").await;
    browser.goto(&format!("{base}/onboarding/welcome")).await;
    browser.wait_for("#language").await;
    browser.sign_up("justifiee").await;
    let partner_id = submit_profile(&browser).await;
    let (_, outbox) = browser.api("GET", "/api/dev/outbox", None).await;
    let link = outbox[0]["link"].as_str().unwrap().to_owned();
    browser.goto(&format!("{base}{link}")).await;
    browser.wait_for_content("jean.dupont@contoso.fr").await;
    let (_, current) = browser
        .api("GET", "/api/agreements/current?kind=mpn&lang=fr-FR", None)
        .await;
    let accept = json!({ "kind": "mpn", "version": current["version"] });
    let (status, _) = browser
        .api("POST", "/api/partner/agreements?lang=fr-FR", Some(accept))
        .await;
    assert_eq!(status, 201);
    let asked = json!({ "decision": "action_required", "reason": "address_unconfirmed" });
    decide(&browser, &partner_id, asked).await;

    browser.goto(&format!("{base}/dashboard")).await;
    browser
        .wait_for_content("l’adresse de l’entreprise n’a pas pu être confirmée")
        .await;
    browser.wait_for_content("ou envoyez un justificatif").await;
    browser.click_text("Ouvrir le Profil du partenaire").await;
    browser.wait_for_path("/settings/partner-profile").await;
    browser.wait_for("#documents-file").await;
    browser
        .assert_accessible("partner profile, documents asked")
        .await;

    let files = tempfile::tempdir().unwrap();
    let pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    let mut big = b"%PDF-1.4\n".to_vec();
    big.resize(partner_domain::supporting::DOCUMENT_MAX_BYTES + 1, b' ');
    let written = [
        ("gros.pdf", big),
        ("menu.pdf", b"<html><body>Menu</body></html>".to_vec()),
        ("Kbis.pdf", pdf.to_vec()),
    ]
    .map(|(name, bytes)| {
        let path = files.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    });
    let paths: Vec<&std::path::Path> = written.iter().map(|p| p.as_path()).collect();
    browser.choose_files("documents-file", &paths).await;
    browser.wait_for(".documents-failures").await;
    let failures = browser.text(".documents-failures").await;
    assert!(
        failures.contains("gros.pdf") && failures.contains("dépasse 5 Mo"),
        "{failures}"
    );
    assert!(
        failures.contains("menu.pdf") && failures.contains("PDF, PNG ou JPEG"),
        "{failures}"
    );
    browser
        .wait_for_text(
            "section[aria-labelledby=documents-heading] tbody th",
            "Kbis.pdf",
        )
        .await;
    browser
        .assert_accessible("partner profile, a document sent and two refused")
        .await;
    browser.click_text("Télécharger – Kbis.pdf").await;
    let (name, bytes) = browser.wait_for_download().await;
    assert_eq!((name.as_str(), bytes.as_slice()), ("Kbis.pdf", &pdf[..]));

    browser.click_text("Soumettre pour vérification").await;
    browser
        .wait_for_content("la vérification de l’entreprise reprend")
        .await;
    browser.wait_for_content("En cours depuis le").await;
    decide(&browser, &partner_id, json!({ "decision": "authorize" })).await;
    browser
        .goto(&format!("{base}/settings/partner-profile"))
        .await;
    browser.wait_for_content("Entreprise vérifiée le").await;
    browser.wait_for_content("Kbis.pdf").await;

    browser.goto(&format!("{base}/settings/activity")).await;
    browser.wait_for(".page tbody tr").await;
    browser
        .wait_for_content("Justificatif \u{2068}Kbis.pdf\u{2069} envoyé")
        .await;
    let rows = browser.text(".page tbody").await;
    for step in [
        "\u{2068}Vérification en cours\u{2069} → \u{2068}Action requise\u{2069}",
        "\u{2068}Action requise\u{2069} → \u{2068}Vérification en cours\u{2069}",
        "\u{2068}Vérification en cours\u{2069} → \u{2068}Autorisé\u{2069}",
    ] {
        assert!(rows.contains(step), "{step} in {rows}");
    }
    assert!(rows.contains("Éloïse Lefèvre"), "who sent it: {rows}");
    browser.assert_no_csp_violation().await;

    // A new user is invited by email, chooses a password from the link and signs in.
    let marc = "marc@justifiee.onmicrosoft.com";
    let body = json!({ "first_name": "Marc", "last_name": "Petit", "email": marc, "roles": ["account_admin"] });
    let (status, created) = browser.api("POST", "/api/users", Some(body)).await;
    assert_eq!(status, 201, "{created}");
    // The admin sees that Marc has not accepted yet.
    let page = format!(
        "{base}/settings/users/{}",
        created["user"]["id"].as_str().unwrap()
    );
    browser.goto(&page).await;
    browser.wait_for_content("pas encore acceptée").await;
    browser
        .assert_accessible("a user who has not accepted the invitation")
        .await;
    let (_, outbox) = browser.api("GET", "/api/dev/outbox", None).await;
    let invitation = outbox
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["to"] == marc)
        .expect("an invitation to Marc");
    let link = invitation["link"].as_str().unwrap().to_owned();
    assert!(link.starts_with("/set-password?token="), "{link}");
    browser.click_text("Se déconnecter").await;
    browser.wait_for_path("/onboarding/welcome").await;
    browser.goto(&format!("{base}{link}")).await;
    browser.wait_for("#password").await;
    // Whose password it is, said on arrival.
    browser
        .wait_for_content(&format!("\u{2068}{marc}\u{2069}"))
        .await;
    browser
        .assert_accessible("choosing a password from an invitation")
        .await;
    browser.fill("password", "Marc-Petit-2026").await;
    browser.submit().await;
    browser.wait_for_content("Mot de passe enregistré").await;
    browser.click_text("Se connecter").await;
    browser.wait_for_path("/sign-in").await;
    browser.wait_for("#email").await;
    browser.fill("email", marc).await;
    browser.fill("password", "Marc-Petit-2026").await;
    browser.submit().await;
    browser.wait_for_path("/dashboard").await;
    browser.wait_for_content("Entreprise vérifiée le").await;
    // The link served: opened again, it says so before a password is typed; so does a link that
    // was never sent.
    browser.goto(&format!("{base}{link}")).await;
    browser.wait_for_content("Ce lien a déjà servi").await;
    browser
        .assert_accessible("an invitation link used already")
        .await;
    browser
        .goto(&format!("{base}/set-password?token=not-a-token"))
        .await;
    browser.wait_for_content("Ce lien n’est pas reconnu").await;
    browser
        .assert_accessible("an unknown invitation link")
        .await;
    browser.assert_no_csp_violation().await;
    browser.close().await;
}
