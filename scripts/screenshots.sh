#!/usr/bin/env bash
# Screenshots of the real copycat binary in a real terminal.
#
# copycat runs inside tmux (a terminal emulator with a scriptable screen);
# `capture-pane -e` gives each screen as text with its colour escapes, and a
# small Python/Pillow renderer below paints that into a PNG, cell by cell,
# with DejaVu Sans Mono. Writes screenshots/{main,folder,sources,spread,help,narrow}.png.
#
# Needs: tmux, python3 with Pillow (`pip install pillow`), the DejaVu fonts
# (Debian: fonts-dejavu-core). COPYCAT_BIN picks a binary; otherwise a debug
# build is made with cargo.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/screenshots"
mkdir -p "$out"

if [[ -z "${COPYCAT_BIN:-}" ]]; then
  (cd "$root" && cargo build --quiet)
  COPYCAT_BIN="${CARGO_TARGET_DIR:-$root/target}/debug/copycat"
fi
command -v tmux >/dev/null || { echo "screenshots.sh: tmux is needed" >&2; exit 2; }
python3 -c 'import PIL' 2>/dev/null || { echo "screenshots.sh: python3 with Pillow is needed (pip install pillow)" >&2; exit 2; }

# A private tmux server, so that the user's own sessions are never touched.
sock="copycat-shots-$$"
tmp="$(mktemp -d)"
cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

t() { tmux -L "$sock" "$@"; }

# Wait (up to 30 s) until the screen shows a line matching $1.
wait_for() {
  for _ in $(seq 150); do
    if t capture-pane -p -t shots | grep -q -- "$1"; then return 0; fi
    sleep 0.2
  done
  echo "screenshots.sh: timed out waiting for: $1" >&2
  t capture-pane -p -t shots >&2
  exit 1
}

# Wait (up to 30 s) until no line matches $1.
wait_gone() {
  for _ in $(seq 150); do
    if ! t capture-pane -p -t shots | grep -qE -- "$1"; then return 0; fi
    sleep 0.2
  done
  echo "screenshots.sh: timed out waiting for this to go: $1" >&2
  exit 1
}

# The redraw after a key is quick but not instant: wait for the text that
# proves it, then capture.
shot() { t capture-pane -e -p -t shots >"$tmp/$1.ans"; }

# Main view: the Reuters story and the Palakshi article that lifts a quote
# from it almost word for word, typed in that order (A, then B). `c` focuses
# the first copied passage: the quote, level on both sides.
reuters="$root/articles/2025-11-26-reuters-us-peace-plan-drew-on-russian-non-paper.txt"
palakshi="$root/articles/2025-11-26-palakshi-us-plan-influenced-by-kremlin-non-paper.txt"
start() {
  t -f /dev/null new-session -d -s shots -x "$1" -y "$2" \
    "cd '$root' && env TERM=tmux-256color COLORTERM= '$COPYCAT_BIN' $3"
  t set-option -t shots status off
  t set-option -t shots window-size manual
  t resize-window -t shots -x "$1" -y "$2"
}

start 160 45 "articles/${reuters##*/} articles/${palakshi##*/}"
wait_for "pair 1/1"
t send-keys -t shots c
wait_for "link .*copied"
shot main

t send-keys -t shots '?'
wait_for "Legend"
shot help
t send-keys -t shots Escape
t send-keys -t shots q
sleep 0.5
t kill-server 2>/dev/null || true

# A folder: the reader opens on its most reused pair; the list (Tab) shows
# each article's title, file name and share found in A.
start 160 45 "articles/"
wait_for "pair 1/"
# The list's reuse shares (`…` until each article is aligned against A).
wait_gone '^│.    … '
t send-keys -t shots Tab
wait_for "Enter set A"
t send-keys -t shots j j
sleep 0.5
shot folder

