#!/usr/bin/env bash
# zlib against libdeflate (Debian libdeflate-dev) on whole parts: every deflated part of the corpus's
# .xlsx files and of the 1 M-cell mixed sheet (bench/make_compare_inputs.py), inflated by libzip as
# the reader does today, by zlib in 256 KiB chunks, by zlib whole and by libdeflate whole. Prints
# the minimum of the rounds by kind of part; the figures and the decision are in docs/design-notes.md
# ("Inflating: zlib stays").
# Usage: bench/inflate_bench.sh [CORPUS_DIR]   (default /work/shared/corpus/files; ROUNDS=5)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/common.sh"
JIXIAO_ROOT=$ROOT
corpus=${1:-/work/shared/corpus/files}
ensure_packages "${JIXIAO_BUILD_PACKAGES[@]}" libdeflate-dev zlib1g-dev python3-openpyxl
cmake -S "$ROOT" -B "$ROOT/build/release" -DCMAKE_BUILD_TYPE=Release -DJIXIAO_BUILD_TESTS=OFF >/dev/null
cmake --build "$ROOT/build/release" -j "$(jobs)" --target jixiao_inflate_bench >/dev/null
bench=$(find "$ROOT/build/release" -name jixiao_inflate_bench -type f | head -1)
inputs="$ROOT/build/bench/compare"
[[ -f $inputs/mixed.xlsx ]] || /usr/bin/python3 "$ROOT/bench/make_compare_inputs.py" "$inputs"
echo "== corpus: $corpus"
"$bench" --repeat "${ROUNDS:-5}" "$corpus"
echo "== 1 M cells (mixed.xlsx)"
"$bench" --repeat "${ROUNDS:-5}" "$inputs/mixed.xlsx"
