//! The article model: bytes as stored → normalized, segmented text with metadata.
//!
//! No terminal code lives here; the UI, the exporters, the benchmarks and the
//! tests all build `Article`s the same way.

pub mod check;
pub mod decode;
pub mod html;
pub mod load;
pub mod meta;
pub mod segment;
pub mod span;

use std::ops::Range;

pub use decode::{OffsetMap, safe_line};
pub use html::{Extraction, ParseOptions};
pub use load::{LoadError, bundled, load_paths};
pub use span::{FileBytes, Sentences, TextBytes, Words};

/// What a paragraph (and every sentence in it) is to a reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The headline.
    Title,
    /// Date, byline, update lines.
    Meta,
    /// A crosshead inside the story.
    Heading,
    /// The reporting itself: the only text that is compared.
    Body,
    /// Tags, related links, comment forms.
    Boilerplate,
}

impl Role {
    /// Whether text in this role takes part in alignment.
    pub fn compared(self) -> bool {
        self == Role::Body
    }
}

/// A block of text between blank lines (or one line of web copy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Its bytes of `Article::text`.
    pub span: TextBytes,
    /// What the paragraph is to a reader.
    pub role: Role,
    /// Its sentences.
    pub sentences: Sentences,
    /// Its number among the body paragraphs that hold a sentence (`¶12`),
    /// as every output numbers them; `None` for titles, meta lines,
    /// headings and boilerplate.
    pub number: Option<std::num::NonZeroU32>,
}

/// A sentence of a paragraph (a whole paragraph when it is not body text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Its bytes of `Article::text`, from the first character to the final
    /// punctuation (closing quotes included).
    pub span: TextBytes,
    /// Index of its paragraph in `Article::paragraphs`.
    pub paragraph: usize,
    /// Its paragraph's role.
    pub role: Role,
    /// Its words.
    pub words: Words,
}

/// A word: a run of letters and digits, with inner apostrophes and hyphens.
///
/// Twelve bytes (`u32` offsets): the model holds one for every word, which
/// in a file of one-letter lines is one for every two bytes of the file.
/// Files are capped at 8 MiB ([`load::MAX_FILE_BYTES`]) and their text grows
/// at most a few times in decoding, far below 4 GiB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    start: u32,
    end: u32,
    sentence: u32,
}

impl Word {
    fn new(span: TextBytes, sentence: usize) -> Word {
        let at = |x: usize| u32::try_from(x).expect("article text under 4 GiB");
        Word {
            start: at(span.start),
            end: at(span.end),
            sentence: at(sentence),
        }
    }

    /// Its bytes of `Article::text`.
    pub fn span(&self) -> TextBytes {
        TextBytes::new(self.start as usize, self.end as usize)
    }

    /// Index of its sentence in `Article::sentences`.
    pub fn sentence(&self) -> usize {
        self.sentence as usize
    }
}

/// What the article says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Meta {
    /// The headline, or when the article has none, its lead shortened.
    pub title: String,
    /// True when `title` is a headline line of the article.
    pub headline: bool,
    /// `YYYY-MM-DD`, from the text or else the file name.
    pub date: Option<String>,
    /// The names of the byline, without `By`.
    pub byline: Option<String>,
    /// The publication, from the file name or the text.
    pub outlet: Option<String>,
}

impl Meta {
    /// Every field made one safe line: titles, outlets and bylines are shown
    /// on one line, in lists and status bars, so a hard-wrapped headline or a
    /// byline block must not break them; and they come from markup (entities
    /// such as `&#27;` in `og:site_name`), file names or the text, so any of
    /// them may hold a control character or a bidi override. This is the one
    /// gate every field passes, whatever found it.
    pub fn clean(&mut self) {
        self.title = one_line(&self.title);
        for field in [&mut self.date, &mut self.byline, &mut self.outlet] {
            if let Some(v) = field.as_mut() {
                *v = one_line(v);
            }
            if field.as_deref().is_some_and(str::is_empty) {
                *field = None;
            }
        }
    }
}

