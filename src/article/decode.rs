//! Bytes as stored → normalized text, with a map back to file byte offsets.
//!
//! Everything copycat reports (JSON offsets, HTML anchors) is a byte offset into
//! the file exactly as stored, so every transformation made here (BOM, CRLF,
//! invalid UTF-8, UTF-16, tabs, control characters) records where its output
//! came from. The map is run-length: long stretches of text copied verbatim cost
//! one entry, so a large article costs little more than its text.

use std::ops::Range;

/// Tab stops every this many columns; ratatui draws a tab as nothing, so tabs
/// must become spaces before any width is measured.
pub const TAB_WIDTH: usize = 4;

/// One stretch of the normalized text and the file bytes it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seg {
    text: usize,
    file: usize,
    /// Byte-for-byte copy: offsets inside map linearly. Otherwise the stretch is
    /// atomic (a placeholder, an expanded tab, a replaced sequence).
    linear: bool,
}

/// Map from positions in the normalized text to byte offsets in the file.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    segs: Vec<Seg>,
    text_len: usize,
    file_len: usize,
}

impl OffsetMap {
    fn seg_index(&self, pos: usize) -> Option<usize> {
        // Last segment whose text start is <= pos.
        match self.segs.partition_point(|s| s.text <= pos) {
            0 => None,
            i => Some(i - 1),
        }
    }

    fn seg_end(&self, i: usize) -> (usize, usize) {
        self.segs
            .get(i + 1)
            .map_or((self.text_len, self.file_len), |s| (s.text, s.file))
    }

    /// File offset where the character starting at text position `pos` begins.
    pub fn file_start(&self, pos: usize) -> usize {
        if pos >= self.text_len {
            return self.file_len;
        }
        let Some(i) = self.seg_index(pos) else {
            return 0;
        };
        let s = self.segs[i];
        let (_, file_end) = self.seg_end(i);
        if s.linear {
            (s.file + (pos - s.text)).min(file_end)
        } else {
            s.file
        }
    }

    /// File offset just past the character that ends at text position `pos`
    /// (an exclusive end).
    pub fn file_end(&self, pos: usize) -> usize {
        if pos == 0 {
            return self.segs.first().map_or(0, |s| s.file);
        }
        if pos >= self.text_len {
            return self.file_len;
        }
        let Some(i) = self.seg_index(pos - 1) else {
            return 0;
        };
        let s = self.segs[i];
        let (_, file_end) = self.seg_end(i);
        if s.linear {
            (s.file + (pos - s.text)).min(file_end)
        } else {
            file_end
        }
    }

    /// A text range as a file byte range.
    pub fn file_range(&self, r: Range<usize>) -> Range<usize> {
        if r.is_empty() {
            let at = self.file_start(r.start);
            return at..at;
        }
        self.file_start(r.start)..self.file_end(r.end)
    }

    /// Number of segments, a measure of how much normalization was needed.
    pub fn segments(&self) -> usize {
        self.segs.len()
    }
}

/// What decoding produced.
#[derive(Debug, Clone, Default)]
pub struct Decoded {
    pub text: String,
    pub map: OffsetMap,
    pub warnings: Vec<String>,
}

/// Builds the text and its map in one pass.
struct Builder {
    text: String,
    segs: Vec<Seg>,
    /// The last segment is linear and ends exactly here in the file, so the next
    /// verbatim character can extend it.
    open_linear_end: Option<usize>,
    column: usize,
}

impl Builder {
    fn new(capacity: usize) -> Self {
        Builder {
            text: String::with_capacity(capacity),
            segs: Vec::new(),
            open_linear_end: None,
            column: 0,
        }
    }

    /// Append `c` taken verbatim from file bytes `file..file + c.len_utf8()`.
    fn verbatim(&mut self, c: char, file: usize) {
        if self.open_linear_end != Some(file) {
            self.segs.push(Seg {
                text: self.text.len(),
                file,
                linear: true,
            });
        }
        self.text.push(c);
        self.open_linear_end = Some(file + c.len_utf8());
        self.column = if c == '\n' { 0 } else { self.column + 1 };
    }

    /// Append `s` standing for file bytes starting at `file` (atomic).
    fn replaced(&mut self, s: &str, file: usize) {
        self.segs.push(Seg {
            text: self.text.len(),
            file,
            linear: false,
        });
        self.text.push_str(s);
        self.open_linear_end = None;
        for c in s.chars() {
            self.column = if c == '\n' { 0 } else { self.column + 1 };
        }
    }

