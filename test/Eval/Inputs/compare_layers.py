#!/usr/bin/env python3
"""Compares `output json r.layers` (keys "stat [unit]", SI values) with the
"layers" of `calcc llm -l`, value by value (exact)."""
import json
import re
import sys

ours = json.load(open(sys.argv[1]))
theirs = json.load(open(sys.argv[2]))["layers"]
if len(ours) != len(theirs):
    sys.exit(f"{len(ours)} layers, llm has {len(theirs)}")
stats = 0
for i, (a, b) in enumerate(zip(ours, theirs)):
    a = {re.sub(r" \[.*\]$", "", k): v for k, v in a.items()}
    if set(a) != set(b):
        sys.exit(f"layer {i}: keys differ: {sorted(set(a) ^ set(b))}")
    for k, v in b.items():
        if a[k] != v:
            sys.exit(f"layer {i} {k}: {a[k]!r} vs llm {v!r}")
    stats = len(b) - 1
print(f"{len(ours)} layers, {stats} statistics each: identical to calcc llm -l")
