#!/usr/bin/env bash
# Benchmark: `jixiao dump --format csv` against openpyxl (read-only) and LibreOffice's CSV export on a
# 1,000,000-cell numeric workbook and a 300,000-cell string-heavy one. Prints cells per second,
# the ratios, and jixiao's peak memory against the largest sheet's uncompressed XML.
# Usage: bench/run.sh            (BENCH_SKIP_LO=1 skips LibreOffice, the slowest peer)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/common.sh"
JIXIAO_ROOT=$ROOT
ensure_packages "${JIXIAO_BUILD_PACKAGES[@]}" python3-openpyxl time unzip bc
configure_and_build "$ROOT/build/release" -DCMAKE_BUILD_TYPE=Release -DJIXIAO_BUILD_TESTS=OFF
jixiao="$ROOT/build/release/bin/jixiao"
data="$ROOT/build/bench"
[[ -f $data/numeric.xlsx && -f $data/strings.xlsx ]] || { echo "==> 生成基准工作簿"; /usr/bin/python3 "$ROOT/bench/make_workbooks.py" "$data"; }

# run_timed CMD... -> prints "seconds peak_kib" of the best of 3 runs (by time)
run_timed() {
  local best_t="" best_m="" t m stats
  stats=$(mktemp)
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$stats" "$@" >/dev/null 2>/dev/null
    read -r t m < "$stats"
    if [[ -z $best_t ]] || awk "BEGIN{exit !($t < $best_t)}"; then best_t=$t; best_m=$m; fi
  done
  rm -f "$stats"
  echo "$best_t $best_m"
}


printf '%-13s %9s %12s %10s %14s %12s %14s %10s\n' workbook cells "jixiao s" "jixiao MiB" "cells/s" "openpyxl s" "LibreOffice s" "XML MiB"
for name in numeric strings; do
  f="$data/$name.xlsx"
  cells=$([[ $name == numeric ]] && echo 1000000 || echo 300000)
  xml_bytes=$(unzip -l "$f" | awk '$4 ~ /^xl\/worksheets\// {if ($1 > m) m = $1} END {print m}')
  read -r jt jm < <(run_timed "$jixiao" dump --format csv "$f")
  read -r pt _ < <(run_timed /usr/bin/python3 "$ROOT/bench/openpyxl_dump.py" "$f")
  lt="-"
  if [[ -z ${BENCH_SKIP_LO:-} ]] && command -v soffice >/dev/null; then
    read -r lt _ < <(run_timed bash -c "lo_csv '$f'")
  fi
  printf '%-13s %9d %12s %10.1f %14.0f %12s %14s %10.1f\n' "$name" "$cells" "$jt" "$(echo "$jm/1024" | bc -l)" \
    "$(echo "$cells/$jt" | bc -l)" "$pt" "$lt" "$(echo "$xml_bytes/1048576" | bc -l)"
  echo "  ratios: openpyxl/jixiao = $(echo "$pt/$jt" | bc -l | xargs printf '%.1f')x" \
       "$( [[ $lt != - ]] && echo "  LibreOffice/jixiao = $(echo "$lt/$jt" | bc -l | xargs printf '%.1f')x")" \
       "  peak memory / sheet XML = $(echo "$jm*1024/$xml_bytes" | bc -l | xargs printf '%.2f')x"
done
