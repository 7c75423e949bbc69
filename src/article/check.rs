//! The invariants every `Article` keeps, whatever bytes it was parsed from.
//!
//! They live in the library, not in a test file, because three callers share
//! them: the property tests, the cargo-fuzz targets (`fuzz/`), and anyone
//! debugging a strange file. Each violation is reported as a sentence naming
//! the item and the offsets, never by panicking, so a fuzzer's report says
//! which rule broke.

use super::{Article, FileBytes, TextBytes, decode};

/// Check every invariant of `a`; the first violation found is the error.
///
/// - the text holds only safe characters (no control character but `\n`, no
///   bidi override or isolate: see [`decode::is_safe`]), and the title,
///   byline, date and outlet not even `\n`;
/// - paragraphs, sentences and words are non-empty byte ranges of the text on
///   character boundaries, in order and non-overlapping; each sentence lies
///   in its paragraph and each word in its sentence, and the index ranges
///   that link them agree;
/// - each sentence and word maps (through [`Article::file_bytes`]) to a
///   non-empty file range inside the file, in order and non-overlapping; when
///   the file is valid UTF-8 those ranges start and end on its character
///   boundaries, and a word's file bytes are the word itself (less any BOM
///   characters, which decoding drops) unless decoding replaced something in
///   it or, in a web page, they hold markup (an entity, an inline tag).
pub fn check(a: &Article) -> Result<(), String> {
    if let Some((i, c)) = a.text.char_indices().find(|&(_, c)| !decode::is_safe(c)) {
        return Err(format!("unsafe character {c:?} at text byte {i}"));
    }
    // Metadata is shown on one line, so not even a newline.
    let meta = [
        ("title", Some(&a.meta.title)),
        ("byline", a.meta.byline.as_ref()),
        ("date", a.meta.date.as_ref()),
        ("outlet", a.meta.outlet.as_ref()),
    ];
    for (what, value) in meta {
        if let Some(v) = value
            && let Some(c) = v.chars().find(|&c| !decode::is_safe(c) || c == '\n')
        {
            return Err(format!("{what} {v:?} holds {c:?}"));
        }
    }
    let utf8 = std::str::from_utf8(&a.bytes).ok();
    let head = utf8.map_or("", |t| t.char_indices().nth(64).map_or(t, |(k, _)| &t[..k]));
    let html = super::html::is_html(&a.path, head);
    let mut prev_p = 0;
    let mut next_sentence = 0;
    for (pi, p) in a.paragraphs.iter().enumerate() {
        text_range(a, "paragraph", pi, p.span, prev_p)?;
        prev_p = p.span.end;
        if p.sentences.start != next_sentence || p.sentences.end < p.sentences.start {
            return Err(format!(
                "paragraph {pi} lists sentences {:?}, expected them to start at {next_sentence}",
                p.sentences
            ));
        }
        next_sentence = p.sentences.end;
    }
    if next_sentence != a.sentences.len() {
        return Err(format!(
            "paragraphs list {next_sentence} sentences of {}",
            a.sentences.len()
        ));
    }
    let (mut prev_s, mut prev_sf) = (0, 0);
    let mut next_word = 0;
    for (si, s) in a.sentences.iter().enumerate() {
        text_range(a, "sentence", si, s.span, prev_s)?;
        prev_s = s.span.end;
        let p = a
            .paragraphs
            .get(s.paragraph)
            .ok_or_else(|| format!("sentence {si} names paragraph {}", s.paragraph))?;
        if !p.sentences.contains(si) || s.role != p.role {
            return Err(format!(
                "sentence {si} disagrees with paragraph {}",
                s.paragraph
            ));
        }
        if s.span.start < p.span.start || s.span.end > p.span.end {
            return Err(format!(
                "sentence {si} {:?} is outside its paragraph {:?}",
                s.span, p.span
            ));
        }
        let f = file_bytes(a, "sentence", si, s.span, prev_sf, utf8)?;
        prev_sf = f.end;
        if s.words.start != next_word || s.words.end < s.words.start {
            return Err(format!(
                "sentence {si} lists words {:?}, expected them to start at {next_word}",
                s.words
            ));
        }
        next_word = s.words.end;
    }
    if next_word != a.words.len() {
        return Err(format!(
            "sentences list {next_word} words of {}",
            a.words.len()
        ));
    }
    let (mut prev_w, mut prev_wf) = (0, 0);
    for (wi, w) in a.words.iter().enumerate() {
        text_range(a, "word", wi, w.span(), prev_w)?;
        prev_w = w.span().end;
        let s = a
            .sentences
            .get(w.sentence())
            .ok_or_else(|| format!("word {wi} names sentence {}", w.sentence))?;
        if !s.words.contains(wi) || w.span().start < s.span.start || w.span().end > s.span.end {
            return Err(format!(
                "word {wi} {:?} is outside its sentence {:?}",
                w.span(),
                s.span
            ));
        }
        let f = file_bytes(a, "word", wi, w.span(), prev_wf, utf8)?;
        prev_wf = f.end;
        let sf = a.file_bytes(s.span);
        if f.start < sf.start || f.end > sf.end {
            return Err(format!(
                "word {wi} maps to file {f:?}, outside its sentence's {sf:?}"
            ));
        }
        if let Some(file) = utf8 {
            let word = a.text_at(w.span());
            let untouched = !word.contains('\u{FFFD}')
                && !word.chars().any(|c| ('\u{2400}'..='\u{2426}').contains(&c));
            // A word hyphenated at a line end (`exam-` / `ple`) runs across
            // the line break, which decoding made `\n` whatever the file
            // holds (`\r\n`, a lone `\r`).
            let stored = file[f.range()]
                .replace('\u{FEFF}', "")
                .replace("\r\n", "\n")
                .replace('\r', "\n");
            // In a web page a word may hold an entity (`bar&#8217;s`) or run
            // across inline tags (`<b>ex</b>port`): its bytes are markup.
            let markup = html && (stored.contains('&') || stored.contains('<'));
            if untouched && !markup && stored != word {
                return Err(format!(
                    "word {wi} {word:?} maps to file bytes {f:?} holding {stored:?}"
                ));
            }
        }
    }
    Ok(())
}

