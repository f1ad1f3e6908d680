//! The signed agreement as a PDF: the text, its version, the partner, the signer and the UTC
//! acceptance time, on A4 pages. partner-server embeds DejaVu Sans (Latin, Greek, Cyrillic and more;
//! [`Typeface::DejaVuSans`]); the SPA's mock draws in the PDF's standard Helvetica
//! ([`Typeface::Helvetica`], Windows-1252 letters only: another prints as `?`) to ship no font.

#[cfg(feature = "embedded-font")]
mod embedded;

use crate::service::SignedDocument;

const LINES_PER_PAGE: usize = 54;
const BODY_PT: f32 = 10.0;
const LEADING_PT: f32 = 13.5;
/// A4, and the first line 20 mm from the left and 20 mm from the top, in points.
const PAGE: (f32, f32) = (595.28, 841.89);
const TOP_LEFT: (f32, f32) = (56.69, 785.2);
/// The text's width: 20 mm margins on both sides.
const TEXT_WIDTH_PT: f32 = PAGE.0 - 2.0 * TOP_LEFT.0;

/// The font a document is drawn in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Typeface {
    /// The standard Helvetica every PDF reader has: nothing embedded, Windows-1252 letters only.
    Helvetica,
    /// DejaVu Sans, subset to the letters the document uses and embedded with a Unicode map, so
    /// every name prints and can be searched and copied (a letter the font lacks shows as a box but
    /// keeps its text).
    #[cfg(feature = "embedded-font")]
    DejaVuSans,
}

/// A font of a document being written: measures text, writes it, then its PDF objects.
trait Face {
    /// Width of `text` in points at the body size.
    fn width(&self, text: &str) -> f32;
    /// Appends `text` as a string operand for `Tj`.
    fn show(&mut self, text: &str, out: &mut Vec<u8>);
    /// The font dictionary, and the objects it refers to, numbered from `next_id` on.
    fn finish(self: Box<Self>, next_id: usize) -> (Vec<u8>, Vec<Vec<u8>>);
}

