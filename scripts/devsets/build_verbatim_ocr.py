#!/usr/bin/env python3
"""Verbatim-reuse and OCR-like sets made from PAN 2013 *training* source documents.

    build_verbatim_ocr.py --corpus PAN13_TRAIN_DIR --out-root /work/devsets [--n 40] [--seed 12]

(The PAN 2012 training corpus, the intended source for verbatim passages, is not reachable
from here; PAN 2013's 02-no-obfuscation category is held out. So the verbatim cases are made
the way PAN made them: passages of a source document are pasted, unchanged, into an unrelated
host document.)

For pair i, with rng = random.Random(seed * 1000 + i):
  A     a PAN 2013 training source document (src/) of 3-30 KB with >= 15 sentences;
  host  a PAN 2013 training suspicious document (susp/) of 2-25 KB that no pairs file of the
        corpus pairs with A;
  B     host with 1-3 passages of A (1-2, 3-6 or 7-12 consecutive sentences) inserted at host
        sentence boundaries, in random order (so passages also move), either inline or as a
        paragraph of their own.

Sets written:
  pan13src-verbatim  B as built; gold kind copied.
  pan13src-ocr       B degraded as re-extracted text (ocr.py): hard-wrapped at 60-180 columns,
                     words hyphenated at line ends, OCR slips (rn->m, l->1, cl->d, fi ligature,
                     ...), joined and split words at a per-pair noise level (light/medium/heavy);
                     in a quarter of the pairs A is hard-wrapped too (clean PDF extraction).
                     Gold kind copied; spans follow the words through the degradation.
"""
import argparse
import glob
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import SetWriter, char_to_byte, is_clean_text, link, sentences  # noqa: E402
from ocr import degrade, wrap_only  # noqa: E402

LEVELS = {"light": (0.02, 0.005, 0.005), "medium": (0.05, 0.01, 0.01), "heavy": (0.10, 0.02, 0.02)}


def load_pairs(corpus):
    paired = set()
    for f in glob.glob(os.path.join(corpus, "*", "pairs")) + [os.path.join(corpus, "pairs")]:
        if os.path.exists(f):
            for line in open(f):
                p = line.split()
                if len(p) == 2:
                    paired.add((p[1], p[0]))
    return paired


def build_b(a_text, host, rng):
    """Insert passages of a_text into host. Returns (b_text, [(a_start, a_end, b_start, b_end)])."""
    a_sents = sentences(a_text)
    h_sents = sentences(host)
    k = rng.choice([1, 1, 2, 2, 3])
    passages, used = [], set()
    for _ in range(k * 10):
        if len(passages) == k:
            break
        m = rng.choice([rng.randint(1, 2), rng.randint(3, 6), rng.randint(7, 12)])
        if m > len(a_sents):
            continue
        s = rng.randrange(0, len(a_sents) - m + 1)
        idx = set(range(s - 1, s + m + 1))
        if idx & used:
            continue
        used |= idx
        passages.append((a_sents[s][0], a_sents[s + m - 1][1]))
    # insertion points: after host sentence j (distinct), passages in random order
    slots = sorted(rng.sample(range(len(h_sents)), min(len(passages), len(h_sents))))
    rng.shuffle(passages)
    out, links, cur = [], [], 0
    b_len = 0
    for slot, (ps, pe) in zip(slots, passages):
        cut = h_sents[slot][1]
        piece = host[cur:cut]
        out.append(piece)
        b_len += len(piece)
        sep = rng.choice([" ", "\n\n"])
        out.append(sep)
        b_len += len(sep)
        links.append((ps, pe, b_len, b_len + (pe - ps)))
        out.append(a_text[ps:pe])
        b_len += pe - ps
        cur = cut
    out.append(host[cur:])
    return "".join(out), links


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--out-root", required=True)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()
    src_dir, susp_dir = os.path.join(args.corpus, "src"), os.path.join(args.corpus, "susp")
    paired = load_pairs(args.corpus)
    srcs = sorted(f for f in os.listdir(src_dir) if 3000 <= os.path.getsize(os.path.join(src_dir, f)) <= 30000
                  and is_clean_text(os.path.join(src_dir, f)))
    susps = sorted(f for f in os.listdir(susp_dir) if 2000 <= os.path.getsize(os.path.join(susp_dir, f)) <= 25000
                   and is_clean_text(os.path.join(susp_dir, f)))

    meta = {"source": "PAN 2013 text alignment training corpus: src/ (A) and susp/ (hosts)",
            "seed": args.seed, "a": "source document", "b": "host document with inserted passages"}
    wv = SetWriter(os.path.join(args.out_root, "pan13src-verbatim"), dict(meta, kind="verbatim"))
    wo = SetWriter(os.path.join(args.out_root, "pan13src-ocr"), dict(meta, kind="ocr-like"))
    used_a = set()
    i = 0
    while len(wv.pairs) < args.n:
        rng = random.Random(args.seed * 1000 + i)
        i += 1
        a_name = rng.choice(srcs)
        if a_name in used_a:
            continue
        a_text = open(os.path.join(src_dir, a_name), encoding="utf-8").read()
        if len(sentences(a_text)) < 15:
            continue
        h_name = rng.choice(susps)
        if (a_name, h_name) in paired:
            continue
        host = open(os.path.join(susp_dir, h_name), encoding="utf-8").read()
        if len(sentences(host)) < 5:
            continue
        used_a.add(a_name)
        b_text, spans = build_b(a_text, host, rng)
        tag = f"{len(wv.pairs):03d}"
        a_file, b_file = f"{tag}-a-{a_name}", f"{tag}-b-{h_name}"
        # verbatim
        ca, cb = char_to_byte(a_text), char_to_byte(b_text)
        wv.add_file(a_file, a_text)
        wv.add_file(b_file, b_text)
        wv.add_pair(a_file, b_file, [link("copied", [ca(s), ca(e)], [cb(bs), cb(be)])
                                     for s, e, bs, be in sorted(spans, key=lambda x: x[2])],
                    a_source=a_name, host=h_name)
        # OCR-like
        level = rng.choice(sorted(LEVELS))
        sp, jp, xp = LEVELS[level]
        width = rng.randint(60, 180)
        b_ocr, bpos = degrade(b_text, rng, width=width, slip_p=sp, join_p=jp, split_p=xp)
        if rng.random() < 0.25:
            a_width = rng.randint(60, 180)
            a_ocr, apos = wrap_only(a_text, rng, a_width)
        else:
            a_width, a_ocr, apos = None, a_text, list(range(len(a_text) + 1))
        ca, cb = char_to_byte(a_ocr), char_to_byte(b_ocr)
        wo.add_file(a_file, a_ocr)
        wo.add_file(b_file, b_ocr)
        wo.add_pair(a_file, b_file, [link("copied", [ca(apos[s]), ca(apos[e])], [cb(bpos[bs]), cb(bpos[be])])
                                     for s, e, bs, be in sorted(spans, key=lambda x: x[2])],
                    a_source=a_name, host=h_name, noise=level, b_width=width, a_width=a_width)
    wv.write()
    wo.write()


if __name__ == "__main__":
    main()
