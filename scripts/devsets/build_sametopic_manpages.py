#!/usr/bin/env python3
"""Short independent explanations of one concept: a system call or library function explained by
three manuals written separately.

    build_sametopic_manpages.py --out-root /work/devsets [--man /usr/share/man]
        [--perlfunc /usr/share/perl/5.36.0/pod/perlfunc.pod]
        [--pydoc /usr/share/doc/python3-doc/html/library] [--n 200] [--n-reuse 40] [--seed 17]
        [--wordnet /usr/share/wordnet]

Sources (Debian 12 packages, nothing downloaded by hand): the Linux man-pages project's sections 2
and 3 (`manpages-dev`: the DESCRIPTION of `fork(2)`, rendered with groff), Perl's perlfunc
(`perl-doc`: the entry of `fork`), and Python's library reference (`python3-doc`: the entry of
`os.fork`, and of `time.*`, `math.*` and `signal.*` functions). Three manuals for three readers (a
C programmer, a Perl programmer, a Python programmer) explaining the same call: its name and
most of its topic words (process, child, parent, file descriptor) in every sentence, written by
different people. Perl's and Python's entries refer to the C manual (`See fork(2)`) but do not
copy it; pairs that share a 6-word sequence anyway are left out.

Each text is the function's name, a blank line and its explanation: prose paragraphs only (code
examples, tables of flags and "Availability:" / "Changed in version" notes left out), cut at a
paragraph boundary to at most 2,500 bytes. Pairs: one per function and pair of manuals, each text
at least two sentences and 150 bytes, no shared 6-word sequence; taken round-robin over the three
pairings in a seeded order, up to --n.
Sets written:
  sametopic-manpages        the pairs, no links (strict: every link is a false alarm);
  sametopic-manpages-reuse  the first --n-reuse pairs with 1-2 runs of A's sentences put into B,
                            verbatim or reworded (sametopic_reuse.py). Deterministic.
"""
import argparse
import glob
import gzip
import html
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import sentences  # noqa: E402
from sametopic_reuse import independent, write_pairs  # noqa: E402

MAX_BYTES = 2500
# Python's version and platform notes, one paragraph each.
NOTES = ("Raises an auditing event", "Availability", "Changed in version", "New in version",
         "Added in version", "Deprecated since")


def cut(paragraphs):
    """Prose paragraphs joined with blank lines, cut at a paragraph boundary to MAX_BYTES."""
    out = []
    for p in paragraphs:
        p = re.sub(r"\s+", " ", p).strip()
        if not p or not re.search(r"[a-z].*[.:;]", p):
            continue
        if len("\n\n".join(out + [p]).encode()) > MAX_BYTES:
            break
        out.append(p)
    return "\n\n".join(out)


def man_pages(root):
    """{name: explanation} of man-pages sections 2 and 3: the DESCRIPTION section's prose."""
    out = {}
    for path in sorted(glob.glob(os.path.join(root, "man[23]", "*.[23]*.gz"))):
        name = os.path.basename(path).split(".")[0]
        if name in out or name.startswith("_"):
            continue
        src = gzip.open(path).read()
        if src.lstrip().startswith(b".so"):
            continue  # an alias of another page
        txt = subprocess.run(["groff", "-mandoc", "-Tutf8", "-rLL=3000n", "-P-cbou"], input=src,
                             capture_output=True).stdout.decode("utf-8", "replace")
        m = re.search(r"^DESCRIPTION\n(.*?)(?=^[A-Z][A-Z ]+\n)", txt, re.S | re.M)
        if not m:
            continue
        # Paragraphs indented like the section's body (7 spaces); deeper ones are code, lists of
        # flags and tables.
        paras = [ln[7:] for ln in m.group(1).split("\n") if re.match(r" {7}\S", ln)]
        text = cut(paras)
        if text:
            out[name] = text
    return out


def pod_text(s):
    """POD formatting codes to plain text."""
    s = re.sub(r"X<[^>]*>", "", s)
    for _ in range(3):
        s = re.sub(r"L<([^|>]*)\|[^>]*>", r"\1", s)
        s = re.sub(r"L<\"?([^<>|\"]*)\"?>", r"\1", s)
        s = re.sub(r"[CIBFS]<<+ (.*?) >+>", r"\1", s)
        s = re.sub(r"[CIBFS]<([^<>]*)>", r"\1", s)
    s = s.replace("E<gt>", ">").replace("E<lt>", "<").replace("E<verbar>", "|").replace("E<sol>", "/")
    return s


