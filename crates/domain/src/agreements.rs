//! The partner network agreement texts, one file per version and language (our own words).
//! The server stores them in its database at start; the mock backend serves them as they are.

use crate::Agreement;

/// (kind, version, language, file): the last version of a kind is the current one.
const TEXTS: &[(&str, &str, &str, &str)] = &[
    (
        "mpn",
        "2026-09",
        "fr-FR",
        include_str!("../agreements/mpn-2026-09.fr-FR.md"),
    ),
    (
        "mpn",
        "2026-09",
        "en-US",
        include_str!("../agreements/mpn-2026-09.en-US.md"),
    ),
];

pub const LANGUAGES: [&str; 2] = ["fr-FR", "en-US"];

/// Every text, with its language and whether it is the current version of its kind.
pub fn all() -> impl Iterator<Item = (Agreement, &'static str, bool)> {
    TEXTS.iter().map(|(kind, version, lang, file)| {
        let latest = TEXTS.iter().filter(|t| t.0 == *kind).map(|t| t.1).max() == Some(*version);
        (parse(kind, version, file), *lang, latest)
    })
}

/// The current text of `kind` in `lang` (`fr-FR` or `en-US`).
pub fn current(kind: &str, lang: &str) -> Option<Agreement> {
    all()
        .find(|(a, l, current)| a.kind == kind && *l == lang && *current)
        .map(|(a, _, _)| a)
}

/// First line `# Title`, then the body (paragraphs separated by blank lines, `## ` headings).
fn parse(kind: &str, version: &str, file: &str) -> Agreement {
    let (title, body) = file.split_once('\n').unwrap_or((file, ""));
    Agreement {
        kind: kind.into(),
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
        let fr = current("mpn", "fr-FR").unwrap();
        let en = current("mpn", "en-US").unwrap();
        assert_eq!(fr.title, "Contrat Microsoft Partner Network");
        assert_eq!(en.title, "Microsoft Partner Network agreement");
        assert_eq!(fr.version, en.version);
        let sections = |a: &Agreement| a.body.matches("\n## ").count();
        assert_eq!(sections(&fr), sections(&en));
        assert!(sections(&fr) >= 8);
        assert!(current("csp", "fr-FR").is_none());
    }
}
