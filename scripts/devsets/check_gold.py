#!/usr/bin/env python3
"""Sanity checks for built sets: every span lies on UTF-8 character boundaries inside its file,
is not blank (PAN spans may carry edge whitespace: the scorer ignores it); in sets made of verbatim copies (pan13src-verbatim, bbc-summary,
synth verbatim pairs) the A and B texts of each copied link are identical.

    check_gold.py /work/devsets [SET...]
"""
import json
import os
import sys

VERBATIM = {"pan13src-verbatim", "bbc-summary"}


def main():
    root = sys.argv[1]
    sets = sys.argv[2:] or sorted(d for d in os.listdir(root) if os.path.exists(os.path.join(root, d, "gold.json")))
    bad = 0
    for s in sets:
        g = json.load(open(os.path.join(root, s, "gold.json"), encoding="utf-8"))
        n = padded = 0
        for p in g["pairs"]:
            data = {k: open(os.path.join(root, s, "texts", p[k]), "rb").read() for k in ("a", "b")}
            for l in p["links"]:
                txt = {}
                for side, k in (("a_span", "a"), ("b_span", "b")):
                    st, en = l[side]
                    try:
                        t = data[k][st:en].decode("utf-8")
                    except UnicodeDecodeError:
                        print(f"{s} {p[k]} {side} {l[side]} not on character boundaries"); bad += 1; continue
                    if not t.strip():
                        print(f"{s} {p[k]} {side} {l[side]} empty"); bad += 1
                    elif t != t.strip():
                        padded += 1  # PAN's own offsets often include surrounding whitespace
                    txt[k] = t
                verb = s in VERBATIM or (s == "synth" and p.get("info", {}).get("kind") == "verbatim")
                if verb and l["kind"] == "copied" and txt.get("a") != txt.get("b"):
                    print(f"{s} {p['a']} copied link differs: {txt.get('a', '')[:40]!r} / {txt.get('b', '')[:40]!r}"); bad += 1
                n += 1
        print(f"{s}: {len(g['pairs'])} pairs, {n} links checked" + (f" ({padded} spans with edge whitespace, as in the source)" if padded else ""))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
