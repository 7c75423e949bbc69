#!/usr/bin/env python3
"""Run `BINARY ARGS... A B` once per (binary, A, B) and replay its stdout from a cache after.

    cache_tool.py CACHE_DIR BINARY [ARGS...] A B

run-all.sh scores every set twice (--detections links, then passages); the tool is
deterministic, so the second pass reads the first pass's output instead of running it again.
A non-zero exit is passed through and nothing is cached.
"""
import hashlib
import os
import subprocess
import sys


def main():
    cache, argv = sys.argv[1], sys.argv[2:]
    key = hashlib.sha1("\0".join([os.path.abspath(a) if os.path.exists(a) else a for a in argv]).encode()).hexdigest()
    path = os.path.join(cache, key + ".json")
    if os.path.exists(path):
        sys.stdout.buffer.write(open(path, "rb").read())
        return 0
    out = subprocess.run(argv, capture_output=True)
    sys.stderr.buffer.write(out.stderr)
    sys.stdout.buffer.write(out.stdout)
    if out.returncode == 0:
        tmp = path + ".tmp%d" % os.getpid()
        with open(tmp, "wb") as f:
            f.write(out.stdout)
        os.replace(tmp, path)
    return out.returncode


if __name__ == "__main__":
    sys.exit(main())