/// Greedy word wrap of `paragraph` so that no line is wider than `width` (as `measure` says).
fn wrap(paragraph: &str, width: f32, measure: impl Fn(&str) -> f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    // Split on plain spaces only: no-break spaces (« Contrat », « : ») keep their words together.
    for word in paragraph.split([' ', '\n']).filter(|w| !w.is_empty()) {
        if !line.is_empty() && measure(&format!("{line} {word}")) > width {
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

/// (text, bold) lines of the whole document, wrapped to the page as `measure(text, bold)` says.
fn lines(doc: &SignedDocument, measure: impl Fn(&str, bool) -> f32) -> Vec<(String, bool)> {
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
        let wrapped = wrap(&line, TEXT_WIDTH_PT, |t| measure(t, false));
        out.extend(wrapped.into_iter().map(|l| (l, false)));
    }
    out.push((String::new(), false));
    for paragraph in doc.body.split("\n\n") {
        let heading = paragraph.starts_with("## ");
        let text = paragraph.trim_start_matches("## ");
        let wrapped = wrap(text, TEXT_WIDTH_PT, |t| measure(t, heading));
        out.extend(wrapped.into_iter().map(|l| (l, heading)));
        out.push((String::new(), false));
    }
    out
}

/// Helvetica with the WinAnsi encoding (the reader has the font).
struct Helvetica {
    bold: bool,
}

impl Helvetica {
    /// Helvetica's average advance at 10 pt: about 92 characters fit the A4 text width.
    const ADVANCE_PT: f32 = 5.2;
}

impl Face for Helvetica {
    fn width(&self, text: &str) -> f32 {
        text.chars().count() as f32 * Self::ADVANCE_PT
    }

    fn show(&mut self, text: &str, out: &mut Vec<u8>) {
        literal(text, out);
    }

    fn finish(self: Box<Self>, _next_id: usize) -> (Vec<u8>, Vec<Vec<u8>>) {
        let font = if self.bold {
            "Helvetica-Bold"
        } else {
            "Helvetica"
        };
        let dict = format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /{font} /Encoding /WinAnsiEncoding >>"
        );
        (dict.into_bytes(), Vec::new())
    }
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

/// A PDF text string in UTF-16BE (with its byte order mark), for the document's metadata.
fn utf16_literal(text: &str, out: &mut Vec<u8>) {
    out.push(b'<');
    out.extend_from_slice(b"FEFF");
    for unit in text.encode_utf16() {
        out.extend_from_slice(format!("{unit:04X}").as_bytes());
    }
    out.push(b'>');
}

fn faces(typeface: Typeface) -> [Box<dyn Face>; 2] {
    match typeface {
        Typeface::Helvetica => [
            Box::new(Helvetica { bold: false }),
            Box::new(Helvetica { bold: true }),
        ],
        #[cfg(feature = "embedded-font")]
        Typeface::DejaVuSans => [
            Box::new(embedded::Embedded::regular()),
            Box::new(embedded::Embedded::bold()),
        ],
    }
}

/// A PDF stream object.
fn stream(dict_entries: &str, data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< /Length {}{dict_entries} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

fn page_content(lines: &[(String, bool)], faces: &mut [Box<dyn Face>; 2]) -> Vec<u8> {
    let mut out = format!("BT\n{LEADING_PT} TL\n{} {} Td\n", TOP_LEFT.0, TOP_LEFT.1).into_bytes();
    for (text, bold) in lines {
        out.extend_from_slice(format!("/F{} {BODY_PT} Tf ", if *bold { 2 } else { 1 }).as_bytes());
        faces[usize::from(*bold)].show(text, &mut out);
        out.extend_from_slice(b" Tj T*\n");
    }
    out.extend_from_slice(b"ET\n");
    out
}

/// The document as PDF 1.4 bytes, drawn in `typeface`.
pub fn pdf(doc: &SignedDocument, typeface: Typeface) -> Vec<u8> {
    let mut faces = faces(typeface);
    let all = lines(doc, |text, bold| faces[usize::from(bold)].width(text));
    let pages: Vec<&[(String, bool)]> = all.chunks(LINES_PER_PAGE).collect();
    // Objects: 1 catalog, 2 pages, 3 info, 4–5 the fonts, then a page and its content per page, then
    // what the fonts refer to (known once every page is written).
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
    let mut info = b"<< /Title ".to_vec();
    utf16_literal(&doc.title, &mut info);
    info.extend_from_slice(b" >>");
    objects.push(info);
    objects.extend([Vec::new(), Vec::new()]);
    for (i, lines) in pages.iter().enumerate() {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {} {}] \
                 /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents {} 0 R >>",
                PAGE.0,
                PAGE.1,
                7 + 2 * i
            )
            .into_bytes(),
        );
        objects.push(stream("", &page_content(lines, &mut faces)));
    }
    for (slot, face) in faces.into_iter().enumerate() {
        let (dict, referred) = face.finish(objects.len() + 1);
        objects[3 + slot] = dict;
        objects.extend(referred);
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
            "trailer\n<< /Size {} /Root 1 0 R /Info 3 0 R >>\nstartxref\n{xref}\n%%EOF\n",
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
        let chars = |text: &str| text.chars().count() as f32;
        let lines = wrap("un deux trois quatre cinq", 10.0, chars);
        assert_eq!(lines, ["un deux", "trois", "quatre", "cinq"]);
        assert!(lines.iter().all(|l| l.chars().count() <= 10));
    }

    #[test]
    fn a_pdf_whose_cross_reference_points_at_each_object() {
        cross_reference_points_at_each_object(Typeface::Helvetica);
    }

    fn cross_reference_points_at_each_object(typeface: Typeface) {
        let bytes = pdf(
            &signed(&"## 1. Objet\n\nLe présent contrat définit l’adhésion. ".repeat(60)),
            typeface,
        );
        assert!(bytes.starts_with(b"%PDF-1.4"));
        assert!(bytes.ends_with(b"%%EOF\n"));
        // Offsets count bytes: the text is Windows-1252 or binary, not UTF-8.
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
        let bytes = pdf(&signed("Fin."), Typeface::Helvetica);
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

    #[cfg(feature = "embedded-font")]
    mod dejavu {
        use super::*;

        /// The text of each page, as a PDF reader extracts it (through the ToUnicode maps).
        fn text(bytes: &[u8]) -> String {
            let doc = lopdf::Document::load_mem(bytes).expect("a PDF lopdf reads");
            let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
            doc.extract_text(&pages).expect("its text")
        }

        #[test]
        fn a_pdf_whose_cross_reference_points_at_each_object() {
            cross_reference_points_at_each_object(Typeface::DejaVuSans);
        }

        #[test]
        fn names_in_latin_extended_greek_and_cyrillic_print_and_extract_as_written() {
            let mut doc = signed("## 1. Objet\n\nLe présent contrat définit l’adhésion.");
            doc.signer.name = "Łukasz Żółć".into();
            doc.legal_name = "Ωμέγα Αθήνα & Ивановъ ООО".into();
            let bytes = pdf(&doc, Typeface::DejaVuSans);
            let text = text(&bytes);
            assert!(text.contains("Łukasz Żółć"), "{text}");
            assert!(text.contains("Ωμέγα Αθήνα & Ивановъ ООО"), "{text}");
            assert!(
                text.contains("Le présent contrat définit l’adhésion."),
                "{text}"
            );
            // Every one of those letters has a glyph: none is drawn as the missing-glyph box.
            let face = embedded::Embedded::regular();
            for c in "Łukasz Żółć Ωμέγα Αθήνα Ивановъ".chars() {
                assert_ne!(face.glyph(c), 0, "{c}");
            }
        }

        #[test]
        fn a_letter_the_font_lacks_keeps_its_text() {
            let mut doc = signed("Fin.");
            doc.signer.name = "山田 太郎".into();
            let text = text(&pdf(&doc, Typeface::DejaVuSans));
            assert!(text.contains("山田 太郎"), "{text}");
        }

        #[test]
        fn the_font_is_a_subset_of_what_the_document_uses() {
            let bytes = pdf(&signed("Fin."), Typeface::DejaVuSans);
            assert!(bytes.len() < 60_000, "{} bytes", bytes.len());
        }

        #[test]
        fn lines_fit_the_page_in_the_embedded_font() {
            let face = embedded::Embedded::regular();
            let body =
                "Le présent contrat définit les conditions d’adhésion au réseau. ".repeat(20);
            let all = lines(&signed(&body), |text, _| face.width(text));
            assert!(all.len() > 10);
            assert!(all.iter().all(|(l, _)| face.width(l) <= TEXT_WIDTH_PT));
        }
    }
}
