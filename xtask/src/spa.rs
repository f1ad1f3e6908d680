//! The release SPA in `dist/`: Trunk's build, then the wasm split in two after a start-up profile
//! in Chromium (src/split.rs), then `.br`/`.gz` copies of every file.

use std::{
    collections::HashSet,
    path::{Path, PathBuf},
};

use base64::{engine::general_purpose::STANDARD, Engine};
use sha2::{Digest, Sha256, Sha384};

use crate::{
    bundle, root, setup, split,
    tools::{cmd, run, Fail},
};

/// The meta tag `src/deferred.rs` reads: where the rest of the wasm is, and its hash.
const META: &str = "partner-center-deferred";

fn io(path: &Path) -> impl Fn(std::io::Error) -> Fail + '_ {
    move |e| Fail::new(format!("{}: {e}", path.display()))
}

/// `server`: a partner-server binary, for the profile run.
pub fn build(server: &Path) -> Result<(), Fail> {
    println!("xtask: building the release SPA into dist/");
    run(cmd("trunk").args(["build", "--release"]))?;
    let dist = root().join("dist");
    split_wasm(&dist, server)?;
    minify_js(&dist)?;
    bundle::precompress(&dist)
}

/// Trunk's own minifier gives up on wasm-bindgen's glue ("Failed to minify JS"); terser does
/// it, for the glue and the `inline_js` snippets. The glue's preload keeps a correct SRI hash.
fn minify_js(dist: &Path) -> Result<(), Fail> {
    let index_path = dist.join("index.html");
    let mut index = std::fs::read_to_string(&index_path).map_err(io(&index_path))?;
    let js = bundle::served_files(dist)?
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "js"));
    for path in js {
        run(cmd("terser")
            .arg(&path)
            .args(["--module", "--compress", "--mangle", "--output"])
            .arg(&path))?;
        let name = file_name(&path);
        if index.contains(&format!("/{name} ")) {
            let bytes = std::fs::read(&path).map_err(io(&path))?;
            index = with_integrity(&index, &name, &bytes)?;
        }
    }
    std::fs::write(&index_path, index).map_err(io(&index_path))
}

/// The one file at the top of `dist/` whose name ends with `suffix`.
fn only_file(dist: &Path, suffix: &str) -> Result<PathBuf, Fail> {
    let mut found = std::fs::read_dir(dist)
        .map_err(io(dist))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.to_string_lossy().ends_with(suffix));
    match (found.next(), found.next()) {
        (Some(path), None) => Ok(path),
        _ => Err(Fail::new(format!(
            "{}: expected one *{suffix} file",
            dist.display()
        ))),
    }
}

/// Which functions of `wasm` (dist/`name`) start-up runs: an instrumented copy of `dist/` in
/// Chromium (e2e's `profile` binary).
fn profile(dist: &Path, name: &str, wasm: &[u8], server: &Path) -> Result<HashSet<usize>, Fail> {
    println!("xtask: profiling start-up in Chromium to split the wasm");
    let profiled = root().join("target/profile-dist");
    let _ = std::fs::remove_dir_all(&profiled);
    copy_dir(dist, &profiled)?;
    let instrumented = split::instrument(wasm)?;
    let profiled_wasm = profiled.join(name);
    std::fs::write(&profiled_wasm, &instrumented).map_err(io(&profiled_wasm))?;
    let index_path = profiled.join("index.html");
    let index = std::fs::read_to_string(&index_path).map_err(io(&index_path))?;
    std::fs::write(&index_path, with_integrity(&index, name, &instrumented)?)
        .map_err(io(&index_path))?;
    let list = root().join("target/profile.txt");
    run(cmd("cargo")
        .args(["run", "--quiet", "-p", "e2e", "--bin", "profile", "--"])
        .arg(&list)
        .env("E2E_DIST", &profiled)
        .env("E2E_SERVER", server)
        .env("CHROMEDRIVER", setup::CHROMEDRIVER)
        .env("CHROMIUM", setup::CHROMIUM))?;
    Ok(std::fs::read_to_string(&list)
        .map_err(io(&list))?
        .lines()
        .filter_map(|line| line.parse().ok())
        .collect())
}

