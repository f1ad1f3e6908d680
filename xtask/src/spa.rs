//! The release SPA in `dist/`: Trunk's build in `target/spa-unsplit`, then a copy with the wasm
//! split in two after the committed start-up profile (src/split.rs), the first part through
//! wasm-opt again, its JS minified and `.br`/`.gz` copies of every file. No browser: `cargo
//! xtask profile` alone runs one, to refresh the profile, and `cargo xtask test` to report how
//! far the code has drifted from it.
//!
//! index.html asks wasm-opt for `-g`: it keeps the function names the split looks up (and drops
//! from what is served).

use std::{
    collections::{BTreeSet, HashSet},
    path::{Path, PathBuf},
};

use base64::{engine::general_purpose::STANDARD, Engine};
use sha2::{Digest, Sha256, Sha384};

use crate::{
    bundle, root, setup, split, split_data,
    tools::{cmd, output_line, run, Fail},
};

/// The meta tag `src/deferred.rs` reads: where the rest of the wasm is, and its hash.
const META: &str = "partner-center-deferred";
/// The stable names (src/split.rs) of the functions start-up runs, one per line.
pub const PROFILE: &str = "xtask/start-up-functions.txt";
const PROFILE_HEADER: &str = "\
# The functions the SPA's start-up runs (xtask/src/split.rs keeps them in the first wasm module).
# Written by `cargo xtask profile`; `cargo xtask test` lists what start-up runs beyond them.
";
/// Where `build` records what its `dist/` was built from (see `inputs_hash`).
const STAMP: &str = "target/dist.stamp";

fn io(path: &Path) -> impl Fn(std::io::Error) -> Fail + '_ {
    move |e| Fail::new(format!("{}: {e}", path.display()))
}

fn unsplit() -> PathBuf {
    root().join("target/spa-unsplit")
}

/// The release SPA in `out`, from a fresh Trunk build.
///
/// Two builds of one commit give the same bytes: `cargo xtask test` builds twice to check.
pub fn build(out: &Path) -> Result<(), Fail> {
    trunk_build()?;
    finish(out)
}

/// `build` into `dist/`, recording what it was made from.
pub fn build_dist() -> Result<(), Fail> {
    stamped(|| build(&root().join("dist")))
}

/// `dist/` as the last build left it if nothing it is made from changed since, else `build_dist`.
pub fn build_unless_fresh() -> Result<(), Fail> {
    let stamp = std::fs::read_to_string(root().join(STAMP)).ok();
    if root().join("dist/index.html").exists() && stamp.is_some() && stamp == inputs_hash().ok() {
        println!("xtask: dist/ is up to date with the sources: reused");
        return Ok(());
    }
    build_dist()
}

/// Runs `make`, which writes `dist/`, and records the sources' hash as they were before it
/// started; none while it runs, nor after it failed.
fn stamped(make: impl FnOnce() -> Result<(), Fail>) -> Result<(), Fail> {
    let stamp = root().join(STAMP);
    let _ = std::fs::remove_file(&stamp);
    let inputs = inputs_hash();
    make()?;
    if let Ok(inputs) = inputs {
        std::fs::write(&stamp, inputs).map_err(io(&stamp))?;
    }
    Ok(())
}

/// A hash of every file of the repository `dist/` may depend on: tracked or new, not ignored,
/// outside the server, the e2e suite and the documentation. Outside a git work tree there is
/// none, and every build is fresh.
fn inputs_hash() -> Result<String, Fail> {
    let listed = cmd("git")
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .current_dir(root())
        .output()
        .map_err(|e| Fail::new(format!("cannot run git ls-files: {e}")))?;
    if !listed.status.success() {
        return Err(Fail::new("git ls-files failed: not a git work tree?"));
    }
    let mut paths: Vec<&str> = std::str::from_utf8(&listed.stdout)
        .map_err(|_| Fail::new("git ls-files: a path is not UTF-8"))?
        .split('\0')
        .filter(|p| {
            !p.is_empty()
                && !p.ends_with(".md")
                && !["crates/server/", "e2e/", "docs/", ".ci/"]
                    .iter()
                    .any(|dir| p.starts_with(dir))
        })
        .collect();
    paths.sort_unstable();
    paths.dedup();
    let mut hash = Sha256::new();
    for path in paths {
        hash.update(path.as_bytes());
        // A tracked file deleted from the work tree hashes as empty.
        let bytes = std::fs::read(root().join(path)).unwrap_or_default();
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(&bytes);
    }
    let tools = ["trunk", "wasm-bindgen", "rustc"]
        .map(|tool| output_line(tool, &["--version"]).unwrap_or_default());
    hash.update(tools.join("\n").as_bytes());
    Ok(format!("{:x}", hash.finalize()))
}

