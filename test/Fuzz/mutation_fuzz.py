#!/usr/bin/env python3
"""Deterministic mutation fuzzer for calcc (no input may crash calcc).

Two targets:
  calc  mutates the .calc corpus (stdlib, examples, tests) with byte and token
        mutations and runs `calcc check` and `calcc run` on every mutant;
  json  mutates Calculon's model/execution/system JSON files (under
        test/Calculon/Inputs/calculon) and runs `calcc llm MODEL EXEC SYSTEM OUT.json`.

A run fails when calcc dies of a signal, exits with a code other than 0/1, times
out, prints a crash marker (stack dump, LLVM ERROR, terminate, sanitizer report),
or - for `llm` - rejects an input without an `error:` line or leaves an output
file behind. The seed fixes every choice, so a failure report ("mutant N")
reproduces exactly; --keep DIR saves the failing inputs.

By hand, e.g. against the sanitizer build:
  python3 test/Fuzz/mutation_fuzz.py --calcc build-asan/bin/calcc --src-root . \
      --iterations 5000 --seed 42 --timeout 30 --keep /tmp/fuzz-failures
  python3 test/Fuzz/mutation_fuzz.py --target json \
      --calcc build/bin/calcc --src-root . --iterations 5000
"""
import argparse
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

CRASH_MARKERS = ("Stack dump", "LLVM ERROR", "terminate called", "Sanitizer",
                 "runtime error:", "Assertion `", "PLEASE submit", "Segmentation fault")

# grammar/CalcLexer.g4's keywords (contextual ones last), and a few near misses.
KEYWORDS = ["and", "as", "assert", "by", "else", "evaluate", "expect", "false", "if",
            "import", "in", "keep", "let", "maximize", "minimize", "mod", "not", "or",
            "output", "require", "search", "steps", "super", "then", "true", "where",
            "within", "model", "system", "execution", "schema", "derived", "table",
            "csv", "json", "to", "training", "self", "std", "top"]
PUNCT = list("(){}[]<>=+-*/%^,.:;!?@#$&|~\"'\\`") + [
    "..", "...", "==", "!=", "<=", ">=", "->", "=>", "${", "//", "/*", "*/", "\n"]
UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "kB", "MB", "GB", "TB", "b", "Gb",
         "s", "ms", "us", "ns", "h", "min", "flop", "Tflop", "GHz", "W", "kW",
         "B/s", "GB/s", "TB/s", "Gb/s", "flop/s", "Tflop/s", "Pflop/s", "bogus"]
NUMBERS = ["0", "-0", "1", "-1", "0.0", "1e308", "1e309", "-1e308", "1e-320",
           "9223372036854775807", "9223372036854775808", "-9223372036854775808",
           "99999999999999999999999999", "1_000_000", "0x10", "1.5e", "1/0",
           "0/0", "2^1024", "2^63", "(-1)^0.5", "1%", "150%", "1e999999"]
NASTY_BYTES = [b"\xff", b"\xc3", b"\xe2\x82", b"\x00", b"\xf0\x9f\x98\x80",
               b"\r", b"\t", b"\x1b[31m", "é".encode()]

TOKEN_RE = re.compile(
    rb'"(?:[^"\\\n]|\\.)*"?|//[^\n]*|/\*.*?\*/|[0-9][0-9_.eE+\-]*[0-9A-Za-z_]*'
    rb'|[A-Za-z_][A-Za-z0-9_]*|\s+|\$\{|\.\.\.?|[=!<>]=|->|.', re.S)


def tokenize(data):
    return TOKEN_RE.findall(data)


def significant(tokens):
    return [i for i, t in enumerate(tokens) if not t.isspace()]


def random_insert(rng):
    pick = rng.randrange(5)
    if pick == 0:
        return rng.choice(KEYWORDS).encode()
    if pick == 1:
        return rng.choice(PUNCT).encode()
    if pick == 2:
        return (" " + rng.choice(UNITS)).encode()
    if pick == 3:
        return (" " + rng.choice(NUMBERS) + " ").encode()
    return rng.choice(NASTY_BYTES)


def nest(rng, expr):
    depth = rng.choice([10, 200, 256, 257, 1100, 10000])
    opener, closer = rng.choice([(b"(", b")"), (b"[", b"]"), (b"{", b"}"),
                                 (b"-", b""), (b"not ", b""), (b"(", b"")])
    return opener * depth + expr + closer * depth


def mutate_tokens(rng, tokens):
    """One token-level mutation, in place."""
    sig = significant(tokens) or [0]
    if not tokens:
        tokens.append(random_insert(rng))
        return
    i = rng.choice(sig)
    kind = rng.randrange(8)
    if kind == 0:
        del tokens[i]
    elif kind == 1:
        tokens.insert(i, tokens[i])
    elif kind == 2:
        j = rng.choice(sig)
        tokens[i], tokens[j] = tokens[j], tokens[i]
    elif kind == 3:
        tokens.insert(i, random_insert(rng))
    elif kind == 4:
        tokens[i] = random_insert(rng)
    elif kind == 5:
        tokens[i] = nest(rng, tokens[i])
    elif kind == 6:
        # Copy a span from elsewhere in the file (duplicated declarations,
        # fields moved into the wrong block).
        j = rng.choice(sig)
        span = tokens[j:j + rng.randint(1, 30)]
        tokens[i:i] = span
    else:
        tokens[i:i + rng.randint(1, 20)] = []