    /// File bytes starting at `file` that produce no text (BOM, the CR of CRLF).
    fn skipped(&mut self, file: usize) {
        self.segs.push(Seg {
            text: self.text.len(),
            file,
            linear: false,
        });
        self.open_linear_end = None;
    }

    fn finish(mut self, file_len: usize) -> (String, OffsetMap) {
        // Drop empty segments that a later one starts at the same text position
        // with: keep the first, whose file offset is earliest.
        self.segs.dedup_by(|later, earlier| later.text == earlier.text && !earlier.linear);
        let text_len = self.text.len();
        (
            self.text,
            OffsetMap {
                segs: self.segs,
                text_len,
                file_len,
            },
        )
    }
}

/// The visible stand-in for a character that must never reach a terminal.
///
/// C0 controls become their Unicode "control picture" (␛ for ESC), DEL becomes
/// ␡, and C1 controls, bidi overrides and isolates become U+FFFD: they would
/// otherwise reorder or hide text (Trojan Source) or start escape sequences.
pub fn placeholder(c: char) -> Option<char> {
    let u = c as u32;
    match u {
        0x0A => None,
        0x00..=0x1F => char::from_u32(0x2400 + u),
        0x7F => Some('\u{2421}'),
        0x80..=0x9F => Some('\u{FFFD}'),
        // Bidi embeddings, overrides, isolates and marks.
        0x202A..=0x202E | 0x2066..=0x2069 | 0x200E | 0x200F | 0x061C => Some('\u{FFFD}'),
        // Interlinear annotation and object replacement controls.
        0xFFF9..=0xFFFB => Some('\u{FFFD}'),
        _ => None,
    }
}

/// True when `c` may appear in normalized text.
pub fn is_safe(c: char) -> bool {
    placeholder(c).is_none() && c != '\r' && c != '\t'
}

fn push_char(b: &mut Builder, c: char, file: usize, next: Option<char>) {
    match c {
        '\r' => {
            if next == Some('\n') {
                b.skipped(file);
            } else {
                b.replaced("\n", file);
            }
        }
        '\t' => {
            let n = TAB_WIDTH - b.column % TAB_WIDTH;
            b.replaced(&" ".repeat(n), file);
        }
        // A BOM anywhere is an invisible no-op; at the start it is the encoding mark.
        '\u{FEFF}' => b.skipped(file),
        // Line and paragraph separators are line breaks to a reader.
        '\u{2028}' | '\u{2029}' => b.replaced("\n", file),
        _ => match placeholder(c) {
            Some(p) => {
                let mut buf = [0u8; 4];
                b.replaced(p.encode_utf8(&mut buf), file);
            }
            None => b.verbatim(c, file),
        },
    }
}

/// Decode file bytes into normalized text.
///
/// UTF-16 with a byte-order mark is decoded; anything else is read as UTF-8 with
/// invalid sequences replaced by U+FFFD and counted in a warning.
pub fn decode(bytes: &[u8]) -> Decoded {
    let mut warnings = Vec::new();
    let (text, map) = if let Some(le) = utf16_bom(bytes) {
        decode_utf16(bytes, le, &mut warnings)
    } else {
        decode_utf8(bytes, &mut warnings)
    };
    Decoded {
        text,
        map,
        warnings,
    }
}

fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(true),
        [0xFE, 0xFF, ..] => Some(false),
        _ => None,
    }
}

fn decode_utf8(bytes: &[u8], warnings: &mut Vec<String>) -> (String, OffsetMap) {
    let mut b = Builder::new(bytes.len());
    let mut invalid = 0usize;
    let mut pos = 0usize;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        let mut it = valid.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            let next = it.peek().map(|&(_, n)| n);
            push_char(&mut b, c, pos + i, next);
        }
        pos += valid.len();
        let bad = chunk.invalid();
        if !bad.is_empty() {
            invalid += 1;
            b.replaced("\u{FFFD}", pos);
            pos += bad.len();
        }
    }
    if invalid > 0 {
        warnings.push(format!(
            "{invalid} invalid UTF-8 sequence{} replaced with U+FFFD",
            if invalid == 1 { "" } else { "s" }
        ));
    }
    b.finish(bytes.len())
}

