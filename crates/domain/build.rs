//! Generates `places.rs`: every ISO 3166-1 alpha-2 code (from the `celes` crate, not typed by
//! hand) and, from `data/regions.tsv`, the region codes of the countries whose addresses name a
//! region from a fixed list. The regions' names stay in the data file: the server never shows
//! them and the SPA loads them when a form needs them.

use std::{collections::BTreeMap, fmt::Write, path::Path};

#[path = "src/region_rows.rs"]
mod region_rows;

/// User-assigned, not ISO 3166-1 (Kosovo's provisional code): refused, as by the standard.
const NOT_ISO: &[&str] = &["XK"];

fn main() {
    println!("cargo::rerun-if-changed=data/regions.tsv");
    println!("cargo::rerun-if-changed=src/region_rows.rs");
    let mut codes: Vec<&str> = celes::Country::get_countries()
        .iter()
        .map(|country| country.alpha2)
        .filter(|code| !NOT_ISO.contains(code))
        .collect();
    codes.sort_unstable();
    codes.dedup();

    let tsv = std::fs::read_to_string("data/regions.tsv").expect("data/regions.tsv");
    let mut regions: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let data_lines = tsv
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .count();
    let rows: Vec<[&str; 4]> = region_rows::rows(&tsv).collect();
    assert_eq!(
        rows.len(),
        data_lines,
        "data/regions.tsv: every row has four tab-separated fields"
    );
    for [country, code, en, fr] in rows {
        assert!(
            codes.binary_search(&country).is_ok(),
            "data/regions.tsv: {country} is not an ISO 3166-1 code"
        );
        assert!(
            !code.is_empty() && !en.is_empty() && !fr.is_empty(),
            "data/regions.tsv: {country}-{code} has an empty field"
        );
        let list = regions.entry(country).or_default();
        assert!(
            !list.contains(&code),
            "data/regions.tsv: {country}-{code} twice"
        );
        list.push(code);
    }

    let mut out = String::new();
    writeln!(out, "/// Every ISO 3166-1 alpha-2 code, sorted.").unwrap();
    writeln!(
        out,
        "pub const ISO_CODES: [&str; {}] = {codes:?};",
        codes.len()
    )
    .unwrap();
    writeln!(
        out,
        "/// (country, region codes) for the countries with a fixed list, sorted by country."
    )
    .unwrap();
    writeln!(out, "const REGION_CODES: &[(&str, &[&str])] = &[").unwrap();
    for (country, list) in &regions {
        writeln!(out, "    ({country:?}, &{list:?}),").unwrap();
    }
    writeln!(out, "];").unwrap();
    let dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    std::fs::write(Path::new(&dir).join("places.rs"), out).expect("write places.rs");
}
