//! Bytes as stored → normalized text, with a map back to file byte offsets.
//!
//! Everything copycat reports (JSON offsets, HTML anchors) is a byte offset into
//! the file exactly as stored, so every transformation made here (BOM, CRLF,
//! invalid UTF-8, UTF-16, tabs, control characters) records where its output
//! came from. The map is run-length: long stretches of text copied verbatim cost
//! one entry, so a large article costs little more than its text.

use std::borrow::Cow;
use std::ops::Range;

/// Tab stops every this many columns; ratatui draws a tab as nothing, so tabs
/// must become spaces before any width is measured.
pub const TAB_WIDTH: usize = 4;

/// One stretch of the normalized text and the file bytes it came from: a run
/// of units that each turn `fw` file bytes into `tw` text bytes.
///
/// A verbatim UTF-8 copy is a run of 1:1 byte units; ASCII read from UTF-16 is
/// 2:1; a flood of ESC bytes, each shown as `␛`, is one run of 1:3 units; a
/// row of tabs after the first, 1:4. So the map costs one entry per change of
/// kind, not one per replaced character, whatever a hostile file repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seg {
    text: usize,
    file: usize,
    /// Text bytes per unit; 0 for bytes that produced no text (a BOM, the CR
    /// of a CRLF), which only mark where the stretch before them ends.
    tw: u32,
    /// File bytes per unit.
    fw: u32,
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
        // Last segment whose text start is <= pos: never an empty one, since
        // the segment after an empty one starts at the same position.
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

    /// The unit of segment `i` holding text position `pos`: its file range.
    fn unit(&self, i: usize, pos: usize) -> Range<usize> {
        let s = self.segs[i];
        let (_, file_end) = self.seg_end(i);
        if s.tw == 0 {
            return s.file.min(file_end)..file_end;
        }
        let k = (pos - s.text) / s.tw as usize;
        let start = (s.file + k * s.fw as usize).min(file_end);
        start..(start + s.fw as usize).min(file_end)
    }

    /// File offset where the character starting at text position `pos` begins.
    pub fn file_start(&self, pos: usize) -> usize {
        if pos >= self.text_len {
            return self.file_len;
        }
        self.seg_index(pos).map_or(0, |i| self.unit(i, pos).start)
    }

    /// File offset just past the character that ends at text position `pos`
    /// (an exclusive end).
    pub fn file_end(&self, pos: usize) -> usize {
        if pos == 0 {
            return self.segs.first().map_or(0, |s| s.file);
        }
        // Not `file_len` at the end of the text: bytes that produced no text
        // (a trailing BOM) belong to no character, so the last character's own
        // end is found like any other's.
        let pos = pos.min(self.text_len);
        self.seg_index(pos - 1)
            .map_or(0, |i| self.unit(i, pos - 1).end)
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
    /// Normalized text.
    pub text: String,
    /// Where each byte of `text` came from in the file.
    pub map: OffsetMap,
    /// Problems met while decoding, for the user to see.
    pub warnings: Vec<String>,
}

/// Builds the text and its map in one pass.
pub(super) struct TextBuilder {
    text: String,
    segs: Vec<Seg>,
    /// The last segment's unit (`tw`, `fw`) and where in the file it ends, so
    /// a next unit of the same shape right after it extends it.
    open: Option<(usize, u32, u32)>,
    column: usize,
}

impl TextBuilder {
    pub(super) fn new(capacity: usize) -> Self {
        TextBuilder {
            text: String::with_capacity(capacity),
            segs: Vec::new(),
            open: None,
            column: 0,
        }
    }

    /// Start a run of (`tw`, `fw`) units at `file`, unless the open run of
    /// that shape ends exactly there.
    fn run(&mut self, file: usize, tw: u32, fw: u32) {
        if !matches!(self.open, Some((end, t, f)) if end == file && t == tw && f == fw) {
            self.segs.push(Seg {
                text: self.text.len(),
                file,
                tw,
                fw,
            });
        }
    }

    fn advance_column(&mut self, s: &str) {
        for c in s.chars() {
            self.column = if c == '\n' { 0 } else { self.column + 1 };
        }
    }

