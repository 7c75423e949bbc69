#!/usr/bin/env python3
"""Answers to one question written apart, and answers put through a paraphrasing tool.

    build_answers.py --src CHATGPT_DIR --out-root /work/devsets [--seed 31] [--n-reuse 40]
        [--n-para 120] [--wordnet /usr/share/wordnet]

Source: comnetsAD/ChatGPT (Ibrahim et al. 2023, "Perception, performance, and detectability of
conversational artificial intelligence across 32 university courses", Scientific Reports 13):
for each of 10 questions in each of ~30 university courses, three students' answers and three
ChatGPT answers (`Student and GPT Responses/<course>/<Qn...>/{student,gpt}N`), and every ChatGPT
answer put through QuillBot in six modes at its strongest setting
(`QuillBot Output/<course>/<Qn...>/gptN_<mode>_3`). Courses and questions whose answers are
code are left out (a folder named `(code)`, or an answer that reads as code).

Sets written (A the earlier or reference text, B the other):
  sametopic-answers        two answers to one question written apart: a student's against
                           another student's, or against a ChatGPT answer (the shape of a
                           student's answer checked against a reference text on its subject);
                           no shared 8-word run; strict: every link is a false alarm. Two
                           ChatGPT answers to one prompt are never paired (one model's stock
                           sentences recur in them: not independent).
  sametopic-answers-reuse  the first --n-reuse of those pairs with 1-2 runs of A's sentences
                           put into B, verbatim or reworded (sametopic_reuse.py).
  paraphrase-tool          a ChatGPT answer (A) against its QuillBot paraphrase (B), the whole
                           of B a reworded copy of the whole of A: one gold case per pair, all
                           of A to all of B. --n-para pairs, as many of each mode; paraphrases
                           the source files under another answer than theirs are left out
                           (`misfiled`).
  paraphrase-tool-embedded the same paraphrase put between the two halves of an answer to a
                           question of another course (split at a sentence): the case is the
                           paraphrase's span in B against all of A, the rest of B is no reuse.

Answers are stored as they come, but text decoded as Mac Roman that was UTF-8 (`that‚Äôd`) is
repaired where the round trip is exact. Deterministic.
"""
import argparse
import os
import random
import re
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import SetWriter, char_to_byte, link, sentences, trim_span  # noqa: E402
from sametopic_reuse import independent, write_pairs  # noqa: E402

ANSWERS = "Student and GPT Responses"
QUILLBOT = "QuillBot Output"
MODES = ["standard", "fluency", "formal", "creative", "expand", "shorten"]
MIN_WORDS = 40
# See `misfiled`.
MISFILED_MARGIN = 0.1


def repair(t: str) -> str:
    if "\u201a\u00c4" not in t and "\u00e2\u20ac" not in t:
        return t
    for enc in ("mac_roman", "cp1252"):
        try:
            return t.encode(enc).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return t


def looks_like_code(t: str) -> bool:
    lines = [l for l in t.splitlines() if l.strip()]
    if not lines:
        return True
    codey = sum(1 for l in lines if re.search(r"[;{}]\s*$|^\s*(def|import|for|if|return|print)\b|<-|==|\(\)", l))
    return codey / len(lines) > 0.2


def read(path: str) -> str:
    with open(path, encoding="utf-8", errors="replace") as f:
        t = repair(f.read())
    # One paragraph per line, as the answers were pasted; tabs of indented paragraphs dropped.
    t = "\n".join(l.strip() for l in t.replace("\r\n", "\n").split("\n"))
    return re.sub(r"\n{3,}", "\n\n", t).strip() + "\n"


def qnum(name: str):
    m = re.match(r"\s*Q\s*(\d+)", name)
    return int(m.group(1)) if m else None


