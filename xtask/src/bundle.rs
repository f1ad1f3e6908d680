//! What a browser downloads to start the app: each file of `dist/` raw, gzip -9 and brotli 11,
//! and the initial transfer (everything `index.html` loads, plus `config.json`).

use std::{
    io::Write,
    path::{Path, PathBuf},
};

use serde_json::json;

use crate::tools::Fail;

/// Issue #7's budget for the initial transfer, gzip.
pub const BUDGET_GZIP: u64 = 200 * 1024;

pub struct FileSize {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("in memory");
    encoder.finish().expect("in memory")
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

/// The files of `dist/` a browser asks for: not the `.br`/`.gz` copies beside them.
fn served_files(dist: &Path) -> Result<Vec<PathBuf>, Fail> {
    let entries = std::fs::read_dir(dist)
        .map_err(|e| Fail::new(format!("{}: {e} (build first)", dist.display())))?;
    Ok(entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && !p.extension().is_some_and(|e| e == "br" || e == "gz"))
        .collect())
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
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
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
    println!("| file | raw | gzip -9 | brotli 11 |");
    println!("|---|---:|---:|---:|");
    for s in &sizes {
        println!("| `{}` | {} | {} | {} |", s.name, s.raw, s.gzip, s.brotli);
    }
    let total = |f: fn(&FileSize) -> u64| sizes.iter().map(f).sum::<u64>();
    let (raw, gzip, brotli) = (total(|s| s.raw), total(|s| s.gzip), total(|s| s.brotli));
    println!("| **initial transfer** | {raw} | {gzip} | {brotli} |");
    let files: Vec<_> = sizes
        .iter()
        .map(|s| json!({ "file": s.name, "raw": s.raw, "gzip": s.gzip, "brotli": s.brotli }))
        .collect();
    Ok((
        gzip,
        json!({ "files": files, "initial_raw": raw, "initial_gzip": gzip, "initial_brotli": brotli,
                "budget_gzip": BUDGET_GZIP }),
    ))
}
