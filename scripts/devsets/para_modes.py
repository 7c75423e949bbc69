#!/usr/bin/env python3
"""paraphrase-tool by QuillBot mode, over both halves: the share of B's gold span inside the
binary's passages, and the pairs with no link at all.

    para_modes.py BINARY [SET]      (SET: paraphrase-tool, the default, or paraphrase-tool-embedded)

Env: DEVSETS (default /work/devsets).
"""
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict

MODES = ["formal", "expand", "fluency", "standard", "shorten", "creative"]


def main():
    binary = sys.argv[1]
    name = sys.argv[2] if len(sys.argv) > 2 else "paraphrase-tool"
    root = os.path.join(os.environ.get("DEVSETS", "/work/devsets"), name)
    share, no_link = defaultdict(list), Counter()
    for half in ("tune", "report"):
        for p in json.load(open(os.path.join(root, f"gold-{half}.json"), encoding="utf-8"))["pairs"]:
            texts = [os.path.join(root, "texts", p[k]) for k in ("a", "b")]
            out = subprocess.run([binary, "compare", "--format", "json", *texts], capture_output=True, check=True)
            j = json.loads(out.stdout)
            mode, (gs, ge) = p["info"]["mode"], p["links"][0]["b_span"]
            inside = set()
            for ps in j["passages"]:
                inside.update(range(max(gs, ps["b"]["start"]), min(ge, ps["b"]["end"])))
            share[mode].append(len(inside) / (ge - gs))
            no_link[mode] += not j["links"]
    print(f'{"mode":9} {"in passages":>11} {"no link":>7} {"pairs":>5}')
    for m in MODES:
        print(f"{m:9} {sum(share[m]) / max(1, len(share[m])):11.2f} {no_link[m]:7d} {len(share[m]):5d}")


if __name__ == "__main__":
    main()
