#!/usr/bin/env bash
# Publication dates of real web pages: the dates copycat reads from 1,000
# pages annotated by hand for htmldate's evaluation (BBAW collection and
# Media Cloud news pages, from github.com/adbar/htmldate, Apache-2.0; the
# pages themselves are kept outside this repository).
#
#   scripts/date-bench.sh HTMLDATE_TESTS_DIR
#
# HTMLDATE_TESTS_DIR is htmldate's tests/ folder (eval_default.json with
# pages in eval/ and cache/, eval_mediacloud_2020.json with pages in
# test_set/). Prints, for all pages and for each half (split by the first
# byte of the SHA-256 of the file name: even tunes, odd is held out), how
# many pages copycat dates, and how many of those dates are the day
# annotated.
set -euo pipefail
tests=${1:?usage: scripts/date-bench.sh HTMLDATE_TESTS_DIR}
tests=$(cd "$tests" && pwd)
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$repo" && nice cargo build --quiet --release --example extract)
python3 - "$tests" "$work" "$repo/target/release/examples/extract" <<'PY'
import hashlib, json, os, subprocess, sys
tests, work, extract = sys.argv[1:4]
pages = {}
for index, folders in [("eval_default.json", ["eval", "cache"]), ("eval_mediacloud_2020.json", ["test_set"])]:
    for url, v in json.load(open(os.path.join(tests, index))).items():
        for f in folders:
            path = os.path.join(tests, f, v["file"])
            if os.path.exists(path):
                # Named .html so that copycat reads it as a page.
                name = v["file"] if v["file"].endswith((".html", ".htm")) else v["file"] + ".html"
                link = os.path.join(work, name)
                if not os.path.exists(link):
                    os.symlink(path, link)
                    pages[name.rsplit(".", 1)[0]] = v["date"]
                break
out = subprocess.run([extract, "--json"] + [os.path.join(work, k + ".html") if os.path.exists(os.path.join(work, k + ".html")) else os.path.join(work, k + ".htm") for k in sorted(pages)],
                     capture_output=True, text=True, check=True).stdout
pred = json.loads(out)
def half(k): return "tune" if hashlib.sha256(k.encode()).digest()[0] % 2 == 0 else "held"
for name in ("all", "tune", "held"):
    keys = [k for k in pages if name == "all" or half(k) == name]
    dated = [k for k in keys if (pred[k].get("meta") or {}).get("date")]
    right = [k for k in dated if pred[k]["meta"]["date"] == pages[k]]
    print(f"{name}: {len(keys)} pages, {len(dated)} dated ({100*len(dated)/len(keys):.1f}%), "
          f"{len(right)} on the annotated day: {100*len(right)/len(keys):.1f}% of pages, "
          f"{100*len(right)/max(1,len(dated)):.1f}% of dates given")
refused = [k for k in pages if "refused" in pred[k]]
print(f"refused: {len(refused)} of {len(pages)}")
PY
