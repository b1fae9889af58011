#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset, build-fuzz/) and fuzzes each one
# (docs/fuzzing.md). Fails if any target finds anything.
#
#   tools/fuzz.sh [SECONDS] [libFuzzer flags...]   each target for SECONDS (default 20);
#                                                  CI runs `tools/fuzz.sh 20`
#   tools/fuzz.sh 3600 -jobs=2 -workers=2          a long campaign (an hour per job)
#   tools/fuzz.sh --rebuild-corpus                 re-derive fuzz/corpus/ from the tests
#   CALC_FUZZ_TARGETS="calc-fuzz-search" tools/fuzz.sh 60    only some targets
#
# First every input of fuzz/regressions/<target>/ (past findings) runs once; then the
# target fuzzes from fuzz/corpus/<target>/ (checked in, never written; both front-end
# targets use calc-fuzz-frontend's) and
# build-fuzz/fuzz-corpus/<target>/ (new inputs, kept between runs); logs go to
# build-fuzz/fuzz-logs/<target>/. A crash, sanitizer
# report, timeout, out-of-memory or leak is saved as build-fuzz/fuzz-findings/<target>/
# {crash,timeout,oom,leak}-<sha1>; reproduce it with `build-fuzz/bin/<target> FILE`.
# One line per target goes to stdout and to build-fuzz/fuzz-runs.tsv (date, target,
# seconds, CPU seconds, executions, coverage, findings), the campaign's record.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=$root/build-fuzz
all_targets=(calc-fuzz-frontend calc-fuzz-frontend-grammar calc-fuzz-calculon-json
             calc-fuzz-define calc-fuzz-search)
read -r -a targets <<< "${CALC_FUZZ_TARGETS:-${all_targets[*]}}"

# Per target: the longest input, and the time one input may take before it is a hang
# (a search evaluates up to a few hundred candidates twice, under ASan).
declare -A max_len=([calc-fuzz-frontend]=16384 [calc-fuzz-frontend-grammar]=16384
                    [calc-fuzz-calculon-json]=8192 [calc-fuzz-define]=512
                    [calc-fuzz-search]=64)
declare -A timeout=([calc-fuzz-frontend]=20 [calc-fuzz-frontend-grammar]=20
                    [calc-fuzz-calculon-json]=20 [calc-fuzz-define]=20
                    [calc-fuzz-search]=60)
common=(-rss_limit_mb=2048 -print_final_stats=1 -reload=0)
# The two front-end targets share one seed corpus (the same .calc files).
corpus_of() { [ "$1" = calc-fuzz-frontend-grammar ] && echo calc-fuzz-frontend || echo "$1"; }

./tools/bootstrap.sh fuzz
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! cmake --workflow --preset fuzz >"$log" 2>&1; then
  cat "$log" >&2
  echo "fuzz: the fuzz preset did not build" >&2
  exit 1
fi

if [ "${1:-}" = --rebuild-corpus ]; then
  raw=$build/fuzz-seeds
  rm -rf "$raw"
  python3 fuzz/make_corpus.py --src-root "$root" --out "$raw"
  for t in "${targets[@]}"; do
    [ "$(corpus_of "$t")" = "$t" ] || continue
    rm -rf "fuzz/corpus/$t" && mkdir -p "fuzz/corpus/$t"
    (cd "$raw" && "$build/bin/$t" -merge=1 -max_len="${max_len[$t]}" \
       -timeout="${timeout[$t]}" "${common[@]}" "$root/fuzz/corpus/$t" "$raw/$t") \
      >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
    echo "$t: $(ls "fuzz/corpus/$t" | wc -l) seeds, $(cat "fuzz/corpus/$t"/* | wc -c) bytes"
  done
  exit 0
fi

seconds=${1:-20}
shift || true
failed=0
for t in "${targets[@]}"; do
  work=$build/fuzz-corpus/$t findings=$build/fuzz-findings/$t logs=$build/fuzz-logs/$t
  rm -rf "$logs"
  mkdir -p "$work" "$findings" "$logs"
  flags=(-max_len="${max_len[$t]}" -timeout="${timeout[$t]}" "${common[@]}"
         -artifact_prefix="$findings/")
  # Past findings first: each must now pass.
  if [ -n "$(ls -A "fuzz/regressions/$t" 2>/dev/null)" ] &&
     ! "$build/bin/$t" "${flags[@]}" -runs=0 "fuzz/regressions/$t" >"$log" 2>&1; then
    cat "$log" >&2
    echo "fuzz: $t: a regression input of fuzz/regressions/$t fails again" >&2
    failed=1
    continue
  fi
  before=$(ls "$findings" | grep -cE '^(crash|timeout|oom|leak)-' || true)
  start=$(date +%s)
  cpu_start=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
  status=0
  # With -jobs, libFuzzer writes each job's log as fuzz-<n>.log in its directory.
  (cd "$logs" &&
   "$build/bin/$t" "${flags[@]}" -max_total_time="$seconds" "$@" \
     "$work" "$root/fuzz/corpus/$(corpus_of "$t")") >"$logs/run.log" 2>&1 || status=$?
  cpu=$(awk -v s="$cpu_start" -v hz="$(getconf CLK_TCK)" \
        '{printf "%.0f", ($14+$15+$16+$17-s)/hz}' /proc/$$/stat)
  after=$(ls "$findings" | grep -cE '^(crash|timeout|oom|leak)-' || true)
  runs=$(cat "$logs"/*.log | grep -o 'stat::number_of_executed_units: *[0-9]*' |
         awk '{n+=$2} END {print n+0}')
  cov=$(cat "$logs"/*.log | grep -o 'cov: [0-9]* ft: [0-9]*' | sort -k2n | tail -1)
  new=$((after - before))
  # The targets run in $logs: a file there other than libFuzzer's logs was left behind.
  stray=$(ls -A "$logs" | grep -vE '^(run|fuzz-[0-9]+)\.log$' || true)
  if [ -n "$stray" ]; then
    echo "fuzz: $t left files behind in $logs: $stray" >&2
    new=$((new + 1))
  fi
  line="$t: $(( $(date +%s) - start )) s, $cpu CPU s, $runs runs, ${cov:-cov: ?}, $new new findings"
  echo "$line"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$seconds" "$cpu" \
    "$runs" "${cov:-}" "$new" >>"$build/fuzz-runs.tsv"
  if [ "$status" != 0 ] || [ "$new" != 0 ]; then
    tail -n 40 "$logs"/*.log >&2
    echo "fuzz: $t found a problem (exit $status): see $findings/ and $logs/" >&2
    failed=1
  fi
done
exit $failed
