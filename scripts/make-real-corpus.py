#!/usr/bin/env python3
"""Build a folder of about 1,000 real documents with known reuse hidden among
families of near-identical reprints, for `examples/corpus_scale.rs --existing`.

    python3 scripts/make-real-corpus.py SRC OUT [--seed 7] [--families 45]

SRC is the folder of public sources that `scripts/devsets/prepare-sources.sh`
unpacks (see /work/devsets-scripts/README.md); nothing is fetched here and
nothing built is committed (PAN and BBC text may not be redistributed):

- SRC/pan13-train: the PAN 2013 text-alignment *training* corpus. For each of
  03-random-obfuscation, 04-translation-obfuscation and 05-summary-obfuscation,
  suspicious documents whose XML names plagiarism, with every source document
  their XMLs name in those categories (reused passages inside long documents);
  plus suspicious documents and sources of 01-no-plagiarism (no reuse). The
  no-obfuscation category is not used.
- SRC/bbc-news-summary: BBC articles with their extractive summaries
  (sentences picked and reordered), and other BBC articles of the same
  categories as distractors.
- SRC/bible/{Noyes,Twenty,Anderson}.csv: New Testament chapters in three
  independent public-domain translations (translation = reuse throughout).

Then families of near-identical reprints: documents picked among the above
are reprinted 2-15 times each, with a syndication header, a footer, a few
words changed, sometimes a paragraph dropped and the lines re-wrapped. A
reprint inherits its original's reuse (a reprint of a PAN source still holds
the passage a suspicious document took).

OUT gets the documents (`*.txt`) and `truth.json`:
{"reuse": [{"a", "b", "kind"}], "ambiguous": []}, kinds `pan-random`,
`pan-translation`, `pan-summary`, `bbc-summary`, `bible-translation` (the
hidden pairs), `reprint` (two members of a family) and `reprint-inherited`
(a reprint and its original's partner). The same SRC and seed give the same
bytes.
"""

import argparse
import csv
import glob
import json
import os
import random
import re
import sys
import textwrap
import xml.etree.ElementTree as ET

PAN_CATS = {
    "03-random-obfuscation": "pan-random",
    "04-translation-obfuscation": "pan-translation",
    "05-summary-obfuscation": "pan-summary",
}
MAX_BYTES = 50_000


def read(path):
    with open(path, "rb") as f:
        b = f.read()
    return b


def pan(src, rng, per_cat, noplag):
    """(docs {name: bytes}, pairs [(a, b, kind)])"""
    root = os.path.join(src, "pan13-train")
    docs, pairs = {}, []
    for cat, kind in PAN_CATS.items():
        by_susp = {}
        for x in sorted(glob.glob(os.path.join(root, cat, "*.xml"))):
            t = ET.parse(x).getroot()
            susp = t.get("reference")
            for f in t.iter("feature"):
                if f.get("name") == "plagiarism" and f.get("source_reference"):
                    by_susp.setdefault(susp, set()).add(f.get("source_reference"))
        names = sorted(by_susp)
        rng.shuffle(names)
        taken = 0
        for susp in names:
            if taken == per_cat:
                break
            files = [os.path.join(root, "susp", susp)] + [
                os.path.join(root, "src", s) for s in sorted(by_susp[susp])]
            blobs = [read(p) for p in files]
            if any(len(b) > MAX_BYTES or b"\0" in b for b in blobs):
                continue
            taken += 1
            for p, b in zip(files, blobs):
                docs["pan-" + os.path.basename(p)] = b
            for s in sorted(by_susp[susp]):
                pairs.append(("pan-" + s, "pan-" + susp, kind))
    # Every case between documents taken, in any category at hand: a
    # suspicious document may hold passages of several sources.
    kinds_all = dict(PAN_CATS)
    for cat, kind in kinds_all.items():
        for x in sorted(glob.glob(os.path.join(root, cat, "*.xml"))):
            t = ET.parse(x).getroot()
            susp = "pan-" + t.get("reference")
            if susp not in docs:
                continue
            for f in t.iter("feature"):
                s = "pan-" + (f.get("source_reference") or "")
                if f.get("name") == "plagiarism" and s in docs:
                    pairs.append((s, susp, kind))
    # No reuse: suspicious documents and sources of 01-no-plagiarism.
    lines = open(os.path.join(root, "01-no-plagiarism", "pairs")).read().split("\n")
    lines = [l.split() for l in lines if l.strip()]
    rng.shuffle(lines)
    added = 0
    for susp, s in lines:
        if added >= noplag:
            break
        blobs = [read(os.path.join(root, "susp", susp)), read(os.path.join(root, "src", s))]
        if any(len(b) > MAX_BYTES or b"\0" in b for b in blobs):
            continue
        docs["pan-" + susp] = blobs[0]
        docs["pan-" + s] = blobs[1]
        added += 1
    return docs, pairs