VALUES = ["0", "1", "2", "3", "7", "-1", "0.5", "1e30", "1e-30", "9223372036854775807",
          "1e308", "1000000", "0.0", "(0 - 1)", "(1 / 3)", "2^62", "2^63", "-2^63"]


def mutate_values(rng, tokens):
    """Changes that keep the syntax: other numbers, names and units, so that
    mutants reach Sema, evaluation and the cost model, not only the parser."""
    keywords = {k.encode() for k in KEYWORDS}
    names = sorted({t for t in tokens
                    if re.match(rb"[A-Za-z_]", t) and t not in keywords})
    spots = [i for i, t in enumerate(tokens)
             if re.match(rb"[A-Za-z_0-9]", t) and t not in keywords]
    for _ in range(rng.randint(1, 3)):
        if not spots:
            return
        i = rng.choice(spots)
        if tokens[i][:1].isdigit() or not names or rng.random() < 0.3:
            tokens[i] = rng.choice(VALUES).encode()
        elif rng.random() < 0.3:
            tokens[i] = rng.choice(UNITS).encode()
        else:
            tokens[i] = rng.choice(names)


def mutate_calc(rng, data):
    if rng.random() < 0.4:
        tokens = tokenize(data)
        mutate_values(rng, tokens)
        return b"".join(tokens)
    kind = rng.randrange(10)
    if kind == 0:  # truncate
        return data[:rng.randrange(len(data) + 1)]
    if kind == 1 and data:  # byte flip
        b = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        return bytes(b)
    tokens = tokenize(data)
    for _ in range(rng.randint(1, 4)):
        mutate_tokens(rng, tokens)
    return b"".join(tokens)


# ---- JSON inputs for `calcc llm` -------------------------------------------

JSON_VALUES = [0, -1, 1, 2, 3, 7, 1.5, -0.0, 1e308, -1e308, 1e-320, 2**63,
               2**64, -(2**63), 10**30, True, False, None, "", "x", "float8",
               "float32", "full", "attn_only", "none", "rs_ag", "ar", "pipe",
               "ring", "multiquery", [], {}, [1, 2], {"a": 1}]
JSON_NUMBERS = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1e",
                "01", "0x10", "1.", ".5", "99999999999999999999999999"]


def json_paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from json_paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from json_paths(v, prefix + (i,))


def json_set(root, path, fn):
    if not path:
        return fn(root)
    parent = root
    for p in path[:-1]:
        parent = parent[p]
    result = fn(parent[path[-1]])
    if result is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = result
    return root


DELETE = object()


def mutate_json_value(rng, root):
    paths = [p for p in json_paths(root) if p]
    if not paths:
        return rng.choice(JSON_VALUES)
    path = rng.choice(paths)
    kind = rng.randrange(4)
    if kind == 0:
        return json_set(root, path, lambda v: DELETE)
    if kind == 1:
        return json_set(root, path, lambda v: rng.choice(JSON_VALUES))
    if kind == 2:
        return json_set(root, path, lambda v: v * rng.choice([0, -1, 2, 1000, 10**9])
                        if isinstance(v, (int, float)) and not isinstance(v, bool)
                        else v)
    return json_set(root, path, lambda v: [v] if rng.random() < 0.5 else {"v": v})


def mutate_json(rng, data):
    """A structural mutation (valid JSON, odd values) or a textual one."""
    if rng.random() < 0.6:
        root = json.loads(data)
        for _ in range(rng.randint(1, 3)):
            root = mutate_json_value(rng, root)
        return json.dumps(root, indent=1).encode()
    text = data.decode()
    kind = rng.randrange(4)
    if kind == 0:
        return data[:rng.randrange(len(data) + 1)]
    if kind == 1:
        nums = list(re.finditer(r"-?\d+(\.\d+)?", text))
        if nums:
            m = rng.choice(nums)
            text = text[:m.start()] + rng.choice(JSON_NUMBERS) + text[m.end():]
        return text.encode()
    if kind == 2:
        depth = rng.choice([100, 1000, 100000])
        return ("[" * depth + "]" * depth).encode()
    return mutate_calc(rng, data)


# ---- Running ---------------------------------------------------------------

def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, b"", b"timeout"
    return p.returncode, p.stdout, p.stderr


def crash_reason(code, out, err):
    if code is None:
        return "timed out"
    if code < 0:
        return "killed by signal %d" % -code
    if code not in (0, 1):
        return "exit code %d" % code
    text = err.decode("utf-8", "replace") + out.decode("utf-8", "replace")
    for marker in CRASH_MARKERS:
        if marker in text:
            return "printed '%s'" % marker
    return None


