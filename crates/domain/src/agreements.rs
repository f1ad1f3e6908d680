//! The partner network agreement texts, one file per version and language (our own words).
//! The server compiles them in; the SPA's mock loads them from `dist/agreements/` when first
//! needed (`missing`, `install`), so that they do not weigh on the SPA's start-up.

use crate::{Agreement, Lang};

crate::wire_enum! {
    /// The agreements a partner signs.
    pub enum AgreementKind {
        /// The Microsoft Partner Network agreement of the seed.
        Mpn = "mpn",
    }
}

/// (kind, version, language, file in `crates/domain/agreements/`): the last version of a kind
/// is the current one.
pub const FILES: &[(AgreementKind, &str, Lang, &str)] = &[
    (
        AgreementKind::Mpn,
        "2026-09",
        Lang::Fr,
        "mpn-2026-09.fr-FR.md",
    ),
    (
        AgreementKind::Mpn,
        "2026-09",
        Lang::En,
        "mpn-2026-09.en-US.md",
    ),
];

/// The texts compiled in (feature `agreement-texts`: the server, and the tests). The SPA leaves
/// them out of its start-up module and its mock loads them from `dist/agreements/` instead.
#[cfg(any(test, feature = "agreement-texts"))]
fn bundled(file: &str) -> Option<&'static str> {
    match file {
        "mpn-2026-09.fr-FR.md" => Some(include_str!("../agreements/mpn-2026-09.fr-FR.md")),
        "mpn-2026-09.en-US.md" => Some(include_str!("../agreements/mpn-2026-09.en-US.md")),
        _ => None,
    }
}

#[cfg(not(any(test, feature = "agreement-texts")))]
fn bundled(_file: &str) -> Option<&'static str> {
    None
}

thread_local! {
    /// Texts given by `install` (file, text): kept for the program's life, once per file.
    static INSTALLED: std::cell::RefCell<Vec<(&'static str, &'static str)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn text_of(file: &str) -> Option<&'static str> {
    bundled(file).or_else(|| {
        INSTALLED.with(|texts| {
            texts
                .borrow()
                .iter()
                .find(|(f, _)| *f == file)
                .map(|(_, t)| *t)
        })
    })
}

/// The files of `FILES` whose text is not known yet (to be loaded and given to `install`).
pub fn missing() -> Vec<&'static str> {
    FILES
        .iter()
        .map(|(_, _, _, file)| *file)
        .filter(|file| text_of(file).is_none())
        .collect()
}

/// Gives the text of `file` (one of `FILES`), loaded from elsewhere. A file already known keeps
/// its text, so each is kept once whatever the callers do.
pub fn install(file: &str, text: &str) {
    let known = FILES.iter().find(|(_, _, _, f)| *f == file);
    if let Some((_, _, _, known)) = known.filter(|_| text_of(file).is_none()) {
        let text: &'static str = Box::leak(text.into());
        INSTALLED.with(|texts| texts.borrow_mut().push((known, text)));
    }
}

/// Every text known, with its language and whether it is the current version of its kind.
pub fn all() -> impl Iterator<Item = (Agreement, Lang, bool)> {
    FILES.iter().filter_map(|(kind, version, lang, file)| {
        let latest = FILES.iter().filter(|t| t.0 == *kind).map(|t| t.1).max() == Some(*version);
        text_of(file).map(|text| (parse(*kind, version, text), *lang, latest))
    })
}

/// The current text of `kind` in `lang`.
pub fn current(kind: AgreementKind, lang: Lang) -> Option<Agreement> {
    all()
        .find(|(a, l, current)| a.kind == kind && *l == lang && *current)
        .map(|(a, _, _)| a)
}

/// First line `# Title`, then the body (paragraphs separated by blank lines, `## ` headings).
fn parse(kind: AgreementKind, version: &str, file: &str) -> Agreement {
    let (title, body) = file.split_once('\n').unwrap_or((file, ""));
    Agreement {
        kind,
        version: version.into(),
        title: title.trim_start_matches("# ").trim().into(),
        body: body.trim().into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_of_the_current_agreement() {
        let fr = current(AgreementKind::Mpn, Lang::Fr).unwrap();
        let en = current(AgreementKind::Mpn, Lang::En).unwrap();
        assert_eq!(fr.title, "Contrat Microsoft Partner Network");
        assert_eq!(en.title, "Microsoft Partner Network agreement");
        assert_eq!(fr.version, en.version);
        let sections = |a: &Agreement| a.body.matches("\n## ").count();
        assert_eq!(sections(&fr), sections(&en));
        assert!(sections(&fr) >= 8);
        assert_eq!(AgreementKind::from_key("csp"), None);
        assert_eq!(AgreementKind::from_key("mpn"), Some(AgreementKind::Mpn));
    }
}