fn split_wasm(dist: &Path, server: &Path) -> Result<(), Fail> {
    let wasm_path = only_file(dist, "_bg.wasm")?;
    let wasm = std::fs::read(&wasm_path).map_err(io(&wasm_path))?;
    let name = file_name(&wasm_path);
    let ran = profile(dist, &name, &wasm, server)?;

    let parts = split::split(&wasm, &ran)?;
    // wasm-bindgen's JS, beside the wasm.
    let glue_path = only_file(dist, ".js")?;
    let glue = std::fs::read_to_string(&glue_path).map_err(io(&glue_path))?;
    let (primary, glue) = split::shorten_imports(&parts.primary, &glue)?;
    std::fs::write(&glue_path, glue).map_err(io(&glue_path))?;
    let primary_name = format!("partner-center-{}_bg.wasm", short_hash(&primary));
    let rest_name = format!("partner-center-{}_rest.wasm", short_hash(&parts.rest));
    std::fs::remove_file(&wasm_path).map_err(io(&wasm_path))?;
    for (file, bytes) in [(&primary_name, &primary), (&rest_name, &parts.rest)] {
        let path = dist.join(file);
        std::fs::write(&path, bytes).map_err(io(&path))?;
    }
    let index_path = dist.join("index.html");
    let index = std::fs::read_to_string(&index_path).map_err(io(&index_path))?;
    let index = with_integrity(
        &index.replace(&name, &primary_name),
        &primary_name,
        &primary,
    )?;
    let meta = format!(
        "<meta content=/{rest_name} data-integrity=sha256-{} name={META}></head>",
        STANDARD.encode(Sha256::digest(&parts.rest))
    );
    let index = replace_once(&index, "</head>", &meta)?;
    std::fs::write(&index_path, index).map_err(io(&index_path))?;
    println!(
        "xtask: wasm split: {} of {} functions run at start-up, {} deferred ({} stubs); primary {} bytes, rest {} bytes",
        ran.len(),
        ran.len() + parts.deferred,
        parts.deferred,
        parts.stubs,
        primary.len(),
        parts.rest.len()
    );
    Ok(())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn short_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn replace_once(text: &str, from: &str, to: &str) -> Result<String, Fail> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(Fail::new(format!(
            "index.html has {n} `{from}`, expected one"
        ))),
    }
}

/// index.html with the SRI hash of the tag that preloads `/name` set to that of `bytes`.
fn with_integrity(index: &str, name: &str, bytes: &[u8]) -> Result<String, Fail> {
    let at = index
        .find(&format!("/{name} "))
        .ok_or_else(|| Fail::new(format!("index.html does not preload {name}")))?;
    let tag_start = index[..at].rfind('<').unwrap_or(0);
    let tag_end = at + index[at..].find('>').unwrap_or(index.len() - at);
    let hash_start = tag_start
        + index[tag_start..tag_end]
            .find("integrity=sha384-")
            .ok_or_else(|| {
                Fail::new(format!(
                    "index.html: the preload of {name} has no integrity"
                ))
            })?
        + "integrity=".len();
    let hash_end = hash_start
        + index[hash_start..tag_end]
            .find(' ')
            .unwrap_or(tag_end - hash_start);
    let integrity = format!("sha384-{}", STANDARD.encode(Sha384::digest(bytes)));
    let mut out = index.to_owned();
    out.replace_range(hash_start..hash_end, &integrity);
    Ok(out)
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), Fail> {
    std::fs::create_dir_all(to).map_err(io(to))?;
    for entry in std::fs::read_dir(from).map_err(io(from))? {
        let path = entry.map_err(io(from))?.path();
        let target = to.join(file_name(&path));
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            std::fs::copy(&path, &target).map_err(io(&path))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_new_wasm_is_loaded_and_preloaded_with_its_own_hash() {
        let index = "<script type=module>init({ module_or_path: '/a_bg.wasm' });</script>\
            <link as=fetch crossorigin href=/a_bg.wasm integrity=sha384-OLD rel=preload type=application/wasm></head>";
        let out = with_integrity(&index.replace("a_bg", "b_bg"), "b_bg.wasm", b"wasm").unwrap();
        assert!(!out.contains("a_bg.wasm"));
        assert!(out.contains("module_or_path: '/b_bg.wasm'"));
        let expected = STANDARD.encode(Sha384::digest(b"wasm"));
        assert!(out.contains(&format!(
            "href=/b_bg.wasm integrity=sha384-{expected} rel=preload"
        )));
    }
}
