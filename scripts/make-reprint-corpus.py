#!/usr/bin/env python3
"""Build the reprint benchmark: about 1,000 real documents with reuse hidden
among families of near-identical reprints, and the same folder without its
reprints, for `examples/corpus_scale.rs --existing`.

    python3 scripts/make-reprint-corpus.py SRC OUT [--bare OUT_BARE] [--seed 21]

SRC is the folder of public sources `scripts/devsets/prepare-sources.sh`
unpacks (plus `bible/Anderson.csv`, see `scripts/make-real-corpus.py`);
nothing is fetched here and nothing built is committed.

The documents that hold the hidden reuse are those of
`scripts/make-real-corpus.py` (PAN 2013 *training* suspicious documents of
the random, translation and summary categories with their sources and some
no-plagiarism pairs; BBC articles with their extractive summaries and other
BBC articles; New Testament chapters in three public-domain translations),
in smaller numbers and up to `--max-bytes` each. Then `--families` of them
(two thirds taking part in reuse) are each reprinted `--reprints` times, as
outlets reprint a story:

- a byline (`By NAME, OUTLET`), a `Reprinted by OUTLET` line, or a dateline
  before the first paragraph (`LONDON, May 3 (OUTLET) -`);
- sometimes a closing line (`(c) OUTLET. Distributed by …`);
- a word changed here and there (`said` → `stated`);
- in three reprints out of ten a paragraph cut, in two out of ten a
  paragraph added (taken from a BBC article that is nowhere else in the
  folder, so it adds no reuse);
- sometimes the lines re-wrapped.

OUT gets the documents and `truth.json` ({"reuse": [{"a", "b", "kind"}],
"ambiguous": []}): the hidden pairs (`pan-random`, `pan-translation`,
`pan-summary`, `bbc-summary`, `bible-translation`), `reprint` (two members
of a family) and `reprint-inherited` (a reprint and its original's partner,
or reprints of both sides of a pair). OUT_BARE gets the same folder without
the reprints, with the truth of what is left. The same SRC and seed give the
same bytes.
"""

import argparse
import glob
import importlib.util
import json
import os
import random
import re
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("realcorpus", os.path.join(HERE, "make-real-corpus.py"))
real = importlib.util.module_from_spec(spec)
spec.loader.exec_module(real)

OUTLETS = real.OUTLETS
NAMES = ["Jane Roe", "Amir Haddad", "Li Wei", "Maria Santos", "Tom Okafor", "Sara Lind",
         "Kenji Mori", "Ana Petrova", "Dev Patel", "Claire Dubois"]
CITIES = ["LONDON", "NEW YORK", "SYDNEY", "TORONTO", "DUBLIN", "CAPE TOWN", "SINGAPORE"]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
SWAPS = real.SWAPS


