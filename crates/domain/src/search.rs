//! The search key of docs/API.md's user search: lower case, accents folded, so that
//! "eloise lefevre" finds Éloïse Lefèvre. Shared by the server's stored column and the mock.

/// Folds one character to its unaccented lower-case form (Latin scripts of our users).
fn fold(c: char, out: &mut String) {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' | 'ĝ' | 'ġ' | 'ģ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ł' | 'ľ' | 'ĺ' | 'ļ' => "l",
        'ñ' | 'ń' | 'ň' | 'ņ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'ŕ' | 'ř' | 'ŗ' => "r",
        'ś' | 'š' | 'ş' | 'ŝ' | 'ș' => "s",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(folded);
}

/// `search_key("Éloïse LEFÈVRE")` → `"eloise lefevre"`; runs of whitespace become one space.
pub fn search_key(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for word in value.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        // Most names and every address are ASCII: lower-cased byte by byte, nothing to fold
        // (a list of 10,000 users builds 40,000 keys).
        if word.is_ascii() {
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            continue;
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            fold(c, &mut out);
        }
    }
    out
}

/// What a user is found by: "first last", "last first" and the email, one per line.
pub fn user_search_text(first_name: &str, last_name: &str, email: &str) -> String {
    format!(
        "{}\n{}\n{}",
        search_key(&format!("{first_name} {last_name}")),
        search_key(&format!("{last_name} {first_name}")),
        search_key(email)
    )
}

/// The order of a user list: last name, then first name, accents and case ignored.
pub fn user_sort_key(first_name: &str, last_name: &str) -> String {
    format!("{}\u{1}{}", search_key(last_name), search_key(first_name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_fold_away() {
        assert_eq!(search_key("Éloïse  LEFÈVRE"), "eloise lefevre");
        assert_eq!(search_key("Łukasz Żółć"), "lukasz zolc");
        assert_eq!(search_key("Œuvre Straße"), "oeuvre strasse");
    }

    #[test]
    fn users_are_found_by_either_name_order_and_email() {
        let text = user_search_text("Éloïse", "Lefèvre", "eloise@contoso.fr");
        for q in [
            "eloise lefevre",
            "lefevre eloise",
            "ise lef",
            "eloise@contoso",
        ] {
            assert!(text.contains(&search_key(q)), "{q}");
        }
        assert!(!text.contains("lefevre lefevre"));
    }
}
