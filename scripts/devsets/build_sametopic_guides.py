#!/usr/bin/env python3
"""Long independent explanations of one subject: guides from different projects' manuals.

    build_sametopic_guides.py --out-root /work/devsets [--n-reuse 20] [--seed 23]
        [--man /usr/share/man] [--pod /usr/share/perl/5.36.0/pod]
        [--rst /usr/share/doc/python3.11/html/_sources] [--info /usr/share/info]
        [--wordnet /usr/share/wordnet]

The long counterpart of sametopic-manpages and sametopic-definitions: two texts of several
thousand words on one subject (regular expressions, Unicode, signals, classes and objects,
threads...), each a guide of its own project, so written by different people for different
readers: the Python documentation's HOWTOs and tutorial, Perl's tutorials (perlretut, perlootut,
perlunitut...), the Linux man-pages' overviews (regex(7), unicode(7), signal(7)...) and GNU's info
manuals (grep, sed, coreutils, diffutils). The shape of "two papers on the same problem": long
texts that use the subject's terms in every paragraph, with many chances for two sentences to
say the same thing in different words. Sources are Debian 12 packages (python3-doc, perl-doc,
manpages, grep, sed, coreutils, diffutils), read in place; nothing downloaded by hand.

Each text is the guide's title, a blank line and its prose: section headings kept as lines of
their own, code examples, tables, directives and lists of options left out, cut at a paragraph
boundary to at most --max-bytes. Pairs: every two guides on one subject from different projects
(two guides of one project may share text), with no shared 8-word sequence (two manuals quoting
one standard, or one quoting the other, are reuse). All pairs are written, in a seeded order.
Sets written:
  sametopic-guides        the pairs, no links (strict: every link is a false alarm);
  sametopic-guides-reuse  the first --n-reuse pairs with 1-2 runs of A's sentences put into B,
                          verbatim or reworded (sametopic_reuse.py). Deterministic.
"""
import argparse
import gzip
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_sametopic_manpages import pod_text  # noqa: E402
from common import sentences  # noqa: E402
from sametopic_reuse import independent, write_pairs  # noqa: E402