# Who took from whom (w): each article under its likely source.
t send-keys -t shots w
wait_for "Who took from whom"
shot sources
# Esc alone: a key sent at once after it would read as Alt+key.
t send-keys -t shots Escape
sleep 0.3

# How the story spread (t): the list's selected article, back up to the
# Reuters story; its paragraphs down, a heat-map column for each article
# holding some.
t send-keys -t shots k k t
wait_for "pick an article"
shot spread
t send-keys -t shots Escape
sleep 0.3

# A narrow terminal: the list folds away, the panes stay readable.
t send-keys -t shots Tab
t resize-window -t shots -x 84 -y 30
wait_for "B copied"
t send-keys -t shots g
wait_for "date 2025-11-26"
shot narrow

python3 - "$tmp" "$out" <<'PY'
"""Render tmux `capture-pane -e` output (SGR escapes) to PNG."""
import re
import sys
import unicodedata
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

src, dst = Path(sys.argv[1]), Path(sys.argv[2])
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
SIZE = 15
fonts = {
    (False, False): ImageFont.truetype(str(FONT_DIR / "DejaVuSansMono.ttf"), SIZE),
    (True, False): ImageFont.truetype(str(FONT_DIR / "DejaVuSansMono-Bold.ttf"), SIZE),
    (False, True): ImageFont.truetype(str(FONT_DIR / "DejaVuSansMono-Oblique.ttf"), SIZE),
    (True, True): ImageFont.truetype(str(FONT_DIR / "DejaVuSansMono-BoldOblique.ttf"), SIZE),
}
CW = round(fonts[(False, False)].getlength("M"))
CH = round(SIZE * 1.3)
PAD = 12
BG = (30, 31, 36)
FG = (212, 212, 212)
# A dark theme's 16 colours (close to VS Code's terminal defaults).
PALETTE = [
    (40, 42, 46), (229, 83, 75), (87, 187, 91), (229, 192, 76),
    (86, 146, 226), (191, 107, 210), (66, 190, 205), (204, 204, 204),
    (110, 112, 118), (255, 119, 110), (120, 220, 120), (255, 220, 110),
    (120, 175, 255), (220, 140, 240), (100, 220, 235), (255, 255, 255),
]


