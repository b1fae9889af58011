#!/usr/bin/env python3
"""Print the first ```calc block of a Markdown document that contains TEXT, so a
test can run a snippet of the README exactly as written.

Usage: extract_block.py DOC.md TEXT
"""
import sys


def main():
    doc, text = sys.argv[1], sys.argv[2]
    with open(doc, encoding="utf-8") as f:
        lines = f.readlines()
    i = 0
    while i < len(lines):
        if lines[i].rstrip() == "```calc":
            j = i + 1
            while lines[j].rstrip() != "```":
                j += 1
            block = "".join(lines[i + 1:j])
            if text in block:
                sys.stdout.write(block)
                return 0
            i = j
        i += 1
    sys.stderr.write("no ```calc block contains %r\n" % text)
    return 1


if __name__ == "__main__":
    sys.exit(main())
