#!/usr/bin/env python3
"""Deterministic synthetic text-reuse pairs with gold, from permissively licensed prose.

    synth.py [--a benches/data/prose-a.txt] [--host benches/data/prose-new.txt]
             [--out /work/devsets/synth] [--per-kind 6] [--seed 1] [--wordnet /usr/share/wordnet]

Inputs (default: the Rust-book prose committed in the copycat repo, MIT OR Apache-2.0):
  --a     text that passages are taken from (A documents are chunks of it);
  --host  unrelated text of the same genre that B documents are built around (prose-new.txt is,
          by construction, text that prose-a.txt does not contain).
Synonyms come from WordNet 3.0 as installed by Debian's `wordnet-base` (/usr/share/wordnet,
WordNet licence, permissive); without it the script stops unless --no-wordnet is given (then a
small built-in synonym list is used and the output differs).

Kinds (per-kind pairs each; A = a run of 4-8 paragraphs of --a, B = 3-6 paragraphs of --host
with passages of A put in at sentence or paragraph boundaries, in shuffled order):
  verbatim      1-3 passages of 1-4 sentences, unchanged                    -> copied
  random-low    1-2 passages of 2-5 sentences; each sentence gets PAN-style random obfuscation
                (word deletion, insertion, local swaps, WordNet synonyms) at rate 0.12 -> kind
                by the 70%-in-order rule (mostly copied)
  random-high   the same at rate 0.45                                        -> mostly reworded
  summary       one passage of 6-12 sentences; B keeps one sentence of every three, compressed
                (parentheticals, trailing clauses and some modifiers dropped, >= 25% of words)
                                                                              -> reworded
  ocr           verbatim, then B (and in a third of the pairs A) re-extracted: hard wrap at
                60-180 columns, hyphenation, OCR slips, joined/split words     -> copied
  negative      A chunk of --a, B chunk of --host, no shared 8-word sequence  -> no links
Gold: one link per reused sentence (B sentence -> the A sentence it came from), byte offsets.
The output folder gets texts/*.txt and gold.json (meta holds the sha256 of the inputs so a CI
job can tell when regenerating would change the set).
"""
import argparse
import hashlib
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import SetWriter, STOP, char_to_byte, kind_by_overlap, link, sentences, shingles  # noqa: E402
from ocr import degrade, wrap_only  # noqa: E402

VERSION = 1
FALLBACK_SYN = {"use": ["employ"], "make": ["create"], "show": ["demonstrate"], "change": ["modify"],
                "write": ["compose"], "need": ["require"], "large": ["big"], "small": ["little"],
                "function": ["routine"], "value": ["quantity"], "program": ["programme"], "error": ["mistake"],
                "start": ["begin"], "end": ["finish"], "help": ["assist"], "get": ["obtain"], "often": ["frequently"]}


class WordNet:
    """Most-frequent-sense synonyms straight from the WordNet 3.0 database files."""

    POS = [("adj", "a"), ("adv", "r"), ("verb", "v"), ("noun", "n")]

    def __init__(self, root):
        self.root = root
        self.index = {}
        for name, _ in self.POS:
            idx = {}
            with open(os.path.join(root, "index." + name), encoding="latin-1") as f:
                for line in f:
                    if line.startswith(" "):
                        continue
                    p = line.split()
                    n_syn, n_ptr = int(p[2]), int(p[3])
                    offs = p[4 + n_ptr + 2:]
                    if len(offs) == n_syn and offs:
                        idx[p[0]] = [int(o) for o in offs[:2]]
            self.index[name] = idx
        self.data = {name: open(os.path.join(root, "data." + name), "rb") for name, _ in self.POS}

    def synonyms(self, word):
        out = []
        for name, _ in self.POS:
            for off in self.index[name].get(word, ()):
                f = self.data[name]
                f.seek(off)
                p = f.readline().decode("latin-1").split()
                n = int(p[3], 16)
                words = [p[4 + 2 * i].lower() for i in range(n)]
                out += [re.sub(r"\(.*\)$", "", x) for x in words]
        seen, res = {word}, []
        for x in out:
            if x not in seen and x.isalpha():
                seen.add(x)
                res.append(x)
        return res


class Fallback:
    def synonyms(self, word):
        return FALLBACK_SYN.get(word, [])


def synonym(wn, word, rng):
    lw = word.lower()
    cands = wn.synonyms(lw)
    suffix = ""
    if not cands and lw.endswith("s") and len(lw) > 4:
        cands, suffix = wn.synonyms(lw[:-1]), "s"
    if not cands:
        return None
    s = rng.choice(cands[:4]) + suffix
    return s.capitalize() if word[0].isupper() else s


