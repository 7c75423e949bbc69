#!/usr/bin/env bash
# copycat against the tools people would use instead (issue 14), on the same
# inputs, in one run: median whole-process wall time (hyperfine) and peak
# memory (/usr/bin/time -v), printed as a markdown table with the ratios the
# targets use. BENCHMARKS.md holds its output.
#
#   scripts/peers.sh                  # seed, 80 KB, 1 MB and 10 MB pairs (10-20 minutes)
#   SIZES="seed 80k 1m" scripts/peers.sh   # leave out the 10 MB pair (wdiff and
#                                     # dwdiff take about a minute each on it)
#   RUNS=30 scripts/peers.sh          # more runs for the small inputs
#   PIN=1 scripts/peers.sh            # every command on core $CORE (taskset): "one core"
#
# What it compares, each over both files of a pair:
#   copycat compare --format json A B     (sentence alignment, word diffs, drift; JSON to /dev/null)
#   git diff --no-index --word-diff A B   (Myers on lines, then words inside changed lines)
#   wdiff A B, dwdiff A B                 (word diffs: diff(1) on one word a line)
#   difft A B                             (difftastic: structural diff; text as lines)
#   wc -w A B                             (the floor: read and split the text once)
# The inputs are made here, deterministically: the seed pair (the bundled
# Reuters story and its undated rewrite), and the 80 KB, 1 MB and 10 MB pairs
# of examples/align_big.rs (Rust-book prose reworded, reordered and cut by a
# seeded generator; see BENCHMARKS.md). Everything goes to target/peers/.
#
# Missing tools are installed: wdiff, dwdiff, hyperfine and time with apt-get
# (as root), difftastic with `cargo install --locked difftastic`. A tool that
# cannot be had is left out of the table (shown as "–").
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES="${SIZES:-seed 80k 1m 10m}"
RUNS="${RUNS:-20}"
CORE="${CORE:-0}"
OUT="target/peers"
mkdir -p "$OUT"

pin=()
if [ "${PIN:-0}" = 1 ] && command -v taskset >/dev/null; then
    pin=(taskset -c "$CORE")
fi

# --- tools ------------------------------------------------------------------
want_apt=()
for t in wdiff dwdiff hyperfine; do command -v "$t" >/dev/null || want_apt+=("$t"); done
[ -x /usr/bin/time ] || want_apt+=(time)
if ((${#want_apt[@]})); then
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
        echo "== installing ${want_apt[*]}" >&2
        apt-get install -y -qq "${want_apt[@]}" >/dev/null 2>&1 ||
            { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "${want_apt[@]}" >/dev/null 2>&1; } ||
            echo "note: could not install ${want_apt[*]}" >&2
    else
        echo "note: missing ${want_apt[*]} (install them: apt-get install -y ${want_apt[*]})" >&2
    fi
fi
if ! command -v difft >/dev/null; then
    echo "== installing difftastic (cargo install; a few minutes)" >&2
    cargo install --locked difftastic >&2 || echo "note: could not install difftastic" >&2
fi
command -v hyperfine >/dev/null || { echo "hyperfine is required" >&2; exit 1; }

# --- copycat and the inputs ---------------------------------------------------
echo "== building copycat (release)" >&2
cargo build --release --bin copycat --example align_big >&2
copycat="$PWD/target/release/copycat"

make_pair() {
    local size=$1 dir="$OUT/$1"
    mkdir -p "$dir"
    case $size in
        seed)
            cp articles/2025-11-26-reuters-us-peace-plan-drew-on-russian-non-paper.txt "$dir/a.txt"
            cp articles/undated-rewrite-peace-plan-rooted-in-russian-proposal.txt "$dir/b.txt"
            return ;;
        80k) args=(--a-bytes 80000) ;;
        1m) args=() ;;
        10m) args=(--copies 5) ;;
        *) echo "unknown size $size" >&2; exit 2 ;;
    esac
    target/release/examples/align_big "${args[@]}" --write "$dir" --only-write >/dev/null
    mv "$dir/prose-a.txt" "$dir/a.txt"
    mv "$dir/prose-b.txt" "$dir/b.txt"
}

# name|command (A and B are substituted)
tools=(
    "copycat|$copycat compare --format json A B"
    "git|git diff --no-index --word-diff A B"
    "wdiff|wdiff A B"
    "dwdiff|dwdiff A B"
    "difft|difft A B"
    "wc|wc -w A B"
)

