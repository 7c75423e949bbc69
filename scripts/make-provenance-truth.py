#!/usr/bin/env python3
"""Build a truth set of pairs whose direction is known (source -> copy), for
`examples/corpus_provenance.rs`: does `copycat rank` orient them the right
way, the wrong way, or say it cannot tell?

    python3 scripts/make-provenance-truth.py SRC OUT [--seed 5]

SRC is the folder `scripts/devsets/prepare-sources.sh` unpacks; nothing is
fetched here and nothing built is committed. OUT gets two folders, `dev`
(for tuning) and `test` (for reporting), split by source document, each
with its documents and a `truth.json`:
{"directed": [{"source", "copy", "kind"}]}.

Pairs:

- `pan-random`, `pan-translation`, `pan-summary`: PAN 2013 text-alignment
  *training* corpus, categories 03, 04 and 05 (never 02-no-obfuscation,
  never a test corpus): the source document and the suspicious document
  that took passages from it. The suspicious document is the copy.
- Rewrites made here of BBC articles (the article is the source, dated
  before its rewrite; no date is written in either file, so only the text
  can tell). One kind per article, in turn:
  `summary` (the dataset's own extractive summary), `trim-end` (the last
  third or so of the paragraphs cut), `trim-across` (two or three
  paragraphs cut from across the article), `condense` (about half the
  sentences kept, from across the article), `expand-end` (one or two
  paragraphs of another article added at the end), `expand-start` (one
  added before the first), `expand-middle` (one or two inserted inside),
  `expand-woven` (three inserted in three places), `reworded` (every
  sentence lightly reworded: words swapped for synonyms, a clause dropped),
  `attributed` (a trim whose first paragraph says `the BBC reported`; the
  source's file name names the BBC, and only this kind's sources are named
  for an outlet).

Expansions are the hard case for containment: all of the source is inside
the copy, as all of a trimmed copy is inside its source. They are here so
that the figures count them; `expand-sentences` mirrors `condense` exactly
(sentences more inside paragraphs, instead of fewer), which no rule reading
the texts alone can tell apart.
"""

import argparse
import glob
import hashlib
import json
import os
import random
import re
import sys
import xml.etree.ElementTree as ET

PAN_CATS = {
    "03-random-obfuscation": "pan-random",
    "04-translation-obfuscation": "pan-translation",
    "05-summary-obfuscation": "pan-summary",
}
MAX_BYTES = 50_000
KINDS = ["summary", "trim-end", "trim-across", "condense", "expand-end", "expand-start",
         "expand-middle", "expand-woven", "expand-sentences", "reworded", "attributed"]
SYNONYMS = {"said": "stated", "big": "large", "also": "as well", "but": "yet", "people": "persons",
            "about": "around", "show": "indicate", "buy": "purchase", "help": "assist",
            "start": "begin", "end": "finish", "rise": "increase", "fall": "decline",
            "told": "informed", "new": "fresh", "firm": "company", "expected": "anticipated",
            "major": "key", "increase": "rise", "because": "as", "however": "but",
            "many": "numerous", "quickly": "rapidly", "government": "administration",
            "country": "nation", "public": "general", "plans": "proposals", "added": "went on"}


def half_of(name):
    """`dev` or `test`, fixed by the name alone."""
    return "dev" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "test"


def read(path):
    with open(path, "rb") as f:
        return f.read()


def paragraphs(text):
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def sentences(par):
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", par) if s.strip()]


def reword(sentence, rng):
    words = sentence.split(" ")
    for i, w in enumerate(words):
        core = w.strip(".,;:!?\"'").lower()
        if core in SYNONYMS and rng.random() < 0.8:
            words[i] = w.replace(core, SYNONYMS[core]) if w.islower() else w
    out = " ".join(words)
    # Drop a clause set off by commas, now and then.
    m = re.search(r", (which|who|while|although)[^,]*,", out)
    if m and rng.random() < 0.5:
        out = out[:m.start()] + out[m.end() - 1:]
    return out


