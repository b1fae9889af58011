#!/usr/bin/env python3
"""Writes the raw seed inputs of each libFuzzer target (docs/fuzzing.md) into OUT/<target>/.

The seeds come from the test suite: every .calc file of the stdlib, the examples and
test/ for the two front-end targets; Calculon's JSON inputs (each file alone, and
model/execution/system triples) for calc-fuzz-calculon-json; the -D arguments of the
lit tests plus one line per kind of path of fuzz/FuzzDefine.cpp's program for
calc-fuzz-define; fixed pseudo-random byte strings for calc-fuzz-search (its input
only steers choices). `tools/fuzz.sh --rebuild-corpus` minimizes them with
-merge=1 into fuzz/corpus/<target>/, which is checked in.
"""
import argparse
import glob
import hashlib
import os
import random
import re
import shlex

DEFINES = [
    "layers=8", "layers=0", "layers=-1", "width=4096", "width=1e6",
    "scale=0.5", "scale=2 GiB", 'name="x"', "name=1", "on=false", "on=1",
    "sizes=[2, 4]", "sizes=[]", "sizes=[1, [2]]", "time=1 s", "time=1 GiB",
    "m.hidden=8192", "m.num_blocks=layers * 2", "m.seq_size=0",
    "sys.mem1.capacity=40 GiB", "sys.mem1.capacity=-1 GiB",
    "sys.networks[0].bandwidth=100 GB/s", "sys.networks[1].size=16",
    "sys.networks[2].size=4", "sys.networks[0]=1", "sys.mem1[0].capacity=1 GiB",
    "plan.tensor_par=4\nplan.data_par=1", "plan.microbatch_size=2",
    'plan.activation_recompute="none"', 'plan.activation_recompute="bogus"',
    "plan.tensor_par=(1", "plan.bogus=1", "nothing=1", "m=megatron_22b",
    "layers=layers", "sizes=[x for x in [1]]",
]


def write(out, target, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src-root", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    root = args.src_root
    calc = sorted(glob.glob(f"{root}/stdlib/**/*.calc", recursive=True) +
                  glob.glob(f"{root}/examples/*.calc") +
                  glob.glob(f"{root}/test/**/*.calc", recursive=True))
    for path in calc:
        data = open(path, "rb").read()
        for target in ["calc-fuzz-frontend", "calc-fuzz-frontend-grammar"]:
            write(args.out, target, data)

    inputs = f"{root}/test/Calculon/Inputs/calculon"
    models = sorted(glob.glob(f"{inputs}/models/*.json"))
    systems = sorted(glob.glob(f"{inputs}/systems/*.json"))
    exes = sorted(glob.glob(f"{inputs}/examples/*.json"))
    for path in sorted(glob.glob(f"{root}/test/**/*.json", recursive=True)):
        write(args.out, "calc-fuzz-calculon-json", open(path, "rb").read())
    for m in models:
        for e in exes:
            for s in systems:
                write(args.out, "calc-fuzz-calculon-json", b"\0".join(
                    open(p, "rb").read() for p in (m, e, s)))

    for d in DEFINES:
        write(args.out, "calc-fuzz-define", d.encode())
    for path in sorted(glob.glob(f"{root}/test/**/*", recursive=True)):
        if not os.path.isfile(path) or not path.endswith((".calc", ".test")):
            continue
        for line in open(path, errors="replace"):
            if "RUN:" not in line or "-D" not in line:
                continue
            try:
                words = shlex.split(line.split("RUN:", 1)[1])
            except ValueError:
                continue
            defs = [words[i + 1] for i, w in enumerate(words[:-1]) if w == "-D"]
            defs += [w[2:] for w in words if w.startswith("-D") and len(w) > 2]
            if defs:
                write(args.out, "calc-fuzz-define", "\n".join(defs).encode())

    rng = random.Random(1)
    for n in range(64):
        write(args.out, "calc-fuzz-search",
              bytes(rng.randrange(256) for _ in range(8 + n % 24)))


if __name__ == "__main__":
    main()