load() { cut -d' ' -f1-3 /proc/loadavg; }
load_before="$(load)"
started="$(date -u '+%Y-%m-%d %H:%M UTC')"

for size in $SIZES; do
    make_pair "$size"
    dir="$OUT/$size"
    a="$dir/a.txt" b="$dir/b.txt"
    echo "== $size: $(wc -c <"$a") + $(wc -c <"$b") bytes, load $(load)" >&2
    # Big inputs: wdiff and dwdiff take tens of seconds each.
    case $size in
        10m) runs=(--runs 2) ;;
        1m) runs=(--min-runs 5 --warmup 1) ;;
        *) runs=(--min-runs "$RUNS" --warmup 3) ;;
    esac
    cmds=() names=()
    for t in "${tools[@]}"; do
        name=${t%%|*} cmd=${t#*|}
        command -v "${cmd%% *}" >/dev/null || continue
        cmd=${cmd//A B/$a $b}
        cmds+=("${pin[*]:+${pin[*]} }$cmd")
        names+=("$name")
        # Peak memory, one run (the tools that report a difference exit 1).
        /usr/bin/time -f '%M' -o "$dir/$name.rss" "${pin[@]}" $cmd >/dev/null 2>"$dir/$name.err" || true
    done
    name_args=()
    for n in "${names[@]}"; do name_args+=(--command-name "$n"); done
    hyperfine -N -i --style basic "${runs[@]}" "${name_args[@]}" \
        --export-json "$dir/hyperfine.json" "${cmds[@]}" >&2
done
load_after="$(load)"

# --- the table ----------------------------------------------------------------
python3 - "$OUT" "$started" "$(nproc)" "$load_before" "$load_after" "${PIN:-0}" "$SIZES" <<'PY'
import json, pathlib, platform, sys
out, started, cores, lb, la, pinned, sizes = sys.argv[1:]
root = pathlib.Path(out)
tools = ["copycat", "git", "wdiff", "dwdiff", "difft", "wc"]
label = {"copycat": "copycat compare --format json", "git": "git --word-diff",
         "wdiff": "wdiff", "dwdiff": "dwdiff", "difft": "difft", "wc": "wc -w"}
def ms(s):
    v = s * 1e3
    return f"{v:,.0f} ms" if v >= 100 else f"{v:.1f} ms" if v >= 10 else f"{v:.2f} ms"
def mb(kib):
    return f"{kib / 1024:.0f} MB" if kib >= 10240 else f"{kib / 1024:.1f} MB"
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print(f"Measured {started} on {cores} cores ({cpu}), load average {lb} before and {la} after"
      f"{', every command pinned to one core' if pinned == '1' else ''}.")
print("Median wall time of the whole process (hyperfine -N); peak resident memory (/usr/bin/time) below it.\n")
print("| input | " + " | ".join(label[t] for t in tools) + " | copycat ÷ git | copycat ÷ wc -w |")
print("|---" * (len(tools) + 3) + "|")
for size in sizes.split():
    d = root / size
    f = d / "hyperfine.json"
    if not f.exists():
        continue
    res = {r["command"]: r for r in json.loads(f.read_text())["results"]}
    med = {t: res[t]["median"] for t in tools if t in res}
    rss = {}
    for t in tools:
        p = d / f"{t}.rss"
        try:
            rss[t] = int(p.read_text().split()[-1])
        except (OSError, ValueError, IndexError):
            pass
    nbytes = (d / "a.txt").stat().st_size + (d / "b.txt").stat().st_size
    name = {"seed": "seed pair (000 vs 002)", "80k": "80 KB pair", "1m": "1 MB pair", "10m": "10 MB pair"}[size]
    cells = [ms(med[t]) if t in med else "–" for t in tools]
    r_git = f"{med['copycat'] / med['git']:.2f}" if "copycat" in med and "git" in med else "–"
    r_wc = f"{med['copycat'] / med['wc']:.1f}" if "copycat" in med and "wc" in med else "–"
    print(f"| {name}, {nbytes / 1e3:,.0f} KB | " + " | ".join(cells) + f" | {r_git} | {r_wc} |")
    print(f"| peak memory | " + " | ".join(mb(rss[t]) if t in rss else "–" for t in tools) + " | | |")
PY
