//! A real server on a loopback port with a temporary database, and a browser-like client
//! (cookie jar, the CSRF header on every request).
#![allow(dead_code)] // each test file uses its own share of these helpers

mod api;

use std::{future::Future, net::SocketAddr};

use partner_domain::{ErrorBody, ErrorKind, Me, TenantCreated};
use partner_server::{Options, Server};
use reqwest::{Method, StatusCode};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;

pub use partner_contract::{new_tenant, PASSWORD};

pub struct Running {
    pub base: String,
    pub dir: tempfile::TempDir,
    /// The `--database` the server runs on.
    pub database: String,
}

/// The variable naming a PostgreSQL server (a URL whose user may create databases) on which
/// every test gets a database of its own; without it, tests run on SQLite files.
/// `cargo xtask test` runs the server's tests once without it and once on a throwaway cluster.
pub const POSTGRES_VARIABLE: &str = "PARTNER_TEST_POSTGRES";

/// `probe`'s first `Some`, asked every 20 ms for up to 30 s; after that the test fails, naming
/// `what` never happened.
pub async fn eventually<T, F: Future<Output = Option<T>>>(
    what: &str,
    mut probe: impl FnMut() -> F,
) -> T {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        if let Some(found) = probe().await {
            return found;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{what} never happened"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

pub fn postgres_server() -> Option<String> {
    std::env::var(POSTGRES_VARIABLE)
        .ok()
        .filter(|url| !url.is_empty())
}

/// The PostgreSQL server for a test that needs one; `None`, said on stderr, when the tests run
/// without it (`cargo xtask test` gives one).
pub fn postgres_server_or_skip() -> Option<String> {
    let server = postgres_server();
    if server.is_none() {
        eprintln!(
            "skipped: {POSTGRES_VARIABLE} names no PostgreSQL server (cargo xtask test does)"
        );
    }
    server
}

/// A `--database` for one test: a new PostgreSQL database if the tests run on PostgreSQL, else
/// a SQLite file in `dir`.
pub async fn test_database(dir: &std::path::Path) -> String {
    match postgres_server() {
        Some(server) => new_postgres_database(&server).await,
        None => sqlite_database(dir),
    }
}

pub fn sqlite_database(dir: &std::path::Path) -> String {
    format!("sqlite:{}", dir.join("data/partner.db").display())
}

/// An empty database on the PostgreSQL server at `server_url`, and its URL.
pub async fn new_postgres_database(server_url: &str) -> String {
    use sqlx::Connection;
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let name = format!(
        "test_{}_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos(),
        NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    let mut admin = sqlx::PgConnection::connect(server_url)
        .await
        .unwrap_or_else(|e| panic!("{POSTGRES_VARIABLE}={server_url}: {e}"));
    sqlx::Executor::execute(&mut admin, format!("CREATE DATABASE {name}").as_str())
        .await
        .unwrap();
    let (server, query) = server_url.split_once('?').unwrap_or((server_url, ""));
    let (server, _) = server.rsplit_once('/').expect("a URL with a database");
    if query.is_empty() {
        format!("{server}/{name}")
    } else {
        format!("{server}/{name}?{query}")
    }
}

pub async fn start_with(dev: bool, vetting_delay: u64) -> Running {
    start_configured(|options| {
        options.dev = dev;
        options.vetting_delay = vetting_delay;
    })
    .await
}

/// A server with the test defaults (`--dev`, a 30 s vetting delay), changed by `configure`.
pub async fn start_configured(configure: impl FnOnce(&mut Options)) -> Running {
    start_in(tempfile::tempdir().unwrap(), None, configure).await
}

/// A server on SQLite, whatever engine the other tests run on.
pub async fn start_on_sqlite() -> Running {
    let dir = tempfile::tempdir().unwrap();
    let database = sqlite_database(dir.path());
    start_in(dir, Some(database), |_| {}).await
}

/// A server whose data is in `dir`, on `database` or the tests' engine.
async fn start_in(
    dir: tempfile::TempDir,
    database: Option<String>,
    configure: impl FnOnce(&mut Options),
) -> Running {
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(dist.join("assets")).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><title>Partner Center</title><script type=module>start()</script>\
         <div id=app><p>Loading</p></div>",
    )
    .unwrap();
    std::fs::write(dist.join("assets/app.js"), "console.log('app')").unwrap();
    std::fs::write(dist.join("app-0123456789abcdef.js"), "console.log('v1')").unwrap();
    // As `cargo xtask build` leaves it: a compressed copy beside the file.
    std::fs::write(dist.join("assets/app.js.gz"), b"gzip bytes of app.js").unwrap();
    let mut options = Options {
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        database: match database {
            Some(database) => database,
            None => test_database(dir.path()).await,
        },
        dist,
        dev: true,
        vetting_delay: 30,
        trusted_proxies: Vec::new(),
        public_url: None,
        header_read_timeout: 10,
        copy_from: None,
    };
    configure(&mut options);
    let database = options.database.clone();
    let server = Server::bind(options).await.unwrap();
    let base = format!("http://{}", server.local_addr());
    tokio::spawn(server.run(std::future::pending()));
    Running {
        base,
        dir,
        database,
    }
}

pub async fn start() -> Running {
    start_with(true, 30).await
}

impl Running {
    pub fn client(&self) -> Client {
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        Client {
            base: self.base.clone(),
            http: reqwest::Client::builder()
                .cookie_provider(jar.clone())
                .build()
                .unwrap(),
            jar,
        }
    }

    /// The server's database, opened beside it (to age a token, for instance).
    pub async fn db(&self) -> sqlx::AnyPool {
        sqlx::any::install_default_drivers();
        sqlx::AnyPool::connect(&self.database).await.unwrap()
    }

    /// A new work account, and a client signed in as its Global admin.
    pub async fn tenant(&self, prefix: &str) -> (Client, Me) {
        let client = self.client();
        let created: TenantCreated = client
            .ok(Method::POST, "/api/tenants", Some(&new_tenant(prefix)), 201)
            .await;
        let me = client.sign_in(&created.admin.email, PASSWORD).await;
        (client, me)
    }
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub bytes: Vec<u8>,
}

impl Answer {
    async fn of(response: reqwest::Response) -> Self {
        Answer {
            status: response.status(),
            headers: response.headers().clone(),
            bytes: response.bytes().await.unwrap().to_vec(),
        }
    }

    pub fn json<T: DeserializeOwned>(&self) -> T {
        serde_json::from_slice(&self.bytes)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.bytes)))
    }

    /// Asserts the documented error body and kind for this status.
    pub fn error(&self, status: u16, kind: ErrorKind) -> ErrorBody {
        assert_eq!(
            self.status.as_u16(),
            status,
            "{}",
            String::from_utf8_lossy(&self.bytes)
        );
        let body: ErrorBody = self.json();
        assert_eq!(body.error, kind);
        assert!(!body.message.is_empty());
        body
    }

    pub fn field(&self, status: u16, kind: ErrorKind, field: &str, code: &str) {
        let body = self.error(status, kind);
        assert_eq!(
            body.fields.get(field).map(Vec::as_slice),
            Some(&[partner_domain::Code::parse(code)][..]),
            "{:?}",
            body.fields
        );
    }
}

