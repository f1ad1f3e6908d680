//! End-to-end harness: the release SPA (`E2E_DIST`) on the real `partner-server`
//! (`E2E_SERVER`) or on a plain static host, driven in Debian Chromium through chromedriver,
//! with axe-core (`E2E_AXE`) for accessibility. `cargo xtask test` sets the variables.

use std::{
    future::Future,
    net::SocketAddr,
    path::{Path, PathBuf},
    process::Stdio,
    time::{Duration, Instant},
};

pub mod balancer;
pub mod tls_front;

use fantoccini::{elements::Element, Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use partner_domain::fixtures::PASSWORD;
use serde_json::{json, Value};
use tokio::{
    io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader},
    net::TcpListener,
    process::{Child, Command},
};

/// Generous: a cold wasm start in a debug-less release build takes well under a second, but CI
/// machines are shared.
const PATIENCE: Duration = Duration::from_secs(15);

/// Text as read: spaces of any width made plain (French groups digits with U+202F), without the
/// marks that isolate a message's arguments.
pub fn plain(text: &str) -> String {
    text.replace(['\u{202f}', '\u{a0}'], " ")
        .replace(['\u{2068}', '\u{2069}'], "")
}

/// A loopback port nothing listens on now.
pub(crate) fn free_port() -> u16 {
    let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    probe.local_addr().unwrap().port()
}

/// Tries `probe` every 50 ms until it gives a value, `None` after `PATIENCE`.
pub async fn within_patience<T, F: Future<Output = Option<T>>>(
    mut probe: impl FnMut() -> F,
) -> Option<T> {
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Some(found) = probe().await {
            return Some(found);
        }
        if Instant::now() > deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// `within_patience`, failing with "`what` never happened".
pub async fn eventually<T, F: Future<Output = Option<T>>>(
    what: &str,
    probe: impl FnMut() -> F,
) -> T {
    within_patience(probe)
        .await
        .unwrap_or_else(|| panic!("{what} never happened"))
}

fn env_path(name: &str) -> PathBuf {
    std::env::var_os(name)
        .map(PathBuf::from)
        .unwrap_or_else(|| panic!("{name} is not set: run the e2e tests with `cargo xtask test`"))
}

pub fn dist() -> PathBuf {
    env_path("E2E_DIST")
}

/// `partner-server --dev` on a free loopback port with a fresh temporary database.
pub struct Server {
    pub base: String,
    /// Killed when the Server is dropped (`kill_on_drop`).
    child: Child,
    database: String,
    /// Where a SQLite database is, removed with the server.
    _dir: tempfile::TempDir,
}

/// An empty PostgreSQL database for the test of several nodes (`cargo xtask test` makes one on
/// its throwaway cluster).
pub fn postgres_database() -> String {
    std::env::var("E2E_POSTGRES")
        .ok()
        .filter(|url| !url.is_empty())
        .expect("E2E_POSTGRES is not set: run the e2e tests with `cargo xtask test`")
}

/// Starts the server on `addr` with `database`; returns it and the address it took.
async fn spawn_server(addr: &str, database: &str) -> (Child, String) {
    let mut child = Command::new(env_path("E2E_SERVER"))
        .args(["--dev", "--addr", addr, "--database", database, "--dist"])
        .arg(dist())
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("partner-server starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let base = tokio::time::timeout(PATIENCE, async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if let Some(url) = line.strip_prefix("partner-server listening on ") {
                return url.to_owned();
            }
        }
        panic!("partner-server exited before listening");
    })
    .await
    .expect("partner-server listens in time");
    // Keep reading its log, so that the server never writes into a closed pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    (child, base)
}

