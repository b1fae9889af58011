#!/usr/bin/env python3
"""Replay Calculon's golden cases (test/Calculon/Goldens) through `calcc llm`.

A case holds Calculon's three input documents and what Calculon did with them.
An accepted case passes when `calcc llm` exits 0 and writes every statistic
Calculon wrote, each within a relative tolerance (exact zeros within 1e-12;
nulls stay null). A rejected case passes when calcc exits 1 with an `error:`
line, writes no output file, and, when Calculon raised a user-level Llm.Error,
names the same check (the words of Calculon's message before its first
number). Prints one line per failing case, then
"parity: N/M cases match (accepted A/B, rejected R/S)".
"""
import argparse
import glob
import json
import math
import os
import re
import subprocess
import sys
import tempfile


def stat_problems(want_stats, got_stats, rtol):
    problems = []
    for key, want in want_stats.items():
        if key not in got_stats:
            problems.append(f"{key} missing")
            continue
        got = got_stats[key]
        if want is None or got is None:
            same = want is None and got is None
        elif want == 0:
            same = abs(got) <= 1e-12
        else:
            same = math.isfinite(got) and abs(got - want) <= rtol * abs(want)
        if not same:
            problems.append(f"{key}: Calculon {want!r}, calcc {got!r}")
    return problems


def check_name(message):
    """The words of an Llm.Error message before its first number or size."""
    return re.split(r"\s*[0-9]", message, maxsplit=1)[0].strip()


def replay(calcc, case, work, rtol):
    args = []
    for role in ("model", "execution", "system"):
        path = os.path.join(work, role + ".json")
        with open(path, "w") as f:
            json.dump(case[role], f)
        args.append(path)
    out = os.path.join(work, "stats.json")
    if os.path.exists(out):
        os.remove(out)
    run = subprocess.run([calcc, "llm", *args, out], capture_output=True,
                         text=True, timeout=60)
    if case["ok"]:
        if run.returncode != 0:
            return [f"exit {run.returncode}: {run.stderr.strip()[:200]}"]
        with open(out) as f:
            return stat_problems(case["stats"], json.load(f), rtol)
    problems = []
    if run.returncode != 1:
        problems.append(f"exit {run.returncode} for a rejected input")
    if "error:" not in run.stderr:
        problems.append("no 'error:' on stderr")
    if os.path.exists(out):
        problems.append("an output file was written")
    meta = case["meta"]
    if meta["error_class"] == "Llm.Error":
        name = check_name(meta["error_message"])
        if name not in run.stderr:
            problems.append(f"Calculon says '{meta['error_message']}', calcc "
                            f"'{run.stderr.strip()[:200]}'")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calcc", required=True)
    parser.add_argument("--goldens", required=True)
    parser.add_argument("--rtol", type=float, default=1e-9)
    args = parser.parse_args()
    counts = {True: [0, 0], False: [0, 0]}
    with tempfile.TemporaryDirectory() as work:
        for path in sorted(glob.glob(os.path.join(args.goldens, "case-*.json"))):
            with open(path) as f:
                case = json.load(f)
            problems = replay(args.calcc, case, work, args.rtol)
            tally = counts[case["ok"]]
            tally[1] += 1
            if problems:
                print(f"MISMATCH {os.path.basename(path)}: " + "; ".join(problems[:3]))
            else:
                tally[0] += 1
    good = counts[True][0] + counts[False][0]
    total = counts[True][1] + counts[False][1]
    print(f"parity: {good}/{total} cases match (accepted {counts[True][0]}/"
          f"{counts[True][1]}, rejected {counts[False][0]}/{counts[False][1]})")
    return 0 if total and good == total else 1


if __name__ == "__main__":
    sys.exit(main())
