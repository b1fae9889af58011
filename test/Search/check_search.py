"""Checks on calcc's loe/lae outputs for the lit tests in test/Search.

  ranking FILE.json[.gz] [FUSED...]  ranks: sample_rate non-increasing, ties in
                                     enumeration order (docs/calculon-model.md §11.2), and the
                                     text is exactly what json.dumps prints
  topk LAE.csv LOE.json              the loe ranking equals a stable sort of the
                                     lae rows (which are in enumeration order)
  csv FILE.csv[.gz] COLUMNS          every row has COLUMNS cells; prints the row count
  exit CODE CMD...                   runs CMD, passes its stderr on, checks its exit code
"""
import csv
import gzip
import io
import json
import subprocess
import sys

RECOMPUTE = ["full", "attn_only", "none"]
COMM = ["ar", "p2p_rs_ag", "rs_ag"]
OVERLAP = ["none", "ring", "pipe"]


def read_text(path):
    if path.endswith(".gz"):
        return gzip.open(path).read().decode("utf-8")
    return open(path).read()


def enumeration_key(e, fused_order):
    """The position of an execution in Calculon's nesting (docs/calculon-model.md §11.2)."""
    flag = lambda b: 0 if b else 1  # every two-valued knob is [True, False]
    return (e["tensor_par"], e["pipeline_par"], e["pipeline_interleaving"],
            RECOMPUTE.index(e["activation_recompute"]), flag(e["optimizer_sharding"]),
            COMM.index(e["tensor_par_comm_type"]), flag(e["seq_par_ag_redo"]),
            flag(e["data_par_overlap"]), OVERLAP.index(e["tensor_par_overlap"]),
            flag(e["weight_offload"]), flag(e["activations_offload"]),
            flag(e["optimizer_offload"]), fused_order.index(e["fused_activation"]),
            e["microbatch_size"], e["tensor_par_net"], e["pipeline_par_net"],
            e["data_par_net"])


def ranking(path, fused):
    text = read_text(path)
    data = json.loads(text)
    expected = json.dumps(data) if path.endswith(".gz") else json.dumps(data, indent=2)
    if text != expected:
        sys.exit("%s: not laid out like json.dumps" % path)
    fused_order = [f == "true" for f in fused] or [True]
    ranks = [data[str(i)] for i in range(len(data))]
    for a, b in zip(ranks, ranks[1:]):
        ra, rb = a["stats"]["sample_rate"], b["stats"]["sample_rate"]
        if ra < rb:
            sys.exit("sample_rate increases: %r then %r" % (ra, rb))
        if ra == rb and not (enumeration_key(a["execution"], fused_order) <
                             enumeration_key(b["execution"], fused_order)):
            sys.exit("tie not in enumeration order at sample_rate %r" % ra)
    print("ranking ok: %d results" % len(ranks))


def topk(lae_path, loe_path):
    rows = list(csv.DictReader(io.StringIO(read_text(lae_path))))
    rows.sort(key=lambda r: float(r["sample_rate"]), reverse=True)  # stable
    loe = json.loads(read_text(loe_path))
    for i in range(len(loe)):
        e, row = loe[str(i)]["execution"], rows[i]
        # Python str() of the JSON values: ints stay ints, floats use repr.
        got = {k: str(v) for k, v in list(e.items()) + list(loe[str(i)]["stats"].items())}
        want = {k: row[k] for k in got}
        if got != want:
            diff = [k for k in got if got[k] != want[k]]
            sys.exit("rank %d differs in %s" % (i, diff[:5]))
    print("topk ok: %d ranks match %d rows" % (len(loe), len(rows)))


def check_csv(path, columns):
    rows = list(csv.reader(io.StringIO(read_text(path))))
    for n, row in enumerate(rows):
        if len(row) != columns:
            sys.exit("row %d has %d cells, expected %d" % (n, len(row), columns))
    print("csv ok: %d rows" % (len(rows) - 1))


def exit_code(code, cmd):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sys.stdout.write(proc.stderr.decode("utf-8"))
    if proc.returncode != code:
        sys.exit("exit code %d, expected %d" % (proc.returncode, code))
    print("exit %d" % code)


def main():
    what, args = sys.argv[1], sys.argv[2:]
    if what == "ranking":
        ranking(args[0], args[1:])
    elif what == "topk":
        topk(args[0], args[1])
    elif what == "csv":
        check_csv(args[0], int(args[1]))
    elif what == "exit":
        exit_code(int(args[0]), args[1:])
    else:
        sys.exit("unknown check " + what)


if __name__ == "__main__":
    main()