def obfuscate(sent, rng, rate, wn, vocab):
    """PAN-style random obfuscation of one sentence (word-level; end punctuation kept):
    each word is, with probability `rate`, replaced by a WordNet synonym (50%), deleted (15%),
    followed by an inserted word (15%) or swapped with the next word (20%). At least one
    operation is applied."""
    m = re.match(r"^(.*?)([.!?:]*)$", sent, re.S)
    body, end = m.group(1), m.group(2)
    words = body.split()
    for _ in range(10):
        out, i, ops = [], 0, 0
        while i < len(words):
            w = words[i]
            if rng.random() >= rate:
                out.append(w)
                i += 1
                continue
            op = rng.random()
            plain = w.isalpha() and w.lower() not in STOP and len(w) > 2
            s = synonym(wn, w, rng) if plain and op < 0.5 else None
            if s:
                out.append(s)
                ops += 1
            elif 0.5 <= op < 0.65 and i > 0 and len(words) > 4:
                ops += 1  # delete
            elif 0.65 <= op < 0.8:
                out += [w, rng.choice(vocab)]
                ops += 1
            elif op >= 0.8 and i + 1 < len(words):
                out += [words[i + 1], w]
                ops += 1
                i += 1
            else:
                out.append(w)
            i += 1
        if ops:
            break
    if out and out[0][0].islower() and sent[0].isupper():
        out[0] = out[0][0].upper() + out[0][1:]
    return " ".join(out) + end


def compress(sent, rng):
    """Drop parentheticals, one trailing clause and some adverbs; None if < 25% removed."""
    s = re.sub(r"\s*\([^)]*\)", "", sent)
    s = re.sub(r",\s*(?:which|who|where|because|although|so that|as|but|and)\b[^,.;]*", "", s)
    if rng.random() < 0.5:
        s = re.sub(r",\s*[^,]{3,60}(?=[.!?]$)", "", s)
    words = s.split()
    keep = [w for w in words if not (w.lower().endswith("ly") and w.isalpha() and rng.random() < 0.7)
            and w.lower() not in ("very", "really", "just", "also", "actually")]
    s = " ".join(keep)
    s = re.sub(r"\s+([,.;:!?])", r"\1", s)
    if not re.search(r"[.!?]$", s):
        s = s.rstrip(",;: ") + "."
    s = s[0].upper() + s[1:] if s else s
    if len(s.split()) < 4 or len(s.split()) > 0.75 * len(sent.split()):
        return None
    return s


def paragraphs(text):
    """Lines of prose (one paragraph per line in the bench files) with >= 2 sentences."""
    return [l.strip() for l in text.split("\n") if len(l.split()) >= 12]


def chunk(paras, rng, lo, hi):
    k = rng.randint(lo, hi)
    s = rng.randrange(0, len(paras) - k)
    return "\n\n".join(paras[s:s + k]) + "\n"


def assemble(host, pieces, rng):
    """Insert pieces (list of list of (a_span, text)) into host at sentence boundaries.
    Returns (b_text, [(a_span, b_start, b_end)])."""
    h = sentences(host)
    slots = sorted(rng.sample(range(len(h)), min(len(pieces), len(h))))
    out, res, n, cur = [], [], 0, 0
    for slot, piece in zip(slots, pieces):
        cut = h[slot][1]
        out.append(host[cur:cut])
        n += cut - cur
        sep = rng.choice([" ", "\n\n"])
        for j, (aspan, t) in enumerate(piece):
            s = sep if j == 0 else " "
            out.append(s)
            n += len(s)
            res.append((aspan, n, n + len(t)))
            out.append(t)
            n += len(t)
        cur = cut
    out.append(host[cur:])
    return "".join(out), res


