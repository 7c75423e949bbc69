#!/usr/bin/env python3
"""Print a binary's links on one dev set, each with both texts, marked true or false.

    show-links.py BINARY SET [HALF] [--false] [--json OUT]

HALF is tune, report (default) or all. A link is *true* when its B span touches a gold
case's B span, *related* when it touches only `related` cases (same-fact sentences of
samestory-bbc, cnndm-highlights), else *false*: on a set without reuse every link is false.
--false prints only false links; --json writes every link with its pair, passage size and
verdict (for studying what separates the two kinds offline).
Env: DEVSETS (default /work/devsets).
"""
import argparse
import json
import os
import subprocess
import sys


def spans(link, side):
    return (link[side]["start"], link[side]["end"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("set")
    ap.add_argument("half", nargs="?", default="report", choices=["tune", "report", "all"])
    ap.add_argument("--false", action="store_true", help="only links that touch no gold case")
    ap.add_argument("--json", help="write every link with its verdict to this file")
    args = ap.parse_args()
    root = os.path.join(os.environ.get("DEVSETS", "/work/devsets"), args.set)
    gold = json.load(open(os.path.join(root, "gold.json" if args.half == "all" else f"gold-{args.half}.json")))
    rows = []
    for n, pair in enumerate(gold["pairs"]):
        pa, pb = (os.path.join(root, "texts", pair[k]) for k in ("a", "b"))
        out = subprocess.run([args.binary, "compare", "--format", "json", pa, pb], capture_output=True, check=True)
        j = json.loads(out.stdout)
        cases = [tuple(c["b_span"]) for c in pair.get("links", []) if "b_span" in c and c["kind"] != "related"]
        related = [tuple(c["b_span"]) for c in pair.get("links", []) if "b_span" in c and c["kind"] == "related"]
        size = {}
        for p in j["passages"]:
            for i in p["links"]:
                size[i] = len(p["links"])
        for i, l in enumerate(j["links"]):
            b0, b1 = spans(l, "b")
            true = any(b0 < e and s < b1 for s, e in cases)
            rel = not true and any(b0 < e and s < b1 for s, e in related)
            # A headline link: both sides are the articles' titles.
            title = all(l[k]["sentences"][0] == 0 and l[k]["text"] == (j[k]["title"] or "") for k in "ab")
            rows.append({"pair": n, "a_file": pair["a"], "b_file": pair["b"], "true": true, "related": rel, "title": title,
                         "passage_links": size.get(i, 1), **l})
            if args.false and (true or rel):
                continue
            print(f"--- pair {n} {pair['a']} | {pair['b']}  {'TRUE' if true else 'RELATED' if rel else 'FALSE'} {l['kind']} "
                  f"score {l['score']:.3f} kept {l['kept']['a']:.2f}/{l['kept']['b']:.2f} "
                  f"passage of {size.get(i, 1)}")
            print("  A:", l["a"]["text"][:400].replace("\n", " "))
            print("  B:", l["b"]["text"][:400].replace("\n", " "))
    if args.json:
        json.dump(rows, open(args.json, "w"), indent=1)
    false = sum(not r["true"] and not r["related"] for r in rows)
    rel = sum(r["related"] for r in rows)
    print(f"{len(rows)} links, {rel} touch only related cases, {false} touch no gold case", file=sys.stderr)


if __name__ == "__main__":
    main()
