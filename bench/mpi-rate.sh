#!/usr/bin/env bash
# The rate of one search over 1, 2 and 4 MPI ranks on this machine (docs/performance.md,
# "Search over MPI ranks"): Calculon's megatron-1T `loe` space (12.6 M candidates), one
# worker thread per rank, wall time from /usr/bin/time, and a check that every run wrote
# the bytes of the one-process run. Usage: bench/mpi-rate.sh [BUILD_DIR] [RANKS...]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
ranks=(1 2 4)
[ $# -gt 0 ] && ranks=("$@")
calcc=$build/bin/calcc
inputs=test/Calculon/Inputs/calculon
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
args=("$inputs/models/megatron-1T.json" 8192 4096 float16 "$inputs/systems/a100_80g.json")
# Open MPI: root needs these; more ranks than cores needs --oversubscribe.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
echo "cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in "${ranks[@]}"; do
  launch=()
  [ "$n" -gt 1 ] && launch=(mpirun --oversubscribe -n "$n")
  /usr/bin/time -f "%e %U %S" -o "$out/time" "${launch[@]}" "$calcc" loe "${args[@]}" \
    "$out/r$n.json" -f both -t 100 -c 1 2> "$out/log"
  read -r wall user sys < "$out/time"
  total=$(sed -n 's/^Total executions: //p' "$out/log")
  rate=$(awk -v t="$total" -v w="$wall" 'BEGIN { printf "%.2f", t / w / 1e6 }')
  same=yes
  [ "$n" -gt "${ranks[0]}" ] && ! cmp -s "$out/r${ranks[0]}.json" "$out/r$n.json" && same=NO
  echo "ranks $n: ${wall} s wall, $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') CPU-s, $rate M candidates/s, same bytes: $same"
done
