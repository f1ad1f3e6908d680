//! The server shell over real HTTP: health, config, static files, JSON 404s, dev switch.

mod common;

use common::*;
use partner_domain::{ErrorKind, Health};

#[tokio::test]
async fn health_answers_ok_with_the_version_and_creates_the_database() {
    let server = start().await;
    let answer = server.client().get("/api/health").await;
    assert_eq!(answer.status, 200);
    let health: Health = answer.json();
    assert_eq!(health.status, "ok");
    assert_eq!(health.version, env!("CARGO_PKG_VERSION"));
    if server.database.starts_with("sqlite:") {
        assert!(server.dir.path().join("data/partner.db").exists());
    }
    let migrations: i64 = sqlx::query_scalar("SELECT count(*) FROM _sqlx_migrations")
        .fetch_one(&server.db().await)
        .await
        .unwrap();
    assert!(migrations > 0);
}

#[tokio::test]
async fn config_points_the_spa_at_this_servers_api() {
    let server = start().await;
    let config: serde_json::Value = server.client().get("/config.json").await.json();
    assert_eq!(
        config,
        serde_json::json!({ "backend": "http", "api_base": "/api" })
    );
}

#[tokio::test]
async fn unknown_api_paths_are_json_404s_with_the_documented_body() {
    let server = start().await;
    let answer = server.client().get("/api/nope").await;
    assert!(answer.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    answer.error(404, ErrorKind::NotFound);
}

#[tokio::test]
async fn client_routes_deep_link_to_the_spa_and_assets_are_served() {
    let server = start().await;
    let page = server.client().get("/settings/users").await;
    assert_eq!(page.status, 200);
    assert!(String::from_utf8(page.bytes)
        .unwrap()
        .contains("<title>Partner Center</title>"));
    let asset = server.client().get("/assets/app.js").await;
    assert_eq!(asset.bytes, b"console.log('app')");
}

#[tokio::test]
async fn dev_endpoints_exist_only_with_dev() {
    let plain = start_with(false, 30).await;
    plain
        .client()
        .get("/api/dev/outbox")
        .await
        .error(404, ErrorKind::NotFound);
    let dev = start_with(true, 30).await;
    assert_eq!(dev.client().get("/api/dev/outbox").await.status, 200);
}

#[tokio::test]
async fn dev_endpoints_stay_on_a_loopback_address() {
    let dir = tempfile::tempdir().unwrap();
    let options = partner_server::Options {
        addr: std::net::SocketAddr::from(([0, 0, 0, 0], 0)),
        database: "sqlite::memory:".into(),
        dist: dir.path().to_path_buf(),
        dev: true,
        vetting_delay: 30,
        trusted_proxies: Vec::new(),
        public_url: None,
        header_read_timeout: 10,
        copy_from: None,
    };
    match partner_server::Server::bind(options).await {
        Err(partner_server::StartError::DevNotLocal(_)) => {}
        Err(other) => panic!("refused for another reason: {other}"),
        Ok(_) => panic!("--dev on every interface was accepted"),
    }
}

#[tokio::test]
async fn the_database_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite:{}", dir.path().join("partner.db").display());
    for _ in 0..2 {
        let options = partner_server::Options {
            addr: std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
            database: database.clone(),
            dist: dir.path().to_path_buf(),
            dev: false,
            vetting_delay: 30,
            trusted_proxies: Vec::new(),
            public_url: None,
            header_read_timeout: 10,
            copy_from: None,
        };
        // Migrations must be idempotent: the second start finds them applied.
        partner_server::Server::bind(options).await.unwrap();
    }
}

#[tokio::test]
async fn framework_refusals_also_carry_the_error_body() {
    let server = start().await;
    let (client, _) = server.tenant("contoso").await;
    client
        .get("/api/users?offset=minus-one")
        .await
        .error(400, ErrorKind::BadRequest);
    let wrong_method = client.raw(reqwest::Method::PUT, "/api/health", None).await;
    assert_eq!(wrong_method.status, 405);
    let body: partner_domain::ErrorBody = wrong_method.json();
    assert_eq!(body.error, ErrorKind::BadRequest);
}

