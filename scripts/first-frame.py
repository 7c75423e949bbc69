#!/usr/bin/env python3
"""Time from starting the reader to its first frame, in a pseudo-terminal.

    python3 scripts/first-frame.py [BINARY] FOLDER [--cols 160 --rows 48]

Starts `BINARY FOLDER` (default target/release/copycat) in a pty of the given
size, and prints the seconds until the screen shows the status bar's first
hint (`? help`), i.e. the first frame drawn; then how long until the first
pairs the ranking found show (`pair N/M so far`), if within 120 s.
Quits the reader with `q`.
"""
import os, pty, select, sys, time, struct, fcntl, termios, argparse

ap = argparse.ArgumentParser()
ap.add_argument("args", nargs="+")
ap.add_argument("--cols", type=int, default=160)
ap.add_argument("--rows", type=int, default=48)
a = ap.parse_args()
binary, folder = (a.args if len(a.args) == 2 else ["target/release/copycat", a.args[0]])
t0 = time.monotonic()
pid, fd = pty.fork()
if pid == 0:
    os.execv(binary, [binary, folder])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", a.rows, a.cols, 0, 0))
buf = b""
marks = {"first frame": b"help", "first pairs found": b"so far"}
seen = {}
deadline = t0 + 120
while time.monotonic() < deadline and len(seen) < len(marks):
    r, _, _ = select.select([fd], [], [], 0.05)
    if r:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        buf += chunk
        # Answer the Primary Device Attributes request as every terminal
        # does (copycat sends it behind its OSC 11 background question; the
        # answer says no other is coming, so it need not wait 100 ms).
        if b"\x1b[c" in chunk:
            os.write(fd, b"\x1b[?62;22c")
        now = time.monotonic() - t0
        for k, m in marks.items():
            if k not in seen and m in buf:
                seen[k] = now
                print(f"{k}: {now:.2f} s", flush=True)
os.write(fd, b"q")
time.sleep(0.3)
try:
    os.kill(pid, 9)
except ProcessLookupError:
    pass
