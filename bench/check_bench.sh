#!/usr/bin/env bash
# Benchmark of `jixiao check`: 1,000 department workbooks (the nine 公开 tables each), checked in
# one run. Prints files per second and peak memory. Target: at least 200 files per second on a
# 2-core machine, using both cores. Usage: bench/check_bench.sh [N]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/common.sh"
JIXIAO_ROOT=$ROOT
n=${1:-1000}
ensure_packages "${JIXIAO_BUILD_PACKAGES[@]}" python3-openpyxl time bc
configure_and_build "$ROOT/build/release" -DCMAKE_BUILD_TYPE=Release -DJIXIAO_BUILD_TESTS=OFF
data="$ROOT/build/bench/departments"
[[ $(ls "$data" 2>/dev/null | wc -l) == "$n" ]] || { rm -rf "$data"; /usr/bin/python3 "$ROOT/bench/make_departments.py" "$data" "$n"; }
stats=$(mktemp)
best=""
for _ in 1 2 3; do
  /usr/bin/time -f "%e %M %P" -o "$stats" "$ROOT/build/release/bin/jixiao" -q check "$data"/*.xlsx >/dev/null 2>&1 || true
  read -r t m cpu < "$stats"
  if [[ -z $best ]] || awk "BEGIN{exit !($t < ${best%% *})}"; then best="$t $m $cpu"; fi
done
read -r t m cpu <<<"$best"
printf 'check: %d workbooks (9 sheets each) in %s s = %.0f files/s; peak memory %.1f MiB; CPU %s (200%% = both cores)\n' \
  "$n" "$t" "$(echo "$n/$t" | bc -l)" "$(echo "$m/1024" | bc -l)" "$cpu"