# subject -> [(project, kind, locator)]: kind rst (a file under --rst), pod (a file under --pod,
# optionally "file#=head1 title" for one part), man (a section 7 page), info (a manual and the
# node names to read, in order).
SUBJECTS = {
    "regular-expressions": [
        ("python", "rst", "howto/regex.rst.txt"),
        ("perl", "pod", "perlretut.pod"),
        ("man", "man", "regex"),
        ("gnu", "info", ("grep", ["Regular Expressions", "Fundamental Structure", "Character Classes and Bracket Expressions",
                                  "Special Backslash Expressions", "Anchoring", "Back-references and Subexpressions",
                                  "Basic vs Extended"])),
        ("gnu-sed", "info", ("sed", ["sed regular expressions", "Regexp Addresses", "BRE syntax", "ERE syntax",
                                     "Character Classes and Bracket Expressions", "regexp extensions", "Back-references and Subexpressions"])),
    ],
    "unicode": [
        ("python", "rst", "howto/unicode.rst.txt"),
        ("perl", "pod", "perlunitut.pod"),
        ("perl-intro", "pod", "perluniintro.pod"),
        ("man", "man", "unicode"),
        ("man-utf8", "man", "utf-8"),
    ],
    "signals": [
        ("python", "rst", "library/signal.rst.txt"),
        ("perl", "pod", "perlipc.pod#Signals"),
        ("man", "man", "signal"),
    ],
    "sockets": [
        ("python", "rst", "howto/sockets.rst.txt"),
        ("perl", "pod", "perlipc.pod#Sockets: Client/Server Communication"),
        ("man", "man", "socket"),
    ],
    "pipes": [
        ("perl", "pod", "perlipc.pod#Named Pipes"),
        ("man", "man", "pipe"),
    ],
    "classes-and-objects": [
        ("python", "rst", "tutorial/classes.rst.txt"),
        ("perl", "pod", "perlootut.pod"),
    ],
    "data-structures": [
        ("python", "rst", "tutorial/datastructures.rst.txt"),
        ("perl", "pod", "perldsc.pod"),
    ],
    "files-and-io": [
        ("python", "rst", "tutorial/inputoutput.rst.txt"),
        ("perl", "pod", "perlopentut.pod"),
    ],
    "modules": [
        ("python", "rst", "tutorial/modules.rst.txt"),
        ("perl", "pod", "perlmod.pod"),
    ],
    "debugging": [
        ("python", "rst", "library/pdb.rst.txt"),
        ("perl", "pod", "perldebtut.pod"),
    ],
    "threads": [
        ("python", "rst", "library/threading.rst.txt"),
        ("perl", "pod", "perlthrtut.pod"),
    ],
    "subroutines": [
        ("python", "rst", "tutorial/controlflow.rst.txt"),
        ("perl", "pod", "perlsub.pod"),
    ],
    "sorting": [
        ("python", "rst", "howto/sorting.rst.txt"),
        ("gnu", "info", ("coreutils", ["sort invocation"])),
    ],
    "comparing-files": [
        ("python", "rst", "library/difflib.rst.txt"),
        ("gnu", "info", ("diffutils", ["Overview", "Comparison", "Hunks", "White Space", "Blank Lines", "Case Folding",
                                       "Brief", "Binary"])),
    ],
    "filename-patterns": [
        ("python", "rst", "library/glob.rst.txt"),
        ("python-fnmatch", "rst", "library/fnmatch.rst.txt"),
        ("man", "man", "glob"),
    ],
    "character-sets": [
        ("python", "rst", "library/codecs.rst.txt"),
        ("man", "man", "charsets"),
    ],
}


def prose(paragraphs, max_bytes):
    """Paragraphs (each a ("h", text) heading or ("p", text)) joined with blank lines, prose
    only, cut at a paragraph boundary to max_bytes; a heading is kept only before prose."""
    out, heading = [], None
    for kind, p in paragraphs:
        p = re.sub(r"\s+", " ", p).strip()
        if not p:
            continue
        if kind == "h":
            heading = p
            continue
        # Prose: letters, and a sentence's end; not a line of code or a table row.
        if not re.search(r"[a-z]{3}.*[.:;?!]$", p) or len(p.split()) < 6:
            continue
        add = ([heading] if heading else []) + [p]
        if len("\n\n".join(out + add).encode()) > max_bytes:
            break
        out += add
        heading = None
    return "\n\n".join(out)


def rst_paragraphs(path):
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    out, cur, skip_indent = [], [], False
    for i, ln in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if re.match(r"^([=\-~^\"'*#+])\1{2,}\s*$", ln):
            continue  # a heading's under- or overline
        prev = lines[i - 1] if i else ""
        overlined = re.match(r"^([=\-~^\"'*#+])\1{2,}\s*$", prev)
        if ln.strip() and re.match(r"^([=\-~^\"'*#+])\1{2,}\s*$", nxt) and (overlined or not ln.startswith(" ")):
            if cur:
                out.append(("p", " ".join(cur)))
                cur = []
            out.append(("h", ln.strip()))
            continue
        if ln.startswith((" ", "\t")) or ln.startswith(".. ") or ln.startswith(">>>"):
            if cur:
                out.append(("p", " ".join(cur)))
                cur = []
            continue  # code, directives and their bodies, quoted blocks
        if not ln.strip():
            if cur:
                out.append(("p", " ".join(cur)))
                cur = []
            continue
        if re.match(r"^\s*([-*+]|\d+\.|#\.)\s", ln) or ln.startswith("|"):
            if cur:
                out.append(("p", " ".join(cur)))
                cur = []
            continue  # list items and line blocks
        cur.append(ln.strip())
    if cur:
        out.append(("p", " ".join(cur)))
    clean = []
    for kind, p in out:
        p = re.sub(r":[a-z:]+:`~?!?([^`<]*?)(?:\s*<[^>]*>)?`", r"\1", p)  # :func:`x` -> x
        p = re.sub(r"`([^`<]*?)\s*<[^>]*>`_+", r"\1", p)  # `text <url>`_ -> text
        p = re.sub(r"``([^`]*)``", r"\1", p)
        p = re.sub(r"`([^`]*)`_*", r"\1", p)
        p = re.sub(r"\*\*([^*]*)\*\*", r"\1", p)
        p = re.sub(r"\*([^*\s][^*]*)\*", r"\1", p)
        p = re.sub(r"\s*::$", ":", p)
        p = re.sub(r"\[#[^\]]*\]_", "", p)
        clean.append((kind, p))
    return clean


