//! DejaVu Sans embedded as a composite (Type 0) font: each distinct character of the document gets
//! a CID of its own, the font is subset to the glyphs those characters use, and a ToUnicode map
//! gives every CID back its character, so text extraction and search find what was written even
//! for a letter the font has no glyph for.

use std::collections::BTreeMap;
use std::io::Write as _;

use super::{stream, Face, BODY_PT};

const REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

pub(super) struct Embedded {
    name: &'static str,
    data: &'static [u8],
    face: ttf_parser::Face<'static>,
    /// Character → CID, in order of first use (CIDs start at 1; 0 is the missing glyph).
    cids: BTreeMap<char, u16>,
    /// Original glyph of each CID, index CID − 1.
    glyphs: Vec<u16>,
}

impl Embedded {
    pub(super) fn regular() -> Self {
        Self::new("DejaVuSans", REGULAR)
    }

    pub(super) fn bold() -> Self {
        Self::new("DejaVuSans-Bold", BOLD)
    }

    fn new(name: &'static str, data: &'static [u8]) -> Self {
        let face = ttf_parser::Face::parse(data, 0).expect("the shipped font parses");
        Self {
            name,
            data,
            face,
            cids: BTreeMap::new(),
            glyphs: Vec::new(),
        }
    }

    pub(super) fn glyph(&self, c: char) -> u16 {
        self.face.glyph_index(c).map_or(0, |g| g.0)
    }

    /// Advance of an original glyph in thousandths of the font size (the PDF's unit for widths).
    fn advance(&self, glyph: u16) -> f32 {
        let units = self
            .face
            .glyph_hor_advance(ttf_parser::GlyphId(glyph))
            .unwrap_or(0);
        self.scale(units.into())
    }

    fn scale(&self, units: f32) -> f32 {
        units * 1000.0 / f32::from(self.face.units_per_em())
    }

    fn cid(&mut self, c: char) -> u16 {
        if let Some(cid) = self.cids.get(&c) {
            return *cid;
        }
        let glyph = self.glyph(c);
        self.glyphs.push(glyph);
        let cid =
            u16::try_from(self.glyphs.len()).expect("a document uses fewer than 65,535 characters");
        self.cids.insert(c, cid);
        cid
    }

    /// The six letters that name a subset (ISO 32000 9.6.4), from the characters it holds.
    fn subset_tag(&self) -> String {
        let mut hash: u32 = 2_166_136_261;
        for c in self.cids.keys() {
            hash = (hash ^ u32::from(*c)).wrapping_mul(16_777_619);
        }
        (0..6)
            .map(|i| char::from(b'A' + ((hash >> (i * 5)) % 26) as u8))
            .collect()
    }
}

impl Face for Embedded {
    fn width(&self, text: &str) -> f32 {
        let thousandths: f32 = text.chars().map(|c| self.advance(self.glyph(c))).sum();
        thousandths * BODY_PT / 1000.0
    }

    fn show(&mut self, text: &str, out: &mut Vec<u8>) {
        out.push(b'<');
        for c in text.chars() {
            let cid = self.cid(c);
            out.extend_from_slice(format!("{cid:04X}").as_bytes());
        }
        out.push(b'>');
    }

    fn finish(self: Box<Self>, next_id: usize) -> (Vec<u8>, Vec<Vec<u8>>) {
        let [descendant, descriptor, file, to_unicode, cid_to_gid] =
            std::array::from_fn(|i| next_id + i);
        let base_font = format!("{}+{}", self.subset_tag(), self.name);

        let mut remapper = subsetter::GlyphRemapper::new();
        let new_glyphs: Vec<u16> = self.glyphs.iter().map(|g| remapper.remap(*g)).collect();
        let subset = subsetter::subset(self.data, 0, &remapper).expect("DejaVu Sans subsets");
        let mut deflate = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        deflate.write_all(&subset).expect("writing to memory");
        let compressed = deflate.finish().expect("writing to memory");

        let widths: Vec<String> = self
            .glyphs
            .iter()
            .map(|g| format!("{:.0}", self.advance(*g)))
            .collect();
        let bbox = self.face.global_bounding_box();
        let descriptor_dict = format!(
            "<< /Type /FontDescriptor /FontName /{base_font} /Flags 32 \
             /FontBBox [{:.0} {:.0} {:.0} {:.0}] /ItalicAngle 0 /Ascent {:.0} /Descent {:.0} \
             /CapHeight {:.0} /StemV 80 /FontFile2 {file} 0 R >>",
            self.scale(bbox.x_min.into()),
            self.scale(bbox.y_min.into()),
            self.scale(bbox.x_max.into()),
            self.scale(bbox.y_max.into()),
            self.scale(self.face.ascender().into()),
            self.scale(self.face.descender().into()),
            self.scale(
                self.face
                    .capital_height()
                    .unwrap_or(self.face.ascender())
                    .into()
            ),
        );
        let mut cid_map = vec![0, 0];
        for glyph in &new_glyphs {
            cid_map.extend_from_slice(&glyph.to_be_bytes());
        }

        let dict = format!(
            "<< /Type /Font /Subtype /Type0 /BaseFont /{base_font} /Encoding /Identity-H \
             /DescendantFonts [{descendant} 0 R] /ToUnicode {to_unicode} 0 R >>"
        );
        let referred = vec![
            format!(
                "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{base_font} \
                 /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
                 /FontDescriptor {descriptor} 0 R /W [1 [{}]] /CIDToGIDMap {cid_to_gid} 0 R >>",
                widths.join(" ")
            )
            .into_bytes(),
            descriptor_dict.into_bytes(),
            stream(
                &format!(" /Length1 {} /Filter /FlateDecode", subset.len()),
                &compressed,
            ),
            stream("", to_unicode_cmap(&self.cids).as_bytes()),
            stream("", &cid_map),
        ];
        (dict.into_bytes(), referred)
    }
}

/// The ToUnicode CMap (ISO 32000 9.10.3): each CID back to its character, in UTF-16BE.
fn to_unicode_cmap(cids: &BTreeMap<char, u16>) -> String {
    let mut by_cid: Vec<(u16, char)> = cids.iter().map(|(c, cid)| (*cid, *c)).collect();
    by_cid.sort_unstable();
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    // At most 100 entries per block.
    for block in by_cid.chunks(100) {
        out.push_str(&format!("{} beginbfchar\n", block.len()));
        for (cid, c) in block {
            let utf16: String = c
                .encode_utf16(&mut [0; 2])
                .iter()
                .map(|unit| format!("{unit:04X}"))
                .collect();
            out.push_str(&format!("<{cid:04X}> <{utf16}>\n"));
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}
