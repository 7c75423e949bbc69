"""Deterministic "re-extracted text" noise: hard wrapping, hyphenation at line ends,
joined and split words, OCR character slips. Offsets are tracked so that gold spans
survive the transformation.

    out, pos = degrade(text, rng, width=72, slip=0.04, join=0.01, split=0.01, hyphen=0.5)

pos[i] is the offset in `out` that input offset i maps to (len(pos) == len(text) + 1);
a span that starts at a word start and ends at a word end maps exactly onto the
degraded words.
"""
import re

# (pattern, replacement) slips seen in OCR output; applied at most once per word
SLIPS = [
    ("rn", "m"), ("m", "rn"), ("cl", "d"), ("li", "h"), ("l", "1"), ("I", "l"),
    ("i", "l"), ("O", "0"), ("o", "0"), ("e", "c"), ("h", "b"), ("tt", "u"),
    ("fi", "\ufb01"), ("fl", "\ufb02"), ("vv", "w"), ("S", "5"), ("B", "8"),
]


def slip(word, rng):
    cands = [(a, b) for a, b in SLIPS if a in word]
    if not cands:
        return word
    a, b = cands[rng.randrange(len(cands))]
    idx = [m.start() for m in re.finditer(re.escape(a), word)]
    k = idx[rng.randrange(len(idx))]
    return word[:k] + b + word[k + len(a):]


def degrade(text, rng, width=72, slip_p=0.04, join_p=0.01, split_p=0.01, hyphen_p=0.5, ligature=True, stop_p=0.0):
    """stop_p: chance that a full stop ending a word is misread (a comma or nothing), which joins
    two sentences: OCR loses small marks more often than letters."""
    out = []          # output pieces
    n = 0             # output length so far
    line = 0          # current line length
    pos = [0] * (len(text) + 1)
    paras = [m.span() for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text)]
    last_end_in, last_end_out = 0, 0

    def emit(s):
        nonlocal n
        out.append(s)
        n += len(s)

    for pi, (ps, pe) in enumerate(paras):
        if pi:
            emit("\n\n")
            line = 0
        # whitespace before this paragraph maps to where the previous word ended
        for i in range(last_end_in, ps):
            pos[i] = last_end_out
        first = True
        for m in re.finditer(r"\S+", text[ps:pe]):
            ws, we = ps + m.start(), ps + m.end()
            for i in range(last_end_in, ws):
                pos[i] = last_end_out
            w = m.group()
            if rng.random() < slip_p and any(c.isalpha() for c in w):
                w = slip(w, rng)
                if not ligature:
                    w = w.replace("\ufb01", "fi").replace("\ufb02", "fl")
            if stop_p and len(w) >= 2 and w.endswith(".") and w[-2].isalnum() and rng.random() < stop_p:
                w = w[:-1] + rng.choice([",", ""])
            if split_p and len(w) >= 8 and w.isalpha() and rng.random() < split_p:
                k = rng.randrange(3, len(w) - 2)
                w = w[:k] + " " + w[k:]
            joined = not first and rng.random() < join_p
            sep = "" if (first or joined) else " "
            if not first and line + len(sep) + len(w) > width:
                k = None
                if len(w) >= 7 and w[:-1].isalpha() and rng.random() < hyphen_p:
                    room = width - line - len(sep) - 1
                    if room >= 3:
                        k = min(room, len(w) - 3)
                if k is not None and k >= 3:
                    emit(sep)
                    start_out = n
                    emit(w[:k] + "-\n")
                    emit(w[k:])
                    line = len(w) - k
                    body = w[:k] + "-\n" + w[k:]
                else:
                    emit("\n")
                    start_out = n
                    emit(w)
                    line = len(w)
                    body = w
            else:
                emit(sep)
                start_out = n
                emit(w)
                line += len(sep) + len(w)
                body = w
            # inside the word: proportional position, clamped to the emitted body
            L = we - ws
            for j in range(L):
                pos[ws + j] = start_out + min(len(body), round(j * len(body) / L))
            pos[we] = start_out + len(body)
            last_end_in, last_end_out = we, start_out + len(body)
            first = False
    for i in range(last_end_in, len(text) + 1):
        pos[i] = last_end_out if i < len(text) else n
    pos[len(text)] = n
    # keep a trailing newline like most text files
    s = "".join(out) + "\n"
    return s, pos


def wrap_only(text, rng, width):
    """Hard wrapping and end-of-line hyphenation, no slips (a clean PDF extraction)."""
    return degrade(text, rng, width=width, slip_p=0.0, join_p=0.0, split_p=0.0, hyphen_p=0.4)