def bbc(src, rng, n_pairs, n_other):
    root = os.path.join(src, "bbc-news-summary")
    arts = sorted(glob.glob(os.path.join(root, "News Articles", "*", "*.txt")))
    rng.shuffle(arts)
    docs, pairs = {}, []
    for p in arts[:n_pairs]:
        cat = p.split(os.sep)[-2]
        num = os.path.basename(p)
        summ = os.path.join(root, "Summaries", cat, num)
        a, s = read(p), read(summ)
        name = f"bbc-{cat}-{num[:-4]}"
        docs[name + ".txt"] = a
        docs[name + "-summary.txt"] = s
        pairs.append((name + ".txt", name + "-summary.txt", "bbc-summary"))
    for p in arts[n_pairs:n_pairs + n_other]:
        cat = p.split(os.sep)[-2]
        docs[f"bbc-{cat}-{os.path.basename(p)[:-4]}.txt"] = read(p)
    return docs, pairs


def bible(src, rng, n):
    def load(name):
        v = {}
        with open(os.path.join(src, "bible", name + ".csv"), encoding="utf-8") as f:
            for r in csv.DictReader(f):
                t = (r["Text"] or "").strip()
                if t:
                    v.setdefault((r["Book"], int(r["Chapter"])), []).append(" ".join(t.split()))
        return v
    tr = {name: load(name) for name in ("Noyes", "Twenty", "Anderson")}
    common = sorted(set.intersection(*(set(k for k, vs in t.items() if len(vs) >= 8)
                                       for t in tr.values())))
    rng.shuffle(common)
    docs, pairs = {}, []
    for book, ch in common[:n]:
        names = []
        for t, v in tr.items():
            verses = v[(book, ch)]
            paras, i = [], 0
            while i < len(verses):
                k = rng.randint(3, 6)
                paras.append(" ".join(verses[i:i + k]))
                i += k
            name = f"bible-{book.replace(' ', '')}-{ch:02d}-{t.lower()}.txt"
            docs[name] = ("\n\n".join(paras) + "\n").encode()
            names.append(name)
        for i in range(len(names)):
            for j in range(i + 1, len(names)):
                pairs.append((names[i], names[j], "bible-translation"))
    return docs, pairs


OUTLETS = ["Daily Courier", "Evening Standard-Gazette", "The Northern Ledger", "Metro Wire",
           "Coastal Times", "Valley Herald", "The Morning Post-Dispatch", "City Chronicle",
           "Plains Observer", "The Harbour News", "Tri-County Record", "Lakeside Journal"]
SWAPS = [("said", "stated"), ("big", "large"), ("also", "as well"), ("but", "however"),
         ("people", "persons"), ("about", "around"), ("show", "indicate"), ("buy", "purchase")]


