#!/usr/bin/env bash
# Benchmark: reading legacy .xls. `jixiao dump --format csv` against xlrd (python3-xlrd, every cell
# to CSV) and LibreOffice's CSV export, on the two benchmark workbooks of bench/run.sh re-saved by
# LibreOffice as Excel 97-2003 (numeric: 1,000,000 cells; strings: 300,000 mostly unique Chinese
# strings, i.e. a big SST with CONTINUE records). Best of 3 runs each; prints seconds, cells per
# second and the ratios peer/jixiao (above 1: jixiao is faster).
# Usage: bench/xls_read.sh         (BENCH_SKIP_LO=1 skips LibreOffice, the slowest peer;
#                                   JIXIAO_BIN=path uses that binary instead of a Release build)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/common.sh"
JIXIAO_ROOT=$ROOT
ensure_packages "${JIXIAO_BUILD_PACKAGES[@]}" python3-openpyxl python3-xlrd time bc
# JIXIAO_BIN: an already built binary (skips the Release build).
if [[ -n ${JIXIAO_BIN:-} ]]; then
  jixiao=$JIXIAO_BIN
else
  configure_and_build "$ROOT/build/release" -DCMAKE_BUILD_TYPE=Release -DJIXIAO_BUILD_TESTS=OFF
  jixiao="$ROOT/build/release/bin/jixiao"
fi
data="$ROOT/build/bench"
[[ -f $data/numeric.xlsx && -f $data/strings.xlsx ]] || { echo "==> 生成基准工作簿"; /usr/bin/python3 "$ROOT/bench/make_workbooks.py" "$data"; }
for name in numeric strings; do
  [[ -f $data/$name.xls ]] && continue
  echo "==> LibreOffice 另存 $name.xls"
  profile=$(mktemp -d)
  soffice -env:UserInstallation=file://"$profile" --headless --convert-to 'xls:MS Excel 97' --outdir "$data" \
    "$data/$name.xlsx" >/dev/null 2>&1
  rm -rf "$profile"
done

run_timed() {  # CMD... -> "seconds peak_kib", best of 3 by time
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

printf '%-9s %9s %9s %11s %12s %9s %14s %15s\n' workbook cells "jixiao s" "jixiao MiB" "cells/s" "xlrd s" "LibreOffice s" "xls MiB"
for name in numeric strings; do
  f="$data/$name.xls"
  cells=$([[ $name == numeric ]] && echo 1000000 || echo 300000)
  read -r jt jm < <(run_timed "$jixiao" dump --format csv "$f")
  read -r xt _ < <(run_timed /usr/bin/python3 "$ROOT/bench/xlrd_dump.py" "$f")
  lt="-"
  if [[ -z ${BENCH_SKIP_LO:-} ]] && command -v soffice >/dev/null; then
    read -r lt _ < <(run_timed bash -c "lo_csv '$f'")
  fi
  printf '%-9s %9d %9s %11.1f %12.0f %9s %14s %15.1f\n' "$name" "$cells" "$jt" "$(echo "$jm/1024" | bc -l)" \
    "$(echo "$cells/$jt" | bc -l)" "$xt" "$lt" "$(echo "$(stat -c %s "$f")/1048576" | bc -l)"
  echo "  ratios: xlrd/jixiao = $(echo "$xt/$jt" | bc -l | xargs printf '%.1f')x" \
       "$( [[ $lt != - ]] && echo "  LibreOffice/jixiao = $(echo "$lt/$jt" | bc -l | xargs printf '%.1f')x")"
done
