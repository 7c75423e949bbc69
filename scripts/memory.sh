#!/usr/bin/env bash
# Peak memory (maximum resident set size, from /usr/bin/time -v) of `list`,
# `compare` and the reader on the pathological input shapes, against the
# bound the README promises: 30 times the input bytes plus a small constant.
#
#   scripts/memory.sh              # shapes of 7,000,000 bytes (a few minutes)
#   SIZE=1000000 scripts/memory.sh # smaller shapes
#   READER=0 scripts/memory.sh     # skip the reader (needs tmux)
#
# The reader runs in a detached tmux window: it is opened on the pair, waits
# until the pair is aligned and drawn, is resized three times (each resize
# lays the pair out again), and quits with q. The inputs are written by
# scripts/memory-shapes.py (fixed seeds) into $OUT (default a temp folder).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE="${SIZE:-7000000}"
OUT="${OUT:-$(mktemp -d)}"
READER="${READER:-1}"
BIN="${BIN:-target/release/copycat}"
# The constant of the bound: what copycat needs for nothing at all (the
# binary, the bundled articles, the terminal), rounded up.
BASE_KB="${BASE_KB:-20000}"

[ -x "$BIN" ] || cargo build --release >&2
python3 scripts/memory-shapes.py "$OUT" "$SIZE"

peak_kb() { sed -n 's/.*Maximum resident set size (kbytes): //p' "$1"; }

bytes_of() {
    local n=0
    for f in "$@"; do n=$((n + $(stat -c %s "$f"))); done
    echo "$n"
}

row() { # what, input bytes, peak kB, exit status
    local what=$1 input=$2 kb=$3 status=$4
    local bound=$((input * 30 / 1024 + BASE_KB))
    local per
    per=$(awk -v k="$kb" -v b="$input" 'BEGIN { printf "%.1f", k * 1024 / b }')
    local verdict=ok
    [ "$kb" -le "$bound" ] || verdict=OVER
    printf '%-34s %10s %9s MB %6s× %9s MB  %s (exit %s)\n' "$what" "$input" \
        "$((kb / 1024))" "$per" "$((bound / 1024))" "$verdict" "$status"
}

measure() { # label, command…
    local label=$1
    shift
    local log
    log=$(mktemp)
    local status=0
    /usr/bin/time -v -o "$log" "$@" >/dev/null 2>&1 || status=$?
    echo "$(peak_kb "$log") $status"
    rm -f "$log"
}

reader() { # files…
    local log
    log=$(mktemp)
    local session="copycat-mem-$$"
    tmux new-session -d -s "$session" -x 160 -y 45 \
        "/usr/bin/time -v -o $log $BIN --no-color $* ; sleep 1"
    # Aligned and drawn: the status line shows the shares.
    local waited=0
    until tmux capture-pane -p -t "$session" 2>/dev/null | grep -q "B copied"; do
        sleep 1
        waited=$((waited + 1))
        if [ "$waited" -ge 1800 ]; then
            echo "reader: not aligned after 30 minutes" >&2
            break
        fi
    done
    for size in "100 30" "220 60" "160 45"; do
        # shellcheck disable=SC2086
        tmux resize-window -t "$session" -x ${size% *} -y ${size#* }
        sleep 3
    done
    tmux send-keys -t "$session" q
    waited=0
    until [ -s "$log" ] && grep -q "Exit status" "$log"; do
        sleep 1
        waited=$((waited + 1))
        [ "$waited" -lt 600 ] || { echo "reader: no exit after q" >&2; break; }
    done
    tmux kill-session -t "$session" 2>/dev/null || true
    echo "$(peak_kb "$log") $(sed -n 's/.*Exit status: //p' "$log")"
    rm -f "$log"
}

printf '%-34s %10s %12s %7s %12s\n' "shape and command" "input B" "peak RSS" "ratio" "bound"
shapes=(
    "one-letter lines|letters-a.txt letters-b.txt"
    "one huge word|word.txt other.txt"
    "near-identical 1 MB pair|near-a.txt near-b.txt"
    "re-translation|trans-a.txt trans-b.txt"
)
for s in "${shapes[@]}"; do
    name=${s%%|*}
    read -r -a files <<<"${s#*|}"
    paths=("${files[@]/#/$OUT/}")
    input=$(bytes_of "${paths[@]}")
    read -r kb st < <(measure list "$BIN" list "${paths[@]}")
    row "$name: list" "$input" "$kb" "$st"
    read -r kb st < <(measure compare "$BIN" compare "${paths[@]}")
    row "$name: compare" "$input" "$kb" "$st"
    read -r kb st < <(measure json "$BIN" compare -f json "${paths[@]}")
    row "$name: compare -f json" "$input" "$kb" "$st"
    if [ "$READER" = 1 ]; then
        read -r kb st < <(reader "${paths[@]}")
        row "$name: reader + 3 resizes" "$input" "$kb" "$st"
    fi
done
