#!/usr/bin/env python3
"""Two texts that draw on one common source, for `compare --common`.

    build_common.py --out-root /work/devsets [--n 40] [--seed 41] [--wordnet /usr/share/wordnet]

Built from sametopic-answers (build it first, `build_answers.py`): its independent pairs (A, H)
of answers to one question, and as the common source C of each pair a ChatGPT answer to a
question of another course (4 sentences or more), a run of 2-3 of whose sentences (the first
and last of 5 words or more) is put into both texts at sentence boundaries (synth.assemble), as
two outlets quote one press release or rewrite one wire story:

  common-source        no reuse between the two texts given C: per pair, two variants,
                         quote   C's run verbatim in both;
                         reword  C's run in each reworded its own way (PAN-style random
                                 obfuscation at rate 0.15, synth.obfuscate, two seeds).
                       Every link between A and B is a false alarm once C is named.
  common-source-relay  B took A's text: A holds C's run heavily reworded (rate 0.35, A's own
                       wording) and B holds A's version of it verbatim; one gold case per
                       sentence, A's sentence -> B's (copied). What B has from A is A's
                       rewording, not C, and stays reuse when C is named.

Each pair names its common text in "common" (a file of the set's texts/); the runner passes it
as `--common` through `with-common` (see README.md). Deterministic.
"""
import argparse
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import SetWriter, char_to_byte, link, sentences  # noqa: E402
from synth import WordNet, assemble, obfuscate  # noqa: E402

# Fewest words of the first and last sentence of C's run (a heading line is no quotation).
MIN_RUN_WORDS = 5


def load(root):
    gold = json.load(open(os.path.join(root, "sametopic-answers", "gold.json"), encoding="utf-8"))
    texts = os.path.join(root, "sametopic-answers", "texts")
    read = lambda n: open(os.path.join(texts, n), encoding="utf-8").read()  # noqa: E731
    return gold["pairs"], read


def run_of(text, rng):
    """A run of 2-3 consecutive sentences of `text` whose ends have MIN_RUN_WORDS words, or None."""
    ss = sentences(text)
    ok = lambda i: len(text[ss[i][0]:ss[i][1]].split()) >= MIN_RUN_WORDS  # noqa: E731
    starts = [i for i in range(len(ss)) if ok(i)]
    rng.shuffle(starts)
    for s in starts:
        for m in (3, 2):
            if s + m <= len(ss) and ok(s + m - 1):
                return [ss[i] for i in range(s, s + m)]
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out-root", required=True, help="holds sametopic-answers; the sets are written here")
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=41)
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    args = ap.parse_args()
    pairs, read = load(args.out_root)
    wn = WordNet(args.wordnet)
    # Sources: ChatGPT answers of the set (one file per answer), by course.
    sources = sorted({(p["info"]["course"], n) for p in pairs for n in (p["a"], p["b"]) if "-gpt" in n})
    meta = {"source": "sametopic-answers (comnetsAD/ChatGPT), with a third answer as common source",
            "seed": args.seed}
    none = SetWriter(os.path.join(args.out_root, "common-source"),
                     dict(meta, kind="both texts draw on a common source, no reuse between them",
                          a="an answer with a passage of the common text in it",
                          b="another answer to the question, with the same passage in it"))
    relay = SetWriter(os.path.join(args.out_root, "common-source-relay"),
                      dict(meta, kind="B took A's rewording of the common source",
                           a="an answer with a passage of the common text reworded in it",
                           b="another answer to the question, with A's rewording in it"))
    made = 0
    for p in pairs:
        if made == args.n:
            break
        an, hn, course = p["a"], p["b"], p["info"]["course"]
        ta, th = read(an), read(hn)
        if len(sentences(ta)) < 2 or len(sentences(th)) < 2:
            continue
        rng = random.Random(f"{args.seed}-{an}-{hn}")
        others = [s for s in sources if s[0] != course]
        cn = others[rng.randrange(len(others))][1]
        tc = read(cn)
        run = run_of(tc, rng)
        if run is None or len(sentences(tc)) < 4:
            continue
        made += 1
        vocab = sorted({x.lower() for x in re.findall(r"[A-Za-z]{3,}", th + ta)})
        stem = lambda n: os.path.splitext(n)[0]  # noqa: E731
        piece = lambda rate, r: [(s, tc[s[0]:s[1]] if not rate else  # noqa: E731
                                  obfuscate(tc[s[0]:s[1]], r, rate, wn, vocab)) for s in run]
        for variant, rate in (("quote", 0.0), ("reword", 0.15)):
            a2, _ = assemble(ta, [piece(rate, random.Random(f"{args.seed}-{an}-a-{variant}"))], rng)
            b2, _ = assemble(th, [piece(rate, random.Random(f"{args.seed}-{hn}-b-{variant}"))], rng)
            na, nb = f"{stem(an)}-{variant}-{stem(cn)}.txt", f"{stem(hn)}-{variant}-{stem(cn)}.txt"
            none.add_file(cn, tc)
            none.add_file(na, a2)
            none.add_file(nb, b2)
            none.add_pair(na, nb, [], common=cn, variant=variant, course=course)
        # A rewords C its own way; B takes A's sentences as A wrote them.
        a2, res = assemble(ta, [piece(0.35, random.Random(f"{args.seed}-{an}-relay"))], rng)
        mine = [(bs, be) for _, bs, be in res]
        b2, res = assemble(th, [[(s, a2[s[0]:s[1]]) for s in mine]], rng)
        ca, cb = char_to_byte(a2), char_to_byte(b2)
        links = [link("copied", [ca(s), ca(e)], [cb(bs), cb(be)]) for (s, e), bs, be in res]
        na, nb = f"{stem(an)}-relay-{stem(cn)}.txt", f"{stem(hn)}-relay-{stem(cn)}.txt"
        relay.add_file(cn, tc)
        relay.add_file(na, a2)
        relay.add_file(nb, b2)
        relay.add_pair(na, nb, links, common=cn, course=course)
    none.write()
    relay.write()


if __name__ == "__main__":
    main()