def perlfunc(path):
    """{name: explanation} of perlfunc's entries: the prose paragraphs after an entry's =item
    lines (verbatim code paragraphs left out)."""
    pod = open(path, encoding="utf-8", errors="replace").read()
    start = pod.index("=head2 Alphabetical Listing of Perl Functions")
    out = {}
    blocks = re.split(r"\n\n+", pod[start:])
    name, paras = None, []
    for b in blocks:
        if b.startswith("=item "):
            if name and paras and name not in out:
                out[name] = cut(paras)
            if paras or name is None:
                name = re.match(r"=item\s+(\w+)", b)
                name = name.group(1) if name else None
                paras = []
            continue
        if b.startswith("=") or b.startswith((" ", "\t")):
            continue  # commands and verbatim code
        paras.append(pod_text(b))
    return {k: v for k, v in out.items() if v}


def python_docs(folder):
    """{name: explanation} of the Python library reference's functions in os, time, math and
    signal (`os.fork` -> `fork`): the prose of each entry, without its version and platform notes."""
    out = {}
    for mod in ("os", "time", "math", "signal"):
        page = open(os.path.join(folder, f"{mod}.html"), encoding="utf-8").read()
        for m in re.finditer(r'<dt class="sig sig-object py" id="%s\.(\w+)">' % mod, page):
            name = m.group(1)
            dd = page.find("<dd>", m.end())
            if dd < 0 or name in out:
                continue
            # The entry's <dd>, nested <dd> elements counted.
            depth, i = 0, dd
            while True:
                nxt = re.search(r"<dd>|</dd>", page[i:])
                if not nxt:
                    break
                depth += 1 if nxt.group() == "<dd>" else -1
                i += nxt.end()
                if depth == 0:
                    break
            body = page[dd:i]
            body = re.sub(r'<div class="highlight[^"]*">.*?</div>', "", body, flags=re.S)
            body = re.sub(r"<dl.*?</dl>", "", body, flags=re.S)
            paras = [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r"<p>(.*?)</p>", body, re.S)]
            paras = [p for p in paras if not p.startswith(NOTES)]
            text = cut(paras)
            if text:
                out[name] = text
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out-root", required=True)
    ap.add_argument("--man", default="/usr/share/man")
    ap.add_argument("--perlfunc", default="/usr/share/perl/5.36.0/pod/perlfunc.pod")
    ap.add_argument("--pydoc", default="/usr/share/doc/python3-doc/html/library")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--n-reuse", type=int, default=40)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    args = ap.parse_args()
    srcs = {"man": man_pages(args.man), "perl": perlfunc(args.perlfunc), "python": python_docs(args.pydoc)}
    print("entries per manual:", {k: len(v) for k, v in srcs.items()}, file=sys.stderr)
    ok = lambda t: len(t.encode()) >= 150 and len(sentences(t)) >= 2
    queues = []
    for x, y in (("man", "perl"), ("man", "python"), ("perl", "python")):
        q = []
        for key in sorted(set(srcs[x]) & set(srcs[y])):
            a, b = f"{key}\n\n{srcs[x][key]}\n", f"{key}\n\n{srcs[y][key]}\n"
            if ok(srcs[x][key]) and ok(srcs[y][key]) and independent(a, b, 6):
                q.append((key, x, a, y, b))
        random.Random(f"{args.seed}-{x}-{y}").shuffle(q)
        queues.append(q)
    print("candidates per pairing:", [len(q) for q in queues], file=sys.stderr)
    pairs = []
    while len(pairs) < args.n and any(queues):
        for q in queues:
            if q and len(pairs) < args.n:
                key, x, a, y, b = q.pop()
                pairs.append((f"{x}-{key}.txt", a, f"{y}-{key}.txt", b, {"function": key, "sources": [x, y]}))
    meta = {"source": "Linux man-pages 6.03 (manpages-dev), perlfunc 5.36 (perl-doc), Python 3.11 library "
                      "reference (python3-doc), Debian 12 packages",
            "seed": args.seed, "a": "one manual's explanation of a function",
            "b": "another manual's explanation of the same function"}
    write_pairs(args.out_root, "sametopic-manpages", meta, pairs, args.wordnet, args.seed, args.n_reuse)


if __name__ == "__main__":
    main()
