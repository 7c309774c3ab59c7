#!/usr/bin/env bash
# Benchmark of `jixiao check` on a bureau's batch: 100, 1,000 and 10,000 department workbooks (the
# nine 公开 tables each, bench/make_departments.py) given as one folder. Prints files per second and
# peak memory (RSS) for each. Targets: throughput of about 300 files/s on a 2-core machine, and peak
# memory under 300 MiB at 10,000 (a batch larger than app::CheckOptions::in_memory is indexed by
# department first, then checked a few departments at a time).
# Usage: bench/check_bench.sh [N...]   (default 100 1000 10000)
#        JIXIAO=path/to/jixiao bench/check_bench.sh …   uses that binary instead of a Release build
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/common.sh"
JIXIAO_ROOT=$ROOT
sizes=("$@")
((${#sizes[@]})) || sizes=(100 1000 10000)
ensure_packages "${JIXIAO_BUILD_PACKAGES[@]}" python3-openpyxl time bc
bench_jixiao
stats=$(mktemp)
trap 'rm -f "$stats"' EXIT
# Wall time on a shared machine measures the other users' load too: CPU seconds (user + system) are
# printed beside it, and files per CPU-second times the cores is what an idle machine would do.
run() {  # run N LABEL [ENV...]
  local n=$1 label=$2 t m cpu user sys
  shift 2
  env "$@" /usr/bin/time -f "%e %M %P %U %S" -o "$stats" "$jixiao" -q check "$ROOT/build/bench/departments-$n" >/dev/null 2>&1 || true
  read -r t m cpu user sys < "$stats"
  printf 'check %-9s %6d workbooks (9 sheets each): %7s s wall = %4.0f files/s; CPU %6.1f s = %4.0f files/CPU-s; peak memory %6.1f MiB\n' \
    "$label" "$n" "$t" "$(echo "$n/$t" | bc -l)" "$(echo "$user+$sys" | bc -l)" "$(echo "$n/($user+$sys)" | bc -l)" "$(echo "$m/1024" | bc -l)"
}
for n in "${sizes[@]}"; do
  data="$ROOT/build/bench/departments-$n"
  [[ $(ls "$data" 2>/dev/null | wc -l) == "$n" ]] || { rm -rf "$data"; /usr/bin/python3 "$ROOT/bench/make_departments.py" "$data" "$n"; }
  run "$n" ""
  # The same batch read once, everything held (JIXIAO_IN_MEMORY raises app::CheckOptions::in_memory):
  # what the index costs, and what it saves.
  if [[ ${BENCH_ONE_PASS:-1} == 1 && $n -gt 300 && $n -le 1000 ]]; then run "$n" "(1 pass)" JIXIAO_IN_MEMORY=1000000; fi
done
