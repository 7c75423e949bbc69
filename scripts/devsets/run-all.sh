#!/usr/bin/env bash
# Score a copycat binary on every development set and print one table.
#
#   run-all.sh BINARY [SET...]
#
# Env: DEVSETS (default /work/devsets) holds one folder per set (texts/ + gold.json, and the
#      halves gold-tune.json / gold-report.json that halves.py writes);
#      SCORER (default /work/shared/eval/score.py); JOBS (default 2) sets scored at once;
#      HALVES (default "tune report"; "all" scores gold.json whole) which halves to score;
#      KEEP=DIR keeps the per-set JSON reports in DIR (SET.HALF.DETECTIONS.json).
# The tool runs once per pair: the "passages" pass replays the "links" pass's output
# (cache_tool.py), so the cost is one run per pair plus scoring.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="${1:?usage: run-all.sh BINARY [SET...]}"; shift
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
DEVSETS="${DEVSETS:-/work/devsets}"
SCORER="${SCORER:-/work/shared/eval/score.py}"
JOBS="${JOBS:-2}"
HALVES="${HALVES:-tune report}"
if [ $# -gt 0 ]; then sets=("$@"); else
  sets=(); for g in "$DEVSETS"/*/gold.json; do sets+=("$(basename "$(dirname "$g")")"); done
fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mkdir -p "$work/cache" "$work/out"
start=$(date +%s)
score() {  # SET HALF DETECTIONS
  local s="$1" h="$2" d="$3" g="gold-$2.json"
  [ "$h" = all ] && g=gold.json
  if ! python3 "$SCORER" --gold "$DEVSETS/$s/$g" --articles "$DEVSETS/$s/texts" \
      --cmd "python3 $here/cache_tool.py $work/cache $bin compare --format json" \
      --detections "$d" --json > "$work/out/$s.$h.$d.json" 2> "$work/out/$s.$h.$d.err"; then
    echo "FAILED $s $h $d: $(tail -c 300 "$work/out/$s.$h.$d.err")" >&2
  fi
}
export -f score; export DEVSETS SCORER here bin work
# The halves of one set run one after the other (the second replays the cache), sets in parallel.
for d in links passages; do
  printf '%s\n' "${sets[@]}" | xargs -P "$JOBS" -I{} bash -c "for h in $HALVES; do score {} \$h $d; done"
done
python3 - "$work/out" "$HALVES" "${sets[@]}" <<'PY'
import json, os, sys
out, halves, sets = sys.argv[1], sys.argv[2].split(), sys.argv[3:]
print(f'{"set":22} {"half":6} {"det":8} {"pairs":>5} {"cases":>5} {"plagdet":>7} {"P":>6} {"R":>6} {"gran":>5} {"kind":>6} {"linkF1":>6} {"FA":>4}')
for s in sets:
  for h in halves:
    for d in ("links", "passages"):
        p = os.path.join(out, f"{s}.{h}.{d}.json")
        try:
            txt = open(p).read()
            j = json.loads(txt[:txt.rindex("\nplagdet ")])
        except Exception:
            print(f"{s:22} {h:6} {d:8} FAILED"); continue
        m, rows = j["macro"], j["pairs"]
        cases = sum(r["cases"] for r in rows)
        scored = any(r["cases"] for r in rows)
        f = lambda k, w=6, nd=3: f"{m[k]:{w}.{nd}f}" if scored else f'{"-":>{w}}'
        print(f'{s:22} {h:6} {d:8} {len(rows):5d} {cases:5d} {f("plagdet",7)} {f("precision")} {f("recall")} '
              f'{f("granularity",5,2)} {f("kind_acc")} {f("link_f1")} {j["false_alarms"]:4d}')
PY
if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP"; cp "$work"/out/*.json "$KEEP"/; fi
echo "($(( $(date +%s) - start )) s, binary $bin)"