def paragraphs(text):
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def reprint(text, rng, k, extra_paras):
    """A near-identical reprint of `text` (bytes): a byline, dateline or
    reprint line, maybe a closing line, a few words changed, maybe a
    paragraph cut or added, maybe re-wrapped."""
    paras = paragraphs(text.decode("utf-8", "replace"))
    if len(paras) > 5 and rng.random() < 0.3:
        del paras[rng.randrange(1, len(paras))]
    if extra_paras and rng.random() < 0.2:
        paras.insert(rng.randrange(1, len(paras) + 1), rng.choice(extra_paras))
    out = []
    for p in paras:
        words = p.split(" ")
        if rng.random() < 0.4:
            for a, b in SWAPS:
                if a in words:
                    words[words.index(a)] = b
                    break
        p = " ".join(words)
        if rng.random() < 0.25:
            p = "\n".join(textwrap.wrap(" ".join(p.split()), width=rng.choice([68, 72, 76])))
        out.append(p)
    outlet = OUTLETS[(k + rng.randrange(len(OUTLETS))) % len(OUTLETS)]
    head = ""
    style = rng.randrange(3)
    if style == 0:
        head = f"By {rng.choice(NAMES)}, {outlet}\n\n"
    elif style == 1:
        head = f"Reprinted by {outlet}\n\n"
    else:
        city = rng.choice(CITIES)
        out[0] = f"{city}, {rng.choice(MONTHS)} {rng.randint(1, 28)} ({outlet}) - " + out[0]
    foot = f"\n\n(c) {outlet}. Distributed by a syndication service.\n" if rng.random() < 0.4 else "\n"
    return (head + "\n\n".join(out) + foot).encode()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--bare", help="also write the folder without its reprints here")
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--pan-per-category", type=int, default=14)
    ap.add_argument("--pan-noplag", type=int, default=20)
    ap.add_argument("--bbc-pairs", type=int, default=40)
    ap.add_argument("--bbc-other", type=int, default=40)
    ap.add_argument("--bible-chapters", type=int, default=12)
    ap.add_argument("--families", type=int, default=85)
    ap.add_argument("--reprints", type=int, default=8)
    ap.add_argument("--max-bytes", type=int, default=150_000)
    args = ap.parse_args()
    real.MAX_BYTES = args.max_bytes
    rng = random.Random(args.seed)
    docs, pairs = {}, []
    for d, p in (real.pan(args.src, rng, args.pan_per_category, args.pan_noplag),
                 real.bbc(args.src, rng, args.bbc_pairs, args.bbc_other),
                 real.bible(args.src, rng, args.bible_chapters)):
        docs.update(d)
        pairs.extend(p)
    # Paragraphs an outlet adds: from BBC articles nowhere in the folder.
    used = {n for n in docs if n.startswith("bbc-")}
    pool = []
    for p in sorted(glob.glob(os.path.join(args.src, "bbc-news-summary", "News Articles", "*", "*.txt"))):
        cat = p.split(os.sep)[-2]
        name = f"bbc-{cat}-{os.path.basename(p)[:-4]}"
        if name + ".txt" in used or name + "-summary.txt" in used:
            continue
        pool.extend(q for q in paragraphs(real.read(p).decode("utf-8", "replace"))[1:]
                    if len(q.split()) >= 25)
        if len(pool) > 2000:
            break
    partners = {}
    for a, b, k in pairs:
        partners.setdefault(a, []).append((b, k))
        partners.setdefault(b, []).append((a, k))
    reused = sorted(n for n in partners)
    rng.shuffle(reused)
    plain = sorted(n for n in docs if n not in partners)
    rng.shuffle(plain)
    n_reused = args.families * 2 // 3
    originals = sorted(reused[:n_reused] + plain[:args.families - n_reused])
    fam_pairs, reprints_of = [], {}
    for f, orig in enumerate(originals):
        members = [orig]
        for k in range(args.reprints):
            name = f"reprint-{f:03d}-{k:02d}-{orig}"
            if not name.endswith(".txt"):
                name += ".txt"
            docs[name] = reprint(docs[orig], rng, k, pool)
            members.append(name)
        reprints_of[orig] = members[1:]
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                fam_pairs.append((members[i], members[j], "reprint"))
        for m in members[1:]:
            for other, _ in partners.get(orig, []):
                fam_pairs.append((other, m, "reprint-inherited"))
    for a, b, k in pairs:
        for ra in reprints_of.get(a, []):
            for rb in reprints_of.get(b, []):
                fam_pairs.append((ra, rb, "reprint-inherited"))
    reprinted = {r for rs in reprints_of.values() for r in rs}

    def write(out, names, truth_pairs):
        os.makedirs(out, exist_ok=True)
        for old in glob.glob(os.path.join(out, "*.txt")):
            os.remove(old)
        for name in sorted(names):
            with open(os.path.join(out, name), "wb") as f:
                f.write(docs[name])
        seen, reuse = set(), []
        for a, b, k in truth_pairs:
            key = tuple(sorted((a, b)))
            if a != b and key not in seen and a in names and b in names:
                seen.add(key)
                reuse.append({"a": a, "b": b, "kind": k})
        with open(os.path.join(out, "truth.json"), "w") as f:
            json.dump({"reuse": reuse, "ambiguous": []}, f, indent=0)
        kinds = {}
        for r in reuse:
            kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
        size = sum(len(docs[n]) for n in names)
        print(f"{out}: {len(names)} documents ({size / 1e6:.1f} MB), {len(reuse)} reuse pairs: "
              + ", ".join(f"{v} {k}" for k, v in sorted(kinds.items())), file=sys.stderr)

    write(args.out, set(docs), pairs + fam_pairs)
    if args.bare:
        write(args.bare, set(docs) - reprinted, pairs)


if __name__ == "__main__":
    main()
