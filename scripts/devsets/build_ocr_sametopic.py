#!/usr/bin/env python3
"""OCR-noisy verbatim reuse inside a text on the same topic: where passage edges are hard.

    build_ocr_sametopic.py --corpus PAN13_TRAIN_DIR --out-root /work/devsets [--n 60] [--seed 21]

pan13src-ocr pastes passages into an *unrelated* host, so the sentences around a reused block
share nothing with its source and a passage cannot run on into them. Here the host is a page
on the same subject as the source, and the blocks go in the middle of its paragraphs, so the
host sentences next to a block share its topic words:

  A     a PAN 2013 training source document (src/), 3-30 KB, >= 15 sentences;
  host  another source document that the pairs files of 03-random-obfuscation or
        04-translation-obfuscation attach to the same suspicious document (a page retrieved for
        the same essay topic), 2-30 KB, >= 8 sentences, sharing no 8-word sequence with A and
        no sentence that states the same fact (content-word Dice >= 0.4 or a shared 5-word
        sequence, common.same_fact_sentences): the host's own text is not reuse;
  B     host with 1-3 blocks of A (2-4, 4-8 or 8-14 consecutive sentences) put in after a host
        sentence that is not the last of its paragraph, joined by a space: each block starts
        and ends mid-paragraph, between host sentences; then B is re-extracted as in
        pan13src-ocr (ocr.degrade: hard wrap at 60-180 columns, end-of-line hyphenation, OCR
        slips, joined and split words; light / medium / heavy) with full stops misread too (a
        comma or nothing, 3 / 8 / 15 % of them by level, so that a host sentence and a block's
        sentence run together where the stop between them is lost), and in a quarter of the
        pairs A is hard-wrapped too.

Gold: one `copied` case per block (A's sentences -> the block in B), spans following the words
through the noise. (02-no-obfuscation is not read.) Sampling: suspicious documents in sorted
order, shuffled with random.Random(seed), one pair each. Deterministic.
Set written: pan13src-ocr-sametopic.
"""
import argparse
import os
import random
import re
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_verbatim_ocr import LEVELS  # noqa: E402
from common import (SetWriter, char_to_byte, is_clean_text, link, same_fact_sentences,  # noqa: E402
                    sentences, shingles)
from ocr import degrade, wrap_only  # noqa: E402


# Full stops misread (a comma or nothing) per noise level: where a block meets the host text
# mid-paragraph, a lost stop glues the host's sentence to the block's.
STOPS = {"light": 0.03, "medium": 0.08, "heavy": 0.15}


def inner_slots(host):
    """Indices j of host sentences followed by another sentence of the same paragraph."""
    sents = sentences(host)
    return [j for j in range(len(sents) - 1) if "\n\n" not in host[sents[j][1]:sents[j + 1][0]]
            and not re.search(r"\n\s*\n", host[sents[j][1]:sents[j + 1][0]])], sents


