//! A block of one text that summarises the whole of the other, found from
//! the words they share rather than from sentence links.
//!
//! A summary written in its own words condenses several sentences into one,
//! so no sentence of it matches one of its source well enough to link: the
//! pair shows no passage at all. What it does show is vocabulary: a few
//! sentences of one text hold many of the other's content words, and among
//! them words the rest of their own text never uses (the source's names,
//! its subject's terms), drawn from all over the source. Two texts written
//! separately on one subject share their vocabulary too, but all through
//! both: the block stands out only against a text that is otherwise about
//! something else, so a block is read as a summary only when the rest of
//! its text shares little of the source's words (`CONTRAST`).
//!
//! Thresholds were chosen on the tune halves of `scripts/devsets/run-all.sh`
//! (a scratch prototype over the texts, then this code): passages plagdet
//! pan13-summary-extra 0.594 -> 0.798 and pan13-summary 0.686 -> 0.834, no
//! false link added on any set without reuse. On the report halves, run once
//! at the end (`scripts/devsets/ablation.sh`, `no summaries` column):
//! 0.644 -> 0.848 and 0.799 -> 0.948, pan13-random 0.868 -> 0.895, and two
//! pairs without reuse got links (sametopic-definitions 0 -> 2, samestory-bbc
//! 0 -> 1): an encyclopaedia entry whose opening definition is another's
//! words before it turns to an example of its own reads as a summary amid
//! other text. A larger same-story set built after that
//! (samestory-bbc-more) showed the second kind on its tune half too: a
//! second report of a story recaps the first, a short one, in a paragraph
//! of its own; against a short source a block must stand out more
//! (`SHORT_SOURCE`), which took samestory-bbc's report pair back to 0.

use super::*;
use crate::align::passage::MAX_PASSAGE_GAP;
use crate::side::Side;

/// Fewest and most sentences of a block tried: a summary of a few lines.
const MIN_BLOCK: usize = 2;
/// See `MIN_BLOCK`.
const MAX_BLOCK: usize = 8;
/// A block with fewer distinct content stems than this is too short to
/// judge by its vocabulary.
const MIN_BLOCK_STEMS: usize = 15;
/// A block's *own* words are the stems the source holds and the rest of the
/// block's text never uses: at least this share of its distinct stems…
const OWN_SHARE: f64 = 0.35;
/// …and at least this many of them…
const MIN_OWN: usize = 10;
/// …drawn from at least `MIN_PARTS` of the source's `PARTS` (a summary
/// takes from all over its source; a copied passage from one place).
const PARTS: usize = 5;
/// See `PARTS`.
const MIN_PARTS: usize = 3;
/// At least this share of the block's distinct stems are the source's…
const MIN_COVER: f64 = 0.6;
/// …this many times the share of the rest of its text's words that are:
/// the block stands out from a text about something else.
const CONTRAST: f64 = 2.5;
/// Against a source of fewer content words than this (a news report of a
/// few paragraphs) a block must stand out `CONTRAST_SHORT` times from its
/// text: a second report of the same story recaps the first's facts in a
/// paragraph of its own words, which reads as a summary of it, and a small
/// source's small vocabulary keeps the background share low, so that a
/// plain `CONTRAST` is easy to reach. Chosen on the tune halves: the
/// same-story recaps there (samestory-bbc-more) stand out 2.8 and 3.2
/// times from sources of 122 and 125 words, every true summary of a source
/// under 250 words 6.2 times or more (under 300, 4.9), while summaries of
/// sources of 300-400 words stand out as little as 2.9 times (a limit of
/// 400 loses them). A digest's paragraph on a short report, amid its news
/// of other things, stands out 3.9 times (`tests/data/digest`): the limit
/// lies between the recaps and it.
const SHORT_SOURCE: usize = 250;
/// See `SHORT_SOURCE`.
const CONTRAST_SHORT: f64 = 3.5;
/// The source holds at least this many times the block's content words: a
/// summary condenses.
const CONDENSED: f64 = 2.0;
/// A block whose sentences are linked already for this share of its words
/// or more is a passage taken sentence for sentence, not a summary.
const MAX_LINKED_SHARE: f64 = 0.5;
/// A sentence of the block is linked to the source sentence that shares
/// the most rare-word mass with it, when their Dice reaches this: below it
/// the sentence is the summary's own framing (`The author argues that…`).
const MIN_SENTENCE_DICE: f64 = 0.2;