/// One article: its bytes as stored, normalized text, metadata and segmentation.
#[derive(Debug, Clone)]
pub struct Article {
    /// The path as given (or `articles/NAME` for bundled ones).
    pub path: String,
    /// The file exactly as stored.
    pub bytes: Vec<u8>,
    /// Normalized text: UTF-8, `\n` line ends, no tabs, no control characters.
    pub text: String,
    /// Where each byte of `text` came from in `bytes`.
    pub map: OffsetMap,
    /// Title, date, byline and outlet.
    pub meta: Meta,
    /// Problems met while decoding, for the user to see.
    pub warnings: Vec<String>,
    /// Paragraphs in reading order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in reading order.
    pub sentences: Vec<Sentence>,
    /// Words in reading order.
    pub words: Vec<Word>,
    /// For a web page: how its story was chosen, and how sure that is.
    pub extraction: Option<Extraction>,
}

/// Longest headline shown when the title is made from the lead.
const TITLE_CHARS: usize = 90;
/// Bylines, dates and update lines sit near the top, sometimes after a dek:
/// they are looked for in this many first paragraphs.
const META_PARAGRAPHS: usize = 8;

impl Article {
    /// Parse an article from the bytes of a file.
    pub fn parse(path: impl Into<String>, bytes: Vec<u8>) -> Article {
        Article::parse_with(path, bytes, &ParseOptions::default())
    }

    /// Parse an article from the bytes of a file, as `opts` say.
    pub fn parse_with(path: impl Into<String>, bytes: Vec<u8>, opts: &ParseOptions) -> Article {
        let path = path.into();
        let mut decoded = decode::decode(&bytes);
        // A web page: its story's text, mapped through the decoded page to
        // the file, and what its markup says about itself.
        let (text, map, hints, extraction) = if html::is_html(&path, &decoded.text) {
            if let Some(d) = decode::decode_declared(&bytes, &decoded) {
                decoded = d;
            }
            let page = html::extract(&decoded.text, &decoded.map, bytes.len(), opts);
            (page.text, page.map, page.hints, Some(page.extraction))
        } else {
            (decoded.text, decoded.map, html::Hints::default(), None)
        };
        let mut meta = Meta {
            outlet: hints
                .outlet
                .clone()
                .or_else(|| meta::outlet_from_name(&path).map(str::to_string))
                .or_else(|| meta::outlet_from_text(&text).map(str::to_string)),
            date: hints.date.clone(),
            byline: hints.byline.clone(),
            ..Meta::default()
        };
        let blocks = paragraph_blocks(&text);
        let paragraphs = classify(&text, &blocks, &mut meta);
        // A headline the page states (JSON-LD, Open Graph) before one
        // guessed from its text.
        if let Some(t) = hints.title {
            meta.title = t;
        }
        let mut article = Article {
            path,
            bytes,
            text,
            map,
            meta,
            warnings: decoded.warnings,
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            words: Vec::new(),
            extraction,
        };
        article.segment(paragraphs);
        article.finish_meta();
        article
    }

    /// Cuts each paragraph (its text bytes, found by `classify` on the text
    /// as plain ranges) into sentences and words.
    fn segment(&mut self, paragraphs: Vec<(Range<usize>, Role)>) {
        let mut body = 0u32;
        for (span, role) in paragraphs {
            let span = TextBytes::new(span.start, span.end);
            let p = self.paragraphs.len();
            let first = self.sentences.len();
            let ptext = self.text_at(span);
            // Ranges of `ptext`, shifted below into the whole text.
            let ranges = if role == Role::Body {
                segment::sentences(ptext)
            } else {
                // Titles, meta lines and boilerplate are one unit each.
                let t = ptext.trim_end();
                let lead = t.len() - t.trim_start().len();
                (t.len() > lead)
                    .then_some(lead..t.len())
                    .into_iter()
                    .collect()
            };
            for r in ranges {
                let s_span = TextBytes::new(r.start, r.end).shift(span.start);
                let w0 = self.words.len();
                let sentence = self.sentences.len();
                for w in segment::words(self.text_at(s_span)) {
                    self.words.push(Word::new(
                        TextBytes::new(w.start, w.end).shift(s_span.start),
                        sentence,
                    ));
                }
                self.sentences.push(Sentence {
                    span: s_span,
                    paragraph: p,
                    role,
                    words: Words::new(w0, self.words.len()),
                });
            }
            let sentences = Sentences::new(first, self.sentences.len());
            let number = if role.compared() && !sentences.is_empty() {
                body += 1;
                std::num::NonZeroU32::new(body)
            } else {
                None
            };
            self.paragraphs.push(Paragraph {
                span,
                role,
                sentences,
                number,
            });
        }
    }

