#!/usr/bin/env python3
"""A short explanation of a subject against a long text on it, written independently.

    build_sametopic_shortlong.py --defs DEFS_DIR --foldoc FOLDOC_DIR --out-root /work/devsets
        [--n-reuse 20] [--seed 29] [--man ...] [--pod ...] [--rst ...] [--info ...]

The shape of a student's answer checked against the encyclopaedia article on its subject: B is
a short text (60-500 words) explaining a subject in its own words, A a long guide to the same
subject (hundreds to thousands of words) that B's writer never saw. B is mostly a quarter of
A's length or less (48 of the 62 pairs) and every sentence of it is about A's subject: the case
where a rule that reads a short text as a summary of a long one (most of its sentences match
something) would link an independent answer. The other same-topic sets pair texts of like
length.

B: FOLDOC entries (Debian `dict-foldoc`) and Wikipedia's definition of a term
(lab156/definition-term-pairs-dataset), chosen by hand for the guides' subjects (SHORT).
A: the guides of build_sametopic_guides.py (Python's HOWTOs and tutorial, Perl's tutorials,
man-pages section 7, GNU info manuals). Every short text is paired with every guide on its
subject; pairs sharing an 8-word sequence are left out. Sets written:
  sametopic-shortlong        the pairs, no links (strict: every link is a false alarm);
  sametopic-shortlong-reuse  the first --n-reuse pairs with 1-2 runs of the guide's sentences
                             put into the short text, verbatim or reworded (sametopic_reuse.py):
                             an answer that lifts from its source. Deterministic.
"""
import argparse
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_sametopic_definitions import load as load_definitions  # noqa: E402
from build_sametopic_guides import SUBJECTS, add_guide_args, guide_texts  # noqa: E402
from sametopic_reuse import independent, write_pairs  # noqa: E402

# subject (a key of the guides' SUBJECTS) -> [(source, term)]. Chosen by reading the entries: a
# term whose entry explains the subject the guides teach (FOLDOC's `signal` and `thread` are a
# line each, too short to be an answer; its `function` is mostly the mathematical one).
SHORT = {
    "regular-expressions": [("foldoc", "regular expression"), ("wikipedia", "regular expression")],
    "unicode": [("foldoc", "unicode"), ("foldoc", "utf-8")],
    "sockets": [("foldoc", "socket")],
    "pipes": [("foldoc", "pipe")],
    "classes-and-objects": [("foldoc", "class"), ("foldoc", "object-oriented programming"),
                            ("foldoc", "inheritance"), ("foldoc", "method")],
    "data-structures": [("foldoc", "array"), ("foldoc", "list"), ("foldoc", "hash table")],
    "files-and-io": [("foldoc", "file"), ("foldoc", "input/output")],
    "modules": [("foldoc", "module")],
    "debugging": [("foldoc", "debugger"), ("foldoc", "debugging")],
    "subroutines": [("foldoc", "subroutine")],
    "sorting": [("foldoc", "sorting")],
    "comparing-files": [("foldoc", "diff")],
    "filename-patterns": [("foldoc", "glob")],
    "character-sets": [("foldoc", "character set"), ("foldoc", "ascii"), ("foldoc", "character encoding")],
}
MIN_WORDS, MAX_WORDS = 60, 500


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--defs", required=True)
    ap.add_argument("--foldoc", required=True)
    add_guide_args(ap, seed=29)
    args = ap.parse_args()
    defs = load_definitions(args)
    guides = guide_texts(args)
    slug = lambda s: re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")[:60]
    pairs = []
    for subject, terms in SHORT.items():
        assert subject in SUBJECTS, subject
        for source, term in terms:
            if term not in defs[source]:
                print(f"  no {source} entry {term!r}, left out", file=sys.stderr)
                continue
            title, body = defs[source][term]
            if not MIN_WORDS <= len(body.split()) <= MAX_WORDS:
                print(f"  {source} {term!r}: {len(body.split())} words, left out", file=sys.stderr)
                continue
            short = f"{title}\n\n{body}\n"
            for (s, project), long in sorted(guides.items()):
                if s != subject:
                    continue
                if not independent(long, short, 8):
                    print(f"  {source} {term!r} / {project}: share an 8-word sequence, left out", file=sys.stderr)
                    continue
                pairs.append((f"{project}-{subject}.txt", long, f"{source}-{slug(term)}.txt", short,
                              {"subject": subject, "sources": [project, source], "term": term}))
    random.Random(args.seed).shuffle(pairs)
    print(f"{len(pairs)} pairs", file=sys.stderr)
    meta = {"source": "FOLDOC (dict-foldoc) and Wikipedia definitions (lab156/definition-term-pairs-dataset) "
                      "against the guides of build_sametopic_guides.py (Debian 12 python3-doc, perl-doc, "
                      "manpages, grep, sed, coreutils, diffutils)",
            "seed": args.seed, "a": "a long guide to a subject", "b": "a short explanation of it, written apart"}
    write_pairs(args.out_root, "sametopic-shortlong", meta, pairs, args.wordnet, args.seed, args.n_reuse)


if __name__ == "__main__":
    main()
