#!/usr/bin/env python3
"""Write the pathological input shapes that scripts/memory.sh measures.

    python3 scripts/memory-shapes.py OUT_DIR [SIZE]

SIZE (bytes, default 7,000,000, under copycat's 8 MiB file limit) is the size
of each large file. Everything is generated from fixed seeds, so two runs
write the same bytes:

- letters-a.txt, letters-b.txt: one letter per line (every line a paragraph
  of one one-letter sentence), two different files;
- word.txt: one word of SIZE letters, no space or newline;
  other.txt: a normal article to read it against (the first 20 KB of
  benches/data/prose-a.txt);
- near-a.txt, near-b.txt: about 1 MB of prose (benches/data/prose-a.txt)
  and a copy with one word in a hundred changed;
- trans-a.txt, trans-b.txt: a re-translation of SIZE bytes: generated
  sentences, and the same sentences with two words in five replaced by
  others of the same rank, some pairs merged into one, some clauses turned
  round (no sentence repeats).
"""

import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROSE = os.path.join(HERE, "..", "benches", "data", "prose-a.txt")


def letters(n, seed):
    rng = random.Random(seed)
    abc = "abcdefghijklmnopqrstuvwxyz"
    return "".join(rng.choice(abc) + "\n" for _ in range(n // 2))


def vocabulary(rng, n):
    cons, vow = "bcdfghklmnprstvz", "aeiou"
    words = set()
    while len(words) < n:
        k = rng.choice([1, 2, 2, 3, 3, 4])
        words.add("".join(rng.choice(cons) + rng.choice(vow) for _ in range(k)))
    return sorted(words)


def retranslation(size, seed):
    rng = random.Random(seed)
    vocab = vocabulary(rng, 40000)
    rng.shuffle(vocab)
    # Zipf-like: rank r drawn with weight 1/(r+1).
    cum, t = [], 0.0
    for r in range(len(vocab)):
        t += 1.0 / (r + 1)
        cum.append(t)
    # Each word's "translation": another word of the vocabulary, fixed.
    shuffled = vocab[:]
    rng.shuffle(shuffled)
    synonym = dict(zip(vocab, shuffled))
    a_paras, b_paras = [], []
    total = 0
    while total < size:
        a_sents, b_sents = [], []
        for _ in range(rng.randint(2, 5)):
            n = rng.randint(8, 28)
            ws = rng.choices(range(len(vocab)), cum_weights=cum, k=n)
            # A capitalized name and a number make each sentence unique.
            name = vocab[rng.randrange(len(vocab))].capitalize()
            num = str(rng.randint(10, 99999))
            a = [vocab[w] for w in ws]
            a.insert(rng.randrange(n), name)
            a.insert(rng.randrange(n), num)
            b = []
            for w in a:
                if w not in (name, num) and rng.random() < 0.4:
                    b.append(synonym[w])
                else:
                    b.append(w)
            if rng.random() < 0.3:
                cut = rng.randint(1, len(b) - 1)
                b = b[cut:] + b[:cut]
            a_sents.append(" ".join(a).capitalize() + ".")
            b_sents.append(" ".join(b).capitalize() + ".")
        if rng.random() < 0.3 and len(b_sents) > 1:
            b_sents[0:2] = [b_sents[0][:-1] + ", and " + b_sents[1][0].lower() + b_sents[1][1:]]
        pa, pb = " ".join(a_sents), " ".join(b_sents)
        a_paras.append(pa)
        b_paras.append(pb)
        total += len(pa) + 2
    return "\n\n".join(a_paras) + "\n", "\n\n".join(b_paras) + "\n"


def near_copy(text, seed):
    rng = random.Random(seed)
    out = []
    for w in text.split(" "):
        if rng.random() < 0.01 and w.isalpha():
            out.append(w[::-1])
        else:
            out.append(w)
    return " ".join(out)


def main():
    out = sys.argv[1]
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 7_000_000
    os.makedirs(out, exist_ok=True)
    prose = open(PROSE, encoding="utf-8").read()

    def write(name, text):
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(text)

    write("letters-a.txt", letters(size, 1))
    write("letters-b.txt", letters(size, 2))
    rng = random.Random(3)
    write("word.txt", "".join(rng.choice("abcdefghij") for _ in range(size)))
    write("other.txt", prose[:20000])
    write("near-a.txt", prose)
    write("near-b.txt", near_copy(prose, 4))
    a, b = retranslation(size, 5)
    write("trans-a.txt", a)
    write("trans-b.txt", b)


if __name__ == "__main__":
    main()