    fn finish_meta(&mut self) {
        if self.meta.date.is_none() {
            let name = self.file_name();
            self.meta.date = meta::iso_date(name).map(str::to_string);
        }
        if self.meta.title.is_empty() {
            let lead = self
                .sentences
                .iter()
                .find(|s| s.role == Role::Body)
                .map(|s| meta::strip_dateline(self.text_at(s.span)))
                .unwrap_or("");
            self.meta.title = shorten(lead, TITLE_CHARS);
        }
        if self.meta.title.is_empty() {
            self.meta.title = self.file_name().to_string();
        }
        // Titles and bylines are shown on one line, in lists and status bars:
        // a hard-wrapped headline or a byline block must not break them, and
        // a file name (the last resort above) was never decoded, so it may
        // hold control characters of its own.
        self.meta.clean();
    }

    /// Whether the story read from this saved page is in doubt: refused,
    /// little kept of a long page, or close rivals (see
    /// [`Extraction::uncertain`]). Plain text never is.
    pub fn doubtful(&self) -> bool {
        self.extraction.as_ref().is_some_and(Extraction::uncertain)
    }

    /// For a web page: what to tell the user about how its story was
    /// chosen (nothing when copycat is sure, or for other files).
    pub fn extraction_notes(&self) -> Vec<String> {
        self.extraction
            .as_ref()
            .map(Extraction::notes)
            .unwrap_or_default()
    }

    /// The last component of the path.
    pub fn file_name(&self) -> &str {
        self.path.rsplit(['/', '\\']).next().unwrap_or(&self.path)
    }

    /// Text of a sentence.
    pub fn sentence_text(&self, i: usize) -> &str {
        self.text_at(self.sentences[i].span)
    }

    /// Text of a word.
    pub fn word_text(&self, i: usize) -> &str {
        self.text_at(self.words[i].span())
    }

    /// Paragraph number (1-based, counting body paragraphs) of a sentence, as
    /// the reader's gutter and the reports number paragraphs.
    pub fn paragraph_number(&self, sentence: usize) -> usize {
        // A sentence outside the body (a heading) goes with the body
        // paragraph before it.
        let p = self.sentences[sentence].paragraph;
        self.paragraphs[..=p]
            .iter()
            .rev()
            .find_map(|p| p.number)
            .map_or(1, |n| n.get() as usize)
    }

    /// The sentences of a run, for reading them.
    pub fn sentences_in(&self, sentences: Sentences) -> &[Sentence] {
        &self.sentences[sentences.range()]
    }

    /// The words of a run, for reading them.
    pub fn words_in(&self, words: Words) -> &[Word] {
        &self.words[words.range()]
    }

    /// The words of a run of sentences: from the first word of its first
    /// sentence to the last of its last (empty, where the run starts, for
    /// an empty run).
    pub fn sentence_words(&self, sentences: Sentences) -> Words {
        if sentences.is_empty() {
            let at = self
                .sentences
                .get(sentences.start)
                .map_or(self.words.len(), |s| s.words.start);
            return Words::empty_at(at);
        }
        Words::new(
            self.sentences[sentences.start].words.start,
            self.sentences[sentences.end - 1].words.end,
        )
    }

    /// The bytes of the text from the first sentence of `sentences` to the
    /// end of its last (the whitespace between them included). The run must
    /// not be empty.
    pub fn sentences_bytes(&self, sentences: Sentences) -> TextBytes {
        TextBytes::new(
            self.sentences[sentences.start].span.start,
            self.sentences[sentences.end - 1].span.end,
        )
    }

