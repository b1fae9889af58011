#!/usr/bin/env python3
"""Run every ```calc example of a Markdown document through calcc.

A block is a complete program. By default `calcc run` must succeed on it
(outputs go to a scratch directory). A marker comment on the line before the
fence changes what is expected:
  <!-- expect-error: TEXT -->  `calcc run` exits 1 with "error: TEXT" on stderr;
  <!-- prelude -->             schema syntax: the block is appended to a copy of
                               the stdlib's prelude and `calcc check` must accept
                               a file using that stdlib.
Prints one line per block ("block N (line L): ok" or "FAILED ..."), then
"N blocks, M failed".

Usage: run_snippets.py CALCC STDLIB_DIR DOC.md WORK_DIR
"""
import os
import re
import shutil
import subprocess
import sys

FENCE = re.compile(r"^```calc\s*$")
MARKER = re.compile(r"^<!--\s*(expect-error:\s*(?P<error>.*?)|(?P<prelude>prelude))\s*-->$")


def blocks(lines):
    """(line number, marker match or None, source) for each ```calc block."""
    i = 0
    while i < len(lines):
        if FENCE.match(lines[i]):
            start = i + 1
            end = start
            while end < len(lines) and lines[end].rstrip() != "```":
                end += 1
            marker = MARKER.match(lines[i - 1].strip()) if i > 0 else None
            yield start, marker, "".join(lines[start:end])
            i = end
        i += 1


def run(cmd, cwd):
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)


def check(calcc, stdlib, index, marker, source, work):
    folder = os.path.join(work, f"block{index}")
    os.makedirs(folder)
    program = os.path.join(folder, "example.calc")
    if marker and marker.group("prelude"):
        lib = os.path.join(folder, "stdlib")
        shutil.copytree(stdlib, lib)
        with open(os.path.join(lib, "prelude.calc"), "a", encoding="utf-8") as f:
            f.write("\n" + source)
        with open(program, "w", encoding="utf-8") as f:
            f.write('import "std/calculon.calc"\n')
        result = run([calcc, "check", "--stdlib-dir", lib, program], folder)
        return None if result.returncode == 0 else result.stderr.strip()
    with open(program, "w", encoding="utf-8") as f:
        f.write(source)
    result = run([calcc, "run", "-o", folder, program], folder)
    if marker and marker.group("error") is not None:
        wanted = "error: " + marker.group("error")
        if result.returncode == 1 and wanted in result.stderr:
            return None
        return f"expected exit 1 and '{wanted}', got exit {result.returncode}: " \
               + result.stderr.strip()
    if result.returncode == 0 and "error:" not in result.stderr:
        return None
    return f"exit {result.returncode}: " + result.stderr.strip()


def main():
    calcc, stdlib, doc, work = (os.path.abspath(a) for a in sys.argv[1:5])
    with open(doc, encoding="utf-8") as f:
        lines = f.readlines()
    failed = total = 0
    for index, (line, marker, source) in enumerate(blocks(lines)):
        total += 1
        problem = check(calcc, stdlib, index, marker, source, work)
        if problem:
            failed += 1
            print(f"block {index} (line {line}): FAILED {problem}")
        else:
            print(f"block {index} (line {line}): ok")
    print(f"{total} blocks, {failed} failed")
    return 1 if failed or not total else 0


if __name__ == "__main__":
    sys.exit(main())
