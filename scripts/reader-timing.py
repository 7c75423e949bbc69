#!/usr/bin/env python3
"""The reader's start-up and idle cost, measured from outside (issue 14).

    python3 scripts/reader-timing.py [COPYCAT] [--runs N] [--cols 200 --rows 60]

Starts `copycat` (the bundled articles) in a pseudo-terminal of the given
size, N times, and reports the median of:

- first output: from the start of the process to its first byte on the
  terminal (it has parsed the bundled articles and taken the terminal);
- first frame: to the first frame that shows the pair (the text of the
  Reuters story on screen: ranked, aligned and drawn);
- idle CPU: CPU time (user + system, from /proc) the process uses over
  3 seconds once the screen has settled, with no input: it should be 0.

Then it presses q and checks that the reader exits. No timing here is a
test: the numbers go to BENCHMARKS.md.
"""
import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import termios
import time

args = sys.argv[1:]
copycat = "target/release/copycat"
runs, cols, rows = 5, 200, 60
i = 0
while i < len(args):
    a = args[i]
    if a == "--runs":
        runs = int(args[i + 1]); i += 2
    elif a == "--cols":
        cols = int(args[i + 1]); i += 2
    elif a == "--rows":
        rows = int(args[i + 1]); i += 2
    else:
        copycat = a; i += 1

# Text of the Reuters story's body: on screen once the first pair is drawn.
MARK = b"non-paper"
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # utime and stime are fields 14 and 15 (1-based), 12 and 13 after ")".
    return int(fields[11]) + int(fields[12])


def one_run():
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = dict(os.environ, TERM="xterm-256color")
        env.pop("NO_COLOR", None)
        os.execve(copycat, [copycat], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    first_byte = first_frame = None
    seen = b""
    last_output = time.monotonic()
    while True:
        r, _, _ = select.select([fd], [], [], 0.05)
        now = time.monotonic()
        if r:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            if first_byte is None:
                first_byte = now - t0
            seen = (seen + data)[-65536:]
            if first_frame is None and MARK in seen:
                first_frame = now - t0
            last_output = now
            # Answer a cursor-position query, if the terminal library asks.
            if b"\x1b[6n" in data:
                os.write(fd, b"\x1b[1;1R")
            # Answer the Primary Device Attributes request, as every
            # terminal does: copycat sends it behind its background-colour
            # question (OSC 11, which this pty does not answer), and the
            # answer tells it that no other is coming. Without it copycat
            # waits out its 100 ms timeout, which no real terminal costs.
            if b"\x1b[c" in data:
                os.write(fd, b"\x1b[?62;22c")
        elif first_frame is not None and now - last_output > 1.0:
            break
        if now - t0 > 20:
            break
    # Settled: measure CPU over 3 idle seconds.
    c0 = cpu_ticks(pid)
    time.sleep(3)
    c1 = cpu_ticks(pid)
    os.write(fd, b"q")
    deadline = time.monotonic() + 5
    status = None
    while time.monotonic() < deadline:
        try:
            select.select([fd], [], [], 0.05)
            os.read(fd, 65536)
        except OSError:
            pass
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status = st
            break
    if status is None:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    return first_byte, first_frame, (c1 - c0) / TICKS, status == 0


results = [one_run() for _ in range(runs)]
ms = lambda xs: statistics.median(xs) * 1e3
fb = [r[0] for r in results if r[0] is not None]
ff = [r[1] for r in results if r[1] is not None]
idle = [r[2] for r in results]
ok = all(r[3] for r in results)
load = open("/proc/loadavg").read().split()[:3]
print(f"reader at {cols}x{rows}, {runs} runs, load {' '.join(load)}:")
print(f"  first output: median {ms(fb):.1f} ms (min {min(fb) * 1e3:.1f})" if fb else "  no output")
print(f"  first frame with the pair: median {ms(ff):.1f} ms (min {min(ff) * 1e3:.1f})" if ff else "  pair never shown")
print(f"  CPU while idle for 3 s: {max(idle):.2f} s at most")
print(f"  exits on q: {'yes' if ok else 'NO'}")
