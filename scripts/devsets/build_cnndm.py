#!/usr/bin/env python3
"""Summaries beyond PAN: news articles and their human highlights (CNN / Daily Mail).

    build_cnndm.py --csv CNNDM_CSV --out-root /work/devsets [--n 60]

CNNDM_CSV has the columns id, article, highlights (the Hugging Face / Kaggle export of the
CNN / Daily Mail summarisation corpus, See et al. 2017; training rows only). A is the article
(its Daily Mail byline/date preamble `By . … UPDATED: . hh:mm EST, d Month yyyy .` and the CNN
dateline `(CNN) --` removed, sentences in paragraphs of three), B the highlights, one
paragraph each (the editors' bullet points: they lift and condense the article's sentences).

Gold rule (decided here; the corpus has no alignment): for each highlight, the article
sentence sharing the most content words with it in order (LCS of content words, stop words
dropped) is its source when that LCS holds at least 4 words and at least half of the
highlight's content words: a gold case, `copied` when the 70%-in-order rule says so, else
`reworded`. A highlight whose best sentence shares 2-3 words in order, or less than half, is
`related` to it (neither required nor penalised: a highlight drawing on several sentences, or
restating a fact in new words). When two or more sentences tie for the best LCS (articles repeat
themselves in captions), the source is ambiguous and each of them is `related`. A second sentence that explains at least 3 more of the
highlight's content words in order is `related` too. Other highlights have no link.
Pairs: the first `--n` rows (in file order) whose article is 1-20 KB and that have at least one
gold case. Deterministic.
"""
import argparse
import csv
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import SetWriter, char_to_byte, content_words, kind_by_overlap, lcs_len, link, sentences  # noqa: E402

PREAMBLE = re.compile(r"^(?:By \. .*?UPDATED: \. \d\d:\d\d EST, \d+ \w+ \d{4} \. |"
                      r"(?:[A-Z][A-Za-z ,.]*)?\(CNN\)\s*--\s*)")


def tidy(s: str) -> str:
    """The corpus' tokenised spacing (` .`, `( pictured )`) back to prose."""
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\s+([.,;:!?])", r"\1", s)
    return s


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--csv", required=True)
    ap.add_argument("--out-root", required=True)
    ap.add_argument("--n", type=int, default=60)
    args = ap.parse_args()
    csv.field_size_limit(10 ** 8)
    w = SetWriter(os.path.join(args.out_root, "cnndm-highlights"), {
        "source": "CNN / Daily Mail training rows (article, highlights)", "a": "article",
        "b": "its highlights, one per paragraph",
        "rule": "best article sentence by content-word LCS >= 4 and >= 50% of the highlight"})
    seen = 0
    for row in csv.DictReader(open(args.csv, encoding="utf-8", newline="")):
        if seen >= args.n:
            break
        art = tidy(PREAMBLE.sub("", row["article"].strip()))
        if not 1000 <= len(art.encode()) <= 20000:
            continue
        sents = [art[s:e] for s, e in sentences(art)]
        paras = [" ".join(sents[i:i + 3]) for i in range(0, len(sents), 3)]
        ta = "\n\n".join(paras) + "\n"
        highs = [tidy(h) for h in row["highlights"].split("\n") if h.strip()]
        highs = [h if re.search(r"[.!?]$", h) else h + "." for h in highs]
        tb = "\n\n".join(highs) + "\n"
        sa = sentences(ta)
        ca = [content_words(ta[s:e]) for s, e in sa]
        ba, bb = char_to_byte(ta), char_to_byte(tb)
        links, pos = [], 0
        for h in highs:
            hs = tb.index(h, pos)
            pos = hs + len(h)
            ch = content_words(h)
            if not ch:
                continue
            scores = sorted(((lcs_len(c, ch), -k) for k, c in enumerate(ca)), reverse=True)
            best, k = scores[0][0], -scores[0][1]
            span_a = [ba(sa[k][0]), ba(sa[k][1])]
            span_b = [bb(hs), bb(hs + len(h))]
            # Articles repeat themselves (a caption restating the text): when another
            # sentence explains the highlight as well, the source is ambiguous and every
            # such sentence is `related`.
            ties = [-j for n, j in scores[1:] if n == best]
            if best >= 2 and ties:
                for j in [k] + ties:
                    links.append(link("related", [ba(sa[j][0]), ba(sa[j][1])], span_b, lcs=best, tie=True))
                continue
            if best >= 4 and best >= 0.5 * len(ch):
                links.append(link(kind_by_overlap(ta[sa[k][0]:sa[k][1]], h), span_a, span_b, lcs=best))
            elif best >= 2:
                links.append(link("related", span_a, span_b, lcs=best))
            if best >= 2:
                # What the best sentence leaves unexplained, found in another one.
                used = set(content_words(ta[sa[k][0]:sa[k][1]]))
                rest = [x for x in ch if x not in used]
                for j, c in enumerate(ca):
                    if j != k and lcs_len(c, rest) >= 3:
                        links.append(link("related", [ba(sa[j][0]), ba(sa[j][1])], span_b, second=True))
        if not any(l["kind"] != "related" for l in links):
            continue
        seen += 1
        name = row["id"][:12]
        w.add_file(f"{name}-article.txt", ta)
        w.add_file(f"{name}-highlights.txt", tb)
        w.add_pair(f"{name}-article.txt", f"{name}-highlights.txt", links, id=row["id"])
    w.write()


if __name__ == "__main__":
    main()