fn trunk_build() -> Result<(), Fail> {
    println!("xtask: building the release SPA (Trunk) into target/spa-unsplit");
    run(cmd("trunk")
        .args(["build", "--release", "--dist"])
        .arg(unsplit()))
}

/// `out`: a copy of the unsplit build, split by the committed profile, minified, compressed.
fn finish(out: &Path) -> Result<(), Fail> {
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(io(out))?;
    }
    copy_dir(&unsplit(), out)?;
    split_wasm(out, &read_profile()?)?;
    minify_js(out)?;
    bundle::precompress(out)
}

fn read_profile() -> Result<BTreeSet<String>, Fail> {
    let path = root().join(PROFILE);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        Fail::new(format!(
            "{}: {e} (`cargo xtask profile` writes it)",
            path.display()
        ))
    })?;
    Ok(text
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_owned)
        .collect())
}

/// `cargo xtask profile`: runs start-up in Chromium, writes the names it ran to [`PROFILE`],
/// then makes `dist/` with them.
pub fn refresh_profile(server: &Path) -> Result<(), Fail> {
    trunk_build()?;
    let Profiled { names: ran, reads } = profile(server)?;
    check_data_reads(&ran, &reads)?;
    let mut text = PROFILE_HEADER.to_owned();
    for name in &ran {
        text.push_str(name);
        text.push('\n');
    }
    let path = root().join(PROFILE);
    std::fs::write(&path, text).map_err(io(&path))?;
    println!(
        "xtask: {} start-up functions written to {PROFILE}",
        ran.len()
    );
    stamped(|| finish(&root().join("dist")))
}

/// Start-up functions the committed profile lacks: they sit in the second module, so start-up
/// would wait for it (e2e's `split` test fails then). Reported by name; none is the goal.
/// Profiles the last build.
pub fn report_drift(server: &Path) -> Result<(), Fail> {
    let Profiled { names: ran, reads } = profile(server)?;
    let committed = read_profile()?;
    let missing: Vec<&String> = ran.difference(&committed).collect();
    let unused = committed.difference(&ran).count();
    if missing.is_empty() {
        println!(
            "xtask: start-up runs no function beyond {PROFILE} ({unused} listed there did not run)"
        );
    } else {
        println!(
            "xtask: drift: start-up ran {} functions that {PROFILE} lacks, so they are in the \
             second module (`cargo xtask profile` refreshes it):",
            missing.len()
        );
        for name in missing {
            println!("  {name}");
        }
    }
    check_data_reads(&ran, &reads)
}

/// Fails if start-up read data that a split by what it ran would move to the second module:
/// the primary would read zeros there until the rest arrived (`split_data.rs` missed a way the
/// code reaches it).
fn check_data_reads(ran: &BTreeSet<String>, reads: &BTreeSet<u32>) -> Result<(), Fail> {
    let statics = split_data::read_map_beside(&linked_wasm())?;
    let wasm_path = only_file(&unsplit(), "_bg.wasm")?;
    let wasm = std::fs::read(&wasm_path).map_err(io(&wasm_path))?;
    let moved = split::split(&wasm, ran, &statics)?.moved;
    let misread = split_data::statics_read(reads, &moved, &statics);
    if misread.is_empty() {
        println!(
            "xtask: start-up read {} data bytes, none of them moved to the second module",
            reads.len()
        );
        return Ok(());
    }
    Err(Fail::new(format!(
        "start-up read data the split moves to the second module (it would read zeros): {}",
        misread.join(", ")
    )))
}