def xterm(n):
    if n < 16:
        return PALETTE[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    v = 8 + (n - 232) * 10
    return (v, v, v)


class Pen:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None
        self.bg = None
        self.bold = self.dim = self.italic = self.under = self.rev = self.strike = False

    def sgr(self, params):
        ps = [int(p) if p else 0 for p in params.split(";")] if params else [0]
        i = 0
        while i < len(ps):
            p = ps[i]
            if p == 0:
                self.reset()
            elif p == 1:
                self.bold = True
            elif p == 2:
                self.dim = True
            elif p == 3:
                self.italic = True
            elif p == 4:
                self.under = True
            elif p == 7:
                self.rev = True
            elif p == 9:
                self.strike = True
            elif p == 22:
                self.bold = self.dim = False
            elif p == 23:
                self.italic = False
            elif p == 24:
                self.under = False
            elif p == 27:
                self.rev = False
            elif p == 29:
                self.strike = False
            elif 30 <= p <= 37:
                self.fg = PALETTE[p - 30]
            elif 90 <= p <= 97:
                self.fg = PALETTE[p - 90 + 8]
            elif 40 <= p <= 47:
                self.bg = PALETTE[p - 40]
            elif 100 <= p <= 107:
                self.bg = PALETTE[p - 100 + 8]
            elif p == 39:
                self.fg = None
            elif p == 49:
                self.bg = None
            elif p in (38, 48) and i + 1 < len(ps):
                if ps[i + 1] == 5 and i + 2 < len(ps):
                    c = xterm(ps[i + 2])
                    i += 2
                elif ps[i + 1] == 2 and i + 4 < len(ps):
                    c = tuple(ps[i + 2:i + 5])
                    i += 4
                else:
                    c = None
                if p == 38:
                    self.fg = c
                else:
                    self.bg = c
            i += 1

    def colours(self):
        fg = self.fg or FG
        bg = self.bg or BG
        if self.rev:
            fg, bg = bg, fg
        if self.dim:
            fg = tuple((a + b) // 2 for a, b in zip(fg, bg))
        return fg, bg


TOKEN = re.compile(r"\x1b\[([0-9;]*)m|\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|(.)", re.S)


def cells(line, pen):
    for m in TOKEN.finditer(line):
        if m.group(1) is not None:
            pen.sgr(m.group(1))
        elif m.group(2) is not None:
            yield m.group(2), pen


def render(ans, png):
    lines = ans.read_text(encoding="utf-8").rstrip("\n").split("\n")
    pen = Pen()
    grid = []
    for line in lines:
        row = []
        for ch, p in cells(line, pen):
            wide = unicodedata.east_asian_width(ch) in "WF"
            row.append((ch, p.colours(), p.bold, p.italic, p.under, p.strike, wide))
            if wide:
                row.append(None)
        grid.append(row)
    cols = max((len(r) for r in grid), default=1)
    img = Image.new("RGB", (cols * CW + 2 * PAD, len(grid) * CH + 2 * PAD), BG)
    d = ImageDraw.Draw(img)
    for y, row in enumerate(grid):
        for x, cell in enumerate(row):
            if cell is None:
                continue
            ch, (fg, bg), bold, italic, under, strike, wide = cell
            w = CW * (2 if wide else 1)
            x0, y0 = PAD + x * CW, PAD + y * CH
            if bg != BG:
                d.rectangle([x0, y0, x0 + w - 1, y0 + CH - 1], fill=bg)
            if ch.strip() and ch in "─│┃┌┐└┘├┤┬┴┼▏":
                # Box drawing joins across cells only if drawn to the cell edges.
                mid_x, mid_y = x0 + CW // 2, y0 + CH // 2
                horiz = {"─": (0, w), "┌": (CW // 2, w), "└": (CW // 2, w), "┐": (0, CW // 2 + 1), "┘": (0, CW // 2 + 1), "├": (CW // 2, w), "┤": (0, CW // 2 + 1), "┬": (0, w), "┴": (0, w), "┼": (0, w)}
                vert = {"│": (0, CH), "┌": (CH // 2, CH), "┐": (CH // 2, CH), "└": (0, CH // 2 + 1), "┘": (0, CH // 2 + 1), "├": (0, CH), "┤": (0, CH), "┬": (CH // 2, CH), "┴": (0, CH // 2 + 1), "┼": (0, CH)}
                if ch in horiz:
                    a, b = horiz[ch]
                    d.line([x0 + a, mid_y, x0 + b - 1, mid_y], fill=fg, width=1)
                if ch in vert:
                    a, b = vert[ch]
                    d.line([mid_x, y0 + a, mid_x, y0 + b - 1], fill=fg, width=1)
                if ch == "┃":
                    d.line([mid_x, y0, mid_x, y0 + CH - 1], fill=fg, width=3)
                if ch == "▏":
                    d.line([x0 + 1, y0 + 2, x0 + 1, y0 + CH - 3], fill=fg, width=2)
            elif ch.strip():
                d.text((x0, y0 + (CH - SIZE) // 2 - 1), ch, font=fonts[(bold, italic)], fill=fg)
            if under:
                d.line([x0, y0 + CH - 3, x0 + w - 1, y0 + CH - 3], fill=fg, width=1)
            if strike:
                d.line([x0, y0 + CH // 2, x0 + w - 1, y0 + CH // 2], fill=fg, width=1)
    img.save(png)
    print(f"wrote {png} ({img.width}x{img.height})")


for name in ("main", "folder", "sources", "spread", "help", "narrow"):
    render(src / f"{name}.ans", dst / f"{name}.png")
PY