impl Server {
    pub async fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let database = format!("sqlite:{}", dir.path().join("e2e.db").display());
        Self::start_in(dir, database).await
    }

    /// A node on `database`, which other nodes may share.
    pub async fn start_on(database: &str) -> Self {
        Self::start_in(tempfile::tempdir().unwrap(), database.to_owned()).await
    }

    async fn start_in(dir: tempfile::TempDir, database: String) -> Self {
        let (child, base) = spawn_server("127.0.0.1:0", &database).await;
        Self {
            base,
            child,
            database,
            _dir: dir,
        }
    }

    /// The server goes away (killed, as a crash or a network cut would look to the browser).
    pub async fn stop(&mut self) {
        self.child.start_kill().unwrap();
        self.child.wait().await.unwrap();
    }

    /// Back on the same address with the same database.
    pub async fn start_again(&mut self) {
        let addr = self.base.trim_start_matches("http://").to_owned();
        let (child, base) = spawn_server(&addr, &self.database).await;
        assert_eq!(base, self.base);
        self.child = child;
    }
}

impl Server {
    /// SIGTERM, as a service manager stops it: the server must exit, cleanly and soon.
    pub async fn terminate(mut self) -> std::process::ExitStatus {
        let pid = self.child.id().expect("the server is running").to_string();
        let sent = Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .await
            .unwrap();
        assert!(sent.success(), "kill -TERM {pid}");
        tokio::time::timeout(PATIENCE, self.child.wait())
            .await
            .expect("partner-server stops after SIGTERM")
            .unwrap()
    }
}

/// A plain static file host with the one SPA rule of the README: a path that is not a file
/// gets `index.html`. No API behind it.
pub struct StaticHost {
    pub base: String,
    task: tokio::task::JoinHandle<()>,
}

impl StaticHost {
    pub async fn start(root: &Path) -> Self {
        Self::start_labelling_wasm(root, "application/wasm").await
    }

    /// A host that sends `.wasm` files as `wasm_type`: some label them `application/octet-stream`.
    pub async fn start_labelling_wasm(root: &Path, wasm_type: &'static str) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let root = root.to_path_buf();
        let task = tokio::spawn(async move {
            loop {
                let Ok((mut socket, _)) = listener.accept().await else {
                    return;
                };
                let root = root.clone();
                tokio::spawn(async move {
                    let mut buffer = vec![0u8; 8192];
                    let n = socket.read(&mut buffer).await.unwrap_or(0);
                    let request = String::from_utf8_lossy(&buffer[..n]);
                    let path = request.split_whitespace().nth(1).unwrap_or("/");
                    let path = path
                        .split('?')
                        .next()
                        .unwrap_or("/")
                        .trim_start_matches('/');
                    let file = root.join(path);
                    let file = if !path.contains("..") && file.is_file() {
                        file
                    } else {
                        root.join("index.html")
                    };
                    let body = tokio::fs::read(&file).await.unwrap_or_default();
                    let head = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        content_type(&file, wasm_type),
                        body.len()
                    );
                    let _ = socket.write_all(head.as_bytes()).await;
                    let _ = socket.write_all(&body).await;
                });
            }
        });
        Self { base, task }
    }
}

impl Drop for StaticHost {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn content_type(file: &Path, wasm_type: &'static str) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => wasm_type,
        Some("css") => "text/css",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}

/// Headless Debian Chromium through its own chromedriver on a free port.
pub struct Browser {
    pub client: Client,
    /// chromedriver, leader of a process group that Chromium and its helpers join.
    driver: Child,
    /// Chromium's profile: its path in their command lines tells this suite's processes apart.
    profile: tempfile::TempDir,
    /// Where Chromium saves downloads, without asking.
    downloads: tempfile::TempDir,
}

/// Every browser this suite starts has its profile under a directory named so.
pub const PROFILE_PREFIX: &str = "pc-e2e-profile-";

/// Processes whose command line names `needle` (Linux `/proc`).
pub fn processes_naming(needle: &str) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|c| String::from_utf8_lossy(&c).contains(needle))
        })
        .collect()
}

/// Ends the browser however its test ends (a failing test drops it while unwinding): the whole
/// process group, so that no Chromium outlives chromedriver.
impl Drop for Browser {
    fn drop(&mut self) {
        let group = self
            .driver
            .id()
            .and_then(|id| rustix::process::Pid::from_raw(id as i32));
        if let Some(group) = group {
            let _ = rustix::process::kill_process_group(group, rustix::process::Signal::KILL);
        }
    }
}

