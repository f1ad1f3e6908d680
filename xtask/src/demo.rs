//! A demo work account on a running `partner-server --dev`, filled with generated users through
//! `POST /api/dev/seed` (docs/API.md), so that anyone can try user management at scale.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::tools::Fail;

pub const DEMO_PREFIX: &str = "contosodemo";
pub const DEMO_PASSWORD: &str = "Contoso-demo-2026";

pub fn demo_email() -> String {
    format!("admin@{DEMO_PREFIX}.onmicrosoft.com")
}

/// Waits for the server, creates the demo work account if it is not there yet, signs in as its
/// Global admin and adds `users` generated users.
pub fn seed(base: &str, users: u32) -> Result<(), Fail> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into();
    let deadline = Instant::now() + Duration::from_secs(30);
    while agent.get(format!("{base}/api/health")).call().is_err() {
        if Instant::now() > deadline {
            return Err(Fail::new(format!("{base} never answered")));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let post = |path: &str, body: serde_json::Value, cookie: Option<&str>| {
        let mut request = agent
            .post(format!("{base}{path}"))
            .header("X-Requested-With", "partner-center");
        if let Some(cookie) = cookie {
            request = request.header("Cookie", cookie);
        }
        request
            .send_json(body)
            .map_err(|e| Fail::new(format!("POST {path}: {e}")))
    };
    let tenant = json!({
        "company_name": "Contoso Démo", "domain_prefix": DEMO_PREFIX, "country": "FR",
        "admin": { "first_name": "Éloïse", "last_name": "Lefèvre", "password": DEMO_PASSWORD }
    });
    let created = post("/api/tenants", tenant, None)?;
    // 409: the account is already in this database.
    if !matches!(created.status().as_u16(), 201 | 409) {
        return Err(Fail::new(format!(
            "creating the demo account: HTTP {}",
            created.status()
        )));
    }
    let signed_in = post(
        "/api/session",
        json!({ "email": demo_email(), "password": DEMO_PASSWORD }),
        None,
    )?;
    let cookie = signed_in
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(str::to_owned)
        .ok_or_else(|| {
            Fail::new(format!(
                "signing in as {}: HTTP {}",
                demo_email(),
                signed_in.status()
            ))
        })?;
    let started = Instant::now();
    let seeded = post("/api/dev/seed", json!({ "users": users }), Some(&cookie))?;
    if !seeded.status().is_success() {
        return Err(Fail::new(format!("seeding: HTTP {}", seeded.status())));
    }
    println!(
        "xtask: {users} users added in {:.1} s; sign in as {} / {DEMO_PASSWORD}",
        started.elapsed().as_secs_f64(),
        demo_email()
    );
    Ok(())
}