def reprint(text, rng, k):
    """A near-identical reprint: header, footer, a few words swapped, maybe a
    paragraph dropped, maybe re-wrapped."""
    t = text.decode("utf-8", "replace")
    paras = [p for p in re.split(r"\n\s*\n", t) if p.strip()]
    if len(paras) > 4 and rng.random() < 0.3:
        del paras[rng.randrange(1, len(paras))]
    out = []
    for p in paras:
        words = p.split(" ")
        for _ in range(rng.randint(0, 1)):
            for a, b in SWAPS:
                if a in words and rng.random() < 0.5:
                    words[words.index(a)] = b
                    break
        p = " ".join(words)
        if rng.random() < 0.3:
            p = "\n".join(textwrap.wrap(" ".join(p.split()), width=rng.choice([70, 72, 76])))
        out.append(p)
    outlet = OUTLETS[(k + rng.randrange(len(OUTLETS))) % len(OUTLETS)]
    head = f"Reprinted by {outlet}\n\n"
    foot = f"\n\n(c) {outlet}. Distributed by a syndication service.\n" if rng.random() < 0.5 else "\n"
    return (head + "\n\n".join(out) + foot).encode()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--pan-per-category", type=int, default=35)
    ap.add_argument("--pan-noplag", type=int, default=40)
    ap.add_argument("--bbc-pairs", type=int, default=70)
    ap.add_argument("--bbc-other", type=int, default=80)
    ap.add_argument("--bible-chapters", type=int, default=40)
    ap.add_argument("--families", type=int, default=45)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    docs, pairs = {}, []
    for d, p in (pan(args.src, rng, args.pan_per_category, args.pan_noplag),
                 bbc(args.src, rng, args.bbc_pairs, args.bbc_other),
                 bible(args.src, rng, args.bible_chapters)):
        docs.update(d)
        pairs.extend(p)
    # Families of reprints, of documents that take part in reuse first (they
    # are what a reprint family can hide), and some that do not.
    partners = {}
    for a, b, k in pairs:
        partners.setdefault(a, []).append((b, k))
        partners.setdefault(b, []).append((a, k))
    reused = sorted(n for n in partners if not n.startswith("bible-"))
    rng.shuffle(reused)
    plain = sorted(n for n in docs if n not in partners)
    rng.shuffle(plain)
    originals = reused[: args.families * 2 // 3] + plain[: args.families - args.families * 2 // 3]
    fam_pairs = []
    for f, orig in enumerate(sorted(originals)):
        size = rng.choice([2, 2, 3, 3, 4, 5, 6, 8, 10, 15])
        members = [orig]
        for k in range(size):
            name = f"reprint-{f:03d}-{k:02d}-{orig}"
            docs[name] = reprint(docs[orig], rng, k)
            members.append(name)
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                fam_pairs.append((members[i], members[j], "reprint"))
        for m in members[1:]:
            for other, _ in partners.get(orig, []):
                fam_pairs.append((other, m, "reprint-inherited"))
    # A reprint of each side of a pair: the two reprints are a pair too.
    by_orig = {}
    for a, b, k in fam_pairs:
        if k == "reprint" and a in originals:
            by_orig.setdefault(a, []).append(b)
    for a, b, k in pairs:
        for ra in by_orig.get(a, []):
            for rb in by_orig.get(b, []):
                fam_pairs.append((ra, rb, "reprint-inherited"))
    os.makedirs(args.out, exist_ok=True)
    for old in glob.glob(os.path.join(args.out, "*.txt")):
        os.remove(old)
    for name, b in sorted(docs.items()):
        with open(os.path.join(args.out, name), "wb") as f:
            f.write(b)
    seen, reuse = set(), []
    for a, b, k in pairs + fam_pairs:
        key = tuple(sorted((a, b)))
        if a != b and key not in seen:
            seen.add(key)
            reuse.append({"a": a, "b": b, "kind": k})
    with open(os.path.join(args.out, "truth.json"), "w") as f:
        json.dump({"reuse": reuse, "ambiguous": []}, f, indent=0)
    kinds = {}
    for r in reuse:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    print(f"{len(docs)} documents, {len(reuse)} reuse pairs: "
          + ", ".join(f"{v} {k}" for k, v in sorted(kinds.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