def rewrite(kind, title, paras, summary, other_paras, rng):
    body = list(paras)
    if kind == "summary":
        return summary
    if kind in ("trim-end", "attributed"):
        keep = max(2, len(body) - max(1, len(body) // 3))
        body = body[:keep]
        if kind == "attributed":
            body[0] = "The BBC reported that " + body[0][0].lower() + body[0][1:]
    elif kind == "trim-across":
        n = min(3, max(1, len(body) - 3))
        cut = set(rng.sample(range(1, len(body)), n)) if len(body) > 3 else {len(body) - 1}
        body = [p for i, p in enumerate(body) if i not in cut]
    elif kind == "condense":
        out = []
        for p in body:
            ss = sentences(p)
            kept = [s for i, s in enumerate(ss) if i == 0 or rng.random() < 0.4]
            if kept and (p is body[0] or rng.random() < 0.7):
                out.append(" ".join(kept))
        body = out
    elif kind == "expand-end":
        body = body + rng.sample(other_paras, rng.randint(1, 2))
    elif kind == "expand-start":
        body = [rng.choice(other_paras)] + body
    elif kind == "expand-middle":
        for p in rng.sample(other_paras, rng.randint(1, 2)):
            body.insert(rng.randrange(1, len(body)), p)
    elif kind == "expand-woven":
        add = rng.sample(other_paras, 3)
        slots = sorted(rng.sample(range(1, len(body)), min(3, len(body) - 1)))
        for p, at in reversed(list(zip(add, slots))):
            body.insert(at, p)
    elif kind == "expand-sentences":
        # A sentence of another article woven into each of three paragraphs.
        extra = [x for q in rng.sample(other_paras, 3) for x in sentences(q)[:1]]
        at = rng.sample(range(len(body)), min(3, len(body)))
        for k, x in zip(at, extra):
            ss = sentences(body[k])
            ss.insert(rng.randrange(1, len(ss) + 1), x)
            body[k] = " ".join(ss)
    elif kind == "reworded":
        body = [" ".join(reword(s, rng) for s in sentences(p)) for p in body]
    return (title + "\n\n" + "\n\n".join(body) + "\n").encode()


def bbc(src, rng, per_half):
    root = os.path.join(src, "bbc-news-summary")
    arts = sorted(glob.glob(os.path.join(root, "News Articles", "*", "*.txt")))
    rng.shuffle(arts)
    # Paragraphs to add: from articles used for nothing else.
    pool_arts = arts[-300:]
    other = []
    for p in pool_arts:
        other.extend(q for q in paragraphs(read(p).decode("utf-8", "replace"))[1:] if len(q.split()) >= 30)
    docs = {"dev": {}, "test": {}}
    pairs = {"dev": [], "test": []}
    counts = {"dev": 0, "test": 0}
    for p in arts[:-300]:
        cat = p.split(os.sep)[-2]
        num = os.path.basename(p)[:-4]
        # Only the source of an attributed copy is named for its outlet
        # (`bbc-…`: copycat takes the outlet from the file name): a copy
        # keeping the source's `told the BBC` would otherwise name it by
        # chance.
        name = f"news-{cat}-{num}.txt"
        h = half_of(name)
        if counts[h] >= per_half:
            continue
        text = read(p).decode("utf-8", "replace")
        ps = paragraphs(text)
        if len(ps) < 6:
            continue
        title, body = ps[0], ps[1:]
        kind = KINDS[counts[h] % len(KINDS)]
        counts[h] += 1
        if kind == "attributed":
            name = f"bbc-{cat}-{num}.txt"
        summary = read(os.path.join(root, "Summaries", cat, num + ".txt"))
        copy = rewrite(kind, title, body, summary, other, rng)
        docs[h][name] = text.encode()
        cname = f"rw-{kind}-{cat}-{num}.txt"
        docs[h][cname] = copy
        pairs[h].append((name, cname, kind))
    return docs, pairs


def pan(src, per_half):
    root = os.path.join(src, "pan13-train")
    docs = {"dev": {}, "test": {}}
    pairs = {"dev": [], "test": []}
    taken = {("dev", k): 0 for k in PAN_CATS.values()}
    taken.update({("test", k): 0 for k in PAN_CATS.values()})
    for cat, kind in PAN_CATS.items():
        for x in sorted(glob.glob(os.path.join(root, cat, "*.xml"))):
            t = ET.parse(x).getroot()
            susp = t.get("reference")
            srcs = sorted({f.get("source_reference") for f in t.iter("feature")
                           if f.get("name") == "plagiarism" and f.get("source_reference")})
            if not srcs:
                continue
            h = half_of(susp)
            if taken[(h, kind)] >= per_half:
                continue
            files = [os.path.join(root, "susp", susp)] + [os.path.join(root, "src", s) for s in srcs]
            blobs = [read(f) for f in files]
            if any(len(b) > MAX_BYTES or b"\0" in b for b in blobs):
                continue
            # A source in both halves would tie them: keep each source in one.
            if any(half_of(s) != h for s in srcs):
                continue
            taken[(h, kind)] += 1
            docs[h]["pan-" + susp] = blobs[0]
            for s, b in zip(srcs, blobs[1:]):
                docs[h]["pan-" + s] = b
                pairs[h].append(("pan-" + s, "pan-" + susp, kind))
    return docs, pairs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--bbc-per-half", type=int, default=200)
    ap.add_argument("--pan-per-category", type=int, default=25)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    bdocs, bpairs = bbc(args.src, rng, args.bbc_per_half)
    pdocs, ppairs = pan(args.src, args.pan_per_category)
    for h in ("dev", "test"):
        out = os.path.join(args.out, h)
        os.makedirs(out, exist_ok=True)
        for old in glob.glob(os.path.join(out, "*.txt")):
            os.remove(old)
        docs = {**bdocs[h], **pdocs[h]}
        for name, b in sorted(docs.items()):
            with open(os.path.join(out, name), "wb") as f:
                f.write(b)
        directed = [{"source": s, "copy": c, "kind": k} for s, c, k in bpairs[h] + ppairs[h]]
        with open(os.path.join(out, "truth.json"), "w") as f:
            json.dump({"directed": directed}, f, indent=0)
        kinds = {}
        for d in directed:
            kinds[d["kind"]] = kinds.get(d["kind"], 0) + 1
        print(f"{out}: {len(docs)} documents, {len(directed)} directed pairs: "
              + ", ".join(f"{v} {k}" for k, v in sorted(kinds.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
