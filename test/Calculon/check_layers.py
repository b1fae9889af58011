#!/usr/bin/env python3
"""Compare `calcc llm -l` per-layer statistics with Calculon's golden layers.

For every case of layers.jsonl.gz (one JSON line per accepted golden case),
runs `calcc llm MODEL EXEC SYSTEM OUT.json -l` on the case's inputs and
compares each layer record: same names in the same order, every number within
a relative tolerance. Prints one summary line: "layers: N/M cases match".
"""
import argparse, gzip, json, math, os, subprocess, sys, tempfile


def close(want, have, rtol):
    if isinstance(want, str):
        return want == have
    if not isinstance(have, (int, float)) or isinstance(have, bool):
        return False
    if math.isinf(want) or math.isinf(have):
        return want == have
    if want == 0:
        return abs(have) <= 1e-12
    return abs(have - want) <= rtol * abs(want)


def check_case(calcc, case, layers, rtol):
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for part in ("model", "execution", "system"):
            paths[part] = os.path.join(tmp, part + ".json")
            with open(paths[part], "w") as f:
                json.dump(case[part], f)
        out = os.path.join(tmp, "out.json")
        p = subprocess.run([calcc, "llm", paths["model"], paths["execution"],
                            paths["system"], out, "-l"],
                           capture_output=True, text=True)
        if p.returncode != 0:
            return [f"exit {p.returncode}: {p.stderr.strip()[:200]}"]
        got = json.load(open(out)).get("layers", [])
    if len(got) != len(layers):
        return [f"{len(got)} layers, want {len(layers)}"]
    bad = []
    for want, have in zip(layers, got):
        for key, value in want.items():
            if key not in have or not close(value, have[key], rtol):
                bad.append(f"{want['name']}.{key}: want {value!r}, "
                           f"got {have.get(key)!r}")
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calcc", required=True)
    ap.add_argument("--goldens", required=True,
                    help="folder with case-*.json and layers.jsonl.gz")
    ap.add_argument("--rtol", type=float, default=1e-9)
    a = ap.parse_args()
    good = total = 0
    with gzip.open(os.path.join(a.goldens, "layers.jsonl.gz"), "rt") as f:
        for line in f:
            entry = json.loads(line)
            case = json.load(open(os.path.join(a.goldens,
                                               entry["case_id"] + ".json")))
            total += 1
            bad = check_case(a.calcc, case, entry["layers"], a.rtol)
            if bad:
                print(f"MISMATCH {entry['case_id']}: " + "; ".join(bad[:3]))
            else:
                good += 1
    print(f"layers: {good}/{total} cases match")
    return 0 if good == total and total > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
