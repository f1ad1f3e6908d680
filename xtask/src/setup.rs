//! `cargo xtask setup`: installs only what is missing, saying what it does. A second run
//! checks versions and returns in seconds.

use std::path::Path;

use crate::{
    root,
    tools::{cmd, output_line, run, Fail},
};

pub const TRUNK_VERSION: &str = "0.21.14";
const CARGO_DENY_VERSION: &str = "0.20.2";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Everything: building, testing, profiling and benchmarks.
pub fn all() -> Result<(), Fail> {
    for_build()?;
    cargo_deny()?;
    chromium()?;
    postgres()?;
    println!("xtask: setup complete");
    Ok(())
}

/// What `cargo xtask build` needs: no browser.
pub fn for_build() -> Result<(), Fail> {
    wasm_target()?;
    trunk()?;
    wasm_bindgen()?;
    npm_tools()
}

fn wasm_target() -> Result<(), Fail> {
    let installed = cmd("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .any(|l| l.trim() == WASM_TARGET)
        })
        .unwrap_or(false);
    if installed {
        return Ok(());
    }
    println!("xtask: adding the {WASM_TARGET} Rust target");
    run(cmd("rustup").args(["target", "add", WASM_TARGET]))
}

fn trunk() -> Result<(), Fail> {
    let want = format!("trunk {TRUNK_VERSION}");
    if output_line("trunk", &["--version"]).as_deref() == Some(want.as_str()) {
        return Ok(());
    }
    println!("xtask: installing {want} (cargo install, a few minutes)");
    run(cmd("cargo").args(["install", "--locked", &format!("trunk@{TRUNK_VERSION}")]))
}

/// Checks licences and duplicate crates (`deny.toml`).
fn cargo_deny() -> Result<(), Fail> {
    let want = format!("cargo-deny {CARGO_DENY_VERSION}");
    if output_line("cargo-deny", &["--version"]).as_deref() == Some(want.as_str()) {
        return Ok(());
    }
    println!("xtask: installing {want} (cargo install, a few minutes)");
    run(cmd("cargo").args([
        "install",
        "--locked",
        &format!("cargo-deny@{CARGO_DENY_VERSION}"),
    ]))
}

/// wasm-bindgen-cli must be exactly the version Cargo.lock resolved for the wasm-bindgen crate.
fn wasm_bindgen() -> Result<(), Fail> {
    let version = locked_version("wasm-bindgen")?;
    let want = format!("wasm-bindgen {version}");
    let test_runner = crate::tools::cargo_bin().join("wasm-bindgen-test-runner");
    if output_line("wasm-bindgen", &["--version"]).as_deref() == Some(want.as_str())
        && test_runner.exists()
    {
        return Ok(());
    }
    println!("xtask: installing wasm-bindgen-cli {version} (cargo install, a few minutes)");
    // Not --locked: the CLI's own lock file pins crates that no longer build on this rustc.
    run(cmd("cargo").args(["install", "--force", &format!("wasm-bindgen-cli@{version}")]))
}

fn locked_version(package: &str) -> Result<String, Fail> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| Fail::new(format!("Cargo.lock: {e}")))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&needle)
        .ok_or_else(|| Fail::new(format!("{package} is not in Cargo.lock")))?
        + needle.len();
    let end = lock[start..]
        .find('"')
        .ok_or_else(|| Fail::new("Cargo.lock is malformed"))?;
    Ok(lock[start..start + end].to_string())
}

fn chromium() -> Result<(), Fail> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    println!("xtask: installing Debian chromium and chromium-driver (apt-get)");
    apt_install(&["chromium", "chromium-driver"])
}

pub const NGINX: &str = "/usr/sbin/nginx";

/// The users bench's second series goes through nginx, TLS and HTTP/2 in front of the server
/// (`e2e/src/tls_front.rs`), with a certificate `openssl` makes. Not needed by the tests.
pub fn nginx() -> Result<(), Fail> {
    if Path::new(NGINX).exists() && Path::new("/usr/bin/openssl").exists() {
        return Ok(());
    }
    println!("xtask: installing Debian nginx-light and openssl (apt-get)");
    apt_install(&["nginx-light", "openssl"])
}

/// The server's tests run on PostgreSQL too, on a cluster of their own (`postgres.rs`).
fn postgres() -> Result<(), Fail> {
    if crate::postgres::installed() {
        return Ok(());
    }
    println!("xtask: installing Debian postgresql (apt-get)");
    apt_install(&["postgresql"])
}

fn apt_install(packages: &[&str]) -> Result<(), Fail> {
    let as_root = crate::tools::as_root();
    let apt = |args: &[&str]| {
        let mut command = if as_root { cmd("apt-get") } else { cmd("sudo") };
        if !as_root {
            command.arg("apt-get");
        }
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut command)
    };
    apt(&["update"])?;
    apt(&[&["install", "-y", "--no-install-recommends"], packages].concat())
}

/// npm tools from the committed lock file; reinstalled when the lock file changes.
fn npm_tools() -> Result<(), Fail> {
    let dir = root().join("xtask");
    let lock = dir.join("package-lock.json");
    let installed = dir.join("node_modules/.package-lock.json");
    let wanted = [
        "node_modules/.bin/wasm-opt",
        "node_modules/.bin/terser",
        "node_modules/axe-core/axe.min.js",
    ];
    let fresh = match (std::fs::metadata(&lock), std::fs::metadata(&installed)) {
        (Ok(lock), Ok(installed)) => match (lock.modified(), installed.modified()) {
            (Ok(lock), Ok(installed)) => installed >= lock,
            _ => false,
        },
        _ => false,
    };
    if fresh && wanted.iter().all(|f| dir.join(f).exists()) {
        return Ok(());
    }
    println!("xtask: installing npm tools (binaryen for wasm-opt, terser, axe-core) with npm ci");
    run(cmd("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir))
}
