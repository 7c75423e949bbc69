#!/usr/bin/env python3
"""Short independent definitions of one concept: two open encyclopedias or glossaries.

    build_sametopic_definitions.py --defs DEFS_DIR --foldoc FOLDOC_DIR --out-root /work/devsets
        [--n 200] [--n-reuse 40] [--n-more 208] [--seed 13] [--wordnet /usr/share/wordnet]

DEFS_DIR holds lab156/definition-term-pairs-dataset (`wikipedia/wiki_definitions_improved.xml.gz`:
the lead of 5,221 Wikipedia articles on mathematical and scientific terms;
`planetmath/planetmath_definitions.xml.gz`: 3,378 PlanetMath definitions), FOLDOC_DIR the dictd
files of FOLDOC (`foldoc.index`, `foldoc.dict.dz`; Debian `dict-foldoc`). Three sources written by
different people for different readers: an encyclopedia's lead, a mathematics encyclopedia's
entry, a computing glossary's entry.

Each text is the term (as its source spells it), a blank line and the definition: an inline
formula (`_inline_math_` in the dataset) becomes a letter drawn for its text (seeded by the
entry), a displayed one (`_display_math_`) is left out, rather than either becoming a word both
sides would share; list markers become line breaks, FOLDOC's `{cross reference}` braces,
category tags, "See also" lines and dates are dropped. 150 bytes to 4 KB. Short texts on one
concept share its name and most of its topic words in every sentence: the shape of the
"two definitions of the vector space model written separately" that copycat must not link.

Pairs: one per term and pair of sources (the term's first entry in each, headwords compared
case-insensitively), each text at least two sentences, no shared 6-word sequence (so neither
copied the other: Wikipedia has imported PlanetMath and FOLDOC text, and such pairs are left
out); taken round-robin over the three source pairings in a seeded order, up to --n.
Sets written:
  sametopic-definitions        the pairs, no links (strict: every link is a false alarm);
  sametopic-definitions-reuse  the first --n-reuse pairs with 1-2 runs of A's sentences put into
                               B, verbatim or reworded (sametopic_reuse.py);
  sametopic-definitions-more   up to --n-more further pairs, in the same order after the first
                               --n (no links): built in round 3 after the set's report half had
                               been seen, so that rules are chosen on pairs no one has looked at.
Deterministic: the first two sets are the same bytes with or without the third.
"""
import argparse
import gzip
import os
import random
import re
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import SetWriter, sentences  # noqa: E402
from sametopic_reuse import independent, write_pairs  # noqa: E402

_LETTERS = "bcdefghkmnpqrstuvwxyzBCDEFGHJKLMNPQRSTUVWXYZ"
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64(s):
    n = 0
    for c in s:
        n = n * 64 + _B64.index(c)
    return n


def dictd(folder, name):
    """{headword lower: [entry text, ...]} of a dictd database."""
    data = gzip.open(os.path.join(folder, name + ".dict.dz")).read()
    out = {}
    for line in open(os.path.join(folder, name + ".index"), encoding="utf-8", errors="replace"):
        p = line.rstrip("\n").split("\t")
        if len(p) < 3 or p[0].startswith("00-database"):
            continue
        o, n = b64(p[1]), b64(p[2])
        out.setdefault(p[0].lower(), []).append((p[0], data[o:o + n].decode("utf-8", "replace")))
    return out


def tidy(text, rng):
    # An inline formula becomes a letter drawn for this text (texts that name their objects by
    # letters seldom draw the same ones, and a placeholder both sides shared would be a shared
    # word); a displayed formula is left out.
    text = re.sub(r"_inline_math_", lambda m: rng.choice(_LETTERS), text)
    text = re.sub(r"_display_math_", " ", text)
    text = re.sub(r"\{\{[^{}]*\}\}", " ", text)
    text = text.replace("_item_", "\n")
    paras = [re.sub(r"[ \t]+", " ", p).strip() for p in text.split("\n")]
    # A list item left empty (its formula gone) or a lone symbol is no sentence.
    paras = [p for p in paras if len(re.findall(r"[A-Za-z]{2,}", p)) >= 2]
    return "\n\n".join(paras)