def check_calc_mutant(args, index, origin, data, work):
    path = os.path.join(work, "m%d.calc" % index)
    outdir = os.path.join(work, "o%d" % index)
    os.makedirs(outdir, exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    include = ["-I", os.path.dirname(origin)]
    failures = []
    for command in ("check", "run"):
        cmd = [args.calcc, command, "-j", "1", "-o", outdir] + include + [path]
        reason = crash_reason(*run(cmd, args.timeout))
        if reason:
            failures.append((command, reason))
    shutil.rmtree(outdir, ignore_errors=True)
    return failures


def check_json_mutant(args, index, role, inputs, data, work):
    path = os.path.join(work, "m%d.json" % index)
    with open(path, "wb") as f:
        f.write(data)
    files = dict(inputs)
    files[role] = path
    out = os.path.join(work, "o%d.json" % index)
    cmd = [args.calcc, "llm", files["model"], files["exec"], files["system"], out]
    code, stdout, stderr = run(cmd, args.timeout)
    reason = crash_reason(code, stdout, stderr)
    if not reason and code == 1:
        if not re.search(rb"(^|\n)error: \S", stderr):
            reason = "rejected without an 'error:' line"
        elif os.path.exists(out):
            reason = "rejected but wrote '%s'" % out
    if os.path.exists(out):
        os.remove(out)
    failures = [("llm " + role, reason)] if reason else []
    if role == "model":
        # llm-parameter-calculator reads the same model file alone.
        code, stdout, stderr = run([args.calcc, "lpc", path], args.timeout)
        reason = crash_reason(code, stdout, stderr)
        if not reason and code == 1 and not re.search(rb"(^|\n)error: \S", stderr):
            reason = "rejected without an 'error:' line"
        if reason:
            failures.append(("lpc", reason))
    return failures


def calc_corpus(root):
    files = []
    for pattern in ("stdlib/**/*.calc", "examples/*.calc", "test/**/*.calc"):
        files += glob.glob(os.path.join(root, pattern), recursive=True)
    return sorted(set(files))


def json_inputs(root):
    base = os.path.join(root, "test", "Calculon", "Inputs", "calculon")
    return {
        "model": sorted(glob.glob(os.path.join(base, "models", "*.json"))),
        "system": sorted(glob.glob(os.path.join(base, "systems", "*.json"))),
        "exec": [os.path.join(base, "examples", "3072_t4_p64_d12_mbs4_full.json")],
    }


def make_jobs(args):
    """Every mutant as (index, description, thunk), from the seed alone."""
    rng = random.Random(args.seed)
    jobs = []
    if args.target == "calc":
        corpus = calc_corpus(args.src_root)
        contents = {f: open(f, "rb").read() for f in corpus}
        # Half the mutants start from programs that run (examples, stdlib): many
        # test files are error cases already, which only exercise the front end.
        runnable = [f for f in corpus
                    if os.path.relpath(f, args.src_root).startswith(("examples", "stdlib"))]
        for i in range(args.iterations):
            origin = rng.choice(runnable if rng.random() < 0.5 else corpus)
            data = mutate_calc(rng, contents[origin])
            jobs.append((i, origin, data,
                         lambda w, i=i, o=origin, d=data: check_calc_mutant(args, i, o, d, w)))
    else:
        pools = json_inputs(args.src_root)
        for i in range(args.iterations):
            inputs = {k: rng.choice(v) for k, v in pools.items()}
            role = rng.choice(["model", "exec", "system"])
            data = mutate_json(rng, open(inputs[role], "rb").read())
            jobs.append((i, inputs[role], data,
                         lambda w, i=i, r=role, n=inputs, d=data:
                         check_json_mutant(args, i, r, n, d, w)))
    return jobs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calcc", required=True)
    parser.add_argument("--src-root", required=True)
    parser.add_argument("--target", choices=["calc", "json"], default="calc")
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", help="save failing mutants in this directory")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="calcc-fuzz-")
    failed = 0
    try:
        jobs = make_jobs(args)
        with ThreadPoolExecutor(max_workers=args.workers) as pool:
            results = list(pool.map(lambda job: job[3](work), jobs))
        for (index, origin, data, _), failures in zip(jobs, results):
            for command, reason in failures:
                failed += 1
                print("FAIL mutant %d of %s: calcc %s %s" %
                      (index, os.path.relpath(origin, args.src_root), command, reason))
                if args.keep:
                    os.makedirs(args.keep, exist_ok=True)
                    ext = ".calc" if args.target == "calc" else ".json"
                    with open(os.path.join(args.keep, "mutant-%d%s" % (index, ext)), "wb") as f:
                        f.write(data)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("%d mutants (%s, seed %d), %d failures" %
          (args.iterations, args.target, args.seed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
