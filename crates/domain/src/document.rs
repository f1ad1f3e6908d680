//! The signed agreement as a PDF, the same bytes from both backends: the text, its version, the
//! partner, the signer and the UTC acceptance time, on A4 pages in the standard Helvetica font
//! (WinAnsi encoding: French and English; a letter outside it prints as `?`).

use crate::service::SignedDocument;

const LINE_CHARS: usize = 92;
const LINES_PER_PAGE: usize = 54;
const BODY_PT: f32 = 10.0;
const LEADING_PT: f32 = 13.5;
/// A4, and the first line 20 mm from the left and 20 mm from the top, in points.
const PAGE: (f32, f32) = (595.28, 841.89);
const TOP_LEFT: (f32, f32) = (56.69, 785.2);

/// Greedy word wrap at `width` characters (Helvetica at 10 pt fits about 92 on A4).
fn wrap(paragraph: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    // Split on plain spaces only: no-break spaces (« Contrat », « : ») keep their words together.
    for word in paragraph.split([' ', '\n']).filter(|w| !w.is_empty()) {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

/// (text, bold) lines of the whole document.
pub fn lines(doc: &SignedDocument) -> Vec<(String, bool)> {
    let fr = doc.lang == crate::Lang::Fr;
    let label = |fr_text: &str, en_text: &str| if fr { fr_text } else { en_text }.to_owned();
    let mut out = vec![
        (doc.title.clone(), true),
        (format!("Version {}", doc.version), false),
        (String::new(), false),
    ];
    let record = [
        (
            label("Partenaire", "Partner"),
            format!("{} (MPN ID {})", doc.legal_name, doc.mpn_id),
        ),
        (
            label("Accepté par", "Accepted by"),
            format!("{} <{}>", doc.signer.name, doc.signer.email),
        ),
        (
            label("Date d’acceptation (UTC)", "Accepted on (UTC)"),
            doc.accepted_at.replace('T', " ").replace('Z', ""),
        ),
    ];
    let separator = if fr { "\u{a0}: " } else { ": " };
    for (name, value) in record {
        let line = format!("{name}{separator}{value}");
        out.extend(wrap(&line, LINE_CHARS).into_iter().map(|l| (l, false)));
    }
    out.push((String::new(), false));
    for paragraph in doc.body.split("\n\n") {
        let heading = paragraph.starts_with("## ");
        let text = paragraph.trim_start_matches("## ");
        out.extend(wrap(text, LINE_CHARS).into_iter().map(|l| (l, heading)));
        out.push((String::new(), false));
    }
    out
}

/// The Windows-1252 byte of a character, `?` for one it lacks.
fn win_ansi(c: char) -> u8 {
    const HIGH: [(char, u8); 27] = [
        ('€', 0x80),
        ('‚', 0x82),
        ('ƒ', 0x83),
        ('„', 0x84),
        ('…', 0x85),
        ('†', 0x86),
        ('‡', 0x87),
        ('ˆ', 0x88),
        ('‰', 0x89),
        ('Š', 0x8a),
        ('‹', 0x8b),
        ('Œ', 0x8c),
        ('Ž', 0x8e),
        ('‘', 0x91),
        ('’', 0x92),
        ('“', 0x93),
        ('”', 0x94),
        ('•', 0x95),
        ('–', 0x96),
        ('—', 0x97),
        ('˜', 0x98),
        ('™', 0x99),
        ('š', 0x9a),
        ('›', 0x9b),
        ('œ', 0x9c),
        ('ž', 0x9e),
        ('Ÿ', 0x9f),
    ];
    match c as u32 {
        0x20..=0x7e | 0xa0..=0xff => c as u8,
        _ => HIGH.iter().find(|(h, _)| *h == c).map_or(b'?', |(_, b)| *b),
    }
}

/// A PDF string literal: `(` … `)` with its delimiters escaped.
fn literal(text: &str, out: &mut Vec<u8>) {
    out.push(b'(');
    for byte in text.chars().map(win_ansi) {
        if matches!(byte, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(byte);
    }
    out.push(b')');
}

fn page_content(lines: &[(String, bool)]) -> Vec<u8> {
    let mut out = format!("BT\n{LEADING_PT} TL\n{} {} Td\n", TOP_LEFT.0, TOP_LEFT.1).into_bytes();
    for (text, bold) in lines {
        out.extend_from_slice(format!("/F{} {BODY_PT} Tf ", if *bold { 2 } else { 1 }).as_bytes());
        literal(text, &mut out);
        out.extend_from_slice(b" Tj T*\n");
    }
    out.extend_from_slice(b"ET\n");
    out
}

/// The document as PDF 1.4 bytes.
pub fn pdf(doc: &SignedDocument) -> Vec<u8> {
    let all = lines(doc);
    let pages: Vec<&[(String, bool)]> = all.chunks(LINES_PER_PAGE).collect();
    // Objects: 1 catalog, 2 pages, 3–4 fonts, 5 info, then a page and its content per page.
    let mut objects: Vec<Vec<u8>> = Vec::new();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", 6 + 2 * i))
        .collect();
    objects.push(
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            pages.len()
        )
        .into_bytes(),
    );
    for font in ["Helvetica", "Helvetica-Bold"] {
        objects.push(
            format!(
                "<< /Type /Font /Subtype /Type1 /BaseFont /{font} /Encoding /WinAnsiEncoding >>"
            )
            .into_bytes(),
        );
    }
    let mut info = b"<< /Title ".to_vec();
    literal(&doc.title, &mut info);
    info.extend_from_slice(b" >>");
    objects.push(info);
    for (i, lines) in pages.iter().enumerate() {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {} {}] \
                 /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>",
                PAGE.0,
                PAGE.1,
                7 + 2 * i
            )
            .into_bytes(),
        );
        let content = page_content(lines);
        let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        stream.extend_from_slice(&content);
        stream.extend_from_slice(b"endstream");
        objects.push(stream);
    }
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signed(body: &str) -> SignedDocument {
        SignedDocument {
            filename: "mpn-agreement-2026-09-1234567.pdf".into(),
            lang: crate::Lang::Fr,
            title: "Contrat Microsoft Partner Network".into(),
            version: "2026-09".into(),
            body: body.into(),
            legal_name: "Contoso (Europe) SAS".into(),
            mpn_id: "1234567".into(),
            signer: crate::Signer {
                name: "Éloïse Lefèvre".into(),
                email: "admin@contoso.onmicrosoft.com".into(),
            },
            accepted_at: "2026-11-23T10:00:00Z".into(),
        }
    }

    #[test]
    fn wraps_on_words() {
        let lines = wrap("un deux trois quatre cinq", 10);
        assert_eq!(lines, ["un deux", "trois", "quatre", "cinq"]);
        assert!(lines.iter().all(|l| l.chars().count() <= 10));
    }

    #[test]
    fn a_pdf_whose_cross_reference_points_at_each_object() {
        let bytes = pdf(&signed(
            &"## 1. Objet\n\nLe présent contrat définit l’adhésion. ".repeat(60),
        ));
        assert!(bytes.starts_with(b"%PDF-1.4"));
        assert!(bytes.ends_with(b"%%EOF\n"));
        // Offsets count bytes: the text is Windows-1252, not UTF-8.
        let ascii: String = bytes
            .iter()
            .map(|b| if b.is_ascii() { *b as char } else { '.' })
            .collect();
        let xref: usize = ascii
            .rsplit("startxref\n")
            .next()
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(ascii[xref..].starts_with("xref"));
        let entries: Vec<usize> = ascii[xref..]
            .lines()
            .skip(3)
            .take_while(|l| l.ends_with(" n "))
            .map(|l| l[..10].parse().unwrap())
            .collect();
        assert!(entries.len() > 7, "several pages");
        for (i, offset) in entries.iter().enumerate() {
            assert!(
                ascii[*offset..].starts_with(&format!("{} 0 obj", i + 1)),
                "object {}",
                i + 1
            );
        }
    }

    #[test]
    fn text_is_written_in_win_ansi_with_delimiters_escaped() {
        let bytes = pdf(&signed("Fin."));
        let find = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
        assert!(find(
            b"(Partenaire\xa0: Contoso \\(Europe\\) SAS \\(MPN ID 1234567\\)) Tj"
        ));
        assert!(find(
            b"(Accept\xe9 par\xa0: \xc9lo\xefse Lef\xe8vre <admin@contoso.onmicrosoft.com>) Tj"
        ));
        assert!(find(
            b"(Date d\x92acceptation \\(UTC\\)\xa0: 2026-11-23 10:00:00) Tj"
        ));
    }
}
