"""Re-evaluates every ranked execution of a loe JSON with `calcc llm` and checks
that the stats (values and Python int/float types) are identical.

usage: check_llm_parity.py CALCC MODEL SYSTEM LOE.json WORKDIR
"""
import json
import os
import subprocess
import sys


def typed(d):
    return {k: (type(v).__name__, v) for k, v in d.items() if k != "layers"}


def main():
    calcc, model, system, loe_path, work = sys.argv[1:6]
    loe = json.load(open(loe_path))
    for rank in range(len(loe)):
        entry = loe[str(rank)]
        exe_path = os.path.join(work, "exe-%d.json" % rank)
        out_path = os.path.join(work, "llm-%d.json" % rank)
        json.dump(entry["execution"], open(exe_path, "w"))
        subprocess.run([calcc, "llm", model, exe_path, system, out_path], check=True)
        want = typed(json.load(open(out_path)))
        got = typed(entry["stats"])
        if got != want:
            bad = [k for k in want if got.get(k) != want[k]]
            sys.exit("rank %d: stats differ from calcc llm: %s" % (rank, bad[:5]))
    print("llm parity ok: %d executions" % len(loe))


if __name__ == "__main__":
    main()