/// The wasm the linker wrote, with its map beside it.
fn linked_wasm() -> PathBuf {
    root().join("target/wasm32-unknown-unknown/release/partner-center.wasm")
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

/// What start-up did, in an instrumented copy of the unsplit build in Chromium (e2e's `profile`
/// binary).
struct Profiled {
    /// The stable names of the functions it ran.
    names: BTreeSet<String>,
    /// The data addresses it read, on the first visits and French returns: an English return
    /// reads its messages once the rest arrived.
    reads: BTreeSet<u32>,
}

fn profile(server: &Path) -> Result<Profiled, Fail> {
    println!("xtask: profiling start-up in Chromium");
    let profiled = root().join("target/profile-dist");
    let _ = std::fs::remove_dir_all(&profiled);
    copy_dir(&unsplit(), &profiled)?;
    let wasm_path = only_file(&profiled, "_bg.wasm")?;
    let wasm = std::fs::read(&wasm_path).map_err(io(&wasm_path))?;
    let (instrumented, layout) = split::instrument(&wasm)?;
    std::fs::write(&wasm_path, &instrumented).map_err(io(&wasm_path))?;
    let index_path = profiled.join("index.html");
    let index = std::fs::read_to_string(&index_path).map_err(io(&index_path))?;
    let index = with_integrity(&index, &file_name(&wasm_path), &instrumented)?;
    std::fs::write(&index_path, index).map_err(io(&index_path))?;
    let list = root().join("target/profile.txt");
    run(cmd("cargo")
        .args(["run", "--quiet", "-p", "e2e", "--bin", "profile", "--"])
        .arg(&list)
        .env("E2E_DIST", &profiled)
        .env("E2E_SERVER", server)
        .env("CHROMEDRIVER", setup::CHROMEDRIVER)
        .env("CHROMIUM", setup::CHROMIUM))?;
    let listed = std::fs::read_to_string(&list).map_err(io(&list))?;
    let indices = |english: bool| -> HashSet<usize> {
        listed
            .lines()
            .filter_map(|line| match line.strip_prefix("en ") {
                Some(index) if english => index.parse().ok(),
                None if !english => line.parse().ok(),
                _ => None,
            })
            .collect()
    };
    let french = indices(false);
    let mut names = split::names_of(&wasm, &french)?;
    names.extend(
        split::names_of(&wasm, &indices(true))?
            .into_iter()
            .filter(|name| before_the_rest_in_english(name)),
    );
    let reads = french
        .iter()
        .filter_map(|mark| layout.address(u32::try_from(*mark).ok()?))
        .collect();
    Ok(Profiled { names, reads })
}

/// Of what only an English return visit runs, what runs before the app's second part arrives:
/// the language's own start (`src/i18n/mod.rs`: `load_english` asks for the English file, waits
/// for the second part, then the reader in `src/i18n/reader.rs` reads the file). The reader and
/// the string and fetch helpers it alone uses stay in the second part.
fn before_the_rest_in_english(name: &str) -> bool {
    (name.contains("partner_center::i18n::") && !name.contains("partner_center::i18n::reader::"))
        || name.contains("partner_center::deferred::")
        || name.contains("partner_center::api::ahead::")
}

/// index.html's preload of `config.json`, as Trunk writes it.
const PRELOAD_CONFIG: &str = "<link as=fetch crossorigin href=/config.json rel=preload>";

/// Unless the first page is one start-up runs on the first part alone (the rule of
/// `is_start_up_path` in `src/deferred.rs`), asks at once for what that page will wait for: the
/// rest of the wasm (`src/deferred.rs` takes it), and on the real API who is signed in and, for
/// the user list, its first rows (`src/api/ahead.rs` takes those, with `config.json`, by their
/// URLs; the list's is `UserQuery::first_page`'s, an e2e test checks it is not asked twice).
/// This project's server names those two in the document's answer (`crates/server/src/preload.rs`):
/// the browser has asked for them already, and the script's requests take those answers; other
/// hosts get them from the script.
/// While the parts download it also makes the `Intl` formats a settings page's first render
/// writes with (`i18n::intl`, in the language `i18n` keeps in local storage): the browser's
/// first one loads locale data for ~15 ms, then on the main thread's idle time rather than in
/// that render.
/// Its SHA-256 is in the Content-Security-Policy (`crates/server/src/security.rs` hashes every
/// inline script of `index.html`).
const ASK_EARLY: &str = "{const m=document.querySelector('meta[name=partner-center-deferred]'),p=location.pathname;\
if(p!=='/'&&p!=='/onboarding/welcome'){window.partnerCenterRest=fetch(m.content,{integrity:m.dataset.integrity});\
setTimeout(()=>{try{const l=[localStorage.getItem('partner-center.lang')||'fr-FR'];new Intl.NumberFormat(l);new Intl.DateTimeFormat(l,{dateStyle:'medium'})}catch(e){}});\
const kept=window.partnerCenterAhead=new Map(),ask=(u,o)=>{const r=fetch(u,o);r.catch(()=>{});kept.set(u,{at:Date.now(),answer:r});return r},\
o={headers:{Accept:'application/json','X-Requested-With':'partner-center'},credentials:'same-origin',signal:AbortSignal.timeout(15e3)};\
ask('/config.json',{cache:'no-cache'}).then(r=>r.clone().json()).then(c=>{if(c.backend!=='http')return;\
const api=(c.api_base||'/api').replace(/\\/+$/,'');\
return ask(api+'/session',o).then(r=>{if(r.ok&&p==='/settings/users')ask(api+'/users?q=&offset=0&limit=100',o)})}).catch(()=>{})}}";

fn split_wasm(dist: &Path, start_up: &BTreeSet<String>) -> Result<(), Fail> {
    let wasm_path = only_file(dist, "_bg.wasm")?;
    let wasm = std::fs::read(&wasm_path).map_err(io(&wasm_path))?;
    let name = file_name(&wasm_path);
    let statics = split_data::read_map_beside(&linked_wasm())?;
    let parts = split::split(&wasm, start_up, &statics)?;
    // wasm-bindgen's JS, beside the wasm.
    let glue_path = only_file(dist, ".js")?;
    let glue = std::fs::read_to_string(&glue_path).map_err(io(&glue_path))?;
    let primary = optimise_again(&parts.primary)?;
    let (primary, glue) = split::shorten_imports(&primary, &glue)?;
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
    // The rest, named for `src/deferred.rs`, and asked for by the script after it as the page
    // is parsed when the first page needs it (a deep link): a round trip sooner than the glue's
    // scripts could, which must arrive first. After the preload of `config.json`, which the
    // script's request then takes; before the stylesheet, which a script waits for.
    let head = format!(
        "{PRELOAD_CONFIG}<meta content=/{rest_name} data-integrity=sha256-{} name={META}><script>{ASK_EARLY}</script>",
        STANDARD.encode(Sha256::digest(&parts.rest))
    );
    let index = snippet_preloads_in_order(&replace_once(&index, PRELOAD_CONFIG, &head)?);
    std::fs::write(&index_path, index).map_err(io(&index_path))?;
    println!(
        "xtask: wasm split: {} of {} functions in the primary, {} deferred ({} stubs), {} bytes of data deferred; primary {} bytes, rest {} bytes",
        parts.kept,
        parts.kept + parts.deferred,
        parts.deferred,
        parts.stubs,
        parts.moved_data,
        primary.len(),
        parts.rest.len()
    );
    Ok(())
}

/// index.html with the preloads of wasm-bindgen's snippets in the order of their names: Trunk
/// writes them in whatever order it found the files, which differs between two builds of one
/// commit once there is more than one.
fn snippet_preloads_in_order(index: &str) -> String {
    const START: &str = "<link crossorigin href=/snippets/";
    let mut preloads = Vec::new();
    let mut rest = String::with_capacity(index.len());
    let mut first = None;
    let mut text = index;
    while let Some(at) = text.find(START) {
        let end = at + text[at..].find('>').map_or(text.len() - at, |e| e + 1);
        rest.push_str(&text[..at]);
        first.get_or_insert(rest.len());
        preloads.push(&text[at..end]);
        text = &text[end..];
    }
    rest.push_str(text);
    preloads.sort_unstable();
    if let Some(first) = first {
        rest.insert_str(first, &preloads.concat());
    }
    rest
}

/// The primary through wasm-opt once more (`-Oz`): Trunk's pass ran before the split, on the
/// whole module; the split then took most of the code away and added stubs. 1.9 KB gzip less
/// of the first download. Deterministic, as the rest of the build.
fn optimise_again(wasm: &[u8]) -> Result<Vec<u8>, Fail> {
    let dir = root().join("target/spa-split");
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    let (input, output) = (dir.join("primary.wasm"), dir.join("primary-optimised.wasm"));
    std::fs::write(&input, wasm).map_err(io(&input))?;
    run(cmd("wasm-opt")
        .arg("-Oz")
        .arg(&input)
        .arg("-o")
        .arg(&output))?;
    std::fs::read(&output).map_err(io(&output))
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

/// The files under `a` and `b` that differ, by path from either.
pub fn differences(a: &Path, b: &Path) -> Result<Vec<String>, Fail> {
    let listing = |dir: &Path| -> Result<BTreeSet<PathBuf>, Fail> {
        let mut files = BTreeSet::new();
        let mut todo = vec![dir.to_path_buf()];
        while let Some(at) = todo.pop() {
            for entry in std::fs::read_dir(&at).map_err(io(&at))? {
                let path = entry.map_err(io(&at))?.path();
                if path.is_dir() {
                    todo.push(path);
                } else {
                    files.insert(path.strip_prefix(dir).expect("below dir").to_path_buf());
                }
            }
        }
        Ok(files)
    };
    let (in_a, in_b) = (listing(a)?, listing(b)?);
    Ok(in_a
        .union(&in_b)
        .filter(|file| std::fs::read(a.join(file)).ok() != std::fs::read(b.join(file)).ok())
        .map(|file| file.display().to_string())
        .collect())
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

    /// What index.html's script asks for on a first page at `path`, in Node, with `config.json`
    /// and `GET …/session` answering as given.
    fn asked_early(path: &str, config: &str, session_status: u16) -> Vec<String> {
        let harness = format!(
            "globalThis.window = globalThis;
             globalThis.location = {{ pathname: {path:?} }};
             globalThis.document = {{ querySelector: () => ({{ content: '/x_rest.wasm', dataset: {{ integrity: 'sha256-x' }} }}) }};
             const asked = [];
             globalThis.fetch = (url) => {{
                 asked.push(url);
                 if (url === '/config.json') return Promise.resolve(new Response({config:?}));
                 return Promise.resolve(new Response('{{}}', {{ status: url.endsWith('/session') ? {session_status} : 200 }}));
             }};
             {ASK_EARLY}
             setTimeout(() => {{
                 const kept = window.partnerCenterAhead ? [...window.partnerCenterAhead.keys()] : [];
                 process.stdout.write(JSON.stringify({{ asked, kept }}));
             }}, 50);"
        );
        let output = std::process::Command::new("node")
            .args(["-e", &harness])
            .output()
            .expect("node runs");
        assert!(output.status.success(), "{output:?}");
        let answer: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let asked: Vec<String> = serde_json::from_value(answer["asked"].clone()).unwrap();
        let kept: Vec<String> = serde_json::from_value(answer["kept"].clone()).unwrap();
        assert_eq!(
            asked.get(1..).unwrap_or_default(),
            kept,
            "everything but the rest is kept for the app to take"
        );
        asked
    }

    #[test]
    fn a_deep_link_asks_at_once_for_what_its_page_waits_for() {
        let http = r#"{ "backend": "http", "api_base": "https://api.example/api/" }"#;
        assert_eq!(
            asked_early("/settings/users", http, 200),
            [
                "/x_rest.wasm",
                "/config.json",
                "https://api.example/api/session",
                "https://api.example/api/users?q=&offset=0&limit=100",
            ],
        );
        // Another page: no list; nobody signed in: nothing the page would show.
        assert_eq!(
            asked_early("/settings/partner-profile", http, 200),
            [
                "/x_rest.wasm",
                "/config.json",
                "https://api.example/api/session"
            ],
        );
        assert_eq!(
            asked_early("/settings/users", http, 401),
            [
                "/x_rest.wasm",
                "/config.json",
                "https://api.example/api/session"
            ],
        );
        // The mock backend is in the wasm; the API's default base.
        assert_eq!(
            asked_early("/settings/users", r#"{ "backend": "mock" }"#, 200),
            ["/x_rest.wasm", "/config.json"],
        );
        assert_eq!(
            asked_early("/settings/users", r#"{ "backend": "http" }"#, 200)[2..],
            ["/api/session", "/api/users?q=&offset=0&limit=100"],
        );
    }

    #[test]
    fn the_first_pages_start_up_runs_alone_ask_for_nothing_early() {
        let http = r#"{ "backend": "http" }"#;
        assert!(asked_early("/", http, 200).is_empty());
        assert!(asked_early("/onboarding/welcome", http, 200).is_empty());
    }

    #[test]
    fn snippet_preloads_come_in_one_order() {
        let a = "<script></script><link crossorigin href=/x.js rel=modulepreload>\
            <link crossorigin href=/snippets/p/inline1.js integrity=sha384-B rel=modulepreload>\
            <link crossorigin href=/snippets/p/inline0.js integrity=sha384-A rel=modulepreload><link as=fetch>";
        let b = "<script></script><link crossorigin href=/x.js rel=modulepreload>\
            <link crossorigin href=/snippets/p/inline0.js integrity=sha384-A rel=modulepreload>\
            <link crossorigin href=/snippets/p/inline1.js integrity=sha384-B rel=modulepreload><link as=fetch>";
        assert_eq!(snippet_preloads_in_order(a), b);
        assert_eq!(snippet_preloads_in_order(b), b);
        assert_eq!(snippet_preloads_in_order("<p>none</p>"), "<p>none</p>");
    }
}
