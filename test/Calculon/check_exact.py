#!/usr/bin/env python3
"""Check that `calcc llm -l` writes Calculon's numbers exactly as Calculon does.

For every accepted golden case, every statistic and every per-layer value must
have the same JSON type (int vs float) and the same text (shortest repr) as in
the golden files: json.dumps(golden) == json.dumps(ours). Prints one summary
line: "exact: N/M cases identical".
"""
import argparse, gzip, json, os, subprocess, sys, tempfile


def run(calcc, case, tmp):
    paths = []
    for part in ("model", "execution", "system"):
        path = os.path.join(tmp, part + ".json")
        with open(path, "w") as f:
            json.dump(case[part], f)
        paths.append(path)
    out = os.path.join(tmp, "out.json")
    subprocess.run([calcc, "llm", *paths, out, "-l"], check=True,
                   capture_output=True)
    return json.load(open(out))


def differences(case, layers, got):
    bad = []
    for key, want in case["stats"].items():
        if json.dumps(want) != json.dumps(got.get(key)):
            bad.append(f"{key}: want {json.dumps(want)}, got "
                       f"{json.dumps(got.get(key))}")
    for want, have in zip(layers, got.get("layers", [])):
        for key, value in want.items():
            if json.dumps(value) != json.dumps(have.get(key)):
                bad.append(f"{want['name']}.{key}: want {json.dumps(value)}, "
                           f"got {json.dumps(have.get(key))}")
    if len(layers) != len(got.get("layers", [])):
        bad.append("layer count differs")
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calcc", required=True)
    ap.add_argument("--goldens", required=True)
    a = ap.parse_args()
    layers = {}
    with gzip.open(os.path.join(a.goldens, "layers.jsonl.gz"), "rt") as f:
        for line in f:
            entry = json.loads(line)
            layers[entry["case_id"]] = entry["layers"]
    good = total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for case_id in sorted(layers):
            case = json.load(open(os.path.join(a.goldens, case_id + ".json")))
            total += 1
            bad = differences(case, layers[case_id], run(a.calcc, case, tmp))
            if bad:
                print(f"DIFFERENT {case_id}: " + "; ".join(bad[:3]))
            else:
                good += 1
    print(f"exact: {good}/{total} cases identical")
    return 0 if good == total and total > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