/// A block of one side's compared units (`holder`) that summarises the
/// whole other side.
#[derive(Debug, Clone, PartialEq)]
pub(in crate::align) struct SummaryBlock {
    /// The side the block is in (the summary's text).
    pub(in crate::align) holder: Side,
    /// Its sentences on that side.
    pub(in crate::align) sentences: Sentences,
}

/// The summary block of either side, if one reads as a summary of the whole
/// other side; where both sides hold one, the one with the larger share of
/// own words.
pub(super) fn find(sa: &Prepared, sb: &Prepared) -> Option<(SummaryBlock, Range<usize>)> {
    let in_b = best_block(sb, sa).map(|(own, r)| (own, Side::B, r));
    let in_a = best_block(sa, sb).map(|(own, r)| (own, Side::A, r));
    let (_, holder, units) = match (in_a, in_b) {
        (Some(x), Some(y)) => {
            if x.0 > y.0 {
                x
            } else {
                y
            }
        }
        (x, y) => x.or(y)?,
    };
    let side = if holder == Side::A { sa } else { sb };
    let sentences = Sentences::new(
        side.units[units.start].sentence,
        side.units[units.end - 1].sentence + 1,
    );
    Some((SummaryBlock { holder, sentences }, units))
}

/// Whether the links already found leave the block to be read as a
/// summary. Not when they cover `MAX_LINKED_SHARE` of its words: it is then
/// a passage taken sentence for sentence, which its links show as it is
/// (the vocabulary of a copied or reworded block is its source's too). Nor
/// when it sits beside or around a taking: two links next to each other on
/// its side whose sources follow each other too (a block copied or reworded
/// sentence by sentence, then another from elsewhere, share their source's
/// words as a summary does). Links near enough to join the block's passage
/// (`MAX_PASSAGE_GAP`) count as inside it.
pub(super) fn left_to_summarise(
    sa: &Prepared,
    sb: &Prepared,
    block: &SummaryBlock,
    units: &Range<usize>,
    links: &[Link],
) -> bool {
    let h = if block.holder == Side::A { sa } else { sb };
    let sides = |l: &Link| match block.holder {
        Side::A => (l.a, l.b),
        Side::B => (l.b, l.a),
    };
    let us = &h.units[units.clone()];
    let total: usize = us.iter().map(|u| u.seq.len()).sum();
    let covered: usize = us
        .iter()
        .filter(|u| links.iter().any(|l| sides(l).0.contains(u.sentence)))
        .map(|u| u.seq.len())
        .sum();
    if covered as f64 >= MAX_LINKED_SHARE * total as f64 {
        return false;
    }
    let (start, end) = (
        block.sentences.start.saturating_sub(MAX_PASSAGE_GAP),
        block.sentences.end + MAX_PASSAGE_GAP,
    );
    let mut near: Vec<(Sentences, Sentences)> = links
        .iter()
        .map(sides)
        .filter(|(h, _)| h.start < end && start < h.end)
        .collect();
    near.sort_by_key(|(h, _)| h.start);
    !near.windows(2).any(|w| {
        let ((h0, s0), (h1, s1)) = (w[0], w[1]);
        h1.start == h0.end && (s0.end..=s0.end + 1).contains(&s1.start)
    })
}