    /// The bytes of the text from the first word of `words` to the end of
    /// its last. The run must not be empty.
    pub fn words_bytes(&self, words: Words) -> TextBytes {
        TextBytes::new(
            self.words[words.start].span().start,
            self.words[words.end - 1].span().end,
        )
    }

    /// Bytes of the text as bytes of the file as stored: through the offset
    /// map, so on a saved page or a CRLF file they point at what the text
    /// was made from (an entity, a CRLF, a UTF-16 unit), as reports need.
    pub fn file_bytes(&self, text: TextBytes) -> FileBytes {
        let r = self.map.file_range(text.range());
        FileBytes::new(r.start, r.end)
    }

    /// The text of a byte range of it.
    pub fn text_at(&self, text: TextBytes) -> &str {
        &self.text[text.range()]
    }

    /// Every sentence of the article.
    pub fn all_sentences(&self) -> Sentences {
        Sentences::new(0, self.sentences.len())
    }

    /// Number of words in compared (body) text.
    pub fn body_words(&self) -> usize {
        self.sentences
            .iter()
            .filter(|s| s.role.compared())
            .map(|s| s.words.len())
            .sum()
    }

    /// Number of words in the whole text.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// Body paragraphs and sentences.
    pub fn body_counts(&self) -> (usize, usize) {
        let p = self.paragraphs.iter().filter(|p| p.role.compared()).count();
        let s = self.sentences.iter().filter(|s| s.role.compared()).count();
        (p, s)
    }
}

/// `s` on one line: runs of whitespace (line breaks included) become one
/// space, and characters that must not reach a terminal become placeholders.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(
            word.chars()
                .map(|c| decode::placeholder(c).unwrap_or(c))
                .filter(|&c| c != '\u{FEFF}'),
        );
    }
    out
}

/// `s` cut at a word boundary to at most `max` characters, with an ellipsis.
fn shorten(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let at = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', ' ']))
}

/// Paragraph byte ranges of the text (each trimmed of surrounding newlines).
///
/// Web copy puts one paragraph on a line; e-texts, mail and text re-extracted
/// from PDFs or web pages wrap lines at a fixed width (60 to 180 columns) and
/// separate paragraphs with blank lines. A text whose lines mostly run on
/// into the next line mid-sentence is read the second way.
fn paragraph_blocks(text: &str) -> Vec<Range<usize>> {
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        lines.push(at..at + body.len());
        at += line.len();
    }
    // In hard-wrapped text a line that fills the width was wrapped; a
    // shorter one ends a paragraph or an item of a list (web pages taken
    // as text hold many), unless the sentence runs on.
    let full = hard_wrapped(text, &lines).then(|| WRAP_FILL * wrap_width(text, &lines) as f64);
    let mut out = Vec::new();
    let mut cur: Option<Range<usize>> = None;
    let mut prev: Option<Range<usize>> = None;
    for r in lines {
        let blank = text[r.clone()].trim().is_empty();
        if blank {
            if let Some(c) = cur.take() {
                out.push(c);
            }
            prev = None;
            continue;
        }
        let joins = prev.as_ref().is_some_and(|p| {
            full.is_some_and(|w| text[p.clone()].trim_end().chars().count() as f64 >= w)
                || runs_on(text, p, &r)
        });
        prev = Some(r.clone());
        match (&mut cur, joins) {
            (Some(c), true) => c.end = r.end,
            _ => {
                if let Some(c) = cur.take() {
                    out.push(c);
                }
                cur = Some(r);
            }
        }
    }
    out.extend(cur);
    out
}

/// Words that never end a paragraph: a line ending on one was cut
/// mid-sentence.
const RUN_ON_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
    "with",
];

/// Whether the line `next` continues the sentence that `line` leaves open,
/// whether or not the text is hard-wrapped as a whole: web copy and
/// documents stitched from several sources break some lines mid-sentence,
/// and a sentence never starts with a lowercase letter, nor does a
/// paragraph end on a comma, a hyphen or an article. (A line ending in `;`
/// is an item of a list, whatever follows.)
fn runs_on(text: &str, line: &Range<usize>, next: &Range<usize>) -> bool {
    let line = text[line.clone()].trim_end();
    let next = text[next.clone()].trim_start();
    if line.is_empty() || next.is_empty() {
        return false;
    }
    let open = !line.ends_with(|c: char| {
        matches!(
            c,
            '.' | '!' | '?' | '…' | ':' | ';' | '"' | '”' | '\'' | '’' | ')' | ']'
        )
    });
    let last_word = line
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    open && (next.starts_with(char::is_lowercase)
        || line.ends_with([',', '-'])
        || RUN_ON_WORDS.contains(&last_word.to_lowercase().as_str()))
}

