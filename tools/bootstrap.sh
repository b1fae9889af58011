#!/usr/bin/env bash
# Installs the Debian 12 packages calcc needs to build and test; `bootstrap.sh fuzz`
# adds clang and libFuzzer's runtime (the fuzz preset, tools/fuzz.sh), `bootstrap.sh
# tidy` clang-tidy (tools/tidy.sh).
# A no-op when everything is present; otherwise apt-get update + install,
# through sudo when not root. Less obvious entries: uuid-dev (Debian's ANTLR runtime
# CMake config links -luuid), zlib1g-dev (LLVMSupport's link interface names
# ZLIB::ZLIB), llvm-14-tools (FileCheck, not, lit), make (a minimal Debian lacks it),
# libopenmpi-dev and openmpi-bin (Open MPI: `mpirun -n N calcc ...`, docs/cli.md).
set -euo pipefail

packages=(g++ make cmake ninja-build python3 python3-psutil antlr4 default-jre-headless
          libantlr4-runtime-dev uuid-dev llvm-14-dev llvm-14-tools zlib1g-dev libfmt-dev
          libgtest-dev libbenchmark-dev libopenmpi-dev openmpi-bin)
for extra in "$@"; do
  case "$extra" in
    fuzz) packages+=(clang-14 libclang-rt-14-dev) ;;
    tidy) packages+=(clang-tidy-14) ;;
    *) echo "bootstrap: unknown package set '$extra' (fuzz, tidy)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "bootstrap: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "bootstrap: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