/// Links from the block's units to the source units that explain each
/// best, for the units no link in `links` covers yet, each source unit used
/// once.
pub(super) fn block_links(
    sa: &Prepared,
    sb: &Prepared,
    sc: &Scorer,
    block: &SummaryBlock,
    units: Range<usize>,
    links: &[Link],
    opts: &Options,
) -> Vec<Link> {
    let holder = block.holder;
    let linked = |sentence: usize| {
        links.iter().any(|l| match holder {
            Side::A => l.a.contains(sentence),
            Side::B => l.b.contains(sentence),
        })
    };
    let (h, s) = if holder == Side::A {
        (sa, sb)
    } else {
        (sb, sa)
    };
    // Links never overlap on either side: each source sentence explains one
    // sentence of the block at most, and none that a link already holds.
    // The best matches are taken first, so a sentence whose best source is
    // taken falls back on its next best.
    let mut taken: Vec<bool> = s
        .units
        .iter()
        .map(|v| {
            links.iter().any(|l| match holder {
                Side::A => l.b.contains(v.sentence),
                Side::B => l.a.contains(v.sentence),
            })
        })
        .collect();
    let mut open: Vec<usize> = units
        .filter(|&k| {
            let u = &h.units[k];
            !u.title && !linked(u.sentence) && u.mass > 0.0
        })
        .collect();
    let mut out = Vec::new();
    loop {
        // The best free match of each open unit, then the best of those.
        let best = open
            .iter()
            .enumerate()
            .filter_map(|(i, &k)| {
                let u = &h.units[k];
                s.units
                    .iter()
                    .enumerate()
                    .filter(|&(j, v)| !taken[j] && !v.title && v.mass > 0.0)
                    .map(|(j, v)| {
                        let (shared, count) = sc.shared_exact(&u.set, &v.set);
                        (2.0 * shared / (u.mass + v.mass), count, j, i)
                    })
                    .max_by(|x, y| x.0.total_cmp(&y.0).then(y.2.cmp(&x.2)))
            })
            .max_by(|x, y| x.0.total_cmp(&y.0).then(y.3.cmp(&x.3)));
        let Some((dice, count, j, i)) = best else {
            break;
        };
        if dice < MIN_SENTENCE_DICE {
            break;
        }
        let k = open.remove(i);
        taken[j] = true;
        let (a, b) = if holder == Side::A { (k, j) } else { (j, k) };
        let words = h.units[k].norms.len().min(s.units[j].norms.len());
        let bead = Bead {
            a,
            na: 1,
            b,
            nb: 1,
            dice,
            shared: 0.0,
            mass: 0.0,
            count,
            names: 0,
            words,
            bare: false,
            title: false,
        };
        out.push(make_link(sa, sb, bead, false, opts).0);
    }
    out
}

/// The block of `holder` (its own words' share, its units) that reads best
/// as a summary of all of `source`, if one passes every test.
fn best_block(holder: &Prepared, source: &Prepared) -> Option<(f64, Range<usize>)> {
    let body: Vec<usize> = (0..holder.units.len())
        .filter(|&k| !holder.units[k].title)
        .collect();
    let max_id = holder
        .units
        .iter()
        .chain(&source.units)
        .flat_map(|u| u.seq.iter().copied())
        .max()? as usize
        + 1;
    let mut in_source = vec![false; max_id];
    for u in &source.units {
        for &t in &u.set {
            in_source[t as usize] = true;
        }
    }
    // How often each stem is used in the holder's body, and how many of the
    // body's words are the source's.
    let mut uses = vec![0u32; max_id];
    let (mut total, mut total_in) = (0usize, 0usize);
    for &k in &body {
        for &t in &holder.units[k].seq {
            uses[t as usize] += 1;
            total += 1;
            total_in += usize::from(in_source[t as usize]);
        }
    }
    let seq = |k: usize| holder.units[k].seq.as_slice();
    let mut w = Window {
        here: vec![0; max_id],
        distinct: 0,
        sourced: 0,
        own: 0,
        words: 0,
        words_in: 0,
        in_source: &in_source,
        uses: &uses,
    };
    let mut best: Option<(f64, Range<usize>)> = None;
    for n in MIN_BLOCK..=MAX_BLOCK.min(body.len()) {
        // Slid along the body a unit at a time: each step adds one unit and
        // drops one, whatever the run's length.
        for end in 0..body.len() {
            w.add(seq(body[end]));
            if end >= n {
                w.remove(seq(body[end - n]));
            }
            if end + 1 < n {
                continue;
            }
            let run = &body[end + 1 - n..=end];
            // Consecutive compared units only (no headline between): a
            // block is one stretch of text.
            if run[n - 1] - run[0] != n - 1 {
                continue;
            }
            let share = w.own as f64 / w.distinct.max(1) as f64;
            let better = best.as_ref().is_none_or(|b| share > b.0);
            // The rest of the text must be at least the block's size to be
            // a background it stands out from.
            if w.distinct >= MIN_BLOCK_STEMS && total - w.words >= w.words && better {
                best = Some((share, run[0]..run[n - 1] + 1));
            }
        }
        for &k in &body[body.len().saturating_sub(n)..] {
            w.remove(seq(k));
        }
    }
    let (share, units) = best?;
    // The window is empty again: it now holds the chosen block.
    for k in units.clone() {
        w.add(seq(k));
    }
    if !passes(holder, source, &units, &w, (total, total_in)) {
        return None;
    }
    Some((share, grow(holder, units, &body, &mut w)))
}

