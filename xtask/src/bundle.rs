//! What a browser downloads to start the app: each file of `dist/` raw, gzip (zopfli) and
//! brotli 11, and the initial transfer: everything but the wasm's deferred part
//! (`*_rest.wasm`, fetched once the first page is up; see src/split.rs).

use std::path::{Path, PathBuf};

use serde_json::json;

use crate::tools::Fail;

/// The budget for the initial transfer, gzip: issue #7's 200 KiB, lowered by #16 to its goal of
/// 150 KiB once the split moved the data only deferred code uses, then to 146 KiB once the
/// hand-written routes and wasm-opt after the split brought the build, stylist at start-up
/// included, to 147,723 bytes (README, "Bundle size"), then to 144 KiB once asking who is signed
/// in before the first render took 61 functions out of start-up (145,670 bytes). Lowered again
/// as the first module shrinks, never raised.
pub const BUDGET_GZIP: u64 = 144 * 1024;

pub struct FileSize {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// Zopfli: plain gzip that any client inflates, about 5 % smaller than `gzip -9`; slow, which
/// only matters once per build.
fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        bytes,
        &mut out,
    )
    .expect("in memory");
    out
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("in memory");
    out
}

/// The files of `dist/` a browser asks for (wasm-bindgen's `snippets/` included): not the
/// `.br`/`.gz` copies beside them.
pub fn served_files(dist: &Path) -> Result<Vec<PathBuf>, Fail> {
    let entries = std::fs::read_dir(dist)
        .map_err(|e| Fail::new(format!("{}: {e} (build first)", dist.display())))?;
    let mut files = Vec::new();
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        if path.is_dir() {
            files.extend(served_files(&path)?);
        } else if !path.extension().is_some_and(|e| e == "br" || e == "gz") {
            files.push(path);
        }
    }
    Ok(files)
}

/// Fetched after start-up, not in the initial transfer: the wasm's second part, the agreement
/// texts the mock loads when a page first needs them, the regions' names an address form loads,
/// and the messages of the language a reader switches to (French, the default, is compiled in).
fn is_deferred(name: &str) -> bool {
    name.ends_with("_rest.wasm")
        || name.starts_with("agreements/")
        || name.starts_with("locales/")
        || name == "regions.tsv"
}

/// `file.js` → `file.js.br`.
fn compressed_copy(path: &Path, extension: &str) -> PathBuf {
    let mut name = path.to_path_buf().into_os_string();
    name.push(format!(".{extension}"));
    name.into()
}

/// Writes `name.br` and `name.gz` beside each file of `dist/`, for servers that send files
/// compressed ahead of time (`partner-server`, nginx `gzip_static`/`brotli_static`).
pub fn precompress(dist: &Path) -> Result<(), Fail> {
    for path in served_files(dist)? {
        let bytes = std::fs::read(&path).map_err(|e| Fail::new(e.to_string()))?;
        for (extension, packed) in [("br", brotli(&bytes)), ("gz", gzip(&bytes))] {
            std::fs::write(compressed_copy(&path, extension), packed)
                .map_err(|e| Fail::new(e.to_string()))?;
        }
    }
    Ok(())
}

pub fn measure(dist: &Path) -> Result<Vec<FileSize>, Fail> {
    let mut sizes = Vec::new();
    for path in served_files(dist)? {
        let bytes = std::fs::read(&path).map_err(|e| Fail::new(e.to_string()))?;
        // `precompress` already wrote them (same settings) after a build: read, not redo.
        let packed = |extension: &str, pack: fn(&[u8]) -> Vec<u8>| {
            std::fs::metadata(compressed_copy(&path, extension))
                .map(|m| m.len())
                .unwrap_or_else(|_| pack(&bytes).len() as u64)
        };
        sizes.push(FileSize {
            name: path
                .strip_prefix(dist)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned(),
            raw: bytes.len() as u64,
            gzip: packed("gz", gzip),
            brotli: packed("br", brotli),
        });
    }
    sizes.sort_by_key(|s| std::cmp::Reverse(s.gzip));
    Ok(sizes)
}

/// Prints the table and returns the initial transfer (gzip) and the JSON for bench.json.
pub fn report(dist: &Path) -> Result<(u64, serde_json::Value), Fail> {
    let sizes = measure(dist)?;
    println!("\nbundle: dist/, in bytes");
    println!("| file | raw | gzip (zopfli) | brotli 11 |");
    println!("|---|---:|---:|---:|");
    for s in &sizes {
        let after = if is_deferred(&s.name) {
            " (after start-up)"
        } else {
            ""
        };
        println!(
            "| `{}`{after} | {} | {} | {} |",
            s.name, s.raw, s.gzip, s.brotli
        );
    }
    let total = |f: fn(&FileSize) -> u64| {
        sizes
            .iter()
            .filter(|s| !is_deferred(&s.name))
            .map(f)
            .sum::<u64>()
    };
    let (raw, gzip, brotli) = (total(|s| s.raw), total(|s| s.gzip), total(|s| s.brotli));
    println!("| **initial transfer** | {raw} | {gzip} | {brotli} |");
    let files: Vec<_> = sizes
        .iter()
        .map(|s| {
            json!({ "file": s.name, "raw": s.raw, "gzip": s.gzip, "brotli": s.brotli,
                         "initial": !is_deferred(&s.name) })
        })
        .collect();
    Ok((
        gzip,
        json!({ "files": files, "initial_raw": raw, "initial_gzip": gzip, "initial_brotli": brotli,
                "budget_gzip": BUDGET_GZIP }),
    ))
}
