#!/usr/bin/env python3
"""Replay the shell sessions of a Markdown document and compare their output.

A session is a ```text block holding `$ cat FILE` followed by the file's lines,
then `$ calcc run FILE` followed by what it prints: standard output, then
standard error. The file is written to a scratch directory, run, and the
output compared line by line (trailing spaces ignored). Prints one line per
session ("session N (line L): ok" or "FAILED ..." with a diff), then
"N sessions, M failed".

Usage: run_sessions.py CALCC DOC.md WORK_DIR
"""
import difflib
import os
import subprocess
import sys


def sessions(lines):
    """(line number, file name, file text, command args, expected output)."""
    i = 0
    while i < len(lines):
        if lines[i].rstrip() == "```text" and i + 1 < len(lines) \
                and lines[i + 1].startswith("$ cat "):
            start = i + 1
            name = lines[start][len("$ cat "):].strip()
            j = start + 1
            body = []
            while not lines[j].startswith("$ calcc "):
                body.append(lines[j])
                j += 1
            args = lines[j][len("$ calcc "):].split()
            j += 1
            out = []
            while lines[j].rstrip() != "```":
                out.append(lines[j].rstrip())
                j += 1
            while body and not body[-1].strip():
                body.pop()
            yield start + 1, name, "".join(body), args, out
            i = j
        i += 1


def main():
    calcc, doc, work = (os.path.abspath(a) for a in sys.argv[1:4])
    with open(doc, encoding="utf-8") as f:
        lines = f.readlines()
    failed = total = 0
    for index, (line, name, text, args, expected) in enumerate(sessions(lines)):
        total += 1
        folder = os.path.join(work, "session%d" % index)
        os.makedirs(folder)
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write(text)
        proc = subprocess.run([calcc] + args, cwd=folder, capture_output=True,
                              text=True, timeout=300)
        got = [l.rstrip() for l in (proc.stdout + proc.stderr).splitlines()]
        while got and not got[-1]:
            got.pop()
        if got == expected:
            print("session %d (line %d): ok" % (index, line))
        else:
            failed += 1
            print("FAILED session %d (line %d):" % (index, line))
            sys.stdout.writelines(l + "\n" for l in difflib.unified_diff(
                expected, got, "document", "calcc", lineterm=""))
    print("%d sessions, %d failed" % (total, failed))
    return 1 if failed or not total else 0


if __name__ == "__main__":
    sys.exit(main())
