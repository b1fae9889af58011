"""Summarises a `calcc llm` stats JSON for moe-llm.test: whether Calculon's
96 keys come first and in order, which keys follow, and a few MoE values."""
import json
import sys

CALCULON_LAST = "sample_rate"

stats = json.load(open(sys.argv[1]))
keys = list(stats)
end = keys.index(CALCULON_LAST) + 1
print("calculon keys", end, "in order" if keys[0] == "block_fw_flops" else "")
print("then", " ".join(keys[end:]))
if "total_params" in stats:
    for key in ("total_params", "active_params", "moe_blocks_per_proc",
                "moe_tokens_dropped"):
        print(key, stats[key])
    parts = sum(stats[k] for k in (
        "fw_time", "bw_time", "optim_step_time", "fw_offload_exposed_time",
        "bw_offload_exposed_time", "recompute_time", "recomm_exposed_time",
        "bubble_time", "tp_comm_exposed_time", "pp_comm_exposed_time",
        "dp_comm_exposed_time"))
    total = parts + stats["moe_a2a_exposed_time"] + stats["moe_etp_comm_time"]
    print("a2a in total:", abs(total - stats["total_time"]) < 1e-9 * total)
if "layers" in stats:
    print("layers", " ".join(l["name"] for l in stats["layers"]
                             if l["name"].startswith("MoeBlock")))
