//! The product's two languages: the UI's, and those of the agreement texts.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[serde(rename = "fr-FR")]
    Fr,
    #[serde(rename = "en-US")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The cookie in which the app tells the server the language its reader reads (its tag;
    /// absent, French), so that the pages the server renders are in it
    /// (`crates/server/src/first_page.rs`; the app's `i18n::tell_the_server`).
    pub const COOKIE: &str = "partner-center.lang";

    /// BCP 47 tag, as used by `<html lang>`, the message bundles, `Intl` and the API's `lang`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Fr => "fr-FR",
            Self::En => "en-US",
        }
    }

    /// The language's own name, the same in every UI language.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Fr => "Français",
            Self::En => "English",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
    }

    /// What a client asked for (`lang=en`, `Accept-Language: en-GB,…`): English if it asks for
    /// it first, French, the reference language, otherwise.
    pub fn negotiate(wanted: Option<&str>) -> Self {
        match wanted {
            Some(tag) if tag.trim_start().to_ascii_lowercase().starts_with("en") => Self::En,
            _ => Self::Fr,
        }
    }
}

/// The cookie in which the app tells the server the browser's time zone (an IANA name), in which
/// a page the server renders writes its days.
pub const TIME_ZONE_COOKIE: &str = "partner-center.tz";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_the_wire_names() {
        for lang in Lang::ALL {
            assert_eq!(serde_json::to_value(lang).unwrap(), lang.tag());
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
        assert_eq!(Lang::negotiate(Some("en-GB,en;q=0.9")), Lang::En);
        assert_eq!(Lang::negotiate(Some("de-DE")), Lang::Fr);
        assert_eq!(Lang::negotiate(None), Lang::Fr);
    }
}