    /// Append `c` taken verbatim from file bytes `file..file + c.len_utf8()`.
    fn verbatim(&mut self, c: char, file: usize) {
        self.run(file, 1, 1);
        self.text.push(c);
        self.open = Some((file + c.len_utf8(), 1, 1));
        self.column = if c == '\n' { 0 } else { self.column + 1 };
    }

    /// Append `s`, copied verbatim from the file bytes at `file`: the same as
    /// [`Self::verbatim`] for each of its characters, in one step.
    fn verbatim_str(&mut self, s: &str, file: usize) {
        if s.is_empty() {
            return;
        }
        self.run(file, 1, 1);
        self.text.push_str(s);
        self.open = Some((file + s.len(), 1, 1));
        self.column = match s.rfind('\n') {
            Some(nl) => s[nl + 1..].chars().count(),
            None => self.column + s.chars().count(),
        };
    }

    /// Append `s` standing for the `fw` file bytes at `file`, as one unit:
    /// offsets inside `s` all map to the whole of those bytes.
    fn replaced(&mut self, s: &str, file: usize, fw: usize) {
        // Units are a character or a tab's spaces: a few bytes each way.
        let (tw, fw) = (s.len() as u32, fw as u32);
        self.run(file, tw, fw);
        self.text.push_str(s);
        self.open = Some((file + fw as usize, tw, fw));
        self.advance_column(s);
    }

    /// File bytes starting at `file` that produce no text (BOM, the CR of CRLF).
    fn skipped(&mut self, file: usize) {
        self.segs.push(Seg {
            text: self.text.len(),
            file,
            tw: 0,
            fw: 0,
        });
        self.open = None;
    }

    /// Append `c`, made from the file bytes `file`: copied byte for byte
    /// when `verbatim` (the bytes are `c`'s own UTF-8), else as one unit.
    /// A character that must not reach a terminal becomes its placeholder
    /// (text made here, such as an HTML entity's, was never checked).
    pub(super) fn mapped(&mut self, c: char, file: Range<usize>, verbatim: bool) {
        let mut buf = [0u8; 4];
        match placeholder(c) {
            Some(p) => self.replaced(p.encode_utf8(&mut buf), file.start, file.len()),
            None if verbatim && file.len() == c.len_utf8() => self.verbatim(c, file.start),
            None => self.replaced(c.encode_utf8(&mut buf), file.start, file.len()),
        }
    }

    /// Append `s`, which no file bytes produced (a paragraph break between
    /// blocks of a web page), at file position `at`.
    pub(super) fn inserted(&mut self, s: &str, at: usize) {
        self.replaced(s, at, 0);
    }

    pub(super) fn finish(self, file_len: usize) -> (String, OffsetMap) {
        // Empty segments (skipped bytes: a BOM, the CR of CRLF) are kept: they
        // bound the segment before them, so that segment's characters do not
        // claim the skipped bytes. Lookups never land in one, because
        // `seg_index` takes the *last* segment starting at a text position.
        // (Dropping the later of two segments at one position, as this once
        // did, made the text after a BOM or CRLF map to the skipped bytes.)
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

/// True when `c` may appear in normalized text: anything but a character
/// with a [`placeholder`] (a line feed, which has none, separates lines).
pub fn is_safe(c: char) -> bool {
    placeholder(c).is_none()
}

/// True when `c` may be written on one line of a terminal: safe, and not a
/// line feed.
pub fn is_safe_inline(c: char) -> bool {
    c != '\n' && is_safe(c)
}

/// `s` made safe to print on one line of a terminal: every character that
/// could act on it (controls, bidi overrides) becomes its visible
/// placeholder, and line breaks and tabs become spaces. Article text is clean
/// already; this is for what is not article text — file names above all,
/// which may hold any byte but `/` and NUL — and for error messages quoting
/// them.
pub fn safe_line(s: &str) -> Cow<'_, str> {
    if s.chars().all(is_safe_inline) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\n' | '\r' | '\t' => ' ',
                _ => placeholder(c).unwrap_or(c),
            })
            .collect(),
    )
}

