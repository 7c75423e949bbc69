#!/usr/bin/env python3
"""Before/after table of two run-all.sh outputs (saved stdout).

    compare-runs.py BEFORE.txt AFTER.txt

One row per set, half and detection list: plagdet, link F1 and false alarms, before -> after.
"""
import sys


def load(path):
    rows = {}
    for line in open(path):
        f = line.split()
        if len(f) >= 12 and f[2] in ("links", "passages"):
            rows[(f[0], f[1], f[2])] = f[3:]
    return rows


def main():
    before, after = load(sys.argv[1]), load(sys.argv[2])
    print(f'{"set":26} {"half":6} {"det":8} {"plagdet":>15} {"linkF1":>15} {"FA":>9}')
    for k in sorted(after):
        if k not in before:
            continue
        x, y = before[k], after[k]
        print(f"{k[0]:26} {k[1]:6} {k[2]:8} {x[2]:>6} → {y[2]:<6} {x[7]:>6} → {y[7]:<6} {x[8]:>3} → {y[8]:<3}")


if __name__ == "__main__":
    main()