#[derive(Clone)]
pub struct Client {
    pub base: String,
    pub http: reqwest::Client,
    jar: std::sync::Arc<reqwest::cookie::Jar>,
}

impl Client {
    /// Keeps `cookie` (`name=value`) as a browser would have from a script of the app's.
    pub fn set_cookie(&self, cookie: &str) {
        self.jar
            .add_cookie_str(&format!("{cookie}; Path=/"), &self.base.parse().unwrap());
    }

    /// The answer to a browser's navigation to `path` (what `Sec-Fetch-Dest` says).
    pub async fn navigate(&self, path: &str) -> Answer {
        self.navigate_with(path, &[]).await
    }

    /// `navigate`, the browser sending `headers` too (what it accepts, what it kept).
    pub async fn navigate_with(&self, path: &str, headers: &[(&str, &str)]) -> Answer {
        let mut request = self
            .http
            .get(format!("{}{path}", self.base))
            .header("sec-fetch-dest", "document");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        Answer::of(request.send().await.unwrap()).await
    }

    pub async fn raw(&self, method: Method, path: &str, body: Option<Value>) -> Answer {
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.base))
            .header("x-requested-with", "partner-center");
        if let Some(body) = body {
            request = request.json(&body);
        }
        Answer::of(request.send().await.unwrap()).await
    }

    /// `POST path` with a file's bytes as the body, as the SPA sends an upload.
    pub async fn upload(&self, path: &str, bytes: Vec<u8>) -> Answer {
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .header("x-requested-with", "partner-center")
            .header("content-type", "application/octet-stream")
            .body(bytes)
            .send()
            .await
            .unwrap();
        Answer::of(response).await
    }

    pub async fn call<B: Serialize>(&self, method: Method, path: &str, body: Option<&B>) -> Answer {
        self.raw(method, path, body.map(|b| serde_json::to_value(b).unwrap()))
            .await
    }

    /// Calls and asserts the status, then reads the answer.
    pub async fn ok<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
        status: u16,
    ) -> T {
        let answer = self.call(method, path, body).await;
        assert_eq!(
            answer.status.as_u16(),
            status,
            "{path}: {}",
            String::from_utf8_lossy(&answer.bytes)
        );
        let bytes = if answer.bytes.is_empty() {
            b"null".to_vec()
        } else {
            answer.bytes
        };
        serde_json::from_slice(&bytes).unwrap()
    }

    pub async fn get(&self, path: &str) -> Answer {
        self.raw(Method::GET, path, None).await
    }

    pub async fn sign_in(&self, email: &str, password: &str) -> Me {
        let body = serde_json::json!({ "email": email, "password": password });
        self.ok(Method::POST, "/api/session", Some(&body), 200)
            .await
    }
}

pub const NONE: Option<&()> = None;
