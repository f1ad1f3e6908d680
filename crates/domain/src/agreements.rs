//! The partner network agreement texts, one file per version and language (our own words).
//! The server stores them in its database at start; the mock backend serves them as they are.

use crate::{Agreement, Lang};

crate::wire_enum! {
    /// The agreements a partner signs.
    pub enum AgreementKind {
        /// The Microsoft Partner Network agreement of the seed.
        Mpn = "mpn",
    }
}

/// (kind, version, language, file): the last version of a kind is the current one.
const TEXTS: &[(AgreementKind, &str, Lang, &str)] = &[
    (
        AgreementKind::Mpn,
        "2026-09",
        Lang::Fr,
        include_str!("../agreements/mpn-2026-09.fr-FR.md"),
    ),
    (
        AgreementKind::Mpn,
        "2026-09",
        Lang::En,
        include_str!("../agreements/mpn-2026-09.en-US.md"),
    ),
];

/// Every text, with its language and whether it is the current version of its kind.
pub fn all() -> impl Iterator<Item = (Agreement, Lang, bool)> {
    TEXTS.iter().map(|(kind, version, lang, file)| {
        let latest = TEXTS.iter().filter(|t| t.0 == *kind).map(|t| t.1).max() == Some(*version);
        (parse(*kind, version, file), *lang, latest)
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
