#!/usr/bin/env bash
# The README's test command: installs what is missing, configures, builds and runs the
# whole suite (lit + gtest), ending with ctest's summary. Pass a preset name to test
# another build (e.g. `tools/test.sh asan`).
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/bootstrap.sh $([ "${1:-}" = fuzz ] && echo fuzz)
exec cmake --workflow --preset "${1:-default}"
