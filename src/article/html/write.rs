//! The story's text written out: whitespace collapsed as a browser renders
//! it, blocks separated by blank lines, and every character mapped to the
//! bytes of the file that made it (an entity such as `&amp;` maps its
//! character to the whole reference).

use std::ops::Range;

use html5gum::{Token, Tokenizer};

use super::super::decode::{OffsetMap, TextBuilder};

/// Writes blocks of text into a `TextBuilder`, collapsing whitespace the way
/// a browser renders it, each character mapped through the decoded page's
/// map to the file.
pub(super) struct Writer<'a> {
    page: &'a str,
    map: &'a OffsetMap,
    out: TextBuilder,
    /// A space is owed before the next character of this block.
    space: Option<Range<usize>>,
    /// The current block has text.
    open: bool,
    /// Where in the file the last character written ended.
    file_end: usize,
    /// Blocks written so far.
    blocks: usize,
}

impl Writer<'_> {
    fn file(&self, r: Range<usize>) -> Range<usize> {
        self.map.file_range(r)
    }

    fn char(&mut self, c: char, src: Range<usize>, verbatim: bool) {
        if c.is_whitespace() {
            if self.open {
                let s = self.space.get_or_insert(src.clone());
                s.end = src.end;
            }
            return;
        }
        if !self.open && self.blocks > 0 {
            self.out.inserted("\n\n", self.file_end);
        }
        if let Some(s) = self.space.take() {
            let f = self.file(s);
            self.out.mapped(' ', f, false);
        }
        let f = self.file(src);
        self.file_end = f.end;
        self.out.mapped(c, f, verbatim);
        if !self.open {
            self.open = true;
            self.blocks += 1;
        }
    }

    /// A text run: `decoded` is what html5gum made of `span` (entities
    /// resolved). Where the two agree, characters map one to one; an entity
    /// maps its character(s) to its whole source.
    pub(super) fn run(&mut self, span: Range<usize>, decoded: &str) {
        let src = &self.page[span.clone()];
        if src == decoded {
            for (i, c) in src.char_indices() {
                let at = span.start + i;
                self.char(c, at..at + c.len_utf8(), true);
            }
            return;
        }
        let mut i = 0; // in src
        let mut d = decoded.char_indices().peekable();
        while let Some((_, c)) = d.next() {
            // `</>` (an end tag without a name) is dropped by the tokenizer
            // without ending the run: its bytes hold no character (a fuzzed
            // page had `residents.</>oc` map its last word to `residents.`).
            while src[i..].starts_with("</>") && !src[i..].starts_with(c) {
                i += "</>".len();
            }
            let here = span.start + i;
            let entity = c == '&' && src[i..].starts_with('&') && is_entity_start(&src[i + 1..]);
            if src[i..].starts_with(c) && !entity {
                self.char(c, here..here + c.len_utf8(), true);
                i += c.len_utf8();
                continue;
            }
            if !src[i..].starts_with('&') {
                // Out of step: the rest of the run maps to the rest of its span.
                let rest = here..span.end;
                self.char(c, rest.clone(), false);
                for (_, c) in d.by_ref() {
                    self.char(c, rest.clone(), false);
                }
                return;
            }
            // An entity: find where it ends in the source.
            let end = entity_end(&src[i..], c);
            let src_range = here..here + end;
            self.char(c, src_range, false);
            i += end;
        }
    }

    pub(super) fn end_block(&mut self) {
        self.open = false;
        self.space = None;
    }
}

/// Whether text after an `&` starts a character reference.
fn is_entity_start(s: &str) -> bool {
    s.starts_with('#') || s.starts_with(|c: char| c.is_ascii_alphabetic())
}

/// Longest character reference copycat looks for (`&CounterClockwiseContourIntegral;`
/// is 33 bytes).
const MAX_REFERENCE: usize = 40;

/// What the tokenizer makes of `s` as text.
fn decode_text(s: &str) -> String {
    let mut out = String::new();
    for t in Tokenizer::new(s).flatten() {
        if let Token::String(x) = t {
            out.push_str(&String::from_utf8_lossy(&x.value.0));
        }
    }
    out
}

/// Length of the character reference at the start of `src` (which starts
/// with `&`) that decoded to `c`: the longest prefix that decodes to `c`
/// alone. Longest, because `&` alone decodes to itself too; and a prefix
/// past the reference decodes to more than `c` (`&nota` to `¬a`), so the
/// reference of a legacy name without a semicolon (`&not`) is found too.
fn entity_end(src: &str, c: char) -> usize {
    // A numeric reference is one character however many digits it has
    // (`&#0000…07;`, leading zeros and all): its end is where the digits
    // end, past any length cap (a fuzzed page's 70-digit reference threw
    // the rest of its run out of step).
    if let Some(rest) = src.strip_prefix("&#") {
        let hex = rest.starts_with(['x', 'X']);
        let digits = &rest[usize::from(hex)..];
        let n = digits
            .find(|d: char| {
                !if hex {
                    d.is_ascii_hexdigit()
                } else {
                    d.is_ascii_digit()
                }
            })
            .unwrap_or(digits.len());
        if n > 0 {
            return 2 + usize::from(hex) + n + usize::from(digits[n..].starts_with(';'));
        }
    }
    let mut buf = [0u8; 4];
    let want: &str = c.encode_utf8(&mut buf);
    // A reference is `&`, a name or number, and maybe `;`: nothing longer
    // can decode to one character.
    let name = src[1..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
        .map_or(src.len(), |k| k + 1);
    let max = (name + usize::from(src[name..].starts_with(';')))
        .min(src.len())
        .min(MAX_REFERENCE);
    (1..=max)
        .rev()
        .filter(|&k| src.is_char_boundary(k))
        .find(|&k| decode_text(&src[..k]) == want)
        .unwrap_or(1)
}

impl<'a> Writer<'a> {
    /// A writer of text taken from `page` (the decoded page), mapped through
    /// `map` to the file.
    pub(super) fn new(page: &'a str, map: &'a OffsetMap) -> Self {
        Writer {
            page,
            map,
            out: TextBuilder::new(page.len() / 2),
            space: None,
            open: false,
            file_end: 0,
            blocks: 0,
        }
    }

    /// The text written and its map to the file.
    pub(super) fn finish(self, file_len: usize) -> (String, OffsetMap) {
        self.out.finish(file_len)
    }
}
