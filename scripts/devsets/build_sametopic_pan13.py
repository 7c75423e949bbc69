#!/usr/bin/env python3
"""Same-topic, no-reuse pairs from the PAN 2013 *training* corpus source documents.

    build_sametopic_pan13.py --corpus PAN13_TRAIN_DIR --out-root /work/devsets [--n 20] [--seed 4]

The PAN 2013 suspicious documents are essays written on one TREC topic each, from web pages
retrieved for that topic (Webis-TRC-12); the corpus' source documents for one suspicious
document are therefore pages on one subject by different authors. Two source documents that
the pairs files of 03-random-obfuscation or 04-translation-obfuscation attach to the same
suspicious document, are 1.5-30 KB, share no 8-word sequence and have no sentence pair that
states the same fact (content-word Dice >= 0.4 or a shared 5-word sequence: such pages are
often rewrites of each other), form a pair with no links.
(02-no-obfuscation is not read.) Sampling: random.Random(seed).sample of the sorted candidates,
at most one pair per suspicious document.
"""
import argparse
import os
import random
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import SetWriter, is_clean_text, same_fact_sentences, shingles  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--out-root", required=True)
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--seed", type=int, default=4)
    args = ap.parse_args()
    src_dir = os.path.join(args.corpus, "src")
    by_susp = defaultdict(set)
    for cat in ("03-random-obfuscation", "04-translation-obfuscation"):
        for line in open(os.path.join(args.corpus, cat, "pairs")):
            p = line.split()
            if len(p) == 2:
                by_susp[p[0]].add(p[1])
    cands = []
    for susp in sorted(by_susp):
        srcs = sorted(s for s in by_susp[susp] if 1500 <= os.path.getsize(os.path.join(src_dir, s)) <= 30000
                      and is_clean_text(os.path.join(src_dir, s)))
        if len(srcs) < 2:
            continue
        rng = random.Random(f"{args.seed}-{susp}")
        for _ in range(5):
            a, b = sorted(rng.sample(srcs, 2))
            ta = open(os.path.join(src_dir, a), encoding="utf-8").read()
            tb = open(os.path.join(src_dir, b), encoding="utf-8").read()
            if not (shingles(ta) & shingles(tb)) and not same_fact_sentences(ta, tb):
                cands.append((susp, a, b))
                break
    chosen = sorted(random.Random(args.seed).sample(cands, min(args.n, len(cands))))
    w = SetWriter(os.path.join(args.out_root, "sametopic-pan13src"), {
        "source": "PAN 2013 text alignment training corpus, src/", "seed": args.seed,
        "candidates": len(cands), "a": "source page", "b": "another source page for the same essay topic"})
    for susp, a, b in chosen:
        w.add_file(a, open(os.path.join(src_dir, a), "rb").read())
        w.add_file(b, open(os.path.join(src_dir, b), "rb").read())
        w.add_pair(a, b, [], topic_of=susp)
    w.write()


if __name__ == "__main__":
    main()
