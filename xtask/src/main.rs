//! `cargo xtask <command>`: everything a newcomer runs, on a machine where nothing is
//! installed yet (the matklad xtask pattern: plain Rust, no shell scripts to keep in sync).

mod bundle;
mod demo;
mod postgres;
mod setup;
mod spa;
mod split;
mod split_data;
mod tools;

use std::{path::PathBuf, process::ExitCode};

use tools::{cmd, run, Fail, Summary};

const USAGE: &str = "\
usage: cargo xtask <command>

  setup                 install what is missing: wasm32 target, trunk, wasm-bindgen-cli,
                        cargo-deny, Chromium + ChromeDriver, PostgreSQL, npm tools (wasm-opt,
                        axe-core)
  build                 what building needs (no browser), then the release server and the
                        release SPA (dist/, reused when none of its sources changed)
  profile               build, then run start-up in Chromium and write the functions it ran
                        to xtask/start-up-functions.txt (commit it: builds split by it)
  serve [--addr A] [--database URL] [--seed-users N]
                        build, then run partner-server --dev serving dist/ on URL (sqlite:PATH,
                        the default, or postgres://…); with --seed-users, a demo work account
                        with N generated users
  migrate-db --from sqlite:PATH --to postgres://…
                        copy a SQLite database, whole, into an empty PostgreSQL database
                        (stop the server first: writes made during the copy are not in it)
  test                  setup, cargo deny, then the three test tiers: native (the server's tests
                        and the contract suite on SQLite, then again on a throwaway PostgreSQL
                        cluster), browser, end-to-end;
                        then a second build that must equal the first byte for byte, and the
                        start-up functions missing from the committed profile, by name
  bench [native] [bundle] [startup] [users] [server] [activity] [scale]
                        measure (all by default): the domain's hot paths natively (divan),
                        then, on the release build, dist/ sizes, cold start-up and user
                        management in headless Chromium, server latency under load and the
                        activity log at 100,000 records (`server` includes it), and 100,000
                        users on SQLite and on PostgreSQL (`scale`); prints
                        tables and writes target/bench.json (timings never fail)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::all(),
        Some("build") => build(),
        Some("profile") => profile(),
        Some("serve") => serve(&args[1..]),
        Some("migrate-db") => migrate_db(&args[1..]),
        Some("test") => test(),
        Some("bench") => bench(&args[1..]),
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(fail) => {
            eprintln!("xtask: {fail}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (xtask lives one level below it).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask has a parent")
        .to_path_buf()
}

fn build() -> Result<(), Fail> {
    setup::for_build()?;
    build_server()?;
    spa::build_unless_fresh()
}

/// `--flag value` pairs, in order.
fn flag_values(args: &[String]) -> Result<Vec<(&str, &str)>, Fail> {
    args.chunks(2)
        .map(|pair| match pair {
            [flag, value] => Ok((flag.as_str(), value.as_str())),
            [flag] => Err(Fail::new(format!("{flag} needs a value"))),
            _ => unreachable!("chunks of two"),
        })
        .collect()
}

/// The release server (`target/server/partner-server`), built.
fn build_server() -> Result<PathBuf, Fail> {
    run(cmd("cargo").args(["build", "--profile", "server", "-p", "partner-server"]))?;
    Ok(root().join("target/server/partner-server"))
}

fn migrate_db(args: &[String]) -> Result<(), Fail> {
    let (mut from, mut to) = (None, None);
    for (flag, value) in flag_values(args)? {
        match flag {
            "--from" => from = Some(value),
            "--to" => to = Some(value),
            other => return Err(Fail::new(format!("unknown flag {other}\n{USAGE}"))),
        }
    }
    let (Some(from), Some(to)) = (from, to) else {
        return Err(Fail::new(format!(
            "migrate-db needs --from and --to\n{USAGE}"
        )));
    };
    let server = build_server()?;
    run(cmd(server.to_str().expect("utf-8 path")).args(["--database", to, "--copy-from", from]))
}

fn profile() -> Result<(), Fail> {
    setup::all()?;
    spa::refresh_profile(&build_server()?)
}

fn serve(args: &[String]) -> Result<(), Fail> {
    let mut addr = "127.0.0.1:8080".to_string();
    let mut database = "sqlite:./data/partner.db".to_string();
    let mut seed_users = None;
    for (flag, value) in flag_values(args)? {
        match flag {
            "--addr" => addr = value.to_owned(),
            "--database" => database = value.to_owned(),
            "--seed-users" => {
                seed_users = Some(value.parse::<u32>().map_err(|_| {
                    Fail::new(format!("--seed-users needs a number, not {value:?}"))
                })?)
            }
            other => return Err(Fail::new(format!("unknown flag {other}\n{USAGE}"))),
        }
    }
    // The dev endpoints (every work account's verification links, the vetting switch) stay on
    // this machine: partner-server refuses --dev on any other address.
    let local = addr
        .parse::<std::net::SocketAddr>()
        .map_err(|e| Fail::new(format!("--addr {addr}: {e}")))?
        .ip()
        .is_loopback();
    if !local {
        if seed_users.is_some() {
            return Err(Fail::new(
                "--seed-users needs the dev endpoints, which stay on a loopback --addr",
            ));
        }
        println!("xtask: {addr} is not a loopback address: serving without the dev endpoints (/api/dev/*)");
    }
    build()?;
    // The server handles Ctrl-C itself (graceful shutdown); we only wait for it to finish.
    ctrlc::set_handler(|| {}).map_err(|e| Fail::new(format!("cannot handle Ctrl-C: {e}")))?;
    let server = root().join("target/server/partner-server");
    let mut child = cmd(server.to_str().expect("utf-8 path"))
        .args(local.then_some("--dev"))
        .args(["--addr", &addr, "--database", &database, "--dist", "dist"])
        .spawn()
        .map_err(|e| Fail::new(format!("cannot start partner-server: {e}")))?;
    if let Some(users) = seed_users {
        if let Err(fail) = demo::seed(&format!("http://{addr}"), users) {
            let _ = child.kill();
            return Err(fail);
        }
    }
    let status = child
        .wait()
        .map_err(|e| Fail::new(format!("partner-server: {e}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(Fail::new(format!("partner-server ended with {status}")))
    }
}

fn bench(what: &[String]) -> Result<(), Fail> {
    let wants = |name: &str| what.is_empty() || what.iter().any(|w| w == name);
    let mut report = serde_json::Map::new();
    if wants("native") {
        report.insert("native".into(), native_bench()?);
    }
    let browser: Vec<&String> = what
        .iter()
        .filter(|w| *w != "bundle" && *w != "native")
        .collect();
    let in_browser = what.is_empty() || !browser.is_empty();
    if in_browser {
        setup::all()?;
    }
    if wants("bundle") || in_browser {
        build()?;
    }
    if wants("bundle") {
        let (_, sizes) = bundle::report(&root().join("dist"))?;
        report.insert("bundle".into(), sizes);
    }
    if in_browser {
        let anchors = root().join("e2e/anchors");
        if what.is_empty() || what.iter().any(|w| w == "users") {
            anchor_pages(&anchors)?;
            setup::nginx()?;
        }
        // The browser and server benches write their own sections here; merged below.
        let sections = root().join("target/bench-e2e.json");
        // The scale bench compares both engines: PostgreSQL on a throwaway cluster.
        let cluster = if wants("scale") {
            Some(postgres::Cluster::start()?)
        } else {
            None
        };
        let scale_database = match &cluster {
            Some(cluster) => cluster.create_database("bench_scale")?,
            None => String::new(),
        };
        run(cmd("cargo")
            .args(["run", "-p", "e2e", "--bin", "bench", "--"])
            .args(browser)
            .env("BENCH_ANCHORS", &anchors)
            .env("E2E_DIST", root().join("dist"))
            .env("E2E_SERVER", root().join("target/server/partner-server"))
            .env("CHROMEDRIVER", setup::CHROMEDRIVER)
            .env("CHROMIUM", setup::CHROMIUM)
            .env("BENCH_NGINX", setup::NGINX)
            .env("BENCH_JSON", &sections)
            .env("BENCH_POSTGRES", &scale_database))?;
        drop(cluster);
        report.extend(read_json_object(&sections));
    }
    // Sections not run this time keep their last numbers.
    let json = root().join("target/bench.json");
    let mut all = read_json_object(&json);
    all.extend(report);
    std::fs::write(&json, serde_json::to_string_pretty(&all).expect("JSON"))
        .map_err(|e| Fail::new(format!("{}: {e}", json.display())))?;
    println!("xtask: bench numbers written to {}", json.display());
    Ok(())
}

/// The users bench's anchor pages need React and react-window, from their committed lock file.
fn anchor_pages(dir: &std::path::Path) -> Result<(), Fail> {
    if dir.join("node_modules/react-window").exists() {
        return Ok(());
    }
    println!("xtask: installing the anchor pages' React and react-window with npm ci");
    run(cmd("npm")
        .args(["ci", "--no-audit", "--no-fund", "--ignore-scripts"])
        .current_dir(dir))
}

/// The domain's hot paths with divan (`crates/domain/benches/hot_paths.rs`): its table, printed
/// and kept line by line.
fn native_bench() -> Result<serde_json::Value, Fail> {
    println!("xtask: native benchmarks (divan, release build)");
    let output = cmd("cargo")
        .args(["bench", "-p", "partner-domain", "--bench", "hot_paths"])
        .output()
        .map_err(|e| Fail::new(format!("cannot start cargo bench: {e}")))?;
    let table = String::from_utf8_lossy(&output.stdout).into_owned();
    print!("{table}");
    if !output.status.success() {
        return Err(Fail::new(format!(
            "cargo bench failed: {}",
            String::from_utf8_lossy(&output.stderr)
        )));
    }
    Ok(table.lines().map(str::to_owned).collect())
}

fn read_json_object(path: &std::path::Path) -> serde_json::Map<String, serde_json::Value> {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Issue #7's deterministic budget, on the build the e2e tier used: fails with the numbers.
fn bundle_budget() -> Result<(), Fail> {
    let (gzip, _) = bundle::report(&root().join("dist"))?;
    let budget = bundle::BUDGET_GZIP;
    if gzip > budget {
        return Err(Fail::new(format!(
            "the initial transfer is {gzip} bytes gzip, {} over the {budget}-byte budget",
            gzip - budget
        )));
    }
    println!(
        "xtask: the initial transfer is {gzip} bytes gzip, {} under the {budget}-byte budget",
        budget - gzip
    );
    Ok(())
}

fn same_build_twice(dist: &std::path::Path) -> Result<(), Fail> {
    let again = root().join("target/dist-again");
    spa::build(&again)?;
    let differ = spa::differences(dist, &again)?;
    if differ.is_empty() {
        println!("xtask: the second build equals dist/");
        return Ok(());
    }
    Err(Fail::new(format!(
        "two builds of one commit differ in: {}",
        differ.join(", ")
    )))
}

/// Every crate's tests that run natively.
const NATIVE_TESTS: [&str; 6] = [
    "test",
    "--workspace",
    "--exclude",
    "partner-center",
    "--exclude",
    "e2e",
];

fn test() -> Result<(), Fail> {
    setup::all()?;
    let mut summary = Summary::default();

    println!("\nxtask: dependencies (licences, one version of each crate: deny.toml)");
    if let Err(fail) = run(cmd("cargo").args(["deny", "check", "bans", "licenses"])) {
        summary.broken("cargo deny", fail);
    }

    println!("\nxtask: tier 1/3, native (domain, server over HTTP, tools)");
    summary.tier(
        "native",
        Some("partner-server (native, HTTP)"),
        cmd("cargo").args(NATIVE_TESTS),
    );

    println!("\nxtask: tier 1/3, native on PostgreSQL (the server's tests and the contract suite)");
    // Kept until the end-to-end tier, whose test of two nodes shares one of its databases.
    let cluster = postgres::Cluster::start();
    match &cluster {
        Ok(cluster) => summary.tier(
            "native on PostgreSQL",
            Some("partner-server on PostgreSQL"),
            // The native tier's selection: the same features, nothing built again (the other
            // crates' tests, which ignore the variable, take seconds).
            cmd("cargo")
                .args(NATIVE_TESTS)
                .env("PARTNER_TEST_POSTGRES", &cluster.url),
        ),
        Err(fail) => summary.broken("PostgreSQL", Fail::new(fail.to_string())),
    }

    println!("\nxtask: tier 2/3, browser (pages on the mock backend, headless Chromium)");
    let webdriver_json = root().join("tests/webdriver.json");
    summary.tier(
        "browser",
        Some("the mock (browser)"),
        cmd("cargo")
            .args([
                "test",
                "-p",
                "partner-center",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .env("CHROMEDRIVER", setup::CHROMEDRIVER)
            .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", webdriver_json)
            .env("WASM_BINDGEN_TEST_DRIVER_TIMEOUT", "60")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
    );

    println!("\nxtask: tier 3/3, end-to-end (release SPA, real server, real Chromium)");
    let server = root().join("target/debug/partner-server");
    let dist = root().join("dist");
    let nodes_database = match &cluster {
        Ok(cluster) => cluster.create_database("e2e_nodes"),
        Err(fail) => Err(Fail::new(fail.to_string())),
    };
    match run(cmd("cargo").args(["build", "-p", "partner-server"]))
        .and_then(|()| spa::build_dist())
        .and(nodes_database)
    {
        Ok(nodes_database) => summary.tier(
            "e2e",
            None,
            cmd("cargo")
                .args(["test", "-p", "e2e", "--", "--test-threads=1"])
                .env("E2E_DIST", root().join("dist"))
                .env("E2E_SERVER", &server)
                .env("E2E_POSTGRES", nodes_database)
                .env(
                    "E2E_AXE",
                    root().join("xtask/node_modules/axe-core/axe.min.js"),
                )
                .env("CHROMEDRIVER", setup::CHROMEDRIVER)
                .env("CHROMIUM", setup::CHROMIUM),
        ),
        Err(fail) => summary.broken("e2e", fail),
    }
    drop(cluster);
    // Every browser the suite started is gone, whatever its tests did.
    summary.tier(
        "e2e leftovers",
        None,
        cmd("cargo").args([
            "test",
            "-p",
            "e2e",
            "--test",
            "hygiene",
            "--",
            "--ignored",
            "--exact",
            "no_browser_of_the_suite_is_left",
        ]),
    );
    if let Err(fail) = bundle_budget() {
        summary.broken("bundle budget", fail);
    }
    println!("\nxtask: the release build again, which must give dist/ byte for byte");
    if let Err(fail) = same_build_twice(&dist) {
        summary.broken("deterministic build", fail);
    }
    if let Err(fail) = spa::report_drift(&server) {
        summary.broken("start-up profile", fail);
    }

    summary.finish()
}
