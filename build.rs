//! The messages' typed API, from `locales/*/main.ftl`: one method per message, taking its
//! variables in the order the French text uses them (as fluent-static does), so that a message
//! missing from a language, a variable one language lacks, or a call with the wrong arguments
//! fails the build. French is compiled (fluent-static, `src/i18n/mod.rs`); English is read at run
//! time from the file fetched when a reader wants it (`src/i18n/reader.rs`), so that the first
//! download carries one language's texts.
//!
//! The run-time reader knows a subset of Fluent (text, `{ $variable }`, and selectors on a
//! variable with plural-category or number keys); this script refuses anything else.

use std::{collections::BTreeSet, fmt::Write as _};

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};

const LANGUAGES: [&str; 2] = ["fr-FR", "en-US"];

fn main() {
    write_link_map();
    let sources: Vec<String> = LANGUAGES
        .iter()
        .map(|lang| {
            let path = format!("locales/{lang}/main.ftl");
            println!("cargo:rerun-if-changed={path}");
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
        })
        .collect();
    let catalogs: Vec<Vec<(String, Vec<String>)>> = LANGUAGES
        .iter()
        .zip(&sources)
        .map(|(lang, source)| messages(lang, source))
        .collect();
    let (french, english) = (&catalogs[0], &catalogs[1]);
    let ids = |c: &[(String, Vec<String>)]| c.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>();
    if ids(french) != ids(english) {
        let (fr, en): (BTreeSet<_>, BTreeSet<_>) = (
            ids(french).into_iter().collect(),
            ids(english).into_iter().collect(),
        );
        panic!(
            "the two languages must list the same messages in the same order (the run-time \
             catalogs are read by position); only in French: {:?}; only in English: {:?}",
            fr.difference(&en).collect::<Vec<_>>(),
            en.difference(&fr).collect::<Vec<_>>(),
        );
    }
    let mut code = String::new();
    writeln!(code, "impl Messages {{").unwrap();
    for (index, ((id, vars), (_, english_vars))) in french.iter().zip(english).enumerate() {
        let (a, b): (BTreeSet<_>, BTreeSet<_>) =
            (vars.iter().collect(), english_vars.iter().collect());
        assert_eq!(a, b, "{id}: the two languages use different variables");
        let name = id.replace('-', "_");
        let params: String = vars
            .iter()
            .map(|v| format!(", {v}: impl Into<Arg>"))
            .collect();
        let into: String = vars.iter().map(|v| format!("{v}.into(), ")).collect();
        let typed: String = vars.iter().map(|v| format!(", {v}: Arg")).collect();
        let named: String = vars.iter().map(|v| format!("(\"{v}\", {v}), ")).collect();
        let french: String = vars.iter().map(|v| format!("{v}, ")).collect();
        // The generic method only converts its arguments; the body is one function per message,
        // not a copy at each call site.
        writeln!(
            code,
            "    pub fn r#{name}(&self{params}) -> Message {{ self.{name}_({into}) }}\n\
             #[inline(never)] fn {name}_(&self{typed}) -> Message {{ match self {{ \
             Messages::Read(read) => read.format({index}, &[{named}]), \
             Messages::Compiled(french) => french.r#{name}({french}).into() }} }}"
        )
        .unwrap();
    }
    writeln!(code, "}}").unwrap();
    writeln!(
        code,
        "/// How many messages a catalog holds.\npub const MESSAGE_COUNT: usize = {};",
        french.len()
    )
    .unwrap();
    // The English file's address changes with its text, so that no cache serves an old one.
    writeln!(
        code,
        "/// Where the English catalog is served.\npub const ENGLISH_URL: &str = \"/locales/en-US/main.ftl?v={:016x}\";",
        fnv1a(sources[1].as_bytes())
    )
    .unwrap();
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out.join("messages.rs"), code).unwrap();
    // For the unit test that reads the French file at run time and compares each message with
    // the compiled French: text arguments that tell the variables apart, then numbers.
    let mut reads = String::from("{\n");
    for (id, vars) in french {
        let name = id.replace('-', "_");
        for kind in ["text", "0", "1", "2"] {
            let args: Vec<String> = vars
                .iter()
                .map(|v| match kind {
                    "text" => format!("\"<{v}>\""),
                    n => format!("{n}i64"),
                })
                .collect();
            let args = args.join(", ");
            writeln!(
                reads,
                "assert_eq!(read.r#{name}({args}), compiled.r#{name}({args}), \"{id} {kind}\");"
            )
            .unwrap();
        }
    }
    reads.push('}');
    std::fs::write(out.join("reads.rs"), reads).unwrap();
}

/// A stable 64-bit hash (FNV-1a): the build must not depend on the standard library's.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Each message of a file, in order, with its variables in the order of first use.
fn messages(lang: &str, source: &str) -> Vec<(String, Vec<String>)> {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("locales/{lang}/main.ftl: {errors:?}"));
    let mut found = Vec::new();
    for entry in resource.body {
        match entry {
            Entry::Message(message) => {
                let id = message.id.name.to_owned();
                assert!(
                    message.attributes.is_empty(),
                    "{lang} {id}: attributes are not supported"
                );
                let pattern = message
                    .value
                    .unwrap_or_else(|| panic!("{lang} {id}: a message needs a value"));
                let mut vars = Vec::new();
                walk(&pattern, &mut vars, &format!("{lang} {id}"));
                found.push((id, vars));
            }
            Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => {}
            Entry::Term(term) => panic!("{lang} -{}: terms are not supported", term.id.name),
            Entry::Junk { content } => panic!("{lang}: cannot read {content:?}"),
        }
    }
    found
}

fn note(vars: &mut Vec<String>, name: &str) {
    if !vars.iter().any(|v| v == name) {
        vars.push(name.to_owned());
    }
}

fn walk(pattern: &Pattern<&str>, vars: &mut Vec<String>, at: &str) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => {
                assert!(!value.contains(['{', '}']), "{at}: a brace in text");
            }
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::VariableReference { id }),
            } => note(vars, id.name),
            PatternElement::Placeable {
                expression:
                    Expression::Select {
                        selector: InlineExpression::VariableReference { id },
                        variants,
                    },
            } => {
                note(vars, id.name);
                for variant in variants {
                    match &variant.key {
                        VariantKey::Identifier { name } => assert!(
                            ["zero", "one", "two", "few", "many", "other"].contains(name),
                            "{at}: variant [{name}] is not a plural category"
                        ),
                        VariantKey::NumberLiteral { value } => assert!(
                            value.parse::<i64>().is_ok(),
                            "{at}: variant [{value}] is not a whole number"
                        ),
                    }
                    walk(&variant.value, vars, at);
                }
            }
            PatternElement::Placeable { expression } => {
                panic!("{at}: only variables and selectors on a variable are supported, not {expression:?}")
            }
        }
    }
}

/// The release wasm's link map, beside it (`target/wasm32-unknown-unknown/release/partner-center.map`):
/// the address and size of each static the linker placed, which the split reads to move the
/// data only deferred code uses out of the first download (xtask/src/split.rs).
fn write_link_map() {
    let env = |name| std::env::var(name).unwrap_or_default();
    if env("TARGET") != "wasm32-unknown-unknown" || env("PROFILE") != "release" {
        return;
    }
    // OUT_DIR is `<target>/wasm32-unknown-unknown/release/build/<package>-<hash>/out`.
    let out = std::path::PathBuf::from(env("OUT_DIR"));
    if let Some(release) = out.ancestors().nth(3) {
        println!(
            "cargo:rustc-link-arg-bins=--Map={}",
            release.join("partner-center.map").display()
        );
    }
}
