#!/usr/bin/env python3
"""Short independent texts on one problem: two arXiv abstracts written separately.

    build_sametopic_abstracts.py --csv ARXIV_CSV --out-root /work/devsets [--n 40] [--seed 11]
        [--wordnet /usr/share/wordnet]

ARXIV_CSV is an export of arXiv's metadata (the Kaggle `arxiv-metadata-oai-snapshot` columns:
id, title, categories, abstract, ...). Each text is the paper's title, a blank line and its
abstract (lines joined; LaTeX such as `$\\Lambda_{\\alpha}$` kept as the authors wrote it), 300
bytes to 3 KB: the shape of a short answer or a definition, where two independent texts on one
subject share most of their topic words.

Pairs: two abstracts whose TF-IDF cosine over content words (stop words and one-letter tokens
dropped) is >= 0.2, that share a primary arXiv category, no author surname, and no 6-word
sequence; the --n most similar are kept (an abstract may be in several pairs): the closest
independent texts. The reuse counterparts are made from the --n-reuse most similar pairs of
distinct abstracts. (The seed only drives the reuse counterparts.)
Sets written:
  sametopic-abstracts        the pairs, no links (every link is a false alarm);
  sametopic-abstracts-reuse  the same pairs with 1-2 runs of A's sentences put into B, verbatim
                             or reworded (sametopic_reuse.py). Deterministic.
"""
import argparse
import csv
import math
import os
import re
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import content_words  # noqa: E402
from sametopic_reuse import independent, write_pairs  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--csv", required=True)
    ap.add_argument("--out-root", required=True)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--n-reuse", type=int, default=40)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    args = ap.parse_args()
    csv.field_size_limit(10 ** 8)
    docs = []
    for row in csv.DictReader(open(args.csv, encoding="utf-8", newline="")):
        title = re.sub(r"\s+", " ", row["title"]).strip()
        abstract = re.sub(r"\s+", " ", row["abstract"]).strip()
        text = f"{title}\n\n{abstract}\n"
        if not 300 <= len(text.encode()) <= 3000:
            continue
        surnames = {p.split(",")[0].strip("[' ").lower() for p in row.get("authors_parsed", "").split("], [")}
        docs.append({"id": row["id"], "cat": row["categories"].split()[0].split(".")[0], "text": text,
                     "authors": surnames, "words": Counter(w for w in content_words(text) if len(w) > 1)})
    df = Counter(w for d in docs for w in d["words"])
    n = len(docs)
    for d in docs:
        v = {w: c * math.log(n / df[w]) for w, c in d["words"].items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        d["vec"] = {w: x / norm for w, x in v.items()}
    index = defaultdict(list)
    for i, d in enumerate(docs):
        for w, x in d["vec"].items():
            index[w].append((i, x))
    scored = []
    for i, d in enumerate(docs):
        acc = defaultdict(float)
        for w, x in d["vec"].items():
            if df[w] > n // 20:
                continue
            for j, y in index[w]:
                if j > i:
                    acc[j] += x * y
        for j, c in acc.items():
            if c >= 0.2 and docs[j]["cat"] == d["cat"] and not (d["authors"] & docs[j]["authors"]):
                scored.append((-round(c, 6), i, j))
    scored.sort()
    cands = [(i, j, -negc) for negc, i, j in scored if independent(docs[i]["text"], docs[j]["text"], 6)]
    # The most similar pairs: the hardest for an aligner that mistakes topic for reuse.
    chosen = sorted(cands[:args.n])
    name = lambda d: "arxiv-" + re.sub(r"[^0-9A-Za-z]+", "-", d["id"]) + ".txt"
    pairs = [(name(docs[i]), docs[i]["text"], name(docs[j]), docs[j]["text"],
              {"cosine": round(c, 3), "category": docs[i]["cat"]}) for i, j, c in chosen]
    meta = {"source": "arXiv metadata (title + abstract)", "seed": args.seed, "candidates": len(cands),
            "a": "an abstract", "b": "its nearest abstract on the same problem (TF-IDF cosine >= 0.2)"}
    # The reuse counterparts from pairs of distinct abstracts, strongest first.
    seen, distinct = set(), []
    for p in sorted(pairs, key=lambda p: -p[4]["cosine"]):
        if p[0] not in seen and p[2] not in seen:
            seen.update((p[0], p[2]))
            distinct.append(p)
    rest = [p for p in pairs if p not in distinct]
    write_pairs(args.out_root, "sametopic-abstracts", meta, distinct + rest, args.wordnet, args.seed,
                args.n_reuse)


if __name__ == "__main__":
    main()
