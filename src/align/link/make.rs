//! Making links: a chosen bead's kind (copied or reworded) and word diff.

use super::*;

/// Copied or reworded, from the shares of each side's words kept in the
/// other's order: of content words (`content`) and of all words (`kept`).
/// Symmetric in A and B, so that swapping the articles keeps every kind.
pub(super) fn kind_of(bead: Bead, content: (f64, f64), kept: (f64, f64), letters: f64) -> Kind {
    // The same letters in the same order are the same text, however it was
    // re-extracted: hard-wrapped, hyphenated, words run together or split,
    // sentences cut apart differently.
    if letters >= COPIED_LETTERS {
        return Kind::Copied;
    }
    // Merging or splitting sentences is rewording whatever words survive.
    let one_to_one = bead.na == 1 && bead.nb == 1;
    let (hi, lo) = (content.0.max(content.1), content.0.min(content.1));
    let words = kept.0.max(kept.1);
    if one_to_one && hi >= COPIED_CONTENT_HI && lo >= COPIED_CONTENT_LO && words >= COPIED_WORDS {
        Kind::Copied
    } else {
        Kind::Reworded
    }
}

/// The link of a chosen bead, and whether its word diff is exact (the link
/// is within `Options::diff_words`).
pub(super) fn make_link(
    sa: &Prepared,
    sb: &Prepared,
    bead: Bead,
    moved: bool,
    opts: &Options,
) -> (Link, bool) {
    let ua = &sa.units[bead.a..bead.a_end()];
    let ub = &sb.units[bead.b..bead.b_end()];
    // Content words decide the kind; a passage with none is judged on all its words.
    let seq = |us: &[Compared]| -> Vec<u32> {
        let content: Vec<u32> = us.iter().flat_map(|u| u.seq.iter().copied()).collect();
        if content.is_empty() {
            us.iter().flat_map(|u| u.norms.iter().copied()).collect()
        } else {
            content
        }
    };
    let (seq_a, seq_b) = (seq(ua), seq(ub));
    let common = words::common_in_order(&seq_a, &seq_b, opts.diff_words) as f64;
    let content = (
        common / seq_a.len().max(1) as f64,
        common / seq_b.len().max(1) as f64,
    );
    let norms_a: Vec<u32> = ua.iter().flat_map(|u| u.norms.iter().copied()).collect();
    let norms_b: Vec<u32> = ub.iter().flat_map(|u| u.norms.iter().copied()).collect();
    let (ops, exact) = words::diff(
        &norms_a,
        ua[0].first_word,
        &norms_b,
        ub[0].first_word,
        opts.diff_words,
    );
    let ops = words::find_moves(ops, &norms_a, ua[0].first_word, &norms_b, ub[0].first_word);
    let same: usize = ops
        .iter()
        .map(|op| match op {
            words::WordOp::Equal { a, .. } => a.len(),
            _ => 0,
        })
        .sum();
    let kept = (
        same as f64 / norms_a.len().max(1) as f64,
        same as f64 / norms_b.len().max(1) as f64,
    );
    // The letters are compared only when the words have not already made
    // the link copied: the comparison can only make a link copied.
    let by_words = kind_of(bead, content, kept, 0.0);
    let letters = if opts.evidence.letters && by_words == Kind::Reworded {
        let text = |side: &Prepared, us: &[Compared]| {
            let (s0, s1) = (us[0].sentence, us[us.len() - 1].sentence);
            let art = side.art;
            words::letters(art.text_at(art.sentences_bytes(Sentences::new(s0, s1 + 1))))
        };
        let (la, lb) = (text(sa, ua), text(sb, ub));
        let common = words::lcs_symbols(&la, &lb) as f64;
        (common / la.len().max(1) as f64).min(common / lb.len().max(1) as f64)
    } else {
        0.0
    };
    let kind = kind_of(bead, content, kept, letters);
    let (a0, a1) = (ua[0].sentence, ua[ua.len() - 1].sentence + 1);
    let (b0, b1) = (ub[0].sentence, ub[ub.len() - 1].sentence + 1);
    let link = Link {
        kind,
        score: (bead.dice * 1000.0).round() / 1000.0,
        kept_a: kept.0,
        kept_b: kept.1,
        moved,
        a: Sentences::new(a0, a1),
        b: Sentences::new(b0, b1),
        a_span: sa.art.sentences_bytes(Sentences::new(a0, a1)),
        b_span: sb.art.sentences_bytes(Sentences::new(b0, b1)),
        ops,
    };
    (link, exact)
}
