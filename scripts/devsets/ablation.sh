#!/usr/bin/env bash
# What each kind of evidence earns: score the aligner on every development set with all
# evidence, then with each one switched off (align::Evidence::without).
#
#   ablation.sh BINARY [SET...]
#
# BINARY is copycat (target/release/copycat); each run passes the hidden
# `compare --ablate LIST` flag naming the evidence switched off (the default options read
# no environment variable).
#
# Prints, per set, passages plagdet (PAN-style gold), links F1 and the kind accuracy of
# links for each run, on the report halves (HALVES=report), and false alarms on sets without reuse.
# Env as for run-all.sh. About four times run-all.sh's time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="${1:?usage: ablation.sh BINARY [SET...]}"; shift
keep="$(mktemp -d)"; trap 'rm -rf "$keep"' EXIT
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
for off in none synonyms runs letters edges reuse summaries; do
  # run-all.sh appends "compare --format json A B"; the wrapper adds the flag.
  w="$keep/tool-$off"; printf '#!/bin/sh\nexec %q "$@" --ablate %q\n' "$bin" "$off" > "$w"; chmod +x "$w"
  HALVES=report KEEP="$keep/$off" "$here/run-all.sh" "$w" "$@" > /dev/null
done
python3 - "$keep" <<'PY'
import json, os, sys
keep = sys.argv[1]
runs = ["none", "synonyms", "runs", "letters", "edges", "reuse", "summaries"]
def load(run, s, d):
    try:
        txt = open(os.path.join(keep, run, f"{s}.report.{d}.json")).read()
        j = json.loads(txt[:txt.rindex("\nplagdet ")])
    except (OSError, ValueError):
        return None
    return j if any(r["cases"] for r in j["pairs"]) else None
sets = sorted({f.split(".")[0] for f in os.listdir(os.path.join(keep, "none"))})
def alarms(run, s):
    try:
        txt = open(os.path.join(keep, run, f"{s}.report.links.json")).read()
        j = json.loads(txt[:txt.rindex("\nplagdet ")])
    except (OSError, ValueError):
        return None
    return None if any(r["cases"] for r in j["pairs"]) else j["false_alarms"]
head = "all evidence", "no synonyms", "no runs", "no letters", "no edges", "no reuse", "no summaries"
print(f'{"set":22} {"score":16} ' + " ".join(f"{h:>12}" for h in head))
for s in sets:
    for d, key, name in (("passages", "plagdet", "passages plagdet"), ("links", "link_f1", "links F1"),
                         ("links", "kind_acc", "links kind acc")):
        vals = [load(r, s, d) for r in runs]
        if vals[0] is None:
            continue
        cells = [f'{v["macro"][key]:12.3f}' if v else f'{"-":>12}' for v in vals]
        print(f"{s:22} {name:16} " + " ".join(cells))
    fa = [alarms(r, s) for r in runs]
    if fa[0] is not None:
        print(f'{s:22} {"false alarms":16} ' + " ".join(f"{v:12d}" if v is not None else f'{"-":>12}' for v in fa))
PY