def pod_paragraphs(path, part=None):
    pod = open(path, encoding="utf-8", errors="replace").read()
    blocks = re.split(r"\n\s*\n", pod)
    out, inside, depth = [], part is None, 0
    for b in blocks:
        if b.startswith("=head1"):
            title = b[6:].strip()
            if part is not None:
                inside = pod_text(title).strip() == part
            if inside and part is None:
                out.append(("h", pod_text(title)))
            continue
        if not inside:
            continue
        if b.startswith(("=head2", "=head3", "=head4")):
            out.append(("h", pod_text(b.split(None, 1)[1] if " " in b else "")))
            continue
        if b.startswith("=over"):
            depth += 1
            continue
        if b.startswith("=back"):
            depth = max(0, depth - 1)
            continue
        if b.startswith("=") or b.startswith((" ", "\t")) or depth:
            continue  # commands, verbatim code, lists
        out.append(("p", pod_text(b)))
    return out


def man_paragraphs(root, name):
    src = gzip.open(os.path.join(root, "man7", f"{name}.7.gz")).read()
    txt = subprocess.run(["groff", "-mandoc", "-Tutf8", "-rLL=3000n", "-P-cbou"], input=src,
                         capture_output=True).stdout.decode("utf-8", "replace")
    out = []
    for ln in txt.split("\n"):
        if re.match(r"^[A-Z][A-Z ]+$", ln):
            if ln.strip() in ("NAME", "SEE ALSO", "COLOPHON", "SYNOPSIS", "BUGS", "NOTES", "VERSIONS",
                              "STANDARDS", "HISTORY", "EXAMPLES", "AUTHOR", "AUTHORS"):
                out.append(("stop", ln))
            else:
                out.append(("h", ln.strip().capitalize()))
        elif re.match(r" {7}\S", ln):
            out.append(("p", ln[7:]))
    kept, on = [], True
    for kind, p in out:
        if kind == "stop":
            on = False
            continue
        if kind == "h":
            on = True
        if on:
            kept.append((kind, p))
    return kept


def info_nodes(root, manual):
    """{node name: text} of a gzipped info manual (split files followed)."""
    parts = [os.path.join(root, f"{manual}.info.gz")]
    k = 1
    while os.path.exists(os.path.join(root, f"{manual}.info-{k}.gz")):
        parts.append(os.path.join(root, f"{manual}.info-{k}.gz"))
        k += 1
    text = "".join(gzip.open(p).read().decode("utf-8", "replace") for p in parts)
    nodes = {}
    for chunk in text.split("\x1f"):
        m = re.search(r"Node: ([^,\n]+)", chunk)
        if m:
            nodes.setdefault(m.group(1).strip(), chunk.split("\n", 2)[-1])
    return nodes