def foldoc_text(entry):
    lines = entry.split("\n")[1:]  # the headword line
    body = "\n".join(lines)
    body = re.sub(r"<[^<>\n]*>\s*", "", body)  # <category, tags>
    body = re.sub(r"\(\d{4}-\d{2}-\d{2}\)\s*$", "", body.strip())
    paras = []
    for p in re.split(r"\n\s*\n", body):
        p = re.sub(r"\s+", " ", p).strip()
        # Alias lines (a lone headword), cross-reference lines and citations are not prose.
        if len(p.split()) < 3 or p.startswith("See ") or p.startswith("{") and p.endswith("}"):
            continue
        paras.append(re.sub(r"[{}]", "", p))
    return "\n\n".join(paras)


def load(args):
    srcs = {}
    root = ET.parse(gzip.open(os.path.join(args.defs, "wikipedia/wiki_definitions_improved.xml.gz"))).getroot()
    w = {}
    for d in root.iter("definition"):
        term = (d.findtext("dfndum") or "").strip()
        w.setdefault(term.lower(), (term, tidy(d.findtext("stmnt") or "", random.Random(f"w-{term}"))))
    srcs["wikipedia"] = w
    root = ET.parse(gzip.open(os.path.join(args.defs, "planetmath/planetmath_definitions.xml.gz"))).getroot()
    p = {}
    for art in root.iter("article"):
        for d in art.iter("definition"):
            text = tidy(d.findtext("stmnt") or "", random.Random(f"p-{art.get('name')}"))
            for t in d.iter("dfndum"):
                term = (t.text or "").strip()
                p.setdefault(term.lower(), (term, text))
    srcs["planetmath"] = p
    srcs["foldoc"] = {k: (v[0][0], foldoc_text(v[0][1])) for k, v in dictd(args.foldoc, "foldoc").items()}
    return srcs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--defs", required=True)
    ap.add_argument("--foldoc", required=True)
    ap.add_argument("--out-root", required=True)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--n-reuse", type=int, default=40)
    ap.add_argument("--n-more", type=int, default=208)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    args = ap.parse_args()
    srcs = load(args)
    ok = lambda t: 150 <= len(t.encode()) <= 4000 and len(sentences(t)) >= 2
    queues = []
    for x, y in (("wikipedia", "planetmath"), ("wikipedia", "foldoc"), ("planetmath", "foldoc")):
        q = []
        for key in sorted(set(srcs[x]) & set(srcs[y])):
            (tx, dx), (ty, dy) = srcs[x][key], srcs[y][key]
            if not (ok(dx) and ok(dy) and len(key) > 2):
                continue
            a, b = f"{tx}\n\n{dx}\n", f"{ty}\n\n{dy}\n"
            if independent(a, b, 6):
                q.append((key, x, a, y, b))
        random.Random(f"{args.seed}-{x}-{y}").shuffle(q)
        queues.append(q)
    print("candidates per pairing:", [len(q) for q in queues], file=sys.stderr)
    slug = lambda s: re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")[:60]
    pairs = []
    while len(pairs) < args.n + args.n_more and any(queues):
        for q in queues:
            if q and len(pairs) < args.n + args.n_more:
                key, x, a, y, b = q.pop()
                pairs.append((f"{x}-{slug(key)}.txt", a, f"{y}-{slug(key)}.txt", b,
                              {"term": key, "sources": [x, y]}))
    meta = {"source": "Wikipedia leads and PlanetMath entries (lab156/definition-term-pairs-dataset), FOLDOC",
            "seed": args.seed, "a": "a definition of a term", "b": "another source's definition of the same term"}
    write_pairs(args.out_root, "sametopic-definitions", meta, pairs[: args.n], args.wordnet, args.seed, args.n_reuse)
    w = SetWriter(os.path.join(args.out_root, "sametopic-definitions-more"), dict(meta, kind="independent, no reuse"))
    for an, ta, hn, th, info in pairs[args.n :]:
        w.add_file(an, ta)
        w.add_file(hn, th)
        w.add_pair(an, hn, [], **info)
    w.write()


if __name__ == "__main__":
    main()