fn decode_utf16(bytes: &[u8], le: bool, warnings: &mut Vec<String>) -> (String, OffsetMap) {
    let mut b = Builder::new(bytes.len());
    // The BOM itself.
    b.skipped(0);
    let units: Vec<(usize, u16)> = bytes[2..]
        .chunks(2)
        .enumerate()
        .map(|(i, pair)| {
            let v = match pair {
                [x, y] if le => u16::from_le_bytes([*x, *y]),
                [x, y] => u16::from_be_bytes([*x, *y]),
                // A dangling odd byte cannot be a code unit.
                _ => 0xFFFF,
            };
            (2 + 2 * i, v)
        })
        .collect();
    let mut invalid = 0usize;
    let decoded: Vec<(usize, char)> = {
        let mut out = Vec::with_capacity(units.len());
        let mut k = 0;
        let iter = char::decode_utf16(units.iter().map(|&(_, u)| u));
        for r in iter {
            let file = units.get(k).map_or(bytes.len(), |&(f, _)| f);
            match r {
                Ok(c) => {
                    k += c.len_utf16();
                    out.push((file, c));
                }
                Err(_) => {
                    k += 1;
                    invalid += 1;
                    out.push((file, '\u{FFFD}'));
                }
            }
        }
        out
    };
    for (i, &(file, c)) in decoded.iter().enumerate() {
        let next = decoded.get(i + 1).map(|&(_, n)| n);
        // Each UTF-16 character is re-encoded, so none of it is verbatim.
        match c {
            '\r' | '\t' | '\u{FEFF}' | '\u{2028}' | '\u{2029}' => push_char(&mut b, c, file, next),
            _ => match placeholder(c) {
                Some(_) => push_char(&mut b, c, file, next),
                None => {
                    let mut buf = [0u8; 4];
                    b.replaced(c.encode_utf8(&mut buf), file);
                }
            },
        }
    }
    if invalid > 0 {
        warnings.push(format!(
            "{invalid} invalid UTF-16 unit{} replaced with U+FFFD",
            if invalid == 1 { "" } else { "s" }
        ));
    }
    b.finish(bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_text_maps_linearly() {
        let d = decode("héllo world".as_bytes());
        assert_eq!(d.text, "héllo world");
        assert_eq!(d.map.segments(), 1);
        assert_eq!(d.map.file_range(0..6), 0..6);
        assert_eq!(d.map.file_range(7..12), 7..12);
    }

    #[test]
    fn bom_and_crlf_are_removed_and_offsets_still_point_into_the_file() {
        let bytes = b"\xEF\xBB\xBFab\r\ncd";
        let d = decode(bytes);
        assert_eq!(d.text, "ab\ncd");
        assert_eq!(d.map.file_range(0..2), 3..5);
        assert_eq!(&bytes[d.map.file_range(3..5)], b"cd");
    }

    #[test]
    fn lone_cr_is_a_newline() {
        assert_eq!(decode(b"a\rb").text, "a\nb");
    }

    #[test]
    fn invalid_utf8_is_replaced_and_counted() {
        let bytes = b"ok \xFF\xFE then";
        let d = decode(bytes);
        assert_eq!(d.text, "ok \u{FFFD}\u{FFFD} then");
        assert_eq!(d.warnings.len(), 1);
        let then = d.text.find("then").unwrap();
        assert_eq!(&bytes[d.map.file_range(then..then + 4)], b"then");
    }

    #[test]
    fn escape_sequences_become_visible_placeholders() {
        let d = decode(b"a\x1b[2Jb\x9b\xc2\x9bc");
        assert!(!d.text.contains('\u{1b}'));
        assert!(d.text.contains('\u{241B}'));
        assert!(d.text.chars().all(is_safe));
    }

    #[test]
    fn bidi_overrides_are_neutralized() {
        let d = decode("x\u{202E}y\u{2066}z".as_bytes());
        assert_eq!(d.text, "x\u{FFFD}y\u{FFFD}z");
    }

    #[test]
    fn tabs_expand_to_the_next_stop() {
        let d = decode(b"ab\tc\td");
        assert_eq!(d.text, "ab  c   d");
        let c = d.text.find('c').unwrap();
        assert_eq!(d.map.file_range(c..c + 1), 3..4);
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Hi\r\nthere".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes);
        assert_eq!(d.text, "Hi\nthere");
        let t = d.text.find("there").unwrap();
        assert_eq!(d.map.file_range(t..t + 5), 8..18);
    }

    #[test]
    fn odd_utf16_length_does_not_panic() {
        let d = decode(&[0xFE, 0xFF, 0x00, 0x41, 0x00]);
        assert!(d.text.starts_with('A'));
    }
}
