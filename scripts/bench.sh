#!/usr/bin/env bash
# Run copycat's benchmarks and print the numbers that BENCHMARKS.md records.
#
#   scripts/bench.sh              # everything (about 2-3 minutes)
#   MEASURE=10 scripts/bench.sh   # longer measurement per benchmark
#   PIN=1 scripts/bench.sh        # pin the single-threaded runs to core $CORE
#   REPEAT=9 scripts/bench.sh     # align_big runs (fastest and median shown)
#   CALLGRIND=1 scripts/bench.sh  # also count instructions (needs valgrind)
#   CORPUS=1 scripts/bench.sh     # also rank 10,000 generated articles
#                                 # (examples/corpus_scale: recall, precision,
#                                 # time, peak memory; about a minute)
#
# 1. criterion: `cargo bench --bench align` (seed pair, 1 MB pair, parsing),
#    `cargo bench --bench ui` (a frame of the reader at 200x60),
#    and `cargo bench --bench corpus` (corpus::rank, which runs its pairs on
#    worker threads). `align` spreads a long pair's candidate lookup, bead
#    scoring and word diffs over rayon's threads; pinned, it uses one core. Pinning is off by default because on a shared, loaded
#    machine it stops the scheduler from moving the run to an idle core;
# 2. peak memory: the 1 MB pair aligned once by examples/align_big.rs under
#    `/usr/bin/time -v` (maximum resident set size of the whole process,
#    which includes building the pair and parsing both articles); then the
#    fastest and median of $REPEAT (default 5) alignments of the pair;
# 3. optionally, instructions executed inside `align` for the 1 MB pair
#    (callgrind): unlike wall time, this does not move with machine load,
#    so it is the number to compare before and after an engine change;
# 4. a summary table read from target/criterion/*/new/estimates.json.
set -euo pipefail
cd "$(dirname "$0")/.."

MEASURE="${MEASURE:-3}"
WARMUP="${WARMUP:-1}"
CORE="${CORE:-0}"
CRITERION_ARGS=(--warm-up-time "$WARMUP" --measurement-time "$MEASURE" --noplot)

pin=()
if [ "${PIN:-0}" = 1 ]; then
    if command -v taskset >/dev/null 2>&1; then
        pin=(taskset -c "$CORE")
    else
        echo "note: taskset not found; runs are not pinned" >&2
    fi
fi
where="${pin[*]:-not pinned}"

echo "== machine: $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
echo "== building (release)"
cargo bench --bench align --bench corpus --bench ui --no-run
cargo build --release --example align_big

echo
echo "== criterion: align ($where)"
"${pin[@]}" cargo bench --bench align -- "${CRITERION_ARGS[@]}"

echo
echo "== criterion: corpus (all cores)"
cargo bench --bench corpus -- "${CRITERION_ARGS[@]}"

echo
echo "== criterion: the reader's frame at 200x60 (TestBackend)"
cargo bench --bench ui -- "${CRITERION_ARGS[@]}"

echo
echo "== peak memory: examples/align_big (1 MB pair, $where)"
if [ -x /usr/bin/time ]; then
    log="$(mktemp)"
    "${pin[@]}" /usr/bin/time -v target/release/examples/align_big 2>"$log"
    grep -E "Maximum resident set size|Elapsed \(wall clock\)|User time" "$log" | sed 's/^\s*/  /'
    rm -f "$log"
else
    echo "  /usr/bin/time not found (apt-get install -y time); in-process peak only:"
    "${pin[@]}" target/release/examples/align_big
fi

echo
echo "== align time, 1 MB pair: ${REPEAT:-5} runs of examples/align_big ($where)"
"${pin[@]}" target/release/examples/align_big --repeat "${REPEAT:-5}" | grep -E "^align:"

if [ "${CALLGRIND:-0}" = 1 ]; then
    echo
    echo "== instructions inside copycat::align::align_with (1 MB pair, callgrind)"
    out="$(mktemp)"
    valgrind --tool=callgrind --callgrind-out-file="$out" \
        --toggle-collect='copycat::align::align_with' \
        target/release/examples/align_big 2>&1 >/dev/null | grep -E "Collected" | sed 's/^==[0-9]*== */  /'
    rm -f "$out"
fi

if [ "${CORPUS:-0}" = 1 ]; then
    echo
    echo "== copycat rank on 10,000 generated articles (examples/corpus_scale)"
    cargo build --release --example corpus_scale
    target/release/examples/corpus_scale --n 10000
fi

echo
echo "== summary (criterion point estimates; 95% confidence interval of the mean)"
if command -v python3 >/dev/null 2>&1; then
    python3 - <<'PY'
import json, pathlib
root = pathlib.Path("target/criterion")
def fmt(ns):
    for unit, div in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= div:
            return f"{ns / div:.3g} {unit}"
    return f"{ns:.3g} ns"
rows = []
for est in sorted(root.glob("**/new/estimates.json")):
    bench = json.loads((est.parent / "benchmark.json").read_text())
    e = json.loads(est.read_text())
    m = e["mean"]
    rows.append((bench["full_id"], fmt(e["median"]["point_estimate"]), fmt(m["point_estimate"]),
                 fmt(m["confidence_interval"]["lower_bound"]), fmt(m["confidence_interval"]["upper_bound"])))
w = max(len(r[0]) for r in rows) if rows else 10
print(f"{'benchmark':<{w}}  {'median':>10}  {'mean':>10}  mean 95% CI")
for r in rows:
    print(f"{r[0]:<{w}}  {r[1]:>10}  {r[2]:>10}  [{r[3]} .. {r[4]}]")
PY
else
    echo "  python3 not found: see the criterion output above"
fi
