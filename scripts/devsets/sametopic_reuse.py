"""Shared by the same-topic builders: pairs of independent texts on one subject (no reuse), and
their reuse counterparts (passages of one text put into the other, verbatim or reworded).

Reuse counterpart of an independent pair (A, H): B is H with 1-2 runs of 1-4 consecutive
sentences of A put in at sentence boundaries (synth.assemble), each run, by a seeded draw,
  verbatim (1/3)       -> copied
  light (1/3)          PAN-style random obfuscation at rate 0.15 (synth.obfuscate: WordNet
                       synonyms, deletions, insertions, local swaps) -> kind by the 70% rule
  heavy (1/3)          the same at rate 0.35                         -> kind by the 70% rule
A run's first and last sentences have at least MIN_RUN_WORDS words (shorter ones, a heading
line or a missplit stub, are trimmed off its ends; a run left empty is dropped, and when all are,
the runs are drawn again; added in round 3:
before, a term's heading alone could be a case).
Gold: one link per reused sentence (B sentence -> its A sentence), byte offsets. A and H being
on the same subject, the reused sentences sit among text that shares their topic words: recall
here is found reuse, not found topic, and the no-reuse half of the same pairs checks the other
side.
"""
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import SetWriter, char_to_byte, kind_by_overlap, link, sentences, shingles  # noqa: E402
from synth import WordNet, assemble, obfuscate, pick_runs  # noqa: E402


# Fewest words of the first and last sentence of a run put into B (see write_pairs).
MIN_RUN_WORDS = 5


def independent(ta: str, tb: str, n: int = 8) -> bool:
    """No shared `n`-word sequence (quotations and wire copy shared by two outlets are reuse)."""
    return not (shingles(ta, n) & shingles(tb, n))


def write_pairs(out_root, name, meta, pairs, wordnet, seed, n_reuse=None):
    """pairs: [(a_name, a_text, h_name, h_text, info)] of independent texts. Writes the set
    `name` (no links) and `name`-reuse (A against H with A's passages put in) from the first
    `n_reuse` pairs (all when None)."""
    w = SetWriter(os.path.join(out_root, name), dict(meta, kind="independent, no reuse"))
    for an, ta, hn, th, info in pairs:
        w.add_file(an, ta)
        w.add_file(hn, th)
        w.add_pair(an, hn, [], **info)
    w.write()
    wn = WordNet(wordnet)
    w = SetWriter(os.path.join(out_root, name + "-reuse"), dict(meta, kind="reuse counterparts", seed=seed))
    for k, (an, ta, hn, th, info) in enumerate(pairs[:n_reuse]):
        rng = random.Random(f"{seed}-{an}-{hn}")
        vocab = sorted({x.lower() for x in re.findall(r"[A-Za-z]{3,}", th)})
        a_s = sentences(ta)
        if len(a_s) < 2 or len(sentences(th)) < 2:
            continue
        pieces, modes = [], []
        runs = []
        for _ in range(20):  # drawn again while every run trims to nothing
            for run in pick_runs(a_s, rng, rng.randint(1, 2), 1, min(4, len(a_s))):
                # A run starts and ends on a sentence: a heading line or the stub of a missplit
                # abbreviation (`Although Hall et al.`) is no passage anyone would take.
                while run and len(ta[a_s[run[0]][0]:a_s[run[0]][1]].split()) < MIN_RUN_WORDS:
                    run = run[1:]
                while run and len(ta[a_s[run[-1]][0]:a_s[run[-1]][1]].split()) < MIN_RUN_WORDS:
                    run = run[:-1]
                if run:
                    runs.append(run)
            if runs:
                break
        for run in runs:
            mode = rng.choice(["verbatim", "light", "heavy"])
            rate = {"verbatim": 0.0, "light": 0.15, "heavy": 0.35}[mode]
            piece = [(a_s[i], ta[a_s[i][0]:a_s[i][1]] if not rate else
                      obfuscate(ta[a_s[i][0]:a_s[i][1]], rng, rate, wn, vocab)) for i in run]
            pieces.append(piece)
            modes.append(mode)
        if not pieces:
            continue
        tb, res = assemble(th, pieces, rng)
        ca, cb = char_to_byte(ta), char_to_byte(tb)
        links = []
        for (s, e), bs, be in res:
            kind = "copied" if ta[s:e] == tb[bs:be] else kind_by_overlap(ta[s:e], tb[bs:be])
            links.append(link(kind, [ca(s), ca(e)], [cb(bs), cb(be)]))
        bn = os.path.splitext(hn)[0] + f"-with-{os.path.splitext(an)[0]}.txt"
        w.add_file(an, ta)
        w.add_file(bn, tb)
        w.add_pair(an, bn, sorted(links, key=lambda l: l["b_span"]), modes=modes, **info)
    w.write()
