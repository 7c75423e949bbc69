#!/usr/bin/env bash
# The ScrapingHub article-extraction benchmark, scored by its own evaluate.py,
# on the text copycat reads from each page (examples/extract.rs).
#
#   scripts/extract-bench.sh BENCH_DIR [--whole] [--per-page]
#
# BENCH_DIR is a checkout of github.com/scrapinghub/article-extraction-benchmark
# (html/*.html.gz, ground-truth.json, evaluate.py); nothing of it is copied
# into this repository. Prints evaluate.py's figures for all 181 pages, for
# the tuning half and for the held-out half (pages split by the first byte of
# the SHA-256 of their id: even tunes, odd is held out), and the pages
# copycat refuses. --whole scores the whole text copycat reads (headline and
# meta lines too) instead of its body; --per-page also lists each page's F1,
# worst first, with the half it belongs to. COPYCAT_EXTRACT_ARGS passes more
# flags to the extractor (e.g. --whole-page).
set -euo pipefail
bench=${1:?usage: scripts/extract-bench.sh BENCH_DIR [--whole] [--per-page]}
shift
bench=$(cd "$bench" && pwd)
extract_args=()
per_page=0
for a in "$@"; do
  case $a in
    --whole) extract_args+=(--whole) ;;
    --per-page) per_page=1 ;;
    *) echo "unknown option: $a" >&2; exit 2 ;;
  esac
done
# shellcheck disable=SC2206
extract_args+=(${COPYCAT_EXTRACT_ARGS:-})
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/pages"
for f in "$bench"/html/*.html.gz; do
  gunzip -c "$f" >"$work/pages/$(basename "$f" .gz)"
done
(cd "$repo" && nice cargo build --quiet --release --example extract)
"$repo/target/release/examples/extract" --json "${extract_args[@]}" "$work"/pages/*.html >"$work/copycat.json"

python3 - "$bench" "$work" "$per_page" <<'PY'
import hashlib, json, os, subprocess, sys
bench, work, per_page = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
truth = json.load(open(os.path.join(bench, "ground-truth.json")))
pred = json.load(open(os.path.join(work, "copycat.json")))
def half(key):
    return "tune" if hashlib.sha256(key.encode()).digest()[0] % 2 == 0 else "held"
sys.path.insert(0, bench)
import evaluate  # the benchmark's own scoring
for name, keys in [("all", sorted(truth)),
                   ("tune", [k for k in sorted(truth) if half(k) == "tune"]),
                   ("held", [k for k in sorted(truth) if half(k) == "held"])]:
    d = os.path.join(work, name)
    os.makedirs(os.path.join(d, "output"), exist_ok=True)
    json.dump({k: truth[k] for k in keys}, open(os.path.join(d, "ground-truth.json"), "w"))
    json.dump({"version": "copycat", "output": {k: {"articleBody": pred[k]["articleBody"]} for k in keys}},
              open(os.path.join(d, "output", "copycat.json"), "w"))
    print(f"== {name}: {len(keys)} pages")
    sys.stdout.flush()
    subprocess.run([sys.executable, os.path.join(bench, "evaluate.py")], cwd=d, check=True)
refused = [k for k in sorted(truth) if "refused" in pred[k]]
print(f"refused: {len(refused)} of {len(truth)}")
for k in refused:
    print(f"  {k[:12]} ({half(k)}, {len(truth[k]['articleBody'])} characters of body): {pred[k]['refused'].split('.html: ', 1)[-1]}")
rows = []
for k in truth:
    tp, fp, fn = evaluate.string_shingle_matching(truth[k]["articleBody"], pred[k]["articleBody"])
    p = evaluate.precision_score(tp, fp, fn); r = evaluate.recall_score(tp, fp, fn)
    f = 2 * p * r / (p + r) if p + r else 0.0
    rows.append((f, p, r, k))
# How the "uncertain" notes fire: on how many pages of each half, and how
# they match the pages copycat read poorly (F1 under 0.8).
for name in ("tune", "held"):
    mine = [(f, k) for f, p, r, k in rows if half(k) == name]
    noted = [(f, k) for f, k in mine if pred[k].get("notes")]
    poor = [(f, k) for f, k in mine if f < 0.8]
    print(f"{name}: notes on {len(noted)} of {len(mine)} pages, {sum(1 for f, k in noted if f < 0.8)} of them read poorly (F1 < 0.8); "
          f"{sum(1 for f, k in poor if not pred[k].get('notes'))} of {len(poor)} poorly read pages without a note")
if per_page:
    for f, p, r, k in sorted(rows):
        print(f"{f:.3f} p {p:.3f} r {r:.3f} {half(k)} {k[:12]} {truth[k].get('url', '')} {'; '.join(pred[k].get('notes', []))}")
PY
