#!/usr/bin/env python3
"""Multi-sentence "articles" from the MSRP *train* split (msr_paraphrase_train.txt).

    build_msrp.py --msrp msr_paraphrase_train.txt --out-root /work/devsets [--n 30] [--seed 7]

Only the train split is read (the test split is held out). Rows are
Quality <tab> #1 ID <tab> #2 ID <tab> #1 String <tab> #2 String.

Document pair i (rng = random.Random(seed * 1000 + i)), every MSRP row used at most once:
  - 6-12 positive rows (quality 1): #1 String goes to A, #2 String to B;
  - 1-3 negative rows (quality 0): #1 to A, #2 to B, gold kind "related" (same story, not a
    paraphrase: neither required nor penalised);
  - 3-6 filler sentences in each document, from other rows (unrelated, no link);
  - A keeps the rows in order; in B about a third of the pairs are moved (a random block of
    1-3 linked sentences is taken out and put elsewhere), the rest keep A's order;
  - sentences are grouped into paragraphs of 2-4, separated by blank lines.
Gold: one link per positive row, sentence to sentence. Kind: "copied" when >= 70% of B's
content words come from A's sentence in the same order (the gold README's rule of thumb,
made mechanical), else "reworded".
"""
import argparse
import csv
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import SetWriter, char_to_byte, kind_by_overlap, link  # noqa: E402


def read_rows(path):
    rows = []
    with open(path, encoding="utf-8-sig") as f:
        for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(r) == 5 and r[0] in ("0", "1"):
                rows.append((int(r[0]), r[1], r[2], r[3].strip(), r[4].strip()))
    return rows


def layout(items, rng):
    """items: list of (text, tag). Returns (document text, {tag: (start, end)})."""
    out, spans, n, i = [], {}, 0, 0
    while i < len(items):
        k = rng.randint(2, 4)
        para = items[i:i + k]
        for j, (t, tag) in enumerate(para):
            if j:
                out.append(" ")
                n += 1
            if tag is not None:
                spans[tag] = (n, n + len(t))
            out.append(t)
            n += len(t)
        i += k
        if i < len(items):
            out.append("\n\n")
            n += 2
    return "".join(out) + "\n", spans


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--msrp", required=True, help="path to msr_paraphrase_train.txt")
    ap.add_argument("--out-root", required=True)
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if "test" in os.path.basename(args.msrp).lower():
        raise SystemExit("the MSRP test split is held out: pass msr_paraphrase_train.txt")
    rows = read_rows(args.msrp)
    pos = [r for r in rows if r[0] == 1]
    neg = [r for r in rows if r[0] == 0]
    order = random.Random(args.seed)
    order.shuffle(pos)
    order.shuffle(neg)
    w = SetWriter(os.path.join(args.out_root, "msrp-docs"), {
        "source": "Microsoft Research Paraphrase Corpus, msr_paraphrase_train.txt (train split only)",
        "seed": args.seed, "rows": len(rows), "a": "#1 strings", "b": "#2 strings"})
    pi = ni = 0
    filler = []  # sentences of rows not otherwise used, taken from the end of the lists
    fill_pos = pos[len(pos) // 2:]
    pos = pos[:len(pos) // 2]
    fi = 0
    for i in range(args.n):
        rng = random.Random(args.seed * 1000 + i)
        k_pos, k_neg = rng.randint(6, 12), rng.randint(1, 3)
        p_rows, n_rows = pos[pi:pi + k_pos], neg[ni:ni + k_neg]
        pi += k_pos
        ni += k_neg
        linked = [("p", r) for r in p_rows] + [("n", r) for r in n_rows]
        rng.shuffle(linked)
        a_items = [(r[3], (t, j)) for j, (t, r) in enumerate(linked)]
        b_items = [(r[4], (t, j)) for j, (t, r) in enumerate(linked)]
        # moves in B
        for _ in range(rng.randint(0, 2)):
            if len(b_items) < 4:
                break
            m = rng.randint(1, 3)
            s = rng.randrange(0, len(b_items) - m)
            block = b_items[s:s + m]
            del b_items[s:s + m]
            t = rng.randrange(0, len(b_items) + 1)
            b_items[t:t] = block
        # fillers (unrelated sentences from rows used for nothing else), one side each
        for items, side in ((a_items, 3), (b_items, 4)):
            for _ in range(rng.randint(3, 6)):
                r = fill_pos[fi]
                fi += 1
                items.insert(rng.randrange(0, len(items) + 1), (r[side], None))
        a_text, a_spans = layout(a_items, rng)
        b_text, b_spans = layout(b_items, rng)
        ca, cb = char_to_byte(a_text), char_to_byte(b_text)
        links = []
        for j, (t, r) in enumerate(linked):
            (as_, ae), (bs, be) = a_spans[(t, j)], b_spans[(t, j)]
            kind = "related" if t == "n" else kind_by_overlap(r[3], r[4])
            links.append(link(kind, [ca(as_), ca(ae)], [cb(bs), cb(be)], msrp_ids=[r[1], r[2]]))
        links.sort(key=lambda l: l["b_span"])
        name = f"{i:03d}"
        w.add_file(f"{name}-a.txt", a_text)
        w.add_file(f"{name}-b.txt", b_text)
        w.add_pair(f"{name}-a.txt", f"{name}-b.txt", links)
    w.write()


if __name__ == "__main__":
    main()