#[tokio::test]
async fn every_response_carries_the_security_headers_and_violations_are_reported() {
    let server = start().await;
    let client = server.client();
    for path in ["/", "/settings/users", "/api/health", "/config.json"] {
        let answer = client.get(path).await;
        let header = |name: &str| {
            answer
                .headers
                .get(name)
                .unwrap_or_else(|| panic!("{path}: no {name}"))
                .to_str()
                .unwrap()
                .to_owned()
        };
        let csp = header("content-security-policy");
        for directive in [
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-",
            "style-src 'self'",
            "style-src-elem 'self' 'unsafe-inline'",
            "style-src-attr 'none'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        ] {
            assert!(csp.contains(directive), "{path}: {directive} in {csp}");
        }
        // `<style>` elements only (stylist): no script, and no `style` attribute, runs inline.
        let script_src = csp
            .split(';')
            .find(|d| d.trim().starts_with("script-src"))
            .unwrap();
        assert!(!script_src.contains("unsafe-inline"), "{csp}");
        assert_eq!(
            csp.matches("unsafe-inline").count(),
            1,
            "only style-src-elem: {csp}"
        );
        assert_eq!(header("x-content-type-options"), "nosniff");
        assert_eq!(header("referrer-policy"), "no-referrer");
    }
    // The inline loader is allowed by its hash: sha256("start()").
    let csp = client.get("/").await.headers["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("'sha256-DIm7WJS6ZKDYe5qFLPy+h4JFI9Bol5QmYC57mt3Fb00='"),
        "{csp}"
    );

    // Browsers report without our header; the report is kept for --dev.
    let report = client
        .http
        .post(format!("{}/api/csp-report", server.base))
        .header("content-type", "application/csp-report")
        .body(r#"{"csp-report":{"violated-directive":"style-src"}}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(report.status(), 204);
    let kept: serde_json::Value = client.get("/api/dev/csp-reports").await.json();
    assert_eq!(kept[0]["csp-report"]["violated-directive"], "style-src");
}

#[tokio::test]
async fn files_compressed_ahead_of_time_and_json_on_the_fly() {
    let server = start().await;
    let (client, _) = server.tenant("contoso").await;
    let gz = |path: &str| {
        client
            .http
            .get(format!("{}{path}", server.base))
            .header("accept-encoding", "gzip")
            .send()
    };
    let file = gz("/assets/app.js").await.unwrap();
    assert_eq!(file.headers()["content-encoding"], "gzip");
    assert_eq!(
        file.bytes().await.unwrap().as_ref(),
        b"gzip bytes of app.js"
    );

    let list = gz("/api/users").await.unwrap();
    assert_eq!(list.status(), 200);
    assert_eq!(list.headers()["content-encoding"], "gzip");
    let packed = list.bytes().await.unwrap();
    assert_eq!(&packed[..2], [0x1f, 0x8b], "a gzip stream");

    // Without Accept-Encoding, the same as before.
    let plain = client.get("/assets/app.js").await;
    assert_eq!(plain.bytes, b"console.log('app')");
}

#[tokio::test]
async fn files_named_by_their_content_are_kept_a_year_the_rest_revalidated_and_api_never_stored() {
    let server = start().await;
    let client = server.client();
    for (path, expected) in [
        (
            "/app-0123456789abcdef.js",
            "public, max-age=31536000, immutable",
        ),
        ("/", "no-cache"),
        ("/settings/users", "no-cache"),
        ("/config.json", "no-cache"),
        ("/assets/app.js", "no-cache"),
        ("/app-fedcba9876543210.js", "no-cache"),
        ("/api/session", "no-store"),
        ("/api/health", "no-store"),
    ] {
        let response = client.get(path).await;
        assert_eq!(
            response.headers["cache-control"], expected,
            "{path} ({})",
            response.status
        );
    }
}

/// A client that never finishes its headers is let go after `--header-read-timeout`, and the
/// others are served all along.
#[tokio::test]
async fn a_client_that_trickles_its_headers_is_let_go() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let server = start_configured(|options| options.header_read_timeout = 1).await;
    let mut slow = tokio::net::TcpStream::connect(server.base.trim_start_matches("http://"))
        .await
        .unwrap();
    slow.write_all(b"GET /api/health HTTP/1.1\r\nHost: partner\r\n")
        .await
        .unwrap();
    assert_eq!(server.client().get("/api/health").await.status, 200);
    let mut rest = Vec::new();
    let closed = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        slow.read_to_end(&mut rest),
    )
    .await;
    assert!(closed.is_ok(), "the connection is still open after 5 s");
}

/// A page of the app names the API answers its start-up waits for, so that the browser asks
/// for them as the document arrives: who is signed in, on every page; on the user list, its first
/// rows too, for someone signed in (the app asks for them only then). Files and API answers name
/// none.
#[tokio::test]
async fn pages_of_the_app_name_the_answers_their_start_up_waits_for() {
    let server = start().await;
    let link = |answer: &Answer| {
        answer
            .headers
            .get("link")
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let session = "</api/session>; rel=preload; as=fetch; crossorigin";
    let rows = "</api/users?q=&offset=0&limit=100>; rel=preload; as=fetch; crossorigin";
    let anonymous = server.client();
    for path in ["/", "/settings/users", "/onboarding/sign-in"] {
        let answer = anonymous.get(path).await;
        assert_eq!(link(&answer).as_deref(), Some(session), "{path}");
    }
    let (admin, _) = server.tenant("preload").await;
    // Whatever the list's address says, it asks for the same first rows.
    for path in ["/settings/users", "/settings/users?q=martin&sort=email"] {
        let answer = admin.get(path).await;
        assert_eq!(link(&answer), Some(format!("{session}, {rows}")), "{path}");
    }
    assert_eq!(link(&admin.get("/").await).as_deref(), Some(session));
    for path in ["/config.json", "/api/session", "/app-0123456789abcdef.js"] {
        assert_eq!(link(&admin.get(path).await), None, "{path}");
    }
    // A browser revalidating the page it kept gets a 304, whose headers replace the kept ones:
    // it names what this visit needs too.
    let page = admin.get("/settings/users").await;
    let kept = page.headers["last-modified"].to_str().unwrap();
    let revalidated = admin
        .navigate_with("/settings/users", &[("if-modified-since", kept)])
        .await;
    assert_eq!(revalidated.status, 304);
    let named = revalidated.headers.get("link").map(|v| v.to_str().unwrap());
    assert_eq!(named, Some(format!("{session}, {rows}").as_str()));
}