/// Length of the longest prefix of `s` that [`push_char`] copies verbatim,
/// character by character: no CR, tab, BOM, line or paragraph separator, or
/// character with a [`placeholder`] (a line feed is copied).
fn plain_prefix(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let x = bytes[i];
        if x.is_ascii() {
            if (0x20..0x7F).contains(&x) || x == b'\n' {
                i += 1;
                continue;
            }
            return i;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        if matches!(c, '\u{FEFF}' | '\u{2028}' | '\u{2029}') || placeholder(c).is_some() {
            return i;
        }
        i += c.len_utf8();
    }
    i
}

/// Append character `c`, read from the `fw` file bytes at `file`; `utf8` when
/// those bytes are `c`'s own UTF-8 (so it can be copied verbatim). `next` is
/// the character after it, for CRLF.
fn push_char(b: &mut TextBuilder, c: char, file: usize, fw: usize, utf8: bool, next: Option<char>) {
    match c {
        '\r' => {
            if next == Some('\n') {
                b.skipped(file);
            } else {
                b.replaced("\n", file, fw);
            }
        }
        '\t' => {
            let n = TAB_WIDTH - b.column % TAB_WIDTH;
            b.replaced(&" ".repeat(n), file, fw);
        }
        // A BOM anywhere is an invisible no-op; at the start it is the encoding mark.
        '\u{FEFF}' => b.skipped(file),
        // Line and paragraph separators are line breaks to a reader.
        '\u{2028}' | '\u{2029}' => b.replaced("\n", file, fw),
        _ => {
            let mut buf = [0u8; 4];
            match placeholder(c) {
                Some(p) => b.replaced(p.encode_utf8(&mut buf), file, fw),
                None if utf8 => b.verbatim(c, file),
                // Re-encoded (from UTF-16), so not verbatim: one unit.
                None => b.replaced(c.encode_utf8(&mut buf), file, fw),
            }
        }
    }
}

/// Decode file bytes into normalized text.
///
/// UTF-16 with a byte-order mark is decoded; anything else is read as UTF-8 with
/// invalid sequences replaced by U+FFFD and counted in a warning.
pub fn decode(bytes: &[u8]) -> Decoded {
    let mut warnings = Vec::new();
    // UTF-32 first: its little-endian mark starts with UTF-16's.
    let (text, map) = if let Some(le) = utf32_bom(bytes) {
        decode_utf32(bytes, le, &mut warnings)
    } else if let Some(le) = utf16_bom(bytes) {
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

/// The byte order of a UTF-32 byte-order mark at the start (true: little
/// endian), if there is one.
pub fn utf32_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, 0x00, 0x00, ..] => Some(true),
        [0x00, 0x00, 0xFE, 0xFF, ..] => Some(false),
        _ => None,
    }
}

/// UTF-32 with a byte-order mark: each character is four file bytes. A
/// value that is no character (a surrogate, past U+10FFFF) and a dangling
/// final one to three bytes become counted U+FFFD.
fn decode_utf32(bytes: &[u8], le: bool, warnings: &mut Vec<String>) -> (String, OffsetMap) {
    let mut b = TextBuilder::new(bytes.len() / 2);
    b.skipped(0);
    let units = bytes[4..].chunks_exact(4);
    let dangling = units.remainder().len();
    let mut invalid = 0usize;
    let mut chars = units
        .enumerate()
        .map(|(k, u)| {
            let u = [u[0], u[1], u[2], u[3]];
            let v = if le {
                u32::from_le_bytes(u)
            } else {
                u32::from_be_bytes(u)
            };
            let c = char::from_u32(v).unwrap_or_else(|| {
                invalid += 1;
                '\u{FFFD}'
            });
            (4 + 4 * k, c)
        })
        .peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        push_char(&mut b, c, at, 4, false, next);
    }
    drop(chars);
    if dangling > 0 {
        invalid += 1;
        b.replaced("\u{FFFD}", bytes.len() - dangling, dangling);
    }
    if invalid > 0 {
        warnings.push(format!(
            "{invalid} invalid UTF-32 unit{} replaced with U+FFFD",
            if invalid == 1 { "" } else { "s" }
        ));
    }
    b.finish(bytes.len())
}

fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(true),
        [0xFE, 0xFF, ..] => Some(false),
        _ => None,
    }
}