/// A Chrome DevTools Protocol command, through chromedriver's `goog/cdp/execute`.
#[derive(Debug)]
struct Cdp {
    method: &'static str,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (reqwest::Method, Option<String>) {
        let body = json!({ "cmd": self.method, "params": self.params });
        (reqwest::Method::POST, Some(body.to_string()))
    }
}

impl Browser {
    /// Runs DevTools' `method` with `params` in the page (a command chromedriver passes on).
    async fn devtools(&self, method: &'static str, params: Value) {
        self.client
            .issue_cmd(Cdp { method, params })
            .await
            .expect("chromedriver runs a DevTools command");
    }

    /// Runs `script` first thing in every document this browser loads from now on (before the
    /// page's own scripts).
    pub async fn on_every_document(&self, script: &str) {
        let script = json!({ "source": script });
        self.devtools("Page.addScriptToEvaluateOnNewDocument", script)
            .await;
    }

    /// From now on each request answers `latency_ms` later, and downloads at `bytes_per_s`, as
    /// over a real network (DevTools' emulation).
    pub async fn emulate_network(&self, latency_ms: u32, bytes_per_s: u32) {
        let conditions = json!({ "offline": false, "latency": latency_ms,
            "downloadThroughput": bytes_per_s, "uploadThroughput": bytes_per_s });
        self.devtools("Network.enable", json!({})).await;
        self.devtools("Network.emulateNetworkConditions", conditions)
            .await;
    }

    /// From now on requests to URLs matching any of `patterns` (`*` for any text) fail, as if
    /// the network had lost them (DevTools' `Network.setBlockedURLs`); none unblocks them.
    pub async fn block_urls(&self, patterns: &[&str]) {
        self.devtools("Network.enable", json!({})).await;
        self.devtools("Network.setBlockedURLs", json!({ "urls": patterns }))
            .await;
    }

    pub async fn start() -> Self {
        Self::start_in("en-US").await
    }

    /// A browser whose preferred language is `lang` (`navigator.language`, Accept-Language).
    pub async fn start_in(lang: &str) -> Self {
        Self::start_with(lang, None).await
    }

    /// A browser that accepts any certificate: the bench's self-signed TLS front (`tls_front`).
    pub async fn start_trusting_any_certificate(lang: &str) -> Self {
        Self::start_with(lang, Some("--ignore-certificate-errors")).await
    }

    async fn start_with(lang: &str, extra_arg: Option<&str>) -> Self {
        let port = free_port();
        let driver = Command::new(env_path("CHROMEDRIVER"))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .kill_on_drop(true)
            .spawn()
            .expect("chromedriver starts");
        let address = SocketAddr::from(([127, 0, 0, 1], port));
        eventually(&format!("chromedriver listening on {address}"), || async {
            tokio::net::TcpStream::connect(address).await.ok()
        })
        .await;
        let downloads = tempfile::tempdir().unwrap();
        let profile = tempfile::Builder::new()
            .prefix(PROFILE_PREFIX)
            .tempdir()
            .unwrap();
        let mut args = vec![
            "--headless=new".to_owned(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--no-first-run".into(),
            "--window-size=1280,900".into(),
            // Timers and frames at full rate, as in a tab the user is looking at.
            "--disable-background-timer-throttling".into(),
            "--disable-renderer-backgrounding".into(),
            "--disable-backgrounding-occluded-windows".into(),
            format!("--lang={lang}"),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        args.extend(extra_arg.map(String::from));
        let capabilities = json!({
            "goog:chromeOptions": {
                "binary": env_path("CHROMIUM"),
                "args": args,
                "prefs": {
                    "intl.accept_languages": lang,
                    "download.default_directory": downloads.path(),
                    "download.prompt_for_download": false
                }
            }
        });
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities.as_object().unwrap().clone())
            .connect(&format!("http://{address}"))
            .await
            .expect("a Chromium session opens");
        Self {
            client,
            driver,
            profile,
            downloads,
        }
    }

    /// This browser's profile directory (in the command line of each of its processes).
    pub fn profile_dir(&self) -> PathBuf {
        self.profile.path().to_path_buf()
    }

    /// Opens `url` as the app shows it: a page the server rendered ahead of the app (the user
    /// list's copy, `#snapshot`, inert) has given way to the app's own.
    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.unwrap();
        self.eventually(
            "the app replacing the server's copy of the page",
            || async {
                let copy = self
                    .client
                    .execute(
                        "return document.getElementById('snapshot') !== null",
                        vec![],
                    )
                    .await
                    .ok()?;
                (copy == Value::Bool(false)).then_some(())
            },
        )
        .await;
    }

