#!/usr/bin/env bash
# Titles and dates of real web pages with known answers: the saved pages of
# Postlight's Mercury parser (github.com/postlight/parser, MIT or
# Apache-2.0), whose tests state each page's headline and publication time.
# Nothing of it is copied into this repository. (Mercury saved these pages
# after its own parse: <script> elements, JSON-LD among them, are gone, and
# <meta> tags hold their `content` as `value`, which the copies read here
# turn back.)
#
#   scripts/pages-meta-bench.sh PARSER_DIR [--per-page]
#
# PARSER_DIR is a checkout (or `git archive`) of postlight/parser holding
# fixtures/*.html and src/extractors/custom/*/index.test.js. Each test file
# names the fixture it reads (`readFileSync('./fixtures/NAME.html')`) and
# asserts its `title` and `date_published`; a file with several fixtures
# gives one page for each. Prints, for all pages and for each half (split
# by the first byte of the SHA-256 of the fixture's name: even tunes, odd
# is held out):
#   - titles: how many copycat gives, how many equal the known one (spaces
#     collapsed, typographic quotes and dashes as plain ones), and how many
#     have the same words (case, punctuation and spacing aside);
#   - dates: of the pages with a known date, how many copycat dates, how
#     many on the known day (the known time is UTC, the page's own day may
#     be a day off across time zones: within a day is counted apart).
# --per-page lists every page of the tuning half whose title or date is
# wrong (the held-out half is only ever counted).
set -euo pipefail
src=${1:?usage: scripts/pages-meta-bench.sh PARSER_DIR [--per-page]}
shift
src=$(cd "$src" && pwd)
per_page=0
for a in "$@"; do
  case $a in
    --per-page) per_page=1 ;;
    *) echo "unknown option: $a" >&2; exit 2 ;;
  esac
done
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$repo" && nice cargo build --quiet --release --example extract)
python3 - "$src" "$work" "$repo/target/release/examples/extract" "$per_page" <<'PY'
import datetime, glob, hashlib, json, os, re, subprocess, sys
src, work, extract, per_page = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"

def js_string(q, body):
    # The few escapes these tests use.
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)

STRING = r"""(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`)"""
def asserted(field, text):
    m = re.search(r"assert\.equal\(\s*" + field + r"\s*,\s*(?:(null)|" + STRING + r")\s*,?\s*\)", text, re.S)
    if not m:
        return None, False
    if m.group(1):
        return None, True
    body = next(g for g in m.groups()[1:] if g is not None)
    return js_string(None, body), True

pages = {}  # fixture name -> {"title": ..., "date": ...}
for test in sorted(glob.glob(os.path.join(src, "src/extractors/custom/*/index.test.js"))):
    text = open(test, encoding="utf-8").read()
    reads = list(re.finditer(r"readFileSync\(\s*['\"]\./fixtures/([^'\"]+\.html)['\"]", text))
    for i, m in enumerate(reads):
        part = text[m.end(): reads[i + 1].start() if i + 1 < len(reads) else len(text)]
        name = m.group(1)
        if name in pages or not os.path.exists(os.path.join(src, "fixtures", name)):
            continue
        title, has_title = asserted("title", part)
        date, has_date = asserted("date_published", part)
        if not (has_title or has_date):
            continue
        pages[name] = {"title": title if has_title else None, "has_title": has_title,
                       "date": date, "has_date": has_date}

# Mercury saved each fixture from its own parse of the page, which renames
# every <meta>'s `content` to `value` (its normalize-meta-tags.js) and drops
# <script> elements, JSON-LD among them. The copies read here give the
# <meta> tags their `content` back; JSON-LD is lost for good, so these pages
# test the meta tags, the markup and the text, not JSON-LD.
META_VALUE = re.compile(r"(<meta\b[^>]*?\s)value=", re.I)
files = []
os.makedirs(os.path.join(work, "pages"))
for n in sorted(pages):
    html = open(os.path.join(src, "fixtures", n), encoding="utf-8", errors="surrogateescape").read()
    html = META_VALUE.sub(lambda m: m.group(0) if re.search(r"\scontent=", m.group(1), re.I) else m.group(1) + "content=", html)
    path = os.path.join(work, "pages", n)
    open(path, "w", encoding="utf-8", errors="surrogateescape").write(html)
    files.append(path)
out = subprocess.run([extract, "--json"] + files, capture_output=True, text=True, check=True).stdout
pred = json.loads(out)

def key(name):
    return name[: -len(".html")]
def half(name):
    return "tune" if hashlib.sha256(name.encode()).digest()[0] % 2 == 0 else "held"
PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
def plain(s):
    return " ".join(s.translate(PLAIN).split())
def words(s):
    return re.findall(r"\w+", s.lower())
def day_of(iso):
    # The known time, as UTC.
    t = datetime.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return t.date()

rows = []
for name, want in pages.items():
    meta = (pred.get(key(name)) or {}).get("meta") or {}
    got_title = meta.get("title")
    got_date = meta.get("date")
    r = {"name": name, "half": half(name), "want": want, "title": got_title, "date": got_date}
    if want["has_title"] and want["title"]:
        r["title_exact"] = got_title is not None and plain(got_title) == plain(want["title"])
        r["title_words"] = got_title is not None and words(got_title) == words(want["title"])
    if want["has_date"] and want["date"]:
        wd = day_of(want["date"])
        gd = datetime.date.fromisoformat(got_date) if got_date else None
        r["date_exact"] = gd == wd
        r["date_near"] = gd is not None and abs((gd - wd).days) <= 1
    rows.append(r)

for name in ("all", "tune", "held"):
    mine = [r for r in rows if name == "all" or r["half"] == name]
    titled = [r for r in mine if "title_exact" in r]
    given = sum(1 for r in titled if r["title"])
    exact = sum(r["title_exact"] for r in titled)
    same = sum(r["title_words"] for r in titled)
    dated = [r for r in mine if "date_exact" in r]
    dgiven = sum(1 for r in dated if r["date"])
    dexact = sum(r["date_exact"] for r in dated)
    dnear = sum(r["date_near"] for r in dated)
    print(f"{name}: {len(mine)} pages; titles known {len(titled)}: given {given}, "
          f"exact {exact} ({100*exact/max(1,len(titled)):.1f}%), same words {same} ({100*same/max(1,len(titled)):.1f}%); "
          f"dates known {len(dated)}: given {dgiven}, on the day {dexact} ({100*dexact/max(1,len(dated)):.1f}%), "
          f"within a day {dnear} ({100*dnear/max(1,len(dated)):.1f}%)")
refused = [n for n in pages if "refused" in (pred.get(key(n)) or {})]
print(f"refused: {len(refused)} of {len(pages)}")
if per_page:
    for r in sorted((r for r in rows if r["half"] == "tune"), key=lambda r: r["name"]):
        if r.get("title_exact") is False:
            print(f"{r['half']} title {r['name']}: got {r['title']!r}, known {r['want']['title']!r}")
        if r.get("date_near") is False or r.get("date_exact") is False:
            print(f"{r['half']} date  {r['name']}: got {r['date']}, known {r['want']['date']}")
PY