def build_b(a_text, host, rng):
    """host with blocks of a_text put in mid-paragraph. Returns (b_text, [(as, ae, bs, be)]) or None."""
    a_sents = sentences(a_text)
    slots, h_sents = inner_slots(host)
    k = rng.choice([1, 2, 2, 3])
    if len(slots) < k:
        return None
    blocks, used = [], set()
    for _ in range(k * 20):
        if len(blocks) == k:
            break
        m = rng.choice([rng.randint(2, 4), rng.randint(4, 8), rng.randint(8, 14)])
        if m > len(a_sents):
            continue
        s = rng.randrange(0, len(a_sents) - m + 1)
        idx = set(range(s - 1, s + m + 1))
        if idx & used:
            continue
        used |= idx
        blocks.append((a_sents[s][0], a_sents[s + m - 1][1]))
    # Slots two host sentences apart at least, so that host text separates the blocks.
    chosen = []
    for j in rng.sample(slots, len(slots)):
        if all(abs(j - c) >= 2 for c in chosen):
            chosen.append(j)
        if len(chosen) == len(blocks):
            break
    chosen.sort()
    blocks = blocks[:len(chosen)]
    rng.shuffle(blocks)
    out, spans, cur, n = [], [], 0, 0
    for j, (ps, pe) in zip(chosen, blocks):
        cut = h_sents[j][1]
        out.append(host[cur:cut] + " ")
        n += cut - cur + 1
        spans.append((ps, pe, n, n + pe - ps))
        out.append(a_text[ps:pe])
        n += pe - ps
        # The host's next sentence follows on the same line, after one space.
        nxt = h_sents[j + 1][0]
        out.append(" ")
        n += 1
        cur = nxt
    out.append(host[cur:])
    return "".join(out), spans


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--out-root", required=True)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=21)
    args = ap.parse_args()
    src_dir = os.path.join(args.corpus, "src")
    by_susp = defaultdict(set)
    for cat in ("03-random-obfuscation", "04-translation-obfuscation"):
        for line in open(os.path.join(args.corpus, cat, "pairs")):
            p = line.split()
            if len(p) == 2:
                by_susp[p[0]].add(p[1])
    size_ok = lambda f, lo: lo <= os.path.getsize(os.path.join(src_dir, f)) <= 30000 and is_clean_text(
        os.path.join(src_dir, f))
    read = lambda f: open(os.path.join(src_dir, f), encoding="utf-8").read()
    order = sorted(by_susp)
    random.Random(args.seed).shuffle(order)
    w = SetWriter(os.path.join(args.out_root, "pan13src-ocr-sametopic"), {
        "source": "PAN 2013 text alignment training corpus, src/ (A and host: pages for one essay topic)",
        "seed": args.seed, "a": "source page", "b": "another page on the same topic with A's blocks put in "
        "mid-paragraph, re-extracted (OCR-like noise)", "kind": "ocr-like verbatim, same-topic host"})
    for susp in order:
        if len(w.pairs) >= args.n:
            break
        rng = random.Random(f"{args.seed}-{susp}")
        srcs = sorted(by_susp[susp])
        rng.shuffle(srcs)
        a_name = next((f for f in srcs if size_ok(f, 3000) and len(sentences(read(f))) >= 15), None)
        if a_name is None:
            continue
        a_text = read(a_name)
        host_name = None
        for f in srcs:
            if f == a_name or not size_ok(f, 2000):
                continue
            h = read(f)
            if len(sentences(h)) >= 8 and not (shingles(a_text) & shingles(h)) and not same_fact_sentences(a_text, h):
                host_name, host = f, h
                break
        if host_name is None:
            continue
        built = build_b(a_text, host, rng)
        if built is None or not built[1]:
            continue
        b_text, spans = built
        level = rng.choice(sorted(LEVELS))
        sp, jp, xp = LEVELS[level]
        width = rng.randint(60, 180)
        b_ocr, bpos = degrade(b_text, rng, width=width, slip_p=sp, join_p=jp, split_p=xp, stop_p=STOPS[level])
        if rng.random() < 0.25:
            a_width = rng.randint(60, 180)
            a_ocr, apos = wrap_only(a_text, rng, a_width)
        else:
            a_width, a_ocr, apos = None, a_text, list(range(len(a_text) + 1))
        tag = f"{len(w.pairs):03d}"
        a_file, b_file = f"{tag}-a-{a_name}", f"{tag}-b-{host_name}"
        ca, cb = char_to_byte(a_ocr), char_to_byte(b_ocr)
        w.add_file(a_file, a_ocr)
        w.add_file(b_file, b_ocr)
        w.add_pair(a_file, b_file, [link("copied", [ca(apos[s]), ca(apos[e])], [cb(bpos[bs]), cb(bpos[be])])
                                    for s, e, bs, be in sorted(spans, key=lambda x: x[2])],
                   a_source=a_name, host=host_name, topic_of=susp, noise=level, b_width=width, a_width=a_width)
    w.write()


if __name__ == "__main__":
    main()
