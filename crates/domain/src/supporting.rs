//! Supporting documents: what a partner uploads when the business check asks for action (an
//! address to prove, a document to send again). Which files are accepted (PDF, PNG, JPEG,
//! recognised by their first bytes, never by their name or the type the browser claims), how
//! many and how big.

use serde::{Deserialize, Serialize};

use crate::{ActivityActor, Code};

/// The largest file accepted: 5 MB.
pub const DOCUMENT_MAX_BYTES: usize = 5 * 1024 * 1024;
/// How many documents a partner keeps at most.
pub const DOCUMENTS_MAX: usize = 5;
/// The longest file name kept, in characters.
pub const DOCUMENT_NAME_MAX_CHARS: usize = 120;

crate::wire_enum! {
    /// What a document's bytes are: its media type.
    pub enum DocumentType {
        Pdf = "application/pdf",
        Png = "image/png",
        Jpeg = "image/jpeg",
    }
}

impl DocumentType {
    /// The type the bytes start with, if one of ours.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"%PDF-") {
            Some(Self::Pdf)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Self::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Self::Jpeg)
        } else {
            None
        }
    }

    /// The extensions a file of this type may be named with.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Pdf => &["pdf"],
            Self::Png => &["png"],
            Self::Jpeg => &["jpg", "jpeg"],
        }
    }
}

/// One document, as listed (its bytes are downloaded apart).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportingDocument {
    pub id: String,
    pub name: String,
    /// Bytes.
    pub size: u64,
    pub content_type: DocumentType,
    pub uploaded_by: ActivityActor,
    /// RFC 3339, UTC.
    pub uploaded_at: String,
}

/// The name a file keeps: its last path segment, trimmed.
pub fn file_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name).trim()
}

/// The type of an upload named `name` (as the user's file was), or why it is refused: no name,
/// a name too long or with control characters, no bytes, too many bytes, bytes of no accepted
/// type, or a name whose extension says another type than the bytes (a file that lies).
pub fn check_upload(name: &str, bytes: &[u8]) -> Result<DocumentType, Code> {
    let name = file_name(name);
    if name.is_empty() {
        return Err(Code::Required);
    }
    if name.chars().count() > DOCUMENT_NAME_MAX_CHARS {
        return Err(Code::NameTooLong);
    }
    if name.chars().any(char::is_control) {
        return Err(Code::TextControlChars);
    }
    if bytes.is_empty() {
        return Err(Code::DocumentEmpty);
    }
    if bytes.len() > DOCUMENT_MAX_BYTES {
        return Err(Code::DocumentTooLarge);
    }
    let kind = DocumentType::sniff(bytes).ok_or(Code::DocumentType)?;
    let extension = name
        .rsplit_once('.')
        .map(|(_, extension)| extension.to_ascii_lowercase())
        .unwrap_or_default();
    if !kind.extensions().contains(&extension.as_str()) {
        return Err(Code::DocumentType);
    }
    Ok(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj";
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F'];

    #[test]
    fn a_document_is_its_bytes_type_named_alike() {
        assert_eq!(check_upload("Kbis.pdf", PDF), Ok(DocumentType::Pdf));
        assert_eq!(
            check_upload("C:\\scans\\facture.PNG", PNG),
            Ok(DocumentType::Png)
        );
        assert_eq!(check_upload("photo.jpeg", JPEG), Ok(DocumentType::Jpeg));
        assert_eq!(check_upload(" photo.JPG ", JPEG), Ok(DocumentType::Jpeg));
        assert_eq!(DocumentType::Pdf.as_str(), "application/pdf");
    }

    #[test]
    fn a_file_that_lies_about_its_type_is_refused() {
        assert_eq!(
            check_upload("invoice.pdf", b"<html><script>alert(1)</script>"),
            Err(Code::DocumentType),
            "an HTML page named .pdf"
        );
        assert_eq!(
            check_upload("invoice.pdf", PNG),
            Err(Code::DocumentType),
            "a PNG named .pdf"
        );
        assert_eq!(
            check_upload("kbis", PDF),
            Err(Code::DocumentType),
            "no extension"
        );
        assert_eq!(
            check_upload("run.exe", b"MZ\x90\0"),
            Err(Code::DocumentType)
        );
    }

    #[test]
    fn size_and_name_have_limits() {
        let mut big = PDF.to_vec();
        big.resize(DOCUMENT_MAX_BYTES, b' ');
        assert_eq!(
            check_upload("big.pdf", &big),
            Ok(DocumentType::Pdf),
            "5 MB exactly"
        );
        big.push(b' ');
        assert_eq!(check_upload("big.pdf", &big), Err(Code::DocumentTooLarge));
        assert_eq!(check_upload("empty.pdf", b""), Err(Code::DocumentEmpty));
        assert_eq!(check_upload("  ", PDF), Err(Code::Required));
        assert_eq!(check_upload("dir/", PDF), Err(Code::Required));
        let long = format!("{}.pdf", "é".repeat(DOCUMENT_NAME_MAX_CHARS));
        assert_eq!(check_upload(&long, PDF), Err(Code::NameTooLong));
        assert_eq!(check_upload("a\u{7}.pdf", PDF), Err(Code::TextControlChars));
    }
}
