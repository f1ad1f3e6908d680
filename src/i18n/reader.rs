//! A language's messages, read at run time from its Fluent file (`locales/en-US/main.ftl`): the
//! subset `build.rs` allows (text, `{ $variable }`, selectors on a variable with plural or
//! number keys), read the way Fluent reads it (indentation, line joins, trailing blanks), and
//! formatted as fluent-rs does, each variable between Unicode isolation marks. Only English
//! readers run this, after the app's second part has arrived (`load`), so the release build
//! keeps this module there (`xtask/src/spa.rs`).

use std::fmt;

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

use super::{Arg, Lang, Message};

#[derive(Debug, PartialEq)]
enum Key {
    Category(PluralCategory),
    /// Whole numbers only (`build.rs` checks): reading them as floats would put a float parser
    /// in the first download.
    Number(i64),
}

#[derive(Debug, PartialEq)]
enum Element {
    Text(String),
    Var(String),
    Select {
        var: String,
        variants: Vec<(Key, Pattern)>,
        default: usize,
    },
}

type Pattern = Vec<Element>;

/// A file's messages, by position (both files list them in the same order, `build.rs` checks).
pub struct Catalog {
    pub lang: Lang,
    /// Made at the first plural: most pages show none, and start-up need not pay for it.
    plurals: std::cell::OnceCell<Option<PluralRules>>,
    patterns: Vec<Pattern>,
}

/// Why a fetched file cannot be used (an older or newer build's, or not Fluent at all).
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("line {line}: {what}")]
    Syntax { line: usize, what: &'static str },
    #[error("{found} messages where this build has {expected}")]
    Count { found: usize, expected: usize },
}

/// Fetches and reads a language's catalog from `url` on the app's own origin, then calls
/// `done` with it or with what went wrong, in words. Not `async` itself, so that fetching and
/// reading stay out of its caller, in this module (the app's second part).
#[inline(never)]
pub fn fetch(
    lang: Lang,
    url: &'static str,
    expected: usize,
    done: Box<dyn FnOnce(Result<Catalog, String>)>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let read = match crate::api::assets::fetch_text(url.trim_start_matches('/')).await {
            Ok(source) => {
                Catalog::parse(lang, &source, expected).map_err(|e| format!("reading {url}: {e}"))
            }
            Err(e) => Err(format!("fetching {url}: {e:?}")),
        };
        done(read);
    });
}

impl Catalog {
    pub fn parse(lang: Lang, source: &str, expected: usize) -> Result<Self, CatalogError> {
        let patterns = read_file(source)?;
        if patterns.len() != expected {
            return Err(CatalogError::Count {
                found: patterns.len(),
                expected,
            });
        }
        Ok(Self {
            lang,
            plurals: std::cell::OnceCell::new(),
            patterns,
        })
    }

    fn plural(&self, n: f64) -> Option<PluralCategory> {
        let rules = self.plurals.get_or_init(|| {
            let locale = match self.lang {
                Lang::Fr => unic_langid::langid!("fr"),
                Lang::En => unic_langid::langid!("en"),
            };
            PluralRules::create(locale, PluralRuleType::CARDINAL).ok()
        });
        rules.as_ref()?.select(n).ok()
    }

    /// Message `index` with its variables' values (by name); empty past the end.
    pub fn format(&self, index: usize, args: &[(&str, Arg)]) -> Message {
        let mut out = String::new();
        if let Some(pattern) = self.patterns.get(index) {
            self.write(pattern, args, &mut out);
        }
        Message::new(out)
    }

    fn write(&self, pattern: &Pattern, args: &[(&str, Arg)], out: &mut String) {
        use fmt::Write as _;
        let value = |name: &str| args.iter().find(|(n, _)| *n == name).map(|(_, v)| v);
        for element in pattern {
            match element {
                Element::Text(text) => out.push_str(text),
                Element::Var(name) => {
                    out.push('\u{2068}');
                    if let Some(value) = value(name) {
                        let _ = write!(out, "{value}");
                    }
                    out.push('\u{2069}');
                }
                Element::Select {
                    var,
                    variants,
                    default,
                } => {
                    let chosen = match value(var) {
                        Some(Arg::Number(n)) => {
                            let category = self.plural(*n);
                            variants
                                .iter()
                                .position(|(key, _)| matches!(key, Key::Number(k) if *k as f64 == *n))
                                .or_else(|| {
                                    variants.iter().position(|(key, _)| {
                                        matches!((key, &category), (Key::Category(k), Some(c)) if k == c)
                                    })
                                })
                        }
                        _ => None,
                    };
                    self.write(&variants[chosen.unwrap_or(*default)].1, args, out);
                }
            }
        }
    }
}

/// Each message's pattern, in file order.
fn read_file(source: &str) -> Result<Vec<Pattern>, CatalogError> {
    let lines: Vec<&str> = source.lines().collect();
    let mut patterns = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((_, first)) = line.split_once('=') else {
            return Err(CatalogError::Syntax {
                line: i,
                what: "expected `id = text`",
            });
        };
        // A message goes on over indented lines and over a selector's `}` and variants.
        let start = i;
        while i < lines.len() && lines[i].starts_with([' ', '\t', '}', '[', '*']) {
            i += 1;
        }
        let text = join(first, &lines[start..i]);
        let mut reader = Reader {
            chars: text.chars().collect(),
            at: 0,
            line: start,
        };
        let mut pattern = reader.pattern(false)?;
        trim_end(&mut pattern);
        patterns.push(pattern);
    }
    Ok(patterns)
}

