#!/usr/bin/env python3
"""Differential test of the incremental `.calc` search.

A search worker evaluates its candidates on one reused instance, resetting
only what read a domain whose choice changed (eval/SearchCandidates.cpp);
`--search-fresh-candidates` evaluates every candidate, domain list and input
`where` on a fresh instance instead. The two must agree byte for byte. This
generates random searches from a seed (domains in and out of dependency order,
co-design domains over entities and nested blocks, dependent lists, enum and
integer values the fields reject, failing `require` lines, input and result
`where`s, objectives with tie-breakers, a second search whose domains read
the first's rows) and compares the incremental run on
two threads with the fresh run on one: stdout, stderr and exit status.

Prints "N programs (seed S), M searched, K differences" and, per difference,
the program; run more by hand with --iterations N --seed S.
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile

PRELUDE = '''import "std/calculon.calc"
system no_mem_bandwidth: a100_80g {
  mem1 { bandwidth = 0 GB/s }
}
model partial {
  hidden = 4096
  seq_size = 2048
}
'''

MODELS = [
    "= megatron_5b",
    "= megatron_22b",
    "in [megatron_5b, partial, megatron_22b]",
    "in [megatron_22b, megatron_5b]",
    "= megatron_5b { seq_size in [1024, 2048] }",
]
SYSTEMS = [
    "= a100_80g",
    "in [a100_80g, no_mem_bandwidth]",
    "= a100_80g { mem1 { bandwidth in [1.5, 3] TB/s } }",
    'in [a100_80g, a100_80g { processing_mode = "roofline" }]',
    "= a100_80g { networks[1] { bandwidth in [25, 50] GB/s } }",
]
WHERES = [
    "where execution.pipeline_par <= 4",
    "where model.num_blocks mod execution.pipeline_par == 0",
    "where execution.microbatch_size * execution.tensor_par <= 4",
    "where total_time < 3 s",
    "where execution.data_par > 1",
]
OBJECTIVES = [
    "minimize total_time",
    "maximize sample_rate\n  keep 5",
    "minimize total_time then maximize sample_rate\n  keep 4",
    "",
]


def program(seed):
    """A random search program; the same for the same seed."""
    r = random.Random(seed)
    tp = r.choice(["tensor_par in [1, 2, 4]", "tensor_par in [1, 2.0, 2.5]",
                   "tensor_par in [1, 2]", "tensor_par = 2"])
    pp = r.choice(["pipeline_par in divisors(model.num_blocks)",
                   "pipeline_par in [1, 2]",
                   "pipeline_par in (if tensor_par > 1 then [1] else [1, 2])",
                   "pipeline_par = 1"])
    mb = r.choice(["microbatch_size in divisors(batch_size / data_par)",
                   "microbatch_size in [1, 2]",
                   "microbatch_size in (if pipeline_par > 1 then [1] else [1, 2, 4])"])
    ar = r.choice(['activation_recompute in ["full", "none"]',
                   'activation_recompute in ["full", "bogus", "none"]',
                   'activation_recompute = "full"'])
    ov = r.choice(["data_par_overlap in (if data_par > 1 then [true, false] else [false])",
                   "data_par_overlap in [true, false]", ""])
    wo = r.choice(["weight_offload = if pipeline_par > 1 then data_par_overlap "
                   "else microbatch_size > 1",
                   "weight_offload in [true, false]", ""])
    osh = r.choice(["optimizer_sharding in [true, false]",
                    "optimizer_sharding in (if data_par > 1 then [true, false] else [false])",
                    ""])
    net = r.choice(["data_par_net in (if data_par > 1 then [0, 1] else [0])",
                    "tensor_par_net in [0, 1]", ""])
    domains = [d for d in [tp, pp, ar, osh, ov, wo, mb, net] if d]
    if r.random() < 0.3:  # Often out of order: forward reads are errors.
        r.shuffle(domains)
    elif r.random() < 0.5:
        i, j = r.randrange(len(domains)), r.randrange(len(domains))
        domains[i], domains[j] = domains[j], domains[i]
    require = r.choice([
        "", 'require microbatch_size * tensor_par <= 4 : "rows"',
        'require not weight_offload or activation_recompute == "full" : "offload"'])
    body = ["num_procs = 8"] + domains + [
        "data_par = num_procs / (tensor_par * pipeline_par)",
        "batch_size = 16 * data_par"] + ([require] if require else [])
    wheres = r.sample(WHERES, r.randint(0, 3))
    lines = [PRELUDE + "search s = training {",
             "  model " + r.choice(MODELS),
             "  system " + r.choice(SYSTEMS),
             "  execution = calculon_example_3072 {"]
    lines += ["    " + b for b in body]
    lines += ["  }"] + ["  " + w for w in wheres]
    lines += ["  " + r.choice(OBJECTIVES), "}", "output csv s"]
    if r.random() < 0.3:  # A second search whose domains read the first's rows.
        lines += ["search t = training {",
                  "  model = megatron_5b",
                  "  system = a100_80g",
                  "  execution = calculon_example_3072 {",
                  "    num_procs = 8",
                  "    tensor_par in [s[0].execution.tensor_par, 1]",
                  "    pipeline_par in (if len(s) > 1 then [s[1].execution.pipeline_par] else [1, 2])",
                  "    data_par = num_procs / (tensor_par * pipeline_par)",
                  "    batch_size = 16 * data_par",
                  "    microbatch_size in divisors(batch_size / data_par)",
                  "  }",
                  "  minimize total_time",
                  "}",
                  "output csv t"]
    return "\n".join(lines + [""])


def run(calcc, path, extra):
    p = subprocess.run([calcc, "run", *extra, path], capture_output=True,
                       timeout=120)
    return p.returncode, p.stdout, p.stderr


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calcc", required=True)
    ap.add_argument("--iterations", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    searched = differences = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "search.calc")
        for i in range(args.iterations):
            text = program(args.seed * 1000003 + i)
            with open(path, "w") as f:
                f.write(text)
            incremental = run(args.calcc, path, ["-j", "2"])
            fresh = run(args.calcc, path, ["-j", "1", "--search-fresh-candidates"])
            if incremental != fresh:
                differences += 1
                print(f"difference in program {i}:\n{text}")
            elif b"candidates" in incremental[2]:
                searched += 1
    print(f"{args.iterations} programs (seed {args.seed}), {searched} searched, "
          f"{differences} differences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