def load(src: str):
    """{(course, q): {"gpt": {n: text}, "student": {n: text}, "para": {(n, mode): text}}}"""
    out = {}
    for tree, kind in ((ANSWERS, "answer"), (QUILLBOT, "para")):
        root = os.path.join(src, tree)
        for course in sorted(os.listdir(root)):
            if course.startswith(".") or "(code)" in course:
                continue
            for qd in sorted(os.listdir(os.path.join(root, course))):
                q = qnum(qd)
                if q is None or "code" in qd.lower():
                    continue
                entry = out.setdefault((course, q), {"gpt": {}, "student": {}, "para": {}, "dir": qd})
                for f in sorted(os.listdir(os.path.join(root, course, qd))):
                    m = re.match(r"(gpt|student)\s*(\d)\W*(?:_+(\w+?)_(\d))?$", f)
                    if not m:
                        continue
                    who, n, mode = m.group(1), int(m.group(2)), m.group(3)
                    t = read(os.path.join(root, course, qd, f))
                    if len(t.split()) < MIN_WORDS or looks_like_code(t):
                        continue
                    if kind == "answer":
                        entry[who][n] = t
                    elif who == "gpt" and mode in MODES and m.group(4) == "3":
                        entry["para"][(n, mode)] = t
    return out


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")[:40]


def answer_pairs(data, rng):
    pairs = []
    for (course, q), e in sorted(data.items()):
        names = [(f"gpt{n}", t) for n, t in sorted(e["gpt"].items())] + \
                [(f"student{n}", t) for n, t in sorted(e["student"].items())]
        for i, (na, ta) in enumerate(names):
            for nb, tb in names[i + 1:]:
                if na.startswith("gpt") and nb.startswith("gpt"):
                    continue
                if not independent(ta, tb, 8):
                    print(f"  {course} Q{q} {na}/{nb}: share an 8-word sequence, left out", file=sys.stderr)
                    continue
                stem = f"{slug(course)}-q{q}"
                pairs.append((f"{stem}-{na}.txt", ta, f"{stem}-{nb}.txt", tb,
                              {"course": course, "question": q, "answers": [na, nb]}))
    rng.shuffle(pairs)
    return pairs


def word_bag(t: str) -> Counter:
    return Counter(re.findall(r"[a-z]{4,}", t.lower()))


def bag_dice(x: Counter, y: Counter) -> float:
    return 2 * sum((x & y).values()) / (sum(x.values()) + sum(y.values()) + 1)


def misfiled(data):
    """The paraphrases (course, q, gptN, mode) filed under an answer they do not paraphrase.

    Some of the source's QuillBot files paraphrase another ChatGPT answer than the one they are
    filed under (`Nizar Habash NLP/Q2/gpt3_*` paraphrase Q10's gpt2; `Korhan Kocak/Q5/gpt2_*`
    paraphrase gpt1): their words are much closer to that other answer (word-bag Dice over words
    of 4+ letters, `MISFILED_MARGIN` or more above the one they are filed under) than to their
    own. Paired with the answer they are filed under, they would be scored as paraphrases of a
    text they do not take from. Over the whole source (2,701 paraphrases), 2,517 are closest to
    their own answer and 26 within 0.015 of another (two ChatGPT answers to one question can be
    near copies of each other); 149 are more than 0.1 closer to another answer, 143 of them
    0.15 to 0.61 closer (all six modes of one file alike); 9 lie between 0.015 and 0.1.
    """
    answers = [((c, q, g), word_bag(t)) for (c, q), e in data.items() for g, t in e["gpt"].items()]
    out = set()
    for (c, q), e in sorted(data.items()):
        for (g, mode), tp in sorted(e["para"].items()):
            if g not in e["gpt"]:
                continue
            bp = word_bag(tp)
            own = bag_dice(word_bag(e["gpt"][g]), bp)
            other = max((bag_dice(b, bp) for k, b in answers if k != (c, q, g)), default=0.0)
            if other > own + MISFILED_MARGIN:
                out.add((c, q, g, mode))
    return out