    pub async fn path(&self) -> String {
        self.client.current_url().await.unwrap().path().to_owned()
    }

    /// Tries `probe` until it gives a value; fails after `PATIENCE` saying that `what` never
    /// happened, with the page the browser is on.
    pub async fn eventually<T, F: Future<Output = Option<T>>>(
        &self,
        what: &str,
        probe: impl FnMut() -> F,
    ) -> T {
        match within_patience(probe).await {
            Some(found) => found,
            None => {
                let page = self.client.source().await.unwrap_or_default();
                panic!(
                    "{what} never happened; at {}; page: {page}",
                    self.path().await
                )
            }
        }
    }

    /// Waits until `selector` exists and its text is `expected` (trimmed).
    pub async fn wait_for_text(&self, selector: &str, expected: &str) -> Element {
        self.eventually(&format!("{selector} reading {expected:?}"), || async {
            let element = self.client.find(Locator::Css(selector)).await.ok()?;
            let text = element.text().await.ok()?;
            (text.trim() == expected).then_some(element)
        })
        .await
    }

    /// The text of the first element matching `selector`, if there is one now (a list being
    /// filtered again may have none for a moment).
    pub async fn text_now(&self, selector: &str) -> Option<String> {
        let element = self.client.find(Locator::Css(selector)).await.ok()?;
        element.text().await.ok()
    }

    pub async fn text(&self, selector: &str) -> String {
        (self.text_now(selector).await).unwrap_or_else(|| panic!("no text at {selector}"))
    }

    pub async fn exists(&self, selector: &str) -> bool {
        !self
            .client
            .find_all(Locator::Css(selector))
            .await
            .unwrap()
            .is_empty()
    }

