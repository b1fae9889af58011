"""Compares `calcc lpc` output with expected total and active parameter counts.

Reads lpc's output on stdin ("NAME -> 46.703 G", Calculon's base-1000 format) and
finds the total (the first count) and the active count (the first count after the
word "active", else the second count). Prints one line per count, "ok" when it is
within --tolerance (relative) of the expected value, else "MISMATCH" or "MISSING",
for FileCheck to match.
"""
import argparse
import re
import sys

PREFIXES = {"": 1.0, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15}
COUNT = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*([kMGTP]?)\b")


def counts(text):
    """The counts after '->', in order, as numbers of parameters."""
    _, _, tail = text.partition("->")
    return [(m.start(), float(m.group(1)) * PREFIXES[m.group(2)])
            for m in COUNT.finditer(tail)], tail


def report(label, got, expected, tolerance):
    if got is None:
        print(f"{label}: MISSING (expected {expected / 1e9:.3f} G)")
        return False
    error = (got - expected) / expected
    verdict = "ok" if abs(error) <= tolerance else "MISMATCH"
    print(f"{label}: {got / 1e9:.3f} G, expected {expected / 1e9:.3f} G "
          f"({error:+.2%}): {verdict}")
    return verdict == "ok"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--total", type=float, required=True)
    parser.add_argument("--active", type=float, required=True)
    parser.add_argument("--tolerance", type=float, default=0.01)
    args = parser.parse_args()
    found, tail = counts(sys.stdin.read())
    total = found[0][1] if found else None
    where = tail.lower().find("active")
    after = [c for pos, c in found if where >= 0 and pos > where]
    active = after[0] if after else (found[1][1] if len(found) > 1 else None)
    ok = report("total", total, args.total, args.tolerance)
    ok = report("active", active, args.active, args.tolerance) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
