"""Shared helpers for the copycat development-set builders.

Every builder writes one set as
    OUT/texts/<files>      the documents, UTF-8, exactly as the gold's byte offsets see them
    OUT/gold.json          {"pairs": [{"a": FILE, "b": FILE, "links": [...]}], "meta": {...}}
in the format read by shared/eval/score.py: each link has "kind" ("copied" | "reworded" |
"related") and "a_span" / "b_span" = [start, end] byte offsets into the stored files.

Nothing here fetches anything; builders read source data from paths given on the command line.
"""
import json
import os
import re
import shutil
import sys

# ---------------------------------------------------------------- offsets


def char_to_byte(text: str):
    """Return f(char_offset) -> byte offset of the UTF-8 encoding of text."""
    # cumulative byte length per character; fast enough for documents of a few 100 KB
    cum = [0] * (len(text) + 1)
    n = 0
    for i, ch in enumerate(text):
        o = ord(ch)
        n += 1 if o < 0x80 else 2 if o < 0x800 else 3 if o < 0x10000 else 4
        cum[i + 1] = n
    return lambda c: cum[max(0, min(c, len(text)))]


def bspan(text: str, start: int, end: int, conv=None):
    """Character span -> byte span of text encoded as UTF-8."""
    conv = conv or char_to_byte(text)
    return [conv(start), conv(end)]


def trim_span(text: str, start: int, end: int):
    """Shrink a character span so that it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# ---------------------------------------------------------------- sentences

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace
# and an upper-case letter, digit or opening quote. Abbreviations that commonly end in a
# period are not boundaries.
_ABBREV = set("""mr mrs ms dr prof sr jr st vs etc inc ltd co corp gen gov sen rep lt col capt sgt
no nos fig figs e.g i.e u.s u.k a.m p.m jan feb mar apr jun jul aug sep sept oct nov dec""".split())
_BOUND = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")


def sentences(text: str, start: int = 0, end: int = None):
    """Split text[start:end] into sentence character spans (no leading/trailing space).

    Paragraph breaks (blank lines) are always boundaries."""
    end = len(text) if end is None else end
    spans = []
    for para in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text[start:end]):
        ps, pe = start + para.start(), start + para.end()
        cur = ps
        for m in _BOUND.finditer(text, ps, pe):
            word = re.search(r"(\S+)$", text[cur:m.start()])
            w = word.group(1).lower().rstrip(".") if word else ""
            if w in _ABBREV or (len(w) == 1 and w.isalpha()):
                continue
            s, e = trim_span(text, cur, m.end())
            if e > s:
                spans.append((s, e))
            cur = m.end()
        s, e = trim_span(text, cur, pe)
        if e > s:
            spans.append((s, e))
    return spans


# ---------------------------------------------------------------- words and kinds

WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
STOP = set("""a an the and or but if of to in on at by for with from as is are was were be been being
it its this that these those he she they them his her their we us our you your i me my not no so
than then there here which who whom whose what when where why how all any each few more most other
some such only own same too very can will just should would could may might must shall do does did
has have had having into over under again further once about against between through during before
after above below up down out off""".split())


def content_words(s: str):
    return [w.lower() for w in WORD.findall(s) if w.lower() not in STOP]


def lcs_len(a, b):
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def kept_in_order(a: str, b: str) -> float:
    """Share of B's content words that come from A in the same order (LCS / |B|)."""
    ca, cb = content_words(a), content_words(b)
    if not cb:
        return 1.0 if not ca else 0.0
    return lcs_len(ca, cb) / len(cb)


def kind_by_overlap(a: str, b: str, threshold: float = 0.7) -> str:
    """The gold README convention, made mechanical: copied when >= 70% of B's content words
    come from A in the same order, else reworded."""
    return "copied" if kept_in_order(a, b) >= threshold else "reworded"


def shingles(text: str, n: int = 8):
    w = [x.lower() for x in WORD.findall(text)]
    return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}


# ---------------------------------------------------------------- output


class SetWriter:
    """Collects files and pairs for one set and writes OUT/texts + OUT/gold.json."""

    def __init__(self, out_dir: str, meta: dict):
        self.out = out_dir
        self.texts = os.path.join(out_dir, "texts")
        if os.path.isdir(out_dir):
            shutil.rmtree(out_dir)
        os.makedirs(self.texts)
        self.pairs = []
        self.meta = meta
        self.files = {}

    def add_file(self, name: str, data) -> str:
        """Store a document (str is written as UTF-8; bytes as they are). Returns name."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        if name in self.files:
            if self.files[name] != data:
                raise SystemExit(f"two different texts named {name}")
            return name
        self.files[name] = data
        with open(os.path.join(self.texts, name), "wb") as f:
            f.write(data)
        return name

    def add_pair(self, a: str, b: str, links: list, **info):
        for ln in links:
            for side, name in (("a_span", a), ("b_span", b)):
                s, e = ln[side]
                if not (0 <= s < e <= len(self.files[name])):
                    raise SystemExit(f"bad {side} {ln[side]} in {name} ({len(self.files[name])} bytes)")
        p = {"a": a, "b": b, "links": links}
        if info:
            p["info"] = info
        self.pairs.append(p)

    def write(self):
        cases = sum(1 for p in self.pairs for l in p["links"] if l["kind"] != "related")
        self.meta.update({"pairs": len(self.pairs), "cases": cases,
                          "no_reuse_pairs": sum(1 for p in self.pairs if not any(
                              l["kind"] != "related" for l in p["links"]))})
        with open(os.path.join(self.out, "gold.json"), "w", encoding="utf-8") as f:
            json.dump({"meta": self.meta, "pairs": self.pairs}, f, indent=1, ensure_ascii=False)
            f.write("\n")
        print(f"{self.out}: {len(self.pairs)} pairs, {cases} gold cases, "
              f"{self.meta['no_reuse_pairs']} no-reuse pairs", file=sys.stderr)


def link(kind: str, a_span, b_span, **extra):
    d = {"kind": kind, "a_span": list(a_span), "b_span": list(b_span)}
    d.update(extra)
    return d


def same_fact_sentences(ta: str, tb: str, dice_min: float = 0.4, ngram: int = 5):
    """Sentence pairs (a_span, b_span, dice) of ta x tb that look like the same fact stated twice:
    content-word Dice >= dice_min, or a shared `ngram`-word sequence."""
    sa, sb = sentences(ta), sentences(tb)
    wa = [(set(content_words(ta[s:e])), shingles(ta[s:e], ngram)) for s, e in sa]
    out = []
    for bs, be in sb:
        wb, shb = set(content_words(tb[bs:be])), shingles(tb[bs:be], ngram)
        if not wb:
            continue
        for (as_, ae), (w, sh) in zip(sa, wa):
            if not w:
                continue
            dice = 2 * len(w & wb) / (len(w) + len(wb))
            if dice >= dice_min or (sh & shb):
                out.append(((as_, ae), (bs, be), round(dice, 2)))
    return out


def is_clean_text(path: str) -> bool:
    """UTF-8 without NUL bytes (a few PAN source pages hold NULs; copycat refuses binary files)."""
    b = open(path, "rb").read()
    if b"\0" in b:
        return False
    try:
        b.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
