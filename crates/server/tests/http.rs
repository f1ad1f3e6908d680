//! The server over real HTTP on a temporary database.

use std::net::SocketAddr;

use partner_domain::{ErrorBody, ErrorKind, Health};
use partner_server::{Options, Server};

struct Running {
    base: String,
    _dir: tempfile::TempDir,
}

async fn start() -> Running {
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(dist.join("assets")).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><title>Partner Center</title>",
    )
    .unwrap();
    std::fs::write(dist.join("assets/app.js"), "console.log('app')").unwrap();
    let options = Options {
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        database: format!("sqlite:{}", dir.path().join("data/partner.db").display()),
        dist,
        dev: false,
    };
    let server = Server::bind(options).await.unwrap();
    let base = format!("http://{}", server.local_addr());
    tokio::spawn(server.run(std::future::pending()));
    Running { base, _dir: dir }
}

#[tokio::test]
async fn health_answers_ok_with_the_version_and_creates_the_database() {
    let server = start().await;
    let answer = reqwest::get(format!("{}/api/health", server.base))
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    let health: Health = answer.json().await.unwrap();
    assert_eq!(health.status, "ok");
    assert_eq!(health.version, env!("CARGO_PKG_VERSION"));
    assert!(server._dir.path().join("data/partner.db").exists());
}

#[tokio::test]
async fn config_points_the_spa_at_this_servers_api() {
    let server = start().await;
    let config: serde_json::Value = reqwest::get(format!("{}/config.json", server.base))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        config,
        serde_json::json!({ "backend": "http", "api_base": "/api" })
    );
}

#[tokio::test]
async fn unknown_api_paths_are_json_404s_with_the_documented_body() {
    let server = start().await;
    let answer = reqwest::get(format!("{}/api/nope", server.base))
        .await
        .unwrap();
    assert_eq!(answer.status(), 404);
    assert!(answer.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    let body: ErrorBody = answer.json().await.unwrap();
    assert_eq!(body.error, ErrorKind::NotFound);
}

#[tokio::test]
async fn client_routes_deep_link_to_the_spa_and_assets_are_served() {
    let server = start().await;
    let page = reqwest::get(format!("{}/settings/users", server.base))
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(page
        .text()
        .await
        .unwrap()
        .contains("<title>Partner Center</title>"));
    let asset = reqwest::get(format!("{}/assets/app.js", server.base))
        .await
        .unwrap();
    assert_eq!(asset.text().await.unwrap(), "console.log('app')");
}

#[tokio::test]
async fn the_database_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite:{}", dir.path().join("partner.db").display());
    for _ in 0..2 {
        let options = Options {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            database: database.clone(),
            dist: dir.path().to_path_buf(),
            dev: false,
        };
        // Migrations must be idempotent: the second start finds them applied.
        Server::bind(options).await.unwrap();
    }
}

#[tokio::test]
async fn without_a_session_cookie_the_session_is_401_with_the_documented_body() {
    let server = start().await;
    let client = reqwest::Client::new();
    for cookie in [None, Some("pc_session=not-a-real-token")] {
        let mut request = client.get(format!("{}/api/session", server.base));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        let answer = request.send().await.unwrap();
        assert_eq!(answer.status(), 401);
        let body: ErrorBody = answer.json().await.unwrap();
        assert_eq!(body.error, ErrorKind::Unauthenticated);
    }
}

#[tokio::test]
async fn signing_out_needs_the_csrf_header_and_clears_the_cookie() {
    let server = start().await;
    let client = reqwest::Client::new();
    let url = format!("{}/api/session", server.base);
    let refused = client.delete(&url).send().await.unwrap();
    assert_eq!(refused.status(), 403);
    let body: ErrorBody = refused.json().await.unwrap();
    assert_eq!(body.error, ErrorKind::Forbidden);

    let answer = client
        .delete(&url)
        .header("x-requested-with", "partner-center")
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 204);
    let cookie = answer.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("pc_session=;"), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("Max-Age=0"),
        "{cookie}"
    );
}
