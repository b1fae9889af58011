#!/usr/bin/env bash
# Runs clang-tidy (the checked-in .clang-tidy) over calcc's own sources: every .cpp of
# the default build's compile_commands.json but ANTLR's generated parser, and the
# project headers they include. Prints the warnings and a count; fails if there is
# any. A few CPU-minutes (206 files; docs/fuzzing.md has measured times);
# .ci/run runs it last (docs/fuzzing.md, "Lint").
#   tools/tidy.sh [-j N] [FILE-REGEX]   e.g. tools/tidy.sh -j 2 'eval/calculon/'
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=2
if [ "${1:-}" = -j ]; then jobs=$2; shift 2; fi
filter=${1:-/(frontend|ir|eval|lsp|tools|stdlib|bench|test)/}
./tools/bootstrap.sh tidy
[ -f build/compile_commands.json ] || cmake --preset default >/dev/null
# The stdlib's embedded sources are generated into build/ and are not ours to lint.
files=$(python3 - "$filter" <<'PY'
import json, re, sys
root = __import__("os").getcwd()
for c in json.load(open("build/compile_commands.json")):
    f = c["file"]
    if f.startswith(root + "/") and "/build" not in f[len(root):] and re.search(sys.argv[1], f):
        print(f)
PY
)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# Colours stripped; a header's warning is reported once, not once per includer.
run-clang-tidy-14 -p build -j "$jobs" -quiet $files 2>/dev/null |
  sed 's/\x1b\[[0-9;]*m//g' | grep -E '^/.*: (warning|error):' | sort -u >"$out" || true
cat "$out"
count=$(wc -l <"$out")
echo "tidy: $count warnings in $(echo "$files" | wc -w) files"
[ "$count" = 0 ]
