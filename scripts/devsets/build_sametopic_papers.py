#!/usr/bin/env python3
"""Long independent texts on one problem: two scientific papers that cite the same paper.

    build_sametopic_papers.py --dir SCISUMM_DIR --out-root /work/devsets [--n 60] [--n-reuse 40]
        [--seed 23] [--wordnet /usr/share/wordnet]

SCISUMM_DIR holds the CL-SciSumm 2018 corpus (WING-NUS/scisumm-corpus, CC BY 4.0: ACL
Anthology papers), as prepare-sources.sh unpacks it: <set>/<REF>/Citance_XML/<ID>.xml, the full
texts of the papers that cite reference paper REF, one sentence per <S> element. A group is the
papers citing one reference paper: written by different teams on one problem (parsing,
alignment, summarisation, word sense, ...), with that problem's terms, formulas and stock
phrases, and PDF-conversion noise (split words, table cells, equations). The reference papers
themselves are not used: a citing paper restates them (its citations), which is neither
independent nor copying.

Each text is the paper's title, its abstract and its sections (one paragraph per section, the
reference list dropped), 1,000-8,000 words. Left out: papers whose conversion mixed the
bibliography into the body (BIBLIOGRAPHY_MIXED), and any pair that shares an 8-word sequence
(two papers of one team, a journal version of a conference paper, stock sentences such as
`The rest of this paper is organized as follows`: shared text, so not independent).

Pairs: in each group, the pair of distinct papers with the highest TF-IDF cosine over content
words (the hardest independent pair), then the next, round-robin over the groups in sorted order
until --n (a paper may be in several pairs, never twice with one other). Deterministic.
Sets written:
  sametopic-papers        the pairs, no links (every link is a false alarm);
  sametopic-papers-reuse  the first --n-reuse pairs with 1-2 runs of A's sentences put into B,
                          verbatim or reworded (sametopic_reuse.py).
"""
import argparse
import html
import math
import os
import re
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import content_words  # noqa: E402
from sametopic_reuse import independent, write_pairs  # noqa: E402

REF_TITLE = re.compile(r"^\s*(\d+\.?\s*)?(references?|bibliography)\W*$", re.I)
# Conversions that put reference-list entries among the body's sentences.
BIBLIOGRAPHY_MIXED = {"P00-1022", "ICDAR99", "Pblohm_w06"}
MIN_WORDS, MAX_WORDS = 1000, 8000


def sentences_of(block):
    return [re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", s))).strip()
            for s in re.findall(r"<S [^>]*>(.*?)</S>", block, re.S)]


def paper_text(raw: bytes) -> str:
    """CL-SciSumm sentence XML -> title, blank line, one paragraph per section. Read with
    regular expressions: about one file in ten is not well-formed XML (a bare `&` or `<`)."""
    t = raw.decode("utf-8", "replace")
    paras = []
    for m in re.finditer(r"<(ABSTRACT|SECTION|SUBSECTION)([^>]*)>(.*?)</\1>|<S [^>]*>(.*?)</S>", t, re.S):
        if m.group(4) is not None:  # the title: a sentence outside every section
            paras.append(re.sub(r"\s+", " ", html.unescape(m.group(4))).strip())
            continue
        title = re.search(r'title\s*=\s*"([^"]*)"', m.group(2) or "")
        if title and REF_TITLE.match(title.group(1)):
            continue
        sents = [s for s in sentences_of(m.group(3)) if s]
        if sents:
            paras.append(" ".join(sents))
    return "\n\n".join(p for p in paras if p) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--out-root", required=True)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--n-reuse", type=int, default=40)
    ap.add_argument("--seed", type=int, default=23)
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    args = ap.parse_args()
    groups = {}
    for set_dir in sorted(os.listdir(args.dir)):
        for ref in sorted(os.listdir(os.path.join(args.dir, set_dir))):
            cdir = os.path.join(args.dir, set_dir, ref, "Citance_XML")
            if not os.path.isdir(cdir):
                continue
            papers = groups.setdefault(ref, {})
            for f in sorted(os.listdir(cdir)):
                pid = f[:-4]
                if not f.endswith(".xml") or pid in BIBLIOGRAPHY_MIXED or pid == ref:
                    continue
                text = paper_text(open(os.path.join(cdir, f), "rb").read())
                if MIN_WORDS <= len(text.split()) <= MAX_WORDS:
                    papers[pid] = text
    docs = {pid: text for papers in groups.values() for pid, text in papers.items()}
    bags = {pid: Counter(w for w in content_words(t) if len(w) > 1) for pid, t in docs.items()}
    df = Counter(w for bag in bags.values() for w in bag)
    n = len(docs)
    vecs = {}
    for pid, bag in bags.items():
        v = {w: c * math.log(n / df[w]) for w, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs[pid] = {w: x / norm for w, x in v.items()}

    def cosine(p, q):
        a, b = vecs[p], vecs[q]
        if len(a) > len(b):
            a, b = b, a
        return sum(x * b.get(w, 0.0) for w, x in a.items())

    # Each group's candidate pairs, most similar first.
    queues = {}
    for ref, papers in sorted(groups.items()):
        ids = sorted(papers)
        cands = sorted((-round(cosine(p, q), 6), p, q) for i, p in enumerate(ids) for q in ids[i + 1:])
        queues[ref] = cands
    chosen, seen = [], set()
    while len(chosen) < args.n and any(queues.values()):
        for ref in sorted(queues):
            q = queues[ref]
            while q:
                negc, p, r = q.pop(0)
                if (p, r) in seen or not independent(docs[p], docs[r], 8):
                    continue
                seen.add((p, r))
                chosen.append((ref, p, r, -negc))
                break
            if len(chosen) >= args.n:
                break
    name = lambda pid: "acl-" + re.sub(r"[^0-9A-Za-z]+", "-", pid) + ".txt"
    pairs = [(name(p), docs[p], name(r), docs[r], {"cites": ref, "cosine": round(c, 3)})
             for ref, p, r, c in chosen]
    meta = {"source": "CL-SciSumm 2018 (WING-NUS/scisumm-corpus, CC BY 4.0), citing papers' full texts",
            "seed": args.seed, "a": "a paper citing the group's reference paper",
            "b": "another paper citing it (the group's most similar pair left, TF-IDF cosine)"}
    write_pairs(args.out_root, "sametopic-papers", meta, pairs, args.wordnet, args.seed, args.n_reuse)
    print(f"sametopic-papers: {len(pairs)} pairs from {len(groups)} groups, {n} papers", file=sys.stderr)


if __name__ == "__main__":
    main()
