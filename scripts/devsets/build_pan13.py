#!/usr/bin/env python3
"""Build PAN 2013 text-alignment *training* corpus sets (one set per category).

    build_pan13.py --corpus DIR --out-root /work/devsets [--n 40] [--seed 2013] [--max-bytes 50000]

DIR is the unpacked pan13-text-alignment-training-corpus-2013-01-21 (it holds src/, susp/ and
01-no-plagiarism/ 03-random-obfuscation/ 04-translation-obfuscation/ 05-summary-obfuscation/,
each with a `pairs` file and one XML per pair). The 02-no-obfuscation category is NOT read
(held out); use the verbatim set built by build_verbatim_ocr.py instead.

Sets written (A = source document, B = suspicious document):
  pan13-random       random obfuscation       gold kind reworded
  pan13-translation  cyclic translation       gold kind reworded
  pan13-summary      summary obfuscation      gold kind reworded
  pan13-noplag       no-plagiarism pairs      no links (every detection is a false alarm)
  pan13-*-extra      --n-extra more pairs of random, translation and summary obfuscation, in
                     none of the sets above (drawn with seed + category number + 100 from the
                     pairs left), built after those sets' report halves had been seen: a rule
                     for them is chosen on unseen pairs (their tune halves) and checked on
                     pairs not tuned on (their report halves)

PAN offsets (this_offset/this_length, source_offset/source_length) count characters of the
UTF-8-decoded text; they are converted to byte offsets of the files as stored (copied
byte-for-byte). Pairs are drawn with random.Random(seed + category number).sample from the
sorted pairs list after dropping pairs where either document exceeds --max-bytes.
"""
import argparse
import os
import random
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import SetWriter, char_to_byte, is_clean_text, link  # noqa: E402

CATEGORIES = [
    (1, "01-no-plagiarism", "pan13-noplag", None),
    (3, "03-random-obfuscation", "pan13-random", "reworded"),
    (4, "04-translation-obfuscation", "pan13-translation", "reworded"),
    (5, "05-summary-obfuscation", "pan13-summary", "reworded"),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--out-root", required=True)
    ap.add_argument("--n", type=int, default=40, help="pairs per category")
    ap.add_argument("--seed", type=int, default=2013)
    ap.add_argument("--max-bytes", type=int, default=50000)
    ap.add_argument("--n-extra", type=int, default=0,
                    help="pairs per obfuscation category for the pan13-*-extra sets (0: none)")
    ap.add_argument("--only", default=None, help="comma list of set names to build")
    args = ap.parse_args()
    src_dir, susp_dir = os.path.join(args.corpus, "src"), os.path.join(args.corpus, "susp")

    for num, folder, name, kind in CATEGORIES:
        if args.only and not any(o.startswith(name) for o in args.only.split(",")):
            continue
        cat = os.path.join(args.corpus, folder)
        pairs = sorted(tuple(l.split()) for l in open(os.path.join(cat, "pairs")) if l.strip())
        ok = [p for p in pairs
              if os.path.getsize(os.path.join(susp_dir, p[0])) <= args.max_bytes
              and os.path.getsize(os.path.join(src_dir, p[1])) <= args.max_bytes
              and is_clean_text(os.path.join(susp_dir, p[0])) and is_clean_text(os.path.join(src_dir, p[1]))]
        if kind is not None:
            # 05-summary-obfuscation lists 1185 pairs but only 238 XMLs carry a plagiarism
            # feature (the rest are unrelated DUC-2006 summaries): sample annotated pairs only
            ok = [p for p in ok if 'name="plagiarism"' in open(
                os.path.join(cat, f"{p[0][:-4]}-{p[1][:-4]}.xml"), encoding="utf-8").read()]
        chosen = sorted(random.Random(args.seed + num).sample(ok, min(args.n, len(ok))))
        draws = [(name, chosen, args.seed + num)]
        if kind is not None and args.n_extra > 0:
            left = sorted(set(ok) - set(chosen))
            extra_seed = args.seed + num + 100
            extra = sorted(random.Random(extra_seed).sample(left, min(args.n_extra, len(left))))
            draws.append((f"{name}-extra", extra, extra_seed))
        for set_name, pairs_drawn, seed in draws:
            if args.only and set_name not in args.only.split(","):
                continue
            write_set(args, src_dir, cat, folder, set_name, kind, pairs_drawn, seed, len(ok))


def write_set(args, src_dir, cat, folder, name, kind, chosen, seed, sampled_from):
    """Write one set: `chosen` (suspicious, source) pairs of category folder `cat`."""
    susp_dir = os.path.join(args.corpus, "susp")
    w = SetWriter(os.path.join(args.out_root, name), {
        "source": "PAN 2013 text alignment training corpus (pan13-text-alignment-training-corpus-2013-01-21)",
        "category": folder, "seed": seed, "sampled_from": sampled_from, "max_bytes": args.max_bytes,
        "a": "source document", "b": "suspicious document"})
    for susp, src in chosen:
        a_bytes = open(os.path.join(src_dir, src), "rb").read()
        b_bytes = open(os.path.join(susp_dir, susp), "rb").read()
        a_text, b_text = a_bytes.decode("utf-8"), b_bytes.decode("utf-8")
        ca, cb = char_to_byte(a_text), char_to_byte(b_text)
        w.add_file(src, a_bytes)
        w.add_file(susp, b_bytes)
        xml = os.path.join(cat, f"{susp[:-4]}-{src[:-4]}.xml")
        links = []
        for ft in ET.parse(xml).getroot().iter("feature"):
            if ft.get("name") != "plagiarism" or ft.get("source_reference") != src:
                continue
            to, tl = int(ft.get("this_offset")), int(ft.get("this_length"))
            so, sl = int(ft.get("source_offset")), int(ft.get("source_length"))
            links.append(link(kind, [ca(so), ca(so + sl)], [cb(to), cb(to + tl)],
                              obfuscation=ft.get("obfuscation")))
        if kind is None and links:
            raise SystemExit(f"no-plagiarism pair with plagiarism: {xml}")
        w.add_pair(src, susp, sorted(links, key=lambda l: l["b_span"]))
    w.write()


if __name__ == "__main__":
    main()
