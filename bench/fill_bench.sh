#!/usr/bin/env bash
# Benchmark of `jixiao fill`: a list template filled with N rows of 8 columns (text, numbers, a formula
# per row, a SUM under the list; bench/make_fill.py), for each N given (default 10,000 and 100,000).
# Each size runs RUNS times (default 5); printed are the medians of wall time, CPU time (user + system,
# which a busy shared machine inflates less than the wall clock) and peak memory (RSS), and the ratio
# to openpyxl doing the same fill (bench/openpyxl_fill.py; once per size; OPENPYXL=0 leaves it out).
# Targets: under 2 s for 100,000 rows; memory that grows far slower than the list (rows are written as
# they are made; tests/writers/fill_long_list_check.py holds it under 1 KiB per row).
# Usage: bench/fill_bench.sh [N...]
#        JIXIAO=path/to/jixiao bench/fill_bench.sh …   uses that binary instead of a Release build
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/common.sh"
JIXIAO_ROOT=$ROOT
sizes=("$@")
((${#sizes[@]})) || sizes=(10000 100000)
runs=${RUNS:-5}
ensure_packages "${JIXIAO_BUILD_PACKAGES[@]}" python3-openpyxl time bc
bench_jixiao
stats=$(mktemp)
trap 'rm -f "$stats"' EXIT

# median_of RUNS CMD... -> "wall_s peak_kib cpu_s", each the median of its own column over the runs
median_of() {
  local n=$1 t m u s
  shift
  local walls=() peaks=() cpus=()
  for ((i = 0; i < n; i++)); do
    /usr/bin/time -f "%e %M %U %S" -o "$stats" "$@" >/dev/null 2>&1
    read -r t m u s < "$stats"
    walls+=("$t") peaks+=("$m") cpus+=("$(echo "$u + $s" | bc -l)")
  done
  median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
  echo "$(median "${walls[@]}") $(median "${peaks[@]}") $(median "${cpus[@]}")"
}

for n in "${sizes[@]}"; do
  data="$ROOT/build/bench/fill-$n"
  [[ -f $data/fill-data.json ]] || /usr/bin/python3 "$ROOT/bench/make_fill.py" "$data" "$n"
  rm -f "$data/out-jixiao.xlsx"
  read -r jt jm jc <<<"$(median_of "$runs" "$jixiao" -q fill "$data/fill-template.xlsx" "$data/fill-data.json" -o "$data/out-jixiao.xlsx")"
  [[ -f $data/out-jixiao.xlsx ]] || { echo "jixiao fill 没有写出结果" >&2; exit 1; }
  printf 'fill: %d rows x 8 columns, median of %d: %s s wall (CPU %.2f s) = %.0f rows/s; peak memory %.1f MiB\n' \
    "$n" "$runs" "$jt" "$jc" "$(echo "$n/$jt" | bc -l)" "$(echo "$jm/1024" | bc -l)"
  if [[ ${OPENPYXL:-1} != 0 ]]; then
    read -r pt pm pc <<<"$(median_of 1 /usr/bin/python3 "$ROOT/bench/openpyxl_fill.py" "$data/fill-template.xlsx" "$data/fill-data.json" "$data/out-openpyxl.xlsx")"
    printf 'openpyxl: %s s (CPU %.2f s), peak memory %.1f MiB; jixiao is %.1fx faster\n' \
      "$pt" "$pc" "$(echo "$pm/1024" | bc -l)" "$(echo "$pt/$jt" | bc -l)"
  fi
done
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
