#!/usr/bin/env bash
# Benchmark of the DOCX engine: the shipped 部门决算情况说明 rendered 1,000 times from seed 001's
# tables (documents per second; target ≥ 100), a report-like template rendered 1,000 times by jixiao
# and by docxtemplater (npm) on the same file and data, and a table of 1,000 … 20,000 looped rows
# (rows per second; time should grow linearly). Usage: bench/render_bench.sh [N]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/common.sh"
JIXIAO_ROOT=$ROOT
n=${1:-1000}
ensure_packages "${JIXIAO_BUILD_PACKAGES[@]}" python3-docx bc
cmake -S "$ROOT" -B "$ROOT/build/release" -DCMAKE_BUILD_TYPE=Release -DJIXIAO_BUILD_TESTS=OFF >/dev/null
cmake --build "$ROOT/build/release" -j "$(jobs)" --target jixiao jixiao_render_bench >/dev/null
bench="$ROOT/build/release/bin/../bench/jixiao_render_bench"
[[ -x $bench ]] || bench=$(find "$ROOT/build/release" -name jixiao_render_bench -type f | head -1)
jixiao="$ROOT/build/release/bin/jixiao"
work="$ROOT/build/bench/render"
mkdir -p "$work"
rate() { awk -v n="$1" -v s="$2" 'BEGIN{printf "%.0f", n/s}'; }

# 1. the shipped report, from the data tree jixiao builds of seed 001's 2022 and 2021 tables
s="$ROOT/samples/openpyxl"
"$jixiao" -q render final-accounts-report "$s/001_剑阁县医保局_2022_部门决算公开九表.xlsx" \
  --prior "$s/001_剑阁县医保局_2021_部门决算公开九表.xlsx" --print-data > "$work/report-data.json"
tpl="$ROOT/build/release/share/jixiao/templates/docx/final-accounts-report.docx"
read -r _ t <<<"$("$bench" "$tpl" "$work/report-data.json" "$work" "$n")"
echo "final-accounts-report: $n documents in $t s = $(rate "$n" "$t") documents/s (target ≥ 100)"

# 2. the same report-like template and data, jixiao against docxtemplater
/usr/bin/python3 "$ROOT/bench/make_render_bench.py" "$work/simple" 200
read -r _ t <<<"$("$bench" "$work/simple/template.docx" "$work/simple/data.json" "$work" "$n")"
echo "report-like template (30 paragraphs, a 10-item list, a 200-row table): jixiao $n in $t s = $(rate "$n" "$t") documents/s"
if command -v npm >/dev/null; then
  if [[ ! -d $work/node/node_modules/docxtemplater ]]; then
    mkdir -p "$work/node" && (cd "$work/node" && npm install --silent --no-audit --no-fund docxtemplater pizzip >/dev/null 2>&1) || true
  fi
  if [[ -d $work/node/node_modules/docxtemplater ]]; then
    read -r _ d <<<"$(NODE_PATH="$work/node/node_modules" node "$ROOT/bench/docxtemplater_render.js" \
      "$work/simple/template.docx" "$work/simple/data.json" "$work" "$n")"
    echo "  docxtemplater $(cd "$work/node" && node -p 'require("docxtemplater/package.json").version'): $n in $d s = $(rate "$n" "$d") documents/s; jixiao is $(awk -v a="$d" -v b="$t" 'BEGIN{printf "%.1f", a/b}')x faster"
  else
    echo "  docxtemplater: not installed (npm install failed)"
  fi
fi

# 3. a looped table of R rows, rendered once each: time per row should stay flat
for rows in 1000 5000 10000 20000; do
  /usr/bin/python3 "$ROOT/bench/make_render_bench.py" "$work/rows-$rows" "$rows"
  read -r _ t <<<"$("$bench" "$work/rows-$rows/template.docx" "$work/rows-$rows/data.json" "$work" 3)"
  t1=$(awk -v t="$t" 'BEGIN{printf "%.3f", t/3}')
  echo "table of $rows rows: $t1 s = $(rate "$rows" "$t1") rows/s"
done
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
