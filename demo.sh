#!/usr/bin/env bash
# The main job on the shipped samples: builds jixiao (installing Debian packages it needs) and runs
# it over every workbook in samples/. Usage: ./demo.sh
set -euo pipefail
JIXIAO_ROOT=$(cd "$(dirname "$0")" && pwd)
source "$JIXIAO_ROOT/scripts/common.sh"

ensure_packages "${JIXIAO_BUILD_PACKAGES[@]}"
configure_and_build "$JIXIAO_ROOT/build/release" -DCMAKE_BUILD_TYPE=Release -DJIXIAO_BUILD_TESTS=OFF
jixiao="$JIXIAO_ROOT/build/release/bin/jixiao"

shopt -s nullglob globstar
samples=("$JIXIAO_ROOT"/samples/**/*.xlsx)
((${#samples[@]})) || { echo "samples/ 中没有工作簿" >&2; exit 1; }
for f in "${samples[@]}"; do
  echo "==> jixiao dump ${f#"$JIXIAO_ROOT"/}"
  "$jixiao" dump "$f"
  echo
done