def para_pairs(data, rng, n):
    by_mode = {m: [] for m in MODES}
    for (course, q), e in sorted(data.items()):
        for (g, mode), tp in sorted(e["para"].items()):
            if g in e["gpt"]:
                by_mode[mode].append((course, q, g, e["gpt"][g], tp))
    wrong = misfiled(data)
    chosen = []
    for mode in MODES:
        items = by_mode[mode]
        rng.shuffle(items)
        # A misfiled paraphrase drawn is replaced where it stands by the next good one past the
        # draw, so that every other pair keeps its place (and its half) in the set.
        ok = [it for it in items if (it[0], it[1], it[2], mode) not in wrong]
        k = n // len(MODES)
        spare = iter(it for it in ok if items.index(it) >= k)
        chosen += [(mode,) + (it if it in ok else next(spare)) for it in items[:k]]
    rng.shuffle(chosen)
    return chosen


def hosts(data):
    """Student answers, by course: the text a paraphrase is put into comes from another course."""
    out = []
    for (course, q), e in sorted(data.items()):
        for n, t in sorted(e["student"].items()):
            if len(sentences(t)) >= 4:
                out.append((course, q, n, t))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", required=True)
    ap.add_argument("--out-root", required=True)
    ap.add_argument("--seed", type=int, default=31)
    ap.add_argument("--n-reuse", type=int, default=40)
    ap.add_argument("--n-para", type=int, default=120)
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    args = ap.parse_args()
    data = load(args.src)
    rng = random.Random(args.seed)
    meta = {"source": "comnetsAD/ChatGPT (Ibrahim et al. 2023): students' and ChatGPT's answers to "
                      "university course questions, and QuillBot paraphrases of the ChatGPT answers",
            "seed": args.seed}

    pairs = answer_pairs(data, rng)
    print(f"{len(pairs)} answer pairs", file=sys.stderr)
    write_pairs(args.out_root, "sametopic-answers",
                dict(meta, a="an answer to a question", b="another answer to it, written apart"),
                pairs, args.wordnet, args.seed, args.n_reuse)

    chosen = para_pairs(data, rng, args.n_para)
    whole = SetWriter(os.path.join(args.out_root, "paraphrase-tool"),
                      dict(meta, kind="whole text put through a paraphrasing tool",
                           a="a ChatGPT answer", b="its QuillBot paraphrase (strength 3)"))
    emb = SetWriter(os.path.join(args.out_root, "paraphrase-tool-embedded"),
                    dict(meta, kind="a paraphrased answer put into an answer of another course",
                         a="a ChatGPT answer", b="a student's answer with A's QuillBot paraphrase in it"))
    pool = hosts(data)
    for mode, course, q, g, ta, tp in chosen:
        stem = f"{slug(course)}-q{q}-gpt{g}"
        an, bn = f"{stem}.txt", f"{stem}-{mode}.txt"
        ca, cp = char_to_byte(ta), char_to_byte(tp)
        a_span = trim_span(ta, 0, len(ta))
        p_span = trim_span(tp, 0, len(tp))
        whole.add_file(an, ta)
        whole.add_file(bn, tp)
        whole.add_pair(an, bn, [link("reworded", [ca(a_span[0]), ca(a_span[1])],
                                     [cp(p_span[0]), cp(p_span[1])], mode=mode)], mode=mode)
        r = random.Random(f"{args.seed}-{an}-{mode}")
        others = [h for h in pool if h[0] != course]
        hc, hq, hn, th = others[r.randrange(len(others))]
        hs = sentences(th)
        cut = hs[r.randrange(1, len(hs) - 1)][0]
        before, after = th[:cut].rstrip(), th[cut:].lstrip()
        tb = f"{before}\n\n{tp.strip()}\n\n{after}"
        start = len(before) + 2
        cb = char_to_byte(tb)
        en = f"{slug(hc)}-q{hq}-student{hn}-with-{stem}-{mode}.txt"
        emb.add_file(an, ta)
        emb.add_file(en, tb)
        emb.add_pair(an, en, [link("reworded", [ca(a_span[0]), ca(a_span[1])],
                                   [cb(start), cb(start + len(tp.strip()))], mode=mode)],
                     mode=mode, host=[hc, hq, f"student{hn}"])
    whole.write()
    emb.write()


if __name__ == "__main__":
    main()