/// A line of hard-wrapped text at least this share of the wrapping width
/// long was wrapped: greedy wrapping leaves a line short of the width by at
/// most the next word, and words are short next to widths of 60 columns
/// and more.
const WRAP_FILL: f64 = 0.7;

/// The wrapping width of hard-wrapped text, in characters: the length that
/// nine lines in ten do not pass (the longest line may be a title or a
/// table row set apart from the prose).
fn wrap_width(text: &str, lines: &[Range<usize>]) -> usize {
    let mut lens: Vec<usize> = lines
        .iter()
        .map(|r| text[r.clone()].trim_end().chars().count())
        .filter(|&n| n > 0)
        .collect();
    if lens.is_empty() {
        return 0;
    }
    lens.sort_unstable();
    lens[(lens.len() * 9 / 10).min(lens.len() - 1)]
}

/// Longest line, in characters, of a text taken as hard-wrapped: wrapping
/// widths run from 60 to about 180 columns, while web copy's one-paragraph
/// lines run to hundreds.
const MAX_WRAP_CHARS: usize = 200;
/// Share of a text's line breaks between two non-blank lines that fall
/// mid-sentence, above which the lines are wrapped: in web copy, lines end
/// where paragraphs end, after a sentence's final punctuation, and only
/// headlines and crossheads run on.
const MIN_RUN_ON_SHARE: f64 = 0.5;
/// Fewer run-on line breaks than this are not evidence of wrapping (a
/// headline and a dek above a story).
const MIN_RUN_ON_LINES: usize = 3;

/// Whether the lines of `text` are hard-wrapped prose.
fn hard_wrapped(text: &str, lines: &[Range<usize>]) -> bool {
    let (mut breaks, mut run_on, mut too_long) = (0usize, 0usize, 0usize);
    for w in lines.windows(2) {
        let (line, next) = (text[w[0].clone()].trim(), text[w[1].clone()].trim());
        if line.is_empty() || next.is_empty() {
            continue;
        }
        breaks += 1;
        let ends_sentence = line.ends_with(|c: char| {
            matches!(
                c,
                '.' | '!' | '?' | '…' | ':' | '"' | '”' | '\'' | '’' | ')'
            )
        });
        if !ends_sentence {
            run_on += 1;
            if line.chars().count() > MAX_WRAP_CHARS {
                too_long += 1;
            }
        }
    }
    run_on >= MIN_RUN_ON_LINES
        && run_on as f64 >= MIN_RUN_ON_SHARE * breaks as f64
        && too_long * 10 <= run_on
}