/// `units` widened by each next sentence on either side that is about the
/// source too: the block with the most own words is often the core of a
/// longer summary, whose opening or closing sentence says less.
fn grow(
    holder: &Prepared,
    mut units: Range<usize>,
    body: &[usize],
    w: &mut Window,
) -> Range<usize> {
    // Whether unit `k`, taken into the window, draws on the source: most of
    // its stems are the source's, and one of them the rest of its text does
    // not use. It stays in the window when it does.
    let take = |k: usize, w: &mut Window| {
        let u = &holder.units[k];
        if u.title || u.set.is_empty() {
            return false;
        }
        w.add(&u.seq);
        let cover = u.set.iter().filter(|&&t| w.in_source[t as usize]).count();
        let own = u.set.iter().any(|&t| w.own(t as usize));
        let about = cover as f64 >= MIN_COVER * u.set.len() as f64 && own;
        if !about {
            w.remove(&u.seq);
        }
        about
    };
    let is_body = |k: usize| body.binary_search(&k).is_ok();
    loop {
        let before = units.start.checked_sub(1).filter(|&k| is_body(k));
        let after = Some(units.end).filter(|&k| is_body(k));
        let next = before
            .filter(|&k| take(k, w))
            .or_else(|| after.filter(|&k| take(k, w)));
        let Some(k) = next else {
            return units;
        };
        units = units.start.min(k)..units.end.max(k + 1);
    }
}

/// A run of the holder's units as it slides: how often each stem is used
/// in it, and how many distinct stems, distinct stems of the source, own
/// stems (the source's, every use of them in the holder inside the run),
/// words and words of the source it holds.
struct Window<'a> {
    here: Vec<u32>,
    distinct: usize,
    sourced: usize,
    own: usize,
    words: usize,
    words_in: usize,
    in_source: &'a [bool],
    uses: &'a [u32],
}

impl Window<'_> {
    fn own(&self, t: usize) -> bool {
        self.in_source[t] && self.here[t] == self.uses[t]
    }

    fn add(&mut self, seq: &[u32]) {
        for &t in seq {
            let t = t as usize;
            let new = usize::from(self.here[t] == 0);
            let from_source = usize::from(self.in_source[t]);
            self.distinct += new;
            self.sourced += new * from_source;
            self.here[t] += 1;
            self.own += usize::from(self.own(t));
            self.words += 1;
            self.words_in += from_source;
        }
    }

    fn remove(&mut self, seq: &[u32]) {
        for &t in seq {
            let t = t as usize;
            self.own -= usize::from(self.own(t));
            self.here[t] -= 1;
            let gone = usize::from(self.here[t] == 0);
            let from_source = usize::from(self.in_source[t]);
            self.distinct -= gone;
            self.sourced -= gone * from_source;
            self.words -= 1;
            self.words_in -= from_source;
        }
    }
}

