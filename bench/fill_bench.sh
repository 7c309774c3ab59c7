#!/usr/bin/env bash
# Benchmark of `jixiao fill`: a list template filled with N rows (default 100,000) of 8 columns (text,
# numbers, a formula per row, a SUM under the list). Prints seconds, rows per second, peak memory
# and the ratio to openpyxl doing the same fill. Target: under 2 s and under 300 MiB for 100,000 rows.
# Usage: bench/fill_bench.sh [N]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/common.sh"
JIXIAO_ROOT=$ROOT
n=${1:-100000}
ensure_packages "${JIXIAO_BUILD_PACKAGES[@]}" python3-openpyxl time bc
configure_and_build "$ROOT/build/release" -DCMAKE_BUILD_TYPE=Release -DJIXIAO_BUILD_TESTS=OFF
data="$ROOT/build/bench/fill-$n"
[[ -f $data/fill-data.json ]] || /usr/bin/python3 "$ROOT/bench/make_fill.py" "$data" "$n"

# best_of_3 CMD... -> "seconds peak_kib cpu_seconds" of the fastest run (CPU = user + system, which
# a busy shared machine inflates less than the wall clock)
best_of_3() {
  local best="" t m u s stats
  stats=$(mktemp)
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M %U %S" -o "$stats" "$@" >/dev/null 2>&1
    read -r t m u s < "$stats"
    if [[ -z $best ]] || awk "BEGIN{exit !($t < ${best%% *})}"; then best="$t $m $(echo "$u + $s" | bc -l)"; fi
  done
  rm -f "$stats"
  echo "$best"
}

read -r jt jm jc <<<"$(best_of_3 "$ROOT/build/release/bin/jixiao" -q fill "$data/fill-template.xlsx" "$data/fill-data.json" -o "$data/out-jixiao.xlsx")"
[[ -f $data/out-jixiao.xlsx ]] || { echo "jixiao fill 没有写出结果" >&2; exit 1; }
read -r pt pm pc <<<"$(best_of_3 /usr/bin/python3 "$ROOT/bench/openpyxl_fill.py" "$data/fill-template.xlsx" "$data/fill-data.json" "$data/out-openpyxl.xlsx")"
printf 'fill: %d rows x 8 columns in %s s (CPU %s s) = %.0f rows/s; peak memory %.1f MiB\n' \
  "$n" "$jt" "$jc" "$(echo "$n/$jt" | bc -l)" "$(echo "$jm/1024" | bc -l)"
printf 'openpyxl: %s s (CPU %s s), peak memory %.1f MiB; jixiao is %.1fx faster\n' \
  "$pt" "$pc" "$(echo "$pm/1024" | bc -l)" "$(echo "$pt/$jt" | bc -l)"
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