/// Assign a role to each block, splitting a leading `date …` token off the
/// first line, and fill in what metadata the text gives.
fn classify(text: &str, blocks: &[Range<usize>], meta: &mut Meta) -> Vec<(Range<usize>, Role)> {
    let mut out = Vec::with_capacity(blocks.len() + 1);
    let mut boiler_from = usize::MAX;
    // A block header opens trailing boilerplate only in the second half of an
    // article: early on, "Related" is more likely a word of the story.
    for (i, b) in blocks.iter().enumerate() {
        if i * 2 >= blocks.len() && meta::is_boiler_block(&text[b.clone()]) {
            boiler_from = i;
            break;
        }
    }
    let mut seen_body = false;
    for (i, b) in blocks.iter().enumerate() {
        let mut span = b.clone();
        let line = &text[span.clone()];
        if i >= boiler_from || meta::is_boiler_line(line) {
            out.push((span, Role::Boilerplate));
            continue;
        }
        if i < META_PARAGRAPHS {
            if let Some(name) = meta::byline(line) {
                meta.byline.get_or_insert(name);
                out.push((span, Role::Meta));
                continue;
            }
            if let Some(date) = meta::dated_line(line) {
                if !date.is_empty() {
                    meta.date.get_or_insert_with(|| date.to_string());
                }
                out.push((span, Role::Meta));
                continue;
            }
        }
        if !seen_body {
            if let Some((n, date)) = meta::date_token(line) {
                meta.date.get_or_insert_with(|| date.to_string());
                let token_end = span.start + line[..n].trim_end().len();
                let lead = line.len() - line.trim_start().len();
                out.push((span.start + lead..token_end, Role::Meta));
                span.start += n;
                if span.is_empty() {
                    continue;
                }
            }
            let line = &text[span.clone()];
            let next = blocks.get(i + 1).map_or("", |n| &text[n.clone()]);
            if i == 0 && blocks.len() > 1 && meta::is_headline(line, next) {
                meta.title = line.trim().to_string();
                meta.headline = true;
                out.push((span, Role::Title));
                continue;
            }
        }
        let line = &text[span.clone()];
        let last = i + 1 == blocks.len().min(boiler_from);
        // A crosshead stands alone between paragraphs; short unpunctuated
        // lines in a row are the items of a list (dates, names, a table),
        // which are content.
        let listed = |j: Option<usize>| {
            j.filter(|&j| j < boiler_from)
                .and_then(|j| blocks.get(j))
                .is_some_and(|n| meta::is_heading(&text[n.clone()]))
        };
        if seen_body
            && !last
            && meta::is_heading(line)
            && !listed(i.checked_sub(1))
            && !listed(Some(i + 1))
        {
            out.push((span, Role::Heading));
            continue;
        }
        seen_body = true;
        out.push((span, Role::Body));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_at_a_word() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("one two three four five six", 15), "one two three…");
    }

    #[test]
    fn hard_wrapped_text_joins_lines_into_paragraphs() {
        let line = "a line of prose that wraps at a fixed width like old e-texts do";
        let mut t = String::new();
        for _ in 0..3 {
            for _ in 0..4 {
                t.push_str(line);
                t.push('\n');
            }
            t.push('\n');
        }
        let a = Article::parse("x.txt", t.into_bytes());
        assert_eq!(a.paragraphs.len(), 3);
    }

    /// Documents stitched from several sources break lines mid-sentence: the
    /// sentence was cut in two, each half a `Heading` left out of the
    /// comparison.
    #[test]
    fn a_line_broken_mid_sentence_runs_on() {
        let t = "Headline here\nFirst para. These flaws\nmay not be readily visible. On\nsuch a surface drops of water appear flat and\nwide.\nSecond para.\n";
        let a = Article::parse("x.txt", t.as_bytes().to_vec());
        let body: Vec<&str> = a
            .sentences
            .iter()
            .filter(|s| s.role == Role::Body)
            .map(|s| a.text_at(s.span))
            .collect();
        assert_eq!(
            body,
            [
                "First para.",
                "These flaws\nmay not be readily visible.",
                "On\nsuch a surface drops of water appear flat and\nwide.",
                "Second para."
            ]
        );
    }

    /// Items of a list stay apart, whether they end in `;` or in nothing, and
    /// are content: only a lone short line between paragraphs is a crosshead.
    #[test]
    fn list_items_are_body_text_and_stay_apart() {
        let para = "A paragraph of prose that is long enough to be wrapped at a fixed width, and it goes on";
        let mut t = String::from("Title\n\n");
        for head in ["", "Early years\n\n", ""] {
            t.push_str(head);
            t.push_str(para);
            t.push_str("\nand on to the end.\n\n");
        }
        t.push_str("1922\nThe Club publishes a rondo for four flutes\nFebruary 26, 1928\nA talk on the art of flute playing\n\n");
        t.push_str("de facto recognition of the line;\nfreezing of the status;\na phased lifting of sanctions.\n\n");
        t.push_str(para);
        t.push_str("\nand on to the end.\n");
        let a = Article::parse("x.txt", t.into_bytes());
        let role = |needle: &str| {
            a.paragraphs
                .iter()
                .find(|p| a.text_at(p.span).starts_with(needle))
                .map(|p| p.role)
        };
        assert_eq!(role("Early years"), Some(Role::Heading));
        assert_eq!(role("1922"), Some(Role::Body));
        assert_eq!(role("The Club publishes"), Some(Role::Body));
        assert_eq!(role("freezing"), Some(Role::Body));
        assert_eq!(role(para), Some(Role::Body));
        assert!(a.paragraphs.iter().any(|p| {
            let t = a.text_at(p.span);
            t.starts_with(para) && t.ends_with("end.")
        }));
    }

    #[test]
    fn one_paragraph_per_line_in_web_copy() {
        let a = Article::parse(
            "x.txt",
            b"Headline here\nFirst para. Two.\nSecond para.\n".to_vec(),
        );
        assert_eq!(a.paragraphs.len(), 3);
        assert_eq!(a.paragraphs[0].role, Role::Title);
        assert_eq!(a.meta.title, "Headline here");
        assert_eq!(a.sentences.len(), 4);
    }

    /// A title made from a file name was not sanitized: a name holding an
    /// escape sequence would have reached the terminal through the title.
    #[test]
    fn file_name_title_holds_no_control_characters() {
        let a = Article::parse("dir/evil\x1b]0;pwned\x07\u{202E}.txt", Vec::new());
        assert_eq!(a.meta.title, "evil\u{241B}]0;pwned\u{2407}\u{FFFD}.txt");
        assert!(a.meta.title.chars().all(decode::is_safe));
    }

    /// In hard-wrapped text a lead sentence spans lines, and the title made
    /// from it held the line breaks; so could a byline.
    #[test]
    fn wrapped_lead_and_byline_make_one_line_metadata() {
        let line = "the lead sentence goes on over many lines of this text and";
        let mut t = String::from("By  Jane\u{a0}Doe\n\nWASHINGTON—");
        for _ in 0..4 {
            t.push_str(line);
            t.push('\n');
        }
        t.push_str("ends here.\n\n");
        for _ in 0..4 {
            t.push_str(line);
            t.push('\n');
        }
        let a = Article::parse("x.txt", t.into_bytes());
        assert_eq!(a.meta.byline.as_deref(), Some("Jane Doe"));
        assert!(!a.meta.headline);
        assert!(
            a.meta
                .title
                .starts_with("the lead sentence goes on over many lines of this text and the lead"),
            "{:?}",
            a.meta.title
        );
    }

    #[test]
    fn empty_input_is_an_empty_article() {
        let a = Article::parse("e.txt", Vec::new());
        assert!(a.sentences.is_empty());
        assert_eq!(a.meta.title, "e.txt");
    }

    #[test]
    fn conversions_between_kinds_of_position() {
        // CRLF and a tab: the text and the file differ in length, so a text
        // offset reported as a file offset would be wrong.
        let file = b"First line here.\r\n\r\nThe\tminister met leaders. They talked.\r\n";
        let a = Article::parse("x.txt", file.to_vec());
        let body = Sentences::new(1, 3);
        assert_eq!(a.sentences_in(body).len(), 2);
        let words = a.sentence_words(body);
        assert_eq!(a.words_in(words).len(), 6);
        assert_eq!(
            a.text_at(a.words_bytes(words)),
            "The minister met leaders. They talked"
        );
        assert_eq!(
            a.text_at(a.sentences_bytes(body)),
            "The minister met leaders. They talked."
        );
        let f = a.file_bytes(a.sentences_bytes(body));
        assert_eq!(&file[f.range()], b"The\tminister met leaders. They talked.");
        let they = Words::new(words.start + 4, words.start + 5);
        let f = a.file_bytes(a.words_bytes(they));
        assert_eq!(&file[f.range()], b"They");
        assert_eq!(a.all_sentences(), Sentences::new(0, 3));
        // An empty run of sentences has no words, where it stands.
        assert_eq!(
            a.sentence_words(Sentences::empty_at(1)),
            Words::empty_at(words.start)
        );
        assert_eq!(
            a.sentence_words(Sentences::empty_at(3)),
            Words::empty_at(a.words.len())
        );
    }
}