/// Whether the block `units` of `holder`, the stems of which `w` counts,
/// passes every test of a summary of all of `source` (see the constants).
fn passes(
    holder: &Prepared,
    source: &Prepared,
    units: &Range<usize>,
    w: &Window,
    (total, total_in): (usize, usize),
) -> bool {
    let own: Vec<u32> = holder.units[units.clone()]
        .iter()
        .flat_map(|u| u.set.iter().copied())
        .filter(|&t| w.own(t as usize))
        .collect();
    let cover = w.sourced as f64 / w.distinct.max(1) as f64;
    let rest = (total - w.words).max(1) as f64;
    let background = (total_in - w.words_in) as f64 / rest;
    let source_words: usize = source.units.iter().map(|u| u.seq.len()).sum();
    let contrast = if source_words < SHORT_SOURCE {
        CONTRAST_SHORT
    } else {
        CONTRAST
    };
    let mut parts = [false; PARTS];
    let n = source.units.len().max(1);
    for (j, v) in source.units.iter().enumerate() {
        if own.iter().any(|t| v.set.binary_search(t).is_ok()) {
            parts[(j * PARTS / n).min(PARTS - 1)] = true;
        }
    }
    w.own as f64 >= OWN_SHARE * w.distinct as f64
        && w.own >= MIN_OWN
        && cover >= MIN_COVER
        && cover >= contrast * background
        && parts.iter().filter(|&&p| p).count() >= MIN_PARTS
        && source_words as f64 >= CONDENSED * w.words as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digest(name: &str) -> Article {
        let path = format!("{}/tests/data/digest/{name}", env!("CARGO_MANIFEST_DIR"));
        Article::parse(name, std::fs::read(path).expect("fixture"))
    }

    /// The summary block of `holder` against `source` (in this order: the
    /// block is looked for on both sides).
    fn block(source: &Article, holder: &Article) -> Option<SummaryBlock> {
        let mut tok = Tokenizer::new();
        tok.start_local();
        let (sa, sb) = (
            Prepared::new(source, &mut tok),
            Prepared::new(holder, &mut tok),
        );
        tok.end_local();
        find(&sa, &sb).map(|(block, _)| block)
    }

    /// The sentences of `art` whose text lies between `from` and `to`.
    fn between(art: &Article, from: &str, to: &str) -> Sentences {
        let (s, e) = (
            art.text.find(from).expect("start"),
            art.text.find(to).expect("end") + to.len(),
        );
        let k = |pos: usize| {
            art.sentences
                .iter()
                .position(|x| x.span.start <= pos && pos <= x.span.end)
                .expect("a sentence")
        };
        Sentences::new(k(s), k(e - 1) + 1)
    }

    #[test]
    fn a_paragraph_about_the_source_amid_other_news_is_a_block_and_grows_to_its_framing() {
        let (report, weekly) = (digest("tramway.txt"), digest("weekly.txt"));
        let found = block(&report, &weekly).expect("a block");
        assert_eq!(found.holder, Side::B);
        // The run with the most own words is the paragraph's first two
        // sentences; the two after it (the mayor, the trams' maker and
        // date) are taken in as the block grows.
        assert_eq!(
            found.sentences,
            between(&weekly, "In the city", "running by 2029.")
        );
        // Looked for from the other side, it is the same block of A.
        let swapped = block(&weekly, &report).expect("a block");
        assert_eq!(swapped.holder, Side::A);
        assert_eq!(swapped.sentences, found.sentences);
    }

    /// A second report of the same story, a week on, recaps the first's
    /// vote in a paragraph of its own words amid news of the works: against
    /// a short source, that recap stands out from its text 2.8 times, less
    /// than the digest's paragraph on the same report (3.9), and it is no
    /// summary.
    #[test]
    fn a_follow_up_report_recapping_a_short_report_holds_no_block() {
        let (report, followup) = (digest("tramway.txt"), digest("followup.txt"));
        assert_eq!(block(&report, &followup), None);
        assert_eq!(block(&followup, &report), None);
        // The same paragraph amid news of other things is one.
        assert!(block(&report, &digest("weekly.txt")).is_some());
    }

    #[test]
    fn a_text_on_the_source_subject_throughout_holds_no_block() {
        let (report, column) = (digest("tramway.txt"), digest("column.txt"));
        assert_eq!(block(&report, &column), None);
        assert_eq!(block(&column, &report), None);
    }

    /// A source that is the block itself, under a headline: the block's
    /// own words come from two of its five parts, one place, not all over.
    #[test]
    fn a_block_drawn_from_one_place_of_its_source_is_no_summary() {
        let weekly = digest("weekly.txt");
        let para = between(&weekly, "In the city", "running by 2029.");
        let text = format!(
            "Tram news\n\n{}",
            weekly.text_at(weekly.sentences_bytes(para))
        );
        let source = Article::parse("paragraph.txt", text.into_bytes());
        assert_eq!(block(&source, &weekly), None);
    }
}
