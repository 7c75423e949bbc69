#!/usr/bin/env python3
"""Two independent English translations of the New Testament, aligned verse by verse.

    build_bible_nt.py --csv-dir DIR --out-root /work/devsets [--a Noyes] [--b Twenty] [--n 30] [--seed 3]

DIR holds the verse-per-row CSV files (Book,Chapter,Verse,Text) of scrollmapper/bible_databases
(formats/csv/<Name>.csv). Defaults: A = Noyes (George R. Noyes, 1869), B = Twentieth Century New
Testament (1904); both public domain. (KJV and WEB are never used: held out.)

Pair i: one NT chapter (random.Random(seed).sample of the chapters that both translations
have in full, 1.5-6 KB); each document is the chapter's verses, no verse numbers, in
paragraphs of 3-6 verses. Gold: one link per verse present in both; kind "copied" when
>= 70% of B's content words come from A's verse in the same order, else "reworded"
(almost all are reworded: these are translations, not copies).
"""
import argparse
import csv
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import SetWriter, char_to_byte, kind_by_overlap, link  # noqa: E402

BANNED = {"KJV", "WEB", "AKJV", "KJVA", "KJVPCE", "UKJV", "MKJV", "RNKJV"}


def load(path):
    v = {}
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            t = (r["Text"] or "").strip()
            if t:
                v[(r["Book"], int(r["Chapter"]), int(r["Verse"]))] = " ".join(t.split())
    return v


def layout(verses, rng):
    out, spans, n, i = [], {}, 0, 0
    while i < len(verses):
        k = rng.randint(3, 6)
        for j, (key, t) in enumerate(verses[i:i + k]):
            if j:
                out.append(" ")
                n += 1
            spans[key] = (n, n + len(t))
            out.append(t)
            n += len(t)
        i += k
        if i < len(verses):
            out.append("\n\n")
            n += 2
    return "".join(out) + "\n", spans


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--csv-dir", required=True)
    ap.add_argument("--out-root", required=True)
    ap.add_argument("--a", default="Noyes")
    ap.add_argument("--b", default="Twenty")
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()
    if {args.a, args.b} & BANNED:
        raise SystemExit("KJV/WEB Bible text is held out")
    A = load(os.path.join(args.csv_dir, args.a + ".csv"))
    B = load(os.path.join(args.csv_dir, args.b + ".csv"))
    chapters = sorted({(k[0], k[1]) for k in A} & {(k[0], k[1]) for k in B},
                      key=lambda c: (min(k for k in A if k[:2] == c), c))
    ok = []
    for c in chapters:
        ka = sorted(k for k in A if k[:2] == c)
        kb = sorted(k for k in B if k[:2] == c)
        both = [k for k in ka if k in B]
        size = sum(len(A[k]) for k in ka)
        if len(both) >= 0.9 * max(len(ka), len(kb)) and 1500 <= size <= 6000:
            ok.append(c)
    chosen = sorted(random.Random(args.seed).sample(ok, min(args.n, len(ok))),
                    key=lambda c: chapters.index(c))
    w = SetWriter(os.path.join(args.out_root, "bible-nt-translation"), {
        "source": "scrollmapper/bible_databases formats/csv", "a": args.a, "b": args.b,
        "seed": args.seed, "candidates": len(ok)})
    for i, c in enumerate(chosen):
        rng = random.Random(args.seed * 1000 + i)
        va = [(k, A[k]) for k in sorted(k for k in A if k[:2] == c)]
        vb = [(k, B[k]) for k in sorted(k for k in B if k[:2] == c)]
        a_text, a_sp = layout(va, rng)
        b_text, b_sp = layout(vb, rng)
        ca, cb = char_to_byte(a_text), char_to_byte(b_text)
        links = [link(kind_by_overlap(A[k], B[k]), [ca(a_sp[k][0]), ca(a_sp[k][1])],
                      [cb(b_sp[k][0]), cb(b_sp[k][1])], verse=f"{k[0]} {k[1]}:{k[2]}")
                 for k, _ in vb if k in a_sp]
        tag = f"{i:03d}-{c[0].replace(' ', '')}{c[1]}"
        w.add_file(f"{tag}-{args.a}.txt", a_text)
        w.add_file(f"{tag}-{args.b}.txt", b_text)
        w.add_pair(f"{tag}-{args.a}.txt", f"{tag}-{args.b}.txt", links)
    w.write()


if __name__ == "__main__":
    main()
