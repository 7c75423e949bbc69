#!/usr/bin/env bash
# Rebuild every development set.
#
#   build-all.sh SRC_ROOT OUT_ROOT [REPO]
#
# SRC_ROOT: what prepare-sources.sh unpacked (pan13-train/, msrp/, bible/, bbc-news-summary/,
#           cnndm/, wikiref/, arxiv/, defs/, foldoc/,
#           scisumm/, chatgpt/).
# OUT_ROOT: where the sets go (default layout: OUT_ROOT/<set>/texts + gold.json).
# REPO: the copycat checkout, for the synthetic set's inputs (benches/data/prose-*.txt);
#       default: two levels above this script (scripts/devsets/ in the repo).
# Everything is deterministic (fixed seeds); rerunning gives the same bytes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
S="${1:?usage: build-all.sh SRC_ROOT OUT_ROOT [REPO]}"; O="${2:?OUT_ROOT}"
R="${3:-$(cd "$here/../.." && pwd)}"
py() { python3 "$here/$@"; }
py build_pan13.py --corpus "$S/pan13-train" --out-root "$O" --n-extra 100
py build_verbatim_ocr.py --corpus "$S/pan13-train" --out-root "$O"
py build_ocr_sametopic.py --corpus "$S/pan13-train" --out-root "$O"
py build_sametopic_pan13.py --corpus "$S/pan13-train" --out-root "$O"
py build_msrp.py --msrp "$S/msrp/msr_paraphrase_train.txt" --out-root "$O"
py build_bible_nt.py --csv-dir "$S/bible" --out-root "$O"
py build_bbc.py --bbc "$S/bbc-news-summary" --out-root "$O"
py synth.py --a "$R/benches/data/prose-a.txt" --host "$R/benches/data/prose-new.txt" --out "$O/synth"
py build_cnndm.py --csv "$S/cnndm/train_sample.csv" --out-root "$O"
py build_samestory_wikiref.py --dir "$S/wikiref/WikiRef220" --out-root "$O"
py build_sametopic_abstracts.py --csv "$S/arxiv/arxiv_data.csv" --out-root "$O"
py build_sametopic_definitions.py --defs "$S/defs" --foldoc "$S/foldoc" --out-root "$O"
# Manual pages of Debian 12 (apt-get install manpages-dev perl-doc python3-doc), read in place.
py build_sametopic_manpages.py --out-root "$O"
# Guides of Debian 12 (apt-get install python3-doc perl-doc manpages grep sed coreutils diffutils).
py build_sametopic_guides.py --out-root "$O"
# A short explanation (FOLDOC, Wikipedia) against a long guide on its subject.
py build_sametopic_shortlong.py --defs "$S/defs" --foldoc "$S/foldoc" --out-root "$O"
# Two papers citing one paper (CL-SciSumm), and their reuse counterparts.
py build_sametopic_papers.py --dir "$S/scisumm" --out-root "$O"
# Answers to one question written apart, and answers put through a paraphrasing tool.
py build_answers.py --src "$S/chatgpt" --out-root "$O"
# Two answers that each draw on a third text, for `compare --common` (built from sametopic-answers).
py build_common.py --out-root "$O"
py check_gold.py "$O"
py halves.py "$O"
