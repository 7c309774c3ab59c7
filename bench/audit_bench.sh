#!/usr/bin/env bash
# Benchmark of `jixiao audit` on one core (taskset -c 0): the 部门决算情况说明 jixiao renders from seed 001's
# tables (11 pages in LibreOffice, 110 figures) audited N times in one process — text alone, and with the
# nine tables read and recognised each time — against rendering the same report N times; and seed 001's
# whole published report (33 pages) as a .docx and as a PDF. Target: ≥ 200 reports/s for the 10-page report.
# Usage: bench/audit_bench.sh [N]
#   JIXIAO_BENCH_BUILD=build/dev bench/audit_bench.sh 200   uses a build tree that already has the three
#   programs (an optimised one: RelWithDebInfo or Release) instead of configuring and building build/release.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/common.sh"
JIXIAO_ROOT=$ROOT
n=${1:-1000}
build=${JIXIAO_BENCH_BUILD:-}
if [[ -z $build ]]; then
  build="$ROOT/build/release"
  ensure_packages "${JIXIAO_BUILD_PACKAGES[@]}"
  cmake -S "$ROOT" -B "$build" -DCMAKE_BUILD_TYPE=Release -DJIXIAO_BUILD_TESTS=OFF >/dev/null
fi
[[ $build == /* ]] || build="$ROOT/$build"
# the two bench programs are EXCLUDE_FROM_ALL: built here, in whichever tree
cmake --build "$build" -j "$(jobs)" --target jixiao jixiao_render_bench jixiao_audit_bench >/dev/null
find_bench() { find "$build" -name "$1" -type f -perm -u+x | head -1; }
render_bench=$(find_bench jixiao_render_bench)
audit_bench=$(find_bench jixiao_audit_bench)
jixiao="$build/bin/jixiao"
data="$build/share/jixiao"
work="$ROOT/build/bench/audit"
mkdir -p "$work"
one="taskset -c 0"
command -v taskset >/dev/null || one=""
rate() { awk -v n="$1" -v s="$2" 'BEGIN{printf "%.0f", n/s}'; }
# CPU seconds (user + system) of a command, on stderr's last line: on a shared machine the wall time
# measures the other users' load; the program is single-threaded, so its CPU time is its time on a core.
cpu() {
  local TIMEFORMAT='%U %S'
  { time "$@" >/dev/null 2>/dev/null; } 2>&1 | awk '{printf "%.3f", $1 + $2}'
}

s="$ROOT/samples/openpyxl"
tables="$s/001_剑阁县医保局_2022_部门决算公开九表.xlsx"
"$jixiao" -q render final-accounts-report "$tables" --prior "$s/001_剑阁县医保局_2021_部门决算公开九表.xlsx" \
  -o "$work/report.docx" >/dev/null
"$jixiao" -q render final-accounts-report "$tables" --prior "$s/001_剑阁县医保局_2021_部门决算公开九表.xlsx" \
  --print-data > "$work/report-data.json"

read -r _ _ f <<<"$("$audit_bench" "$data" "$work/report.docx" 1)"
[[ $f == 0 ]] || { echo "the rendered report should audit clean, got $f findings" >&2; exit 1; }
ta=$(cpu $one "$audit_bench" "$data" "$work/report.docx" "$n")
tr=$(cpu $one "$render_bench" "$data/templates/docx/final-accounts-report.docx" "$work/report-data.json" "$work" "$n")
echo "部门决算情况说明 (11 pages), one core, CPU time:"
echo "  audit  $n in $ta s = $(rate "$n" "$ta") reports/s (target ≥ 200)"
echo "  render $n in $tr s = $(rate "$n" "$tr") reports/s"
echo "  audit / render = $(awk -v a="$tr" -v b="$ta" 'BEGIN{printf "%.2f", a/b}') (audit is that many times as fast as render)"
m=$((n / 10 > 0 ? n / 10 : 1))
tt=$(cpu $one "$audit_bench" "$data" "$work/report.docx" "$m" "$tables")
echo "  audit with the nine tables read each time: $m in $tt s = $(rate "$m" "$tt") reports/s"
for f in seed001-python-docx.docx seed001-libreoffice.pdf; do
  t=$(cpu $one "$audit_bench" "$data" "$ROOT/tests/fixtures/reports/$f" "$m")
  echo "seed 001 as published (33 pages), $f: $m in $t s = $(rate "$m" "$t") reports/s"
done