def info_paragraphs(root, manual, names):
    nodes = info_nodes(root, manual)
    out = []
    for name in names:
        body = nodes.get(name)
        if body is None:
            print(f"  (no node {name!r} in {manual})", file=sys.stderr)
            continue
        body = body.split("* Menu:")[0]
        for para in re.split(r"\n\s*\n", body):
            lines = para.split("\n")
            if re.match(r"^[=*\-.]{3,}$", lines[-1].strip()) and len(lines) >= 2:
                out.append(("h", re.sub(r"^[\d.]+\s+", "", lines[0].strip())))
                continue
            if any(ln.startswith("     ") for ln in lines) or para.lstrip().startswith(("*", "‘", "'")):
                continue  # examples, definition lists, menus
            out.append(("p", " ".join(ln.strip() for ln in lines)))
    return out


def guide_texts(args):
    """{(subject, project): text} of every guide of SUBJECTS long enough to keep."""
    texts = {}
    for subject, guides in SUBJECTS.items():
        for project, kind, where in guides:
            if kind == "rst":
                paras = rst_paragraphs(os.path.join(args.rst, where))
                title = next((p for k, p in paras if k == "h"), where)
            elif kind == "pod":
                file, _, part = where.partition("#")
                paras = pod_paragraphs(os.path.join(args.pod, file), part or None)
                title = part or file.removesuffix(".pod")
            elif kind == "man":
                paras = man_paragraphs(args.man, where)
                title = f"{where}(7)"
            else:
                manual, nodes = where
                paras = info_paragraphs(args.info, manual, nodes)
                title = f"{manual}: {nodes[0]}"
            body = prose(paras, args.max_bytes)
            if len(sentences(body)) < 10:
                print(f"  {subject}/{project}: too short ({len(body)} bytes), left out", file=sys.stderr)
                continue
            texts[(subject, project)] = f"{title}\n\n{body}\n"
    return texts


def add_guide_args(ap, seed):
    """The options of a set built from the guides: where the Debian packages put them, the
    output, and the reuse counterparts'."""
    ap.add_argument("--out-root", required=True)
    ap.add_argument("--man", default="/usr/share/man")
    ap.add_argument("--pod", default="/usr/share/perl/5.36.0/pod")
    ap.add_argument("--rst", default="/usr/share/doc/python3.11/html/_sources")
    ap.add_argument("--info", default="/usr/share/info")
    ap.add_argument("--max-bytes", type=int, default=24000)
    ap.add_argument("--n-reuse", type=int, default=20)
    ap.add_argument("--seed", type=int, default=seed)
    ap.add_argument("--wordnet", default="/usr/share/wordnet")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_guide_args(ap, seed=23)
    args = ap.parse_args()
    texts = guide_texts(args)
    pairs = []
    for subject, guides in SUBJECTS.items():
        have = [p for p, _, _ in guides if (subject, p) in texts]
        for i, x in enumerate(have):
            for y in have[i + 1:]:
                if x.split("-")[0] == y.split("-")[0]:
                    continue  # one project's two guides
                a, b = texts[(subject, x)], texts[(subject, y)]
                if not independent(a, b, 8):
                    print(f"  {subject}: {x} / {y} share an 8-word sequence, left out", file=sys.stderr)
                    continue
                pairs.append((f"{x}-{subject}.txt", a, f"{y}-{subject}.txt", b, {"subject": subject, "sources": [x, y]}))
    random.Random(args.seed).shuffle(pairs)
    words = sorted(len(t.split()) for t in texts.values())
    print(f"{len(texts)} guides ({words[0]}-{words[-1]} words, median {words[len(words) // 2]}), "
          f"{len(pairs)} pairs", file=sys.stderr)
    meta = {"source": "Python 3.11 documentation (python3-doc), Perl 5.36 pods (perl-doc), Linux man-pages "
                      "section 7 (manpages), GNU info manuals (grep, sed, coreutils, diffutils); Debian 12 packages",
            "seed": args.seed, "a": "one project's guide to a subject", "b": "another project's guide to it"}
    write_pairs(args.out_root, "sametopic-guides", meta, pairs, args.wordnet, args.seed, args.n_reuse)


if __name__ == "__main__":
    main()
