#!/usr/bin/env python3
"""Split every development set into a tuning half and a report half.

    halves.py OUT_ROOT

For each OUT_ROOT/<set>/gold.json, writes gold-tune.json (pairs 0, 2, 4, ... in the order the
builder wrote them) and gold-report.json (pairs 1, 3, 5, ...): builders write pairs grouped by
kind or source, so alternating keeps each kind in both halves. Thresholds are tuned on the
tune half only; the report half is what README quotes as unseen. Deterministic.
"""
import json
import os
import sys


def main():
    root = sys.argv[1]
    for s in sorted(os.listdir(root)):
        g = os.path.join(root, s, "gold.json")
        if not os.path.isfile(g):
            continue
        gold = json.load(open(g, encoding="utf-8"))
        for half, rest in (("tune", 0), ("report", 1)):
            pairs = [p for k, p in enumerate(gold["pairs"]) if k % 2 == rest]
            meta = dict(gold.get("meta", {}), half=half, pairs=len(pairs))
            with open(os.path.join(root, s, f"gold-{half}.json"), "w", encoding="utf-8") as f:
                json.dump({"meta": meta, "pairs": pairs}, f, indent=1, ensure_ascii=False)
                f.write("\n")
        print(f"{s}: {len(gold['pairs'])} pairs -> tune {(len(gold['pairs']) + 1) // 2}, "
              f"report {len(gold['pairs']) // 2}", file=sys.stderr)


if __name__ == "__main__":
    main()
