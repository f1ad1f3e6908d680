//! Numbers and days written as the browser's `Intl` writes them in our two languages ("10 001"
//! with a narrow no-break space, "10,001"; "1 déc. 2026", "Dec 1, 2026"), in plain Rust: the
//! server renders the user list's first page (`snapshot.rs`) with them, and the app then writes
//! the same text through `Intl`, so that nothing changes when the app takes over. A browser
//! test compares the two for many values (`tests/shell.rs`).

use super::Lang;

/// `value`'s digits in groups of three, with the language's separator.
pub fn number(lang: Lang, value: u64) -> String {
    let separator = match lang {
        Lang::Fr => '\u{202F}',
        Lang::En => ',',
    };
    let digits = value.to_string();
    let mut written = String::with_capacity(digits.len() * 2);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            written.push(separator);
        }
        written.push(digit);
    }
    written
}

/// A calendar day in the language's medium style (`dateStyle: "medium"`); `month` is 1–12.
pub fn day(lang: Lang, year: i16, month: i8, day: i8) -> String {
    const FR: [&str; 12] = [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ];
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = usize::try_from(month - 1).unwrap_or(0).min(11);
    match lang {
        Lang::Fr => format!("{day} {} {year}", FR[month]),
        Lang::En => format!("{} {day}, {year}", EN[month]),
    }
}
