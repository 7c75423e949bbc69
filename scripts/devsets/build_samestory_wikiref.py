#!/usr/bin/env python3
"""Same story, different outlets: news articles cited by Wikipedia for one event (WikiRef220).

    build_samestory_wikiref.py --dir WIKIREF220_DIR --out-root /work/devsets [--n 40] [--seed 7]
        [--wordnet /usr/share/wordnet]

WIKIREF220_DIR holds the WikiRef220 news clustering set (Gialampoukidis et al. 2016): 220
articles from many outlets, each cited by the Wikipedia page of its event (MH370, the Paris
attacks of November 2015, the Samsung Galaxy S5, Michelle Obama, the Premier League, and a few
smaller topics), one file each, named `<topic>.<n>.txt` or `<topic> (<n>).txt`, title on the
first line. Files are decoded as UTF-8, else Windows-1252.

Sets written:
  samestory-wikiref        --n pairs of two articles on one event from different files (an article
                           may be in several pairs), 1-20 KB each, no shared
                           8-word sequence (quotes and wire copy shared by two outlets are reuse,
                           so such pairs are left out): independent reports, no links. Unlike
                           samestory-bbc, same-fact sentences are NOT marked related: every link
                           counts as a false alarm.
  samestory-wikiref-reuse  the first --n-reuse pairs with 1-2 passages of A put into B
                           (sametopic_reuse.py).
  samestory-wikiref-more   the next --n-more pairs of the same draw (none in samestory-wikiref),
                           no links, strict: more independent pairs, so that the few false links
                           the first set leaves show on a tune half too.
  samestory-wikiref-extra  the next --n-extra pairs of the same draw (in neither set before),
                           no links, strict: added in round 3 after the others' report halves
                           had been seen, so that a rule for them is chosen on pairs not
                           seen (its tune half) and checked on pairs not tuned on.
  samestory-wikiref-fresh  the next --n-fresh pairs of the same draw, no links, strict: added in
                           round 8, when false links were left on the report halves of -more
                           and -extra and on neither tune half, to find their kind on pairs
                           whose report halves had not been seen.
  samestory-wikiref-last   the rest of the draw (--n-last, 782 pairs: every independent pair of
                           the topics with >= 5 articles is then in one set), no links, strict:
                           added in round 9, when the false links left on same-story report
                           halves had no tune half that showed their kind.
About one independent pair in twenty gets a link from copycat 0.x: the set is large so that
false links show.
Sampling: per topic with >= 5 articles, candidate pairs in sorted order, shuffled with
random.Random(seed), taken round-robin over topics up to --n. Deterministic.
"""
import argparse
import os
import random
import re
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import SetWriter  # noqa: E402
from sametopic_reuse import independent, write_pairs  # noqa: E402


def read(path):
    b = open(path, "rb").read()
    try:
        t = b.decode("utf-8")
    except UnicodeDecodeError:
        t = b.decode("cp1252", errors="replace")
    t = t.replace("\r\n", "\n").replace("\r", "\n")
    t = "\n".join(l.rstrip() for l in t.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", t).strip() + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--out-root", required=True)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--n-reuse", type=int, default=40)
    ap.add_argument("--n-more", type=int, default=400)
    ap.add_argument("--n-extra", type=int, default=600)
    ap.add_argument("--n-fresh", type=int, default=1000)
    ap.add_argument("--n-last", type=int, default=782)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    args = ap.parse_args()
    by_topic = defaultdict(list)
    for f in sorted(os.listdir(args.dir)):
        topic = re.sub(r"(\.\d+| \(\d+\))\.txt$", "", f)
        t = read(os.path.join(args.dir, f))
        if 1000 <= len(t.encode()) <= 20000:
            by_topic[topic].append((re.sub(r"[^A-Za-z0-9.]+", "-", f.replace(" (", ".").replace(")", "")), t))
    queues = []
    for topic in sorted(by_topic):
        arts = by_topic[topic]
        if len(arts) < 5:
            continue
        cands = [(a, b) for i, a in enumerate(arts) for b in arts[i + 1:]]
        random.Random(f"{args.seed}-{topic}").shuffle(cands)
        queues.append([(topic, a, b) for a, b in cands])
    pairs = []
    total = args.n + args.n_more + args.n_extra + args.n_fresh + args.n_last
    while len(pairs) < total and any(queues):
        for q in queues:
            while q and len(pairs) < total:
                topic, (an, ta), (bn, tb) = q.pop()
                if not independent(ta, tb):
                    continue
                pairs.append((an, ta, bn, tb, {"topic": topic}))
                break
    meta = {"source": "WikiRef220 (news articles cited by Wikipedia, grouped by event)", "seed": args.seed,
            "a": "an article on the event", "b": "another outlet's article on the same event"}
    write_pairs(args.out_root, "samestory-wikiref", meta, pairs[:args.n], args.wordnet, args.seed, args.n_reuse)
    more = args.n + args.n_more
    extra = more + args.n_extra
    fresh = extra + args.n_fresh
    for name, chosen in (("samestory-wikiref-more", pairs[args.n:more]),
                         ("samestory-wikiref-extra", pairs[more:extra]),
                         ("samestory-wikiref-fresh", pairs[extra:fresh]),
                         ("samestory-wikiref-last", pairs[fresh:])):
        w = SetWriter(os.path.join(args.out_root, name), dict(meta, kind="independent, no reuse"))
        for an, ta, bn, tb, info in chosen:
            w.add_file(an, ta)
            w.add_file(bn, tb)
            w.add_pair(an, bn, [], **info)
        w.write()


if __name__ == "__main__":
    main()
