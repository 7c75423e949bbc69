#!/usr/bin/env bash
# Unpack the parts of the fetched repositories that the builders read.
#
#   prepare-sources.sh MIRROR_ROOT DEST
#
# MIRROR_ROOT holds one git directory (bare, or a clone) per repository, named owner+name
# (what the session's `fetch github:owner/name` gives: MIRROR_ROOT/owner+name/repo[/.git]);
# a plain `git clone https://github.com/owner/name MIRROR_ROOT/owner+name/repo` works too.
# FOLDOC comes from Debian's dict-foldoc package (FOLDOC=DIR if its files are not in
# /usr/share/dictd). Only the files listed here are unpacked. Held-out material is never unpacked: PAN 2013
# 02-no-obfuscation and the test corpus (data/test_corpus), the MSRP test split, KJV/WEB.
set -euo pipefail
M="${1:?usage: prepare-sources.sh MIRROR_ROOT DEST}"; D="${2:?DEST}"
gitdir() {  # owner+name -> git dir
  local r="$M/$1/repo"
  if [ -d "$r/.git" ]; then echo "$r/.git"; elif [ -d "$r" ]; then echo "$r"; else
    echo "missing $r (fetch github:${1/+//} first)" >&2; return 1; fi
}
mkdir -p "$D"

# PAN 2013 text alignment training corpus (pan13-text-alignment-training-corpus-2013-01-21)
g="$(gitdir ArijanaBrlek+PlagiarismDetection)"
rm -rf "$D/pan13-train" "$D/.pan13tmp"; mkdir -p "$D/.pan13tmp"
git --git-dir="$g" archive HEAD data/train_corpus/src data/train_corpus/susp \
  data/train_corpus/01-no-plagiarism data/train_corpus/03-random-obfuscation \
  data/train_corpus/04-translation-obfuscation data/train_corpus/05-summary-obfuscation \
  | tar -x -C "$D/.pan13tmp"
mv "$D/.pan13tmp/data/train_corpus" "$D/pan13-train"; rm -rf "$D/.pan13tmp"

# MSRP, train split only
g="$(gitdir Pzeyang+Paraphrase_Identification)"
mkdir -p "$D/msrp"; git --git-dir="$g" show HEAD:msr_paraphrase_train.txt > "$D/msrp/msr_paraphrase_train.txt"

# New Testament translations (verse-per-row CSV), public domain
g="$(gitdir scrollmapper+bible_databases)"
mkdir -p "$D/bible"
for t in Noyes Twenty; do git --git-dir="$g" show "HEAD:formats/csv/$t.csv" > "$D/bible/$t.csv"; done

# BBC News Summary (articles + extractive summaries)
g="$(gitdir Miguel-G-Soares+PRI_proj1)"
rm -rf "$D/bbc-news-summary"
git --git-dir="$g" archive HEAD "BBC News Summary" | tar -x -C "$D"
mv "$D/BBC News Summary" "$D/bbc-news-summary"
# CNN / Daily Mail: 100 training rows (id, article, highlights) in a zipped CSV
g="$(gitdir EileenFeng+Text-Summarization-NLP)"
mkdir -p "$D/cnndm"; git --git-dir="$g" show HEAD:data/train_sample.zip > "$D/cnndm/train_sample.zip"
(cd "$D/cnndm" && unzip -o -q train_sample.zip train_sample.csv)

# WikiRef220: news articles cited by Wikipedia, grouped by event (different outlets)
g="$(gitdir dpacassi+dynamic-event-detection-in-data-streams)"
rm -rf "$D/wikiref"; mkdir -p "$D/wikiref"
git --git-dir="$g" archive HEAD app/data_processing/test_data/wikiref/WikiRef220 \
  | tar -x -C "$D/wikiref" --strip-components=4

# arXiv metadata (titles and abstracts of ~1,500 papers, April 2007)
g="$(gitdir gechhai+Topic_Discovery)"
mkdir -p "$D/arxiv"; git --git-dir="$g" show HEAD:arxiv_data.csv > "$D/arxiv/arxiv_data.csv"
# Definitions of one term from two sources: Wikipedia leads and PlanetMath entries
g="$(gitdir lab156+definition-term-pairs-dataset)"
rm -rf "$D/defs"; mkdir -p "$D/defs"
git --git-dir="$g" archive HEAD wikipedia/wiki_definitions_improved.xml.gz \
  planetmath/planetmath_definitions.xml.gz | tar -x -C "$D/defs"
# CL-SciSumm 2018 (CC BY 4.0): ACL papers grouped by the paper they cite, sentence XML. Read
# file by file: `git archive` stops at blobs of the repository's later evaluation runs that a
# shallow snapshot may lack.
g="$(gitdir WING-NUS+scisumm-corpus)"
rm -rf "$D/scisumm"; mkdir -p "$D/scisumm"
git --git-dir="$g" ls-tree -r --name-only HEAD data/Training-Set-2018 data/Test-Set-2018 \
  | grep -E '/(Citance|Reference)_XML/[^/]+[.]xml$' | while IFS= read -r p; do
    out="$D/scisumm/${p#data/}"; mkdir -p "$(dirname "$out")"
    git --git-dir="$g" show "HEAD:$p" > "$out"
  done
# Students' and ChatGPT's answers to university course questions, and QuillBot paraphrases of
# the ChatGPT answers (Ibrahim et al. 2023, Scientific Reports 13).
g="$(gitdir comnetsAD+ChatGPT)"
rm -rf "$D/chatgpt"; mkdir -p "$D/chatgpt"
git --git-dir="$g" archive HEAD "Student and GPT Responses" "QuillBot Output" | tar -x -C "$D/chatgpt"
# FOLDOC (Free On-line Dictionary of Computing) in dictd form: Debian's dict-foldoc package
# (apt-get install dict-foldoc), not a repository.
mkdir -p "$D/foldoc"; cp "${FOLDOC:-/usr/share/dictd}"/foldoc.index "${FOLDOC:-/usr/share/dictd}"/foldoc.dict.dz "$D/foldoc/"
echo "sources unpacked in $D"