/// A non-empty range of the text on character boundaries, not before `after`.
fn text_range(a: &Article, what: &str, i: usize, r: TextBytes, after: usize) -> Result<(), String> {
    if r.start >= r.end || r.end > a.text.len() {
        return Err(format!(
            "{what} {i} {r:?} is empty or past the text ({} bytes)",
            a.text.len()
        ));
    }
    if !a.text.is_char_boundary(r.start) || !a.text.is_char_boundary(r.end) {
        return Err(format!("{what} {i} {r:?} splits a character of the text"));
    }
    if r.start < after {
        return Err(format!(
            "{what} {i} {r:?} overlaps or precedes the one before (ending at {after})"
        ));
    }
    Ok(())
}

/// The file range of a text range: non-empty, inside the file, not before
/// `after`, and on character boundaries of a UTF-8 file.
fn file_bytes(
    a: &Article,
    what: &str,
    i: usize,
    r: TextBytes,
    after: usize,
    utf8: Option<&str>,
) -> Result<FileBytes, String> {
    let f = a.file_bytes(r);
    if f.start >= f.end || f.end > a.bytes.len() {
        return Err(format!(
            "{what} {i} {r:?} maps to file {f:?}: empty or past the file ({} bytes)",
            a.bytes.len()
        ));
    }
    if f.start < after {
        return Err(format!(
            "{what} {i} maps to file {f:?}, overlapping the one before (ending at {after})"
        ));
    }
    if let Some(file) = utf8
        && (!file.is_char_boundary(f.start) || !file.is_char_boundary(f.end))
    {
        return Err(format!(
            "{what} {i} maps to file {f:?}, splitting a character of the file"
        ));
    }
    Ok(f)
}
