#!/usr/bin/env python3
"""Extract the paragraph prose of The Rust Programming Language book into
benches/data/prose-a.txt, the "A" side of copycat's 1 MB benchmark pair.

Run once; the output is committed, so the benchmark never needs the toolchain
documentation. Sources, as shipped with a rustup toolchain under
`share/doc/rust/html/`: The Rust Programming Language (`book/ch*.html`, then
`book/appendix-*.html`), by Steve Klabnik, Carol Nichols and Chris Krycho with
contributions from the Rust community; then, to reach about 1.1 MB (so that
B, which drops more than it adds, comes out near 1 MB), The Rustonomicon
(`nomicon/*.html`) and The Rust Edition Guide (`edition-guide/**/*.html`), in
file-name order, by the Rust project developers. All MIT OR Apache-2.0.

It also writes benches/data/prose-new.txt (about 150 KB, same format): prose of
The Cargo Book (`cargo/guide/*.html`, then `cargo/reference/*.html`), MIT OR
Apache-2.0. The benchmark draws B's *new* sentences from it: text on a related
subject that A does not contain.

Output format (what `Article::parse` reads as web copy, one paragraph a line):
a title line, then for every chapter page a blank line, its first heading on a
line of its own (copycat reads it as a crosshead, not compared), and each
<p> of prose on one line. Code blocks (<pre>), listing captions, file-name
labels and very short paragraphs are dropped; inline <code> keeps its text.

    python3 scripts/make-bench-corpus.py [HTML_DIR] [OUT_DIR]

HTML_DIR is a toolchain's `share/doc/rust/html` (default: the first pinned
toolchain found under ~/.rustup/toolchains).
"""

import glob
import html
import os
import re
import sys

A_MAX = 1_100_000
NEW_MAX = 150_000
A_TITLE = "The Rust Programming Language: prose of the book, for copycat benchmarks"
NEW_TITLE = "The Cargo Book: prose for the new passages of copycat benchmarks"

# Line openings copycat treats as boilerplate (src/article/meta.rs): a
# paragraph that starts so would be left out of the comparison, or worse, end
# the article's body. None should occur in the book; the filter makes sure.
BOILER = (
    "tags:", "tags :", "tag:", "share this", "share on", "share:", "follow us",
    "subscribe", "sign up for", "advertisement", "all rights reserved",
    "copyright", "©", "read more:", "also read:", "click here", "similar news",
    "related ", "check also", "leave a ", "more from", "you may also like",
    "recommended for you", "most read", "trending now",
)


def find_docs():
    dirs = sorted(glob.glob(os.path.expanduser(
        "~/.rustup/toolchains/*/share/doc/rust/html")))
    # Prefer a numbered (pinned) toolchain over stable/nightly for reproducibility.
    dirs.sort(key=lambda d: (not re.search(r"/\d+\.\d+\.\d+-", d), d))
    if not dirs:
        sys.exit("no rust HTML docs found under ~/.rustup/toolchains; pass HTML_DIR")
    return dirs[0]


def text_of(fragment):
    fragment = re.sub(r"<[^>]+>", "", fragment)
    fragment = html.unescape(fragment)
    return re.sub(r"\s+", " ", fragment).strip()


def chapter(path):
    page = open(path, encoding="utf-8").read()
    m = re.search(r"<main>(.*)</main>", page, re.S)
    if not m:
        return None, []
    main = m.group(1)
    main = re.sub(r"<pre\b.*?</pre>", "", main, flags=re.S)
    main = re.sub(r"<figcaption\b.*?</figcaption>", "", main, flags=re.S)
    main = re.sub(r'<span class="filename".*?</span>', "", main, flags=re.S)
    h = re.search(r"<h[12]\b[^>]*>(.*?)</h[12]>", main, re.S)
    heading = text_of(h.group(1)) if h else None
    paras = []
    for p in re.findall(r"<p>(.*?)</p>", main, re.S):
        t = text_of(p)
        if len(t.split()) < 8 or not t[-1] in ".!?:)’”\"":
            continue
        low = t.lower()
        if any(low.startswith(b) for b in BOILER):
            continue
        paras.append(t)
    return heading, paras


def write(out, title, files, max_bytes):
    parts = [title + "\n"]
    size = len(parts[0].encode())
    pages = 0
    for f in files:
        heading, paras = chapter(f)
        if not paras:
            continue
        block = "\n" + (heading.rstrip(".:") + "\n" if heading else "")
        block += "".join(p + "\n" for p in paras)
        n = len(block.encode())
        if size + n > max_bytes:
            continue  # a smaller page further on may still fit
        parts.append(block)
        size += n
        pages += 1
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("".join(parts))
    print(f"{out}: {size} bytes, {pages} pages", file=sys.stderr)


def main():
    docs = sys.argv[1] if len(sys.argv) > 1 else find_docs()
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "benches", "data")
    print(f"source: {docs}", file=sys.stderr)

    def pages(sub, pattern):
        return sorted(glob.glob(os.path.join(docs, sub, pattern), recursive=True))

    skip = {"print.html", "toc.html", "index.html"}
    a_files = pages("book", "ch*.html") + pages("book", "appendix-*.html")
    a_files += pages("nomicon", "*.html") + pages("edition-guide", "**/*.html")
    a_files = [f for f in a_files if os.path.basename(f) not in skip]
    write(os.path.join(out, "prose-a.txt"), A_TITLE, a_files, A_MAX)
    new_files = pages("cargo/guide", "*.html") + pages("cargo/reference", "*.html")
    new_files = [f for f in new_files if os.path.basename(f) not in skip]
    write(os.path.join(out, "prose-new.txt"), NEW_TITLE, new_files, NEW_MAX)


if __name__ == "__main__":
    main()