fn decode_utf8(bytes: &[u8], warnings: &mut Vec<String>) -> (String, OffsetMap) {
    let mut b = TextBuilder::new(bytes.len());
    let mut invalid = 0usize;
    let mut pos = 0usize;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        let mut i = 0;
        while i < valid.len() {
            // Text that needs no change is copied in runs, not character by
            // character: nearly all of a file is.
            let run = plain_prefix(&valid[i..]);
            b.verbatim_str(&valid[i..i + run], pos + i);
            i += run;
            let mut rest = valid[i..].chars();
            let Some(c) = rest.next() else { break };
            push_char(&mut b, c, pos + i, c.len_utf8(), true, rest.next());
            i += c.len_utf8();
        }
        pos += valid.len();
        let bad = chunk.invalid();
        if !bad.is_empty() {
            invalid += 1;
            b.replaced("\u{FFFD}", pos, bad.len());
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

/// A web page that is not UTF-8 and declares another encoding in its
/// markup (`<meta charset="iso-8859-1">`, or a `Content-Type` `http-equiv`),
/// decoded in that encoding; `first` is the page decoded as UTF-8, where
/// the declaration (ASCII) reads as written. `None` when the bytes are
/// UTF-8 (or have a byte-order mark), declare nothing, or declare an
/// encoding the Encoding Standard does not know or that is UTF-8 or UTF-16
/// (which a page cannot declare for itself).
///
/// Every character maps to the bytes that made it: one byte each in a
/// single-byte encoding, the bytes of its sequence in a multi-byte one.
pub fn decode_declared(bytes: &[u8], first: &Decoded) -> Option<Decoded> {
    if utf16_bom(bytes).is_some() || bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return None;
    }
    if std::str::from_utf8(bytes).is_ok() {
        return None;
    }
    let label = super::html::declared_charset(&first.text)?;
    let enc = encoding_rs::Encoding::for_label(label.trim().as_bytes())?;
    if enc == encoding_rs::UTF_8 || enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        return None;
    }
    let mut b = TextBuilder::new(bytes.len() + bytes.len() / 2);
    let mut invalid = 0usize;
    if enc.is_single_byte() {
        // Each byte is one character: a table of the 256.
        let table: Vec<char> = (0..=255u8)
            .map(|x| {
                let byte = [x];
                let (s, _) = enc.decode_without_bom_handling(&byte);
                s.chars().next().unwrap_or('\u{FFFD}')
            })
            .collect();
        for (i, &x) in bytes.iter().enumerate() {
            let c = table[x as usize];
            if c == '\u{FFFD}' {
                invalid += 1;
            }
            let next = bytes.get(i + 1).map(|&n| table[n as usize]);
            push_char(&mut b, c, i, 1, x.is_ascii(), next);
        }
    } else {
        // A byte at a time through the decoder: the characters a byte
        // completes map to the bytes read since the last one completed.
        let mut dec = enc.new_decoder_without_bom_handling();
        let mut out = String::with_capacity(32);
        let mut from = 0usize;
        let mut pending: Vec<(char, usize, usize)> = Vec::new();
        for i in 0..bytes.len() {
            out.clear();
            let last = i + 1 == bytes.len();
            let (_, _, errors) = dec.decode_to_string(&bytes[i..i + 1], &mut out, last);
            if errors {
                invalid += 1;
            }
            if !out.is_empty() {
                for c in out.chars() {
                    pending.push((c, from, i + 1 - from));
                }
                from = i + 1;
            }
            // One character of lookahead, for CRLF.
            while pending.len() > 1 {
                let (c, at, fw) = pending.remove(0);
                let next = pending.first().map(|&(n, _, _)| n);
                push_char(&mut b, c, at, fw, fw == 1 && c.is_ascii(), next);
            }
        }
        for (c, at, fw) in pending {
            push_char(&mut b, c, at, fw, fw == 1 && c.is_ascii(), None);
        }
    }
    let mut warnings = Vec::new();
    if invalid > 0 {
        warnings.push(format!(
            "{invalid} invalid {} sequence{} replaced with U+FFFD",
            enc.name(),
            if invalid == 1 { "" } else { "s" }
        ));
    }
    let (text, map) = b.finish(bytes.len());
    Some(Decoded {
        text,
        map,
        warnings,
    })
}