/// The message's text as Fluent sees it: the first line after `=`, then the following lines
/// without their common indentation, joined by newlines.
fn join(first: &str, rest: &[&str]) -> String {
    let indent = rest
        .iter()
        .filter(|l| l.starts_with([' ', '\t']) && !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut text = first.trim_start().to_owned();
    for line in rest {
        if !text.is_empty() {
            text.push('\n');
        }
        let dedented = if line.starts_with([' ', '\t']) {
            line.get(indent..).unwrap_or("")
        } else {
            line
        };
        text.push_str(dedented);
    }
    text
}

fn trim_end(pattern: &mut Pattern) {
    if let Some(Element::Text(text)) = pattern.last_mut() {
        text.truncate(text.trim_end().len());
    }
}

struct Reader {
    chars: Vec<char>,
    at: usize,
    line: usize,
}

impl Reader {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn error(&self, what: &'static str) -> CatalogError {
        CatalogError::Syntax {
            line: self.line,
            what,
        }
    }

    fn skip_blanks(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    fn name(&mut self) -> String {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            self.at += 1;
        }
        self.chars[start..self.at].iter().collect()
    }

    fn expect(&mut self, c: char, what: &'static str) -> Result<(), CatalogError> {
        if self.peek() == Some(c) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(what))
        }
    }

    /// Text and placeables, to the end (or to the end of the line, for a variant).
    fn pattern(&mut self, one_line: bool) -> Result<Pattern, CatalogError> {
        let mut pattern = Vec::new();
        let mut text = String::new();
        while let Some(c) = self.peek() {
            match c {
                '\n' if one_line => break,
                '{' => {
                    if !text.is_empty() {
                        pattern.push(Element::Text(std::mem::take(&mut text)));
                    }
                    self.at += 1;
                    pattern.push(self.placeable()?);
                }
                _ => {
                    text.push(c);
                    self.at += 1;
                }
            }
        }
        if !text.is_empty() {
            pattern.push(Element::Text(text));
        }
        Ok(pattern)
    }

    /// After `{`: `$var }` or `$var -> [key] text … *[key] text }`.
    fn placeable(&mut self) -> Result<Element, CatalogError> {
        self.skip_blanks();
        self.expect('$', "expected a variable")?;
        let var = self.name();
        self.skip_blanks();
        if self.peek() == Some('}') {
            self.at += 1;
            return Ok(Element::Var(var));
        }
        self.expect('-', "expected `}` or `->`")?;
        self.expect('>', "expected `->`")?;
        let mut variants = Vec::new();
        let mut default = None;
        loop {
            self.skip_blanks();
            match self.peek() {
                Some('}') => {
                    self.at += 1;
                    break;
                }
                Some('*') => {
                    self.at += 1;
                    default = Some(variants.len());
                }
                _ => {}
            }
            self.expect('[', "expected a variant")?;
            let key = self.name();
            self.expect(']', "expected `]`")?;
            let key = match key.parse::<i64>() {
                Ok(n) => Key::Number(n),
                Err(_) => Key::Category(category(&key).ok_or_else(|| self.error("unknown key"))?),
            };
            while self.peek() == Some(' ') {
                self.at += 1;
            }
            let mut pattern = self.pattern(true)?;
            trim_end(&mut pattern);
            variants.push((key, pattern));
        }
        Ok(Element::Select {
            var,
            default: default.ok_or_else(|| self.error("no default variant"))?,
            variants,
        })
    }
}

fn category(key: &str) -> Option<PluralCategory> {
    Some(match key {
        "zero" => PluralCategory::ZERO,
        "one" => PluralCategory::ONE,
        "two" => PluralCategory::TWO,
        "few" => PluralCategory::FEW,
        "many" => PluralCategory::MANY,
        "other" => PluralCategory::OTHER,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    const SOURCE: &str = "# A comment\n\
        hello = Bonjour { $name } !\n\
        \n\
        count = { $count ->\n    [0] aucun.\n    [one] { $shown } ligne\n   *[other] { $shown } lignes\n}, fin\n\
        sample =\n    Prénom;Nom\n    Éloïse;Lefèvre\n";

    #[test]
    fn reads_text_variables_selectors_and_blocks_as_fluent_does() {
        let catalog = Catalog::parse(Lang::Fr, SOURCE, 3).unwrap();
        let text = |i, args: &[(&str, Arg)]| catalog.format(i, args).to_string();
        assert_eq!(
            text(0, &[("name", "Léa".into())]),
            "Bonjour \u{2068}Léa\u{2069} !"
        );
        let count = |n: i64| text(1, &[("count", n.into()), ("shown", n.to_string().into())]);
        assert_eq!(count(0), "aucun., fin");
        assert_eq!(count(1), "\u{2068}1\u{2069} ligne, fin");
        assert_eq!(count(2), "\u{2068}2\u{2069} lignes, fin");
        assert_eq!(text(2, &[]), "Prénom;Nom\nÉloïse;Lefèvre");
    }

    #[test]
    fn a_file_of_another_build_is_refused() {
        assert!(matches!(
            Catalog::parse(Lang::En, SOURCE, 4),
            Err(CatalogError::Count {
                found: 3,
                expected: 4
            })
        ));
        assert!(Catalog::parse(Lang::En, "hello = { name }", 1).is_err());
    }
}
