#!/usr/bin/env python3
"""Sentence-level gold -> passage-level (PAN-style) gold.

    passage_gold.py GOLD.json TEXTS_DIR OUT.json

Gold cases of one pair that follow each other on both sides (only whitespace between
the end of one and the start of the next, in A and in B) are merged into one case: a
reused block, as PAN text-alignment gold counts cases. The merged case is copied when
most of its B bytes are in copied cases, else reworded. `related` links are kept as they are.
"""
import json
import os
import sys


def main():
    gold_path, texts, out_path = sys.argv[1:4]
    gold = json.load(open(gold_path, encoding="utf-8"))
    for pair in gold["pairs"]:
        a = open(os.path.join(texts, pair["a"]), "rb").read()
        b = open(os.path.join(texts, pair["b"]), "rb").read()
        cases = sorted((l for l in pair["links"] if l["kind"] != "related"), key=lambda l: l["b_span"][0])
        merged = []
        for c in cases:
            if merged:
                m = merged[-1]
                if (not b[m["b_span"][1]:c["b_span"][0]].strip()
                        and not a[m["a_span"][1]:c["a_span"][0]].strip()):
                    m["parts"].append(c)
                    m["a_span"] = [m["a_span"][0], c["a_span"][1]]
                    m["b_span"] = [m["b_span"][0], c["b_span"][1]]
                    continue
            merged.append({"a_span": list(c["a_span"]), "b_span": list(c["b_span"]), "parts": [c]})
        links = []
        for m in merged:
            size = lambda l: l["b_span"][1] - l["b_span"][0]
            copied = sum(size(p) for p in m["parts"] if p["kind"] == "copied")
            kind = "copied" if 2 * copied > sum(size(p) for p in m["parts"]) else "reworded"
            links.append({"kind": kind, "a_span": m["a_span"], "b_span": m["b_span"]})
        pair["links"] = links + [l for l in pair["links"] if l["kind"] == "related"]
    gold.setdefault("meta", {})["passages"] = "merged by scripts/devsets/passage_gold.py"
    json.dump(gold, open(out_path, "w", encoding="utf-8"), indent=1)
    print(f"{sum(len(p['links']) for p in gold['pairs'])} passage cases", file=sys.stderr)


if __name__ == "__main__":
    main()
