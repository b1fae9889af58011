#!/usr/bin/env python3
"""Run every ```calc example of Markdown documents through calcc.

A block is a complete program. By default `calcc run` must succeed on it
(outputs go to a scratch directory). A marker comment on the line before the
fence changes what is expected:
  <!-- expect-error: TEXT -->  `calcc run` exits 1 with "error: TEXT" on stderr;
  <!-- prelude -->             schema syntax: the block is appended to a copy of
                               the stdlib's prelude and `calcc check` must accept
                               a file using that stdlib;
  <!-- fragment -->            part of a program, on purpose: not run (and
                               listed as such, so fragments stay few and seen).
A block fenced ```calc fragment is a fragment too.
Prints one line per block ("DOC block N (line L): ok", "... fragment" or
"... FAILED ..."), then "N blocks, F fragments, M failed".

Usage: run_snippets.py CALCC STDLIB_DIR WORK_DIR DOC.md|DIR...
(a directory stands for its *.md files, in name order)
"""
import os
import re
import shutil
import subprocess
import sys

# A fence may be indented (a block inside a list item): its lines lose the
# fence's indentation.
FENCE = re.compile(r"^(?P<indent> *)```calc(?P<fragment>\s+fragment)?\s*$")
MARKER = re.compile(r"^<!--\s*(expect-error:\s*(?P<error>.*?)|(?P<prelude>prelude)"
                    r"|(?P<fragment>fragment))\s*-->$")


def blocks(lines):
    """(line number, marker match or None, is fragment, source) for each
    ```calc block."""
    i = 0
    while i < len(lines):
        fence = FENCE.match(lines[i])
        if fence:
            start = i + 1
            end = start
            indent = len(fence.group("indent"))
            while end < len(lines) and lines[end].strip() != "```":
                end += 1
            marker = MARKER.match(lines[i - 1].strip()) if i > 0 else None
            fragment = bool(fence.group("fragment")) or \
                bool(marker and marker.group("fragment"))
            yield start, marker, fragment, "".join(
                line[indent:] if line[:indent].isspace() else line.lstrip()
                for line in lines[start:end])
            i = end
        i += 1


def documents(paths):
    for path in paths:
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                if name.endswith(".md"):
                    yield os.path.join(path, name)
        else:
            yield path


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
    calcc, stdlib, work = (os.path.abspath(a) for a in sys.argv[1:4])
    failed = total = fragments = 0
    for doc in documents(sys.argv[4:]):
        with open(doc, encoding="utf-8") as f:
            lines = f.readlines()
        name = os.path.basename(doc)
        for index, (line, marker, fragment, source) in enumerate(blocks(lines)):
            total += 1
            where = f"{name} block {index} (line {line})"
            if fragment:
                fragments += 1
                print(f"{where}: fragment")
                continue
            problem = check(calcc, stdlib, total, marker, source, work)
            if problem:
                failed += 1
                print(f"{where}: FAILED {problem}")
            else:
                print(f"{where}: ok")
    print(f"{total} blocks, {fragments} fragments, {failed} failed")
    return 1 if failed or not total else 0


if __name__ == "__main__":
    sys.exit(main())