def pick_runs(a_sents, rng, k, lo, hi):
    runs, used = [], set()
    for _ in range(50):
        if len(runs) == k:
            break
        m = rng.randint(lo, hi)
        if m > len(a_sents):
            continue
        s = rng.randrange(0, len(a_sents) - m + 1)
        idx = set(range(s - 1, s + m + 1))
        if idx & used:
            continue
        used |= idx
        runs.append(list(range(s, s + m)))
    rng.shuffle(runs)
    return runs


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.abspath(os.path.join(here, "..", ".."))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--a", default=os.path.join(repo, "benches", "data", "prose-a.txt"))
    ap.add_argument("--host", default=os.path.join(repo, "benches", "data", "prose-new.txt"))
    ap.add_argument("--out", default="/work/devsets/synth")
    ap.add_argument("--per-kind", type=int, default=6)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--no-wordnet", action="store_true")
    args = ap.parse_args()
    if args.no_wordnet:
        wn = Fallback()
    elif os.path.exists(os.path.join(args.wordnet, "index.noun")):
        wn = WordNet(args.wordnet)
    else:
        raise SystemExit(f"no WordNet at {args.wordnet} (apt-get install wordnet-base), or pass --no-wordnet")
    a_raw = open(args.a, encoding="utf-8").read()
    h_raw = open(args.host, encoding="utf-8").read()
    a_paras, h_paras = paragraphs(a_raw), paragraphs(h_raw)
    vocab = sorted({w.lower() for w in re.findall(r"[A-Za-z]{3,}", h_raw[:50000])})
    meta = {"generator": f"synth.py v{VERSION}", "seed": args.seed, "per_kind": args.per_kind,
            "wordnet": None if args.no_wordnet else "WordNet 3.0 (wordnet-base)",
            "inputs": {os.path.basename(p): hashlib.sha256(open(p, "rb").read()).hexdigest()
                       for p in (args.a, args.host)}}
    w = SetWriter(args.out, meta)
    kinds = ["verbatim", "random-low", "random-high", "summary", "ocr", "negative"]
    for ki, kind in enumerate(kinds):
        made, attempt = 0, 0
        while made < args.per_kind:
            rng = random.Random(f"{args.seed}-{kind}-{attempt}")
            attempt += 1
            a_text = chunk(a_paras, rng, 4, 8)
            host = chunk(h_paras, rng, 3, 6)
            if shingles(a_text) & shingles(host):
                continue
            a_s = sentences(a_text)
            if len(a_s) < 12:
                continue
            pieces, kinds_of = [], []
            if kind in ("verbatim", "ocr"):
                for run in pick_runs(a_s, rng, rng.randint(1, 3), 1, 4):
                    pieces.append([(a_s[i], a_text[a_s[i][0]:a_s[i][1]]) for i in run])
            elif kind.startswith("random"):
                rate = 0.12 if kind == "random-low" else 0.45
                for run in pick_runs(a_s, rng, rng.randint(1, 2), 2, 5):
                    pieces.append([(a_s[i], obfuscate(a_text[a_s[i][0]:a_s[i][1]], rng, rate, wn, vocab))
                                   for i in run])
            elif kind == "summary":
                run = pick_runs(a_s, rng, 1, 6, 12)[0]
                piece = []
                for g in range(0, len(run), 3):
                    group = run[g:g + 3]
                    for i in rng.sample(group, len(group)):
                        c = compress(a_text[a_s[i][0]:a_s[i][1]], rng)
                        if c:
                            piece.append((a_s[i], c))
                            break
                if len(piece) < 2:
                    continue
                pieces.append(piece)
            if kind != "negative" and not pieces:
                continue
            b_text, res = assemble(host, pieces, rng) if pieces else (host, [])
            links = []
            for (as_, ae), bs, be in res:
                at, bt = a_text[as_:ae], b_text[bs:be]
                if kind in ("verbatim", "ocr"):
                    k = "copied"
                elif kind == "summary":
                    k = "reworded"
                else:
                    k = kind_by_overlap(at, bt)
                links.append([k, as_, ae, bs, be])
            a_out, b_out = a_text, b_text
            apos = list(range(len(a_text) + 1))
            bpos = list(range(len(b_text) + 1))
            info = {"kind": kind}
            if kind == "ocr":
                width = rng.randint(60, 180)
                level = rng.choice([(0.02, 0.005, 0.005), (0.05, 0.01, 0.01), (0.1, 0.02, 0.02)])
                b_out, bpos = degrade(b_text, rng, width=width, slip_p=level[0], join_p=level[1], split_p=level[2])
                info.update(b_width=width, slip=level[0])
                if rng.random() < 1 / 3:
                    aw = rng.randint(60, 180)
                    a_out, apos = wrap_only(a_text, rng, aw)
                    info["a_width"] = aw
            ca, cb = char_to_byte(a_out), char_to_byte(b_out)
            name = f"{ki}{kind}-{made:02d}"
            w.add_file(name + "-a.txt", a_out)
            w.add_file(name + "-b.txt", b_out)
            w.add_pair(name + "-a.txt", name + "-b.txt",
                       [link(k, [ca(apos[s]), ca(apos[e])], [cb(bpos[bs]), cb(bpos[be])])
                        for k, s, e, bs, be in sorted(links, key=lambda x: x[3])], **info)
            made += 1
    w.write()


if __name__ == "__main__":
    main()