fn decode_utf16(bytes: &[u8], le: bool, warnings: &mut Vec<String>) -> (String, OffsetMap) {
    let mut b = TextBuilder::new(bytes.len());
    // The BOM itself.
    b.skipped(0);
    let pairs = bytes[2..].chunks_exact(2);
    let dangling = !pairs.remainder().is_empty();
    let units = pairs.map(|p| {
        if le {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    // Decoded lazily, one character of lookahead (for CRLF): no per-unit
    // vectors, so a large UTF-16 file costs little more than its text.
    let mut invalid = 0usize;
    let mut file = 2;
    let mut chars = char::decode_utf16(units)
        .map(|r| {
            let (c, n) = match r {
                Ok(c) => (c, c.len_utf16()),
                // An unpaired surrogate is one unit.
                Err(_) => {
                    invalid += 1;
                    ('\u{FFFD}', 1)
                }
            };
            let at = file;
            file += 2 * n;
            (at, c, 2 * n)
        })
        .peekable();
    while let Some((at, c, fw)) = chars.next() {
        let next = chars.peek().map(|&(_, n, _)| n);
        // ASCII becomes a run of 2:1 units, so English UTF-16 costs a
        // handful of map entries.
        push_char(&mut b, c, at, fw, false, next);
    }
    drop(chars);
    if dangling {
        // An odd final byte cannot be a code unit.
        invalid += 1;
        b.replaced("\u{FFFD}", bytes.len() - 1, 1);
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
    #[test]
    fn control_characters_in_names_become_visible() {
        assert_eq!(super::safe_line("plain.txt"), "plain.txt");
        assert_eq!(
            super::safe_line("a\u{1b}[2Jb\u{202e}.txt"),
            "a\u{241b}[2Jb\u{fffd}.txt"
        );
        assert_eq!(super::safe_line("two\nlines"), "two lines");
    }

    use super::*;

    /// The decoder as it was before text was copied in runs: one
    /// `push_char` per character.
    fn decode_utf8_by_char(bytes: &[u8]) -> (String, OffsetMap) {
        let mut b = TextBuilder::new(bytes.len());
        let mut pos = 0usize;
        for chunk in bytes.utf8_chunks() {
            let valid = chunk.valid();
            let mut it = valid.char_indices().peekable();
            while let Some((i, c)) = it.next() {
                let next = it.peek().map(|&(_, n)| n);
                push_char(&mut b, c, pos + i, c.len_utf8(), true, next);
            }
            pos += valid.len();
            let bad = chunk.invalid();
            if !bad.is_empty() {
                b.replaced("\u{FFFD}", pos, bad.len());
                pos += bad.len();
            }
        }
        b.finish(bytes.len())
    }

    proptest::proptest! {
        /// Copying runs of plain text at once gives the same text and the
        /// same map as one character at a time.
        #[test]
        fn runs_decode_like_single_characters(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "plain words ", "\n", "\r\n", "\r", "\t", "é", "“q”", "\u{FEFF}", "\u{2028}",
                "\u{202E}", "\u{1b}[2J", "\u{85}", "\u{7f}", "x", "\u{1F600}",
            ]), 0..40),
            junk in proptest::collection::vec(proptest::num::u8::ANY, 0..4),
        ) {
            let mut bytes: Vec<u8> = parts.concat().into_bytes();
            let at = bytes.len() / 2;
            bytes.splice(at..at, junk);
            let mut warnings = Vec::new();
            let (text, map) = decode_utf8(&bytes, &mut warnings);
            let (want_text, want_map) = decode_utf8_by_char(&bytes);
            proptest::prop_assert_eq!(text, want_text);
            proptest::prop_assert_eq!(map.segs, want_map.segs);
            proptest::prop_assert_eq!((map.text_len, map.file_len), (want_map.text_len, want_map.file_len));
        }
    }

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
        // BOM 0..2, H 2..4, i 4..6, CR 6..8, LF 8..10, "there" 10..20.
        assert_eq!(d.map.file_range(t..t + 5), 10..20);
        assert_eq!(d.map.file_range(0..2), 2..6);
    }

    /// A flood of replaced characters of one shape is one map entry, and
    /// each character in it still maps to its own bytes.
    #[test]
    fn floods_of_replacements_cost_one_segment_each() {
        let d = decode(&[0x1b; 1000]);
        assert_eq!(d.text, "\u{241B}".repeat(1000));
        assert_eq!(d.map.segments(), 1);
        assert_eq!(d.map.file_range(3 * 500..3 * 501), 500..501);
        let d = decode(&[0xFF; 1000]);
        assert_eq!(d.map.segments(), 1);
        assert_eq!(d.map.file_range(3 * 7..3 * 9), 7..9);
        // C1 controls: two file bytes to three text bytes.
        let d = decode("\u{9b}".repeat(100).as_bytes());
        assert_eq!(d.map.segments(), 1);
        assert_eq!(d.map.file_range(3..6), 2..4);
        // After a first tab (to the next stop), each tab is a full stop wide.
        let d = decode(b"ab\t\t\t\tc");
        assert_eq!(d.text, format!("ab{}c", " ".repeat(14)));
        assert_eq!(d.map.segments(), 4);
        assert_eq!(d.map.file_range(4..8), 3..4);
        assert_eq!(d.map.file_range(16..17), 6..7);
    }

    /// Regression: UTF-32 LE with a byte-order mark was read as UTF-16
    /// (garbage, no warning) and UTF-32 BE refused as binary. Both decode,
    /// and every character maps back to its four bytes.
    #[test]
    fn utf32_with_bom_is_decoded_in_both_byte_orders() {
        for le in [true, false] {
            let mut bytes: Vec<u8> = if le {
                vec![0xFF, 0xFE, 0, 0]
            } else {
                vec![0, 0, 0xFE, 0xFF]
            };
            for c in "Hé\r\n😀 there".chars() {
                let v = c as u32;
                bytes.extend(if le { v.to_le_bytes() } else { v.to_be_bytes() });
            }
            let d = decode(&bytes);
            assert_eq!(d.text, "Hé\n😀 there", "le {le}");
            assert!(d.warnings.is_empty());
            let t = d.text.find("there").unwrap();
            // BOM 0..4, H é CR LF 😀 space: six characters, then "there".
            assert_eq!(d.map.file_range(t..t + 5), 28..48);
            let e = d.text.find('😀').unwrap();
            assert_eq!(d.map.file_range(e..e + 4), 20..24);
        }
        // A surrogate, a value past U+10FFFF and two dangling bytes.
        let mut bytes = vec![0xFF, 0xFE, 0, 0];
        for v in [0x41u32, 0xD800, 0x11_0000, 0x42] {
            bytes.extend(v.to_le_bytes());
        }
        bytes.extend([0x43, 0]);
        let d = decode(&bytes);
        assert_eq!(d.text, "A\u{FFFD}\u{FFFD}B\u{FFFD}");
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn odd_utf16_length_does_not_panic() {
        let d = decode(&[0xFE, 0xFF, 0x00, 0x41, 0x00]);
        assert!(d.text.starts_with('A'));
    }

    /// Regression: the dangling odd byte of a UTF-16 file became U+FFFF (a
    /// noncharacter) silently, instead of a counted U+FFFD.
    #[test]
    fn utf16_dangling_byte_is_replaced_and_counted() {
        let bytes = [0xFE, 0xFF, 0x00, 0x41, 0x00];
        let d = decode(&bytes);
        assert_eq!(d.text, "A\u{FFFD}");
        assert_eq!(d.warnings.len(), 1);
        assert_eq!(d.map.file_range(1..4), 4..5);
    }

    #[test]
    fn utf16_ascii_runs_cost_one_segment() {
        let mut bytes = vec![0xFE, 0xFF];
        for u in "plain ascii text, é and more".encode_utf16() {
            bytes.extend_from_slice(&u.to_be_bytes());
        }
        let d = decode(&bytes);
        // BOM, the run before é, é, the run after.
        assert_eq!(d.map.segments(), 4);
        let m = d.text.find("more").unwrap();
        let r = d.map.file_range(m..m + 4);
        assert_eq!(r.len(), 8);
        let e = d.text.find('é').unwrap();
        assert_eq!(d.map.file_range(e..e + 2), 2 + 2 * 18..2 + 2 * 19);
    }
}
