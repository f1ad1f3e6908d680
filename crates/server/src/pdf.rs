//! The signed agreement as a PDF: the text, its version, the partner, the signer and the UTC
//! acceptance time, on A4 pages in a standard font (WinAnsi covers French and English).

use partner_domain::service::SignedDocument;
use printpdf::{
    BuiltinFont, Mm, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem,
};

const LINE_CHARS: usize = 92;
const LINES_PER_PAGE: usize = 54;
const BODY_PT: f32 = 10.0;
const LEADING_PT: f32 = 13.5;

/// Greedy word wrap at `width` characters (a standard font at 10 pt fits about 92 on A4).
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
fn lines(doc: &SignedDocument) -> Vec<(String, bool)> {
    let fr = doc.lang == "fr-FR";
    let label = |fr_text: &str, en_text: &str| {
        if fr {
            fr_text.to_owned()
        } else {
            en_text.to_owned()
        }
    };
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
    for (name, value) in record {
        out.extend(
            wrap(
                &format!("{name} : {value}").replace(" : ", if fr { "\u{a0}: " } else { ": " }),
                LINE_CHARS,
            )
            .into_iter()
            .map(|l| (l, false)),
        );
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

pub fn render(doc: &SignedDocument) -> Vec<u8> {
    let all = lines(doc);
    let pages: Vec<PdfPage> = all
        .chunks(LINES_PER_PAGE)
        .map(|chunk| {
            let mut ops = vec![
                Op::StartTextSection,
                Op::SetTextCursor {
                    pos: Point::new(Mm(20.0), Mm(277.0)),
                },
                Op::SetLineHeight { lh: Pt(LEADING_PT) },
            ];
            for (text, bold) in chunk {
                let font = if *bold {
                    BuiltinFont::HelveticaBold
                } else {
                    BuiltinFont::Helvetica
                };
                ops.push(Op::SetFont {
                    font: PdfFontHandle::Builtin(font),
                    size: Pt(BODY_PT),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
                ops.push(Op::AddLineBreak);
            }
            ops.push(Op::EndTextSection);
            PdfPage::new(Mm(210.0), Mm(297.0), ops)
        })
        .collect();
    let mut warnings = Vec::new();
    PdfDocument::new(&doc.title)
        .with_pages(pages)
        .save(&PdfSaveOptions::default(), &mut warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_on_words() {
        let lines = wrap("un deux trois quatre cinq", 10);
        assert_eq!(lines, ["un deux", "trois", "quatre", "cinq"]);
        assert!(lines.iter().all(|l| l.chars().count() <= 10));
    }

    #[test]
    fn renders_a_pdf() {
        let doc = SignedDocument {
            filename: "mpn-agreement-2026-09-1234567.pdf".into(),
            lang: "fr-FR".into(),
            title: "Contrat Microsoft Partner Network".into(),
            version: "2026-09".into(),
            body: "## 1. Objet\n\nLe présent contrat définit l’adhésion. ".repeat(40),
            legal_name: "Contoso SAS".into(),
            mpn_id: "1234567".into(),
            signer: partner_domain::Signer {
                name: "Éloïse Lefèvre".into(),
                email: "admin@contoso.onmicrosoft.com".into(),
            },
            accepted_at: "2026-11-23T10:00:00Z".into(),
        };
        let bytes = render(&doc);
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(bytes.len() > 1000);
    }
}