    /// axe-core with the WCAG 2.2 A/AA rule tags; returns one line per violation.
    pub async fn axe_violations(&self) -> Vec<String> {
        let axe = std::fs::read_to_string(env_path("E2E_AXE")).expect("axe.min.js is installed");
        self.client.execute(&axe, vec![]).await.unwrap();
        let script = r#"
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } })
              .then(r => done(r.violations.map(v =>
                  v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(' | '))))
              .catch(e => done(['axe failed: ' + e]));
        "#;
        let answer = self.client.execute_async(script, vec![]).await.unwrap();
        match answer {
            Value::Array(items) => items
                .into_iter()
                .map(|v| v.as_str().unwrap_or("?").to_owned())
                .collect(),
            other => vec![format!("unexpected axe answer: {other}")],
        }
    }

    pub async fn assert_accessible(&self, what: &str) {
        let violations = self.axe_violations().await;
        assert!(
            violations.is_empty(),
            "axe violations on {what}:\n{}",
            violations.join("\n")
        );
    }

    /// Calls the API from the page (its origin, its session cookie): the status and the JSON
    /// answer (`null` when there is none).
    pub async fn api(&self, method: &str, path: &str, body: Option<Value>) -> (u64, Value) {
        let answer = self
            .client
            .execute_async(
                "const [method, path, body, done] = arguments;
                 fetch(path, { method, body: body === null ? undefined : JSON.stringify(body),
                     headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'partner-center' } })
                   .then(r => r.text().then(t => done([r.status, t])), e => done(String(e)));",
                vec![json!(method), json!(path), body.unwrap_or(Value::Null)],
            )
            .await
            .unwrap();
        let status = answer[0]
            .as_u64()
            .unwrap_or_else(|| panic!("{method} {path}: {answer}"));
        let text = answer[1].as_str().unwrap_or_default();
        (status, serde_json::from_str(text).unwrap_or(Value::Null))
    }

    /// `POST`s `body` as JSON from the page; the status.
    pub async fn post_json(&self, path: &str, body: Value) -> u64 {
        self.api("POST", path, Some(body)).await.0
    }

    /// Signed in to `base` as `email` (password `fixtures::PASSWORD`) without loading the app (the
    /// session asked for from a JSON page of the server), and with the cookie the app leaves once
    /// it has shown the user list: the browser's time zone, in which the server renders the list
    /// (`crates/server/src/first_page.rs`). A returning user, nothing cached.
    pub async fn sign_in_returning(&self, base: &str, email: &str) {
        self.goto(&format!("{base}/api/health")).await;
        let credentials = json!({ "email": email, "password": PASSWORD });
        assert_eq!(self.post_json("/api/session", credentials).await, 200);
        let zone = "document.cookie = 'partner-center.tz=' \
                    + Intl.DateTimeFormat().resolvedOptions().timeZone + ';path=/'";
        self.client.execute(zone, vec![]).await.unwrap();
    }

    /// A work account `{prefix}.onmicrosoft.com` created through the API, and the page signed in
    /// as its Global admin (password `fixtures::PASSWORD`), without going through the wizard.
    pub async fn sign_up(&self, prefix: &str) {
        let tenant = json!({ "company_name": format!("{prefix} SAS"), "domain_prefix": prefix,
            "country": "FR", "admin": { "first_name": "Éloïse", "last_name": "Lefèvre",
            "password": PASSWORD } });
        assert_eq!(self.post_json("/api/tenants", tenant).await, 201);
        let credentials = json!({ "email": format!("admin@{prefix}.onmicrosoft.com"),
            "password": PASSWORD });
        assert_eq!(self.post_json("/api/session", credentials).await, 200);
    }

    /// The Content-Security-Policy violations the server has received (`--dev` keeps them),
    /// after giving the browser a moment to send its reports.
    pub async fn csp_violations(&self) -> Vec<Value> {
        tokio::time::sleep(Duration::from_millis(500)).await;
        let answer = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 fetch('/api/dev/csp-reports').then(r => r.json()).then(done, e => done(String(e)));",
                vec![],
            )
            .await
            .unwrap();
        match answer {
            Value::Array(reports) => reports,
            other => panic!("no CSP reports list: {other}"),
        }
    }

    pub async fn assert_no_csp_violation(&self) {
        let reports = self.csp_violations().await;
        assert!(reports.is_empty(), "CSP violations: {reports:#?}");
    }

    /// Types into the control with this id (after clearing it).
    pub async fn fill(&self, id: &str, text: &str) {
        let field = self
            .client
            .find(Locator::Id(id))
            .await
            .unwrap_or_else(|e| panic!("#{id}: {e}"));
        field.clear().await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    /// Fills the profile step with the shared valid profile, the country first (it decides the other fields).
    pub async fn fill_profile(&self) {
        self.choose("legal_profile-address-country", "FR").await;
        for (id, value) in partner_domain::fixtures::profile_fields() {
            self.fill(id, &value).await;
        }
    }

    /// Chooses files in the file input with this id, as the browser's file dialog does.
    pub async fn choose_files(&self, id: &str, paths: &[&Path]) {
        let input = self
            .client
            .find(Locator::Id(id))
            .await
            .unwrap_or_else(|e| panic!("#{id}: {e}"));
        let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        input.send_keys(&paths.join("\n")).await.unwrap();
    }

    pub async fn choose(&self, id: &str, value: &str) {
        let select = self
            .client
            .find(Locator::Id(id))
            .await
            .unwrap_or_else(|e| panic!("#{id}: {e}"));
        select.select_by_value(value).await.unwrap();
    }

    /// Clicks the button or link whose visible text is exactly `text`, waiting for it.
    pub async fn click_text(&self, text: &str) {
        let xpath = format!(
            "//*[self::button or self::a][normalize-space()=\"{text}\" or @aria-label=\"{text}\"]"
        );
        self.eventually(&format!("a clickable {text:?}"), || async {
            let element = self.client.find(Locator::XPath(&xpath)).await.ok()?;
            element.click().await.ok()
        })
        .await
    }

    /// Presses keys as a keyboard does (WebDriver actions, to whatever has focus): each char of
    /// `keys` is one key, `fantoccini::key::Key` gives Tab, Enter and the others.
    pub async fn press(&self, keys: &str) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let mut actions = KeyActions::new("keyboard".into());
        for c in keys.chars() {
            actions = actions
                .then(KeyAction::Down { value: c })
                .then(KeyAction::Up { value: c });
        }
        self.client.perform_actions(actions).await.unwrap();
    }

    /// Presses Tab until the focused element is `target` (its id, its text or its accessible
    /// name), checking on the way that keyboard focus is always visible.
    pub async fn tab_to(&self, target: &str) {
        for _ in 0..80 {
            self.press(&fantoccini::key::Key::Tab).await;
            let focused = self
                .client
                .execute(
                    "const e = document.activeElement; const s = getComputedStyle(e);
                     return [e.id, e === document.body ? '' : (e.textContent || '').trim(),
                             e.getAttribute('aria-label') || '',
                             e === document.body || (s.outlineStyle !== 'none' && s.outlineWidth !== '0px')];",
                    vec![],
                )
                .await
                .unwrap();
            let part = |i: usize| focused[i].as_str().unwrap_or_default().to_owned();
            let (id, text, label) = (part(0), part(1), part(2));
            assert_eq!(
                focused[3],
                Value::Bool(true),
                "focus on {id:?} {text:?} is not visible"
            );
            if id == target || text == target || label == target {
                return;
            }
        }
        panic!("Tab never reached {target:?} on {}", self.path().await);
    }

    /// Clicks the first element matching `selector`, waiting for it.
    pub async fn click(&self, selector: &str) {
        self.wait_for(selector).await.click().await.unwrap();
    }

    /// Waits for the one finished download and returns its name and bytes.
    pub async fn wait_for_download(&self) -> (String, Vec<u8>) {
        self.eventually("a finished download", || async {
            let done: Vec<_> = std::fs::read_dir(self.downloads.path())
                .unwrap()
                .filter_map(Result::ok)
                .map(|e| e.path())
                // Chromium writes a download first to a hidden `.org.chromium.Chromium.*` file,
                // then to `*.crdownload`, then renames it: neither is finished.
                .filter(|p| p.extension().is_none_or(|x| x != "crdownload"))
                .filter(|p| {
                    p.file_name()
                        .is_some_and(|n| !n.to_string_lossy().starts_with('.'))
                })
                .collect();
            let [file] = done.as_slice() else {
                return None;
            };
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            Some((name, std::fs::read(file).unwrap()))
        })
        .await
    }

    /// Waits until an element matches `selector`.
    pub async fn wait_for(&self, selector: &str) -> Element {
        self.eventually(&format!("{selector} appearing"), || async {
            self.client.find(Locator::Css(selector)).await.ok()
        })
        .await
    }

    /// Clicks the submit button of the form on the page.
    pub async fn submit(&self) {
        let button = self
            .client
            .find(Locator::Css("form button[type=submit]"))
            .await
            .expect("a form with a submit button");
        button.click().await.unwrap();
    }

    /// Waits until the page's text contains `needle`.
    pub async fn wait_for_content(&self, needle: &str) {
        self.eventually(&format!("{needle:?} appearing"), || async {
            self.text("body").await.contains(needle).then_some(())
        })
        .await
    }

    pub async fn wait_for_path(&self, path: &str) {
        self.eventually(&format!("reaching {path}"), || async {
            (self.path().await == path).then_some(())
        })
        .await
    }

    /// Width of the page's content: wider than the viewport means horizontal scrolling.
    pub async fn scroll_width(&self) -> u64 {
        let width = self
            .client
            .execute("return document.documentElement.scrollWidth", vec![]);
        width.await.unwrap().as_u64().unwrap()
    }

    /// Ends the session politely; dropping the browser then ends what is left of it.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}
