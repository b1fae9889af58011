"""Compares a `calcc llm` prediction of Megatron's TFLOPS per GPU
(`model_flops_per_proc`) with a measured value: prints both and the error,
and exits 1 if the error exceeds the tolerance (in %)."""
import json
import sys

path, measured, tolerance = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
predicted = json.load(open(path))["model_flops_per_proc"] / 1e12
error = 100.0 * (predicted - measured) / measured
print(f"predicted {predicted:.1f} TFLOPS/GPU, measured {measured:g}, "
      f"error {error:+.1f} %")
sys.exit(0 if abs(error) <= tolerance else 1)
