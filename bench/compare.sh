#!/usr/bin/env bash
# jixiao against its peers, on inputs this script generates, in interleaved rounds (each round runs
# every case once, so that a busy minute slows every tool alike), printing one table of medians,
# ranges (min–max), CPU time, peak memory and ratios to jixiao. The README quotes its output.
#
#   read    dump --format csv of a numeric and a mixed 1,000,000-cell sheet, a 100-cell sheet (per
#           process), and the numeric sheet as .xls: openpyxl (read-only), SheetJS, exceljs' streaming
#           reader, LibreOffice's CSV export, xlrd (.xls)
#   check   1, 100 and 1,000 department workbooks (nine tables each): the floor of a checker written
#           with openpyxl (every value read, nothing recognised or checked) as the peer
#   render  the shipped 决算说明 per process and as a batch (--each); a report-like template that
#           docxtemplater renders too, per process and as a batch
#   fill    a 100,000-row list: openpyxl doing the same fill
#
# Peers come from Debian (python3-openpyxl, python3-xlrd, libreoffice-calc-nogui) and npm (xlsx,
# exceljs, docxtemplater, pizzip); without npm or the network the npm peers are skipped with a note.
# Usage: bench/compare.sh [ROUNDS]   (default 5; BENCH_JIXIAO=path uses that binary instead of
#        building build/release; BENCH_SKIP_LO=1 leaves LibreOffice out)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/common.sh"
JIXIAO_ROOT=$ROOT
rounds=${1:-5}
ensure_packages "${JIXIAO_BUILD_PACKAGES[@]}" python3-openpyxl python3-xlrd python3-docx time
[[ -n ${BENCH_SKIP_LO:-} ]] || ensure_packages libreoffice-calc-nogui
if [[ -n ${BENCH_JIXIAO:-} ]]; then
  jixiao=$BENCH_JIXIAO
else
  configure_and_build "$ROOT/build/release" -DCMAKE_BUILD_TYPE=Release -DJIXIAO_BUILD_TESTS=OFF
  jixiao="$ROOT/build/release/bin/jixiao"
fi
work="$ROOT/build/bench/compare"
mkdir -p "$work"
py=/usr/bin/python3

# ---- inputs ------------------------------------------------------------------------------------
[[ -f $work/numeric.xlsx ]] || $py "$ROOT/bench/make_workbooks.py" "$work"
[[ -f $work/mixed.xlsx && -f $work/small.xlsx ]] || $py "$ROOT/bench/make_compare_inputs.py" "$work"
[[ $(ls "$work/departments" 2>/dev/null | wc -l) == 1000 ]] ||
  { rm -rf "$work/departments"; $py "$ROOT/bench/make_departments.py" "$work/departments" 1000; }
depts=("$work"/departments/*.xlsx)
mkdir -p "$work/check100" "$work/each"
for f in "${depts[@]:0:100}"; do ln -sf "$f" "$work/check100/"; done
for f in "${depts[@]:0:200}"; do ln -sf "$f" "$work/each/"; done
[[ -f $work/fill/fill-data.json ]] || $py "$ROOT/bench/make_fill.py" "$work/fill" 100000
[[ -f $work/report/template.docx ]] || $py "$ROOT/bench/make_render_bench.py" "$work/report" 200
mkdir -p "$work/report-each"
for i in $(seq -w 1 200); do ln -sf "$work/report/data.json" "$work/report-each/dept$i.json"; done
have_lo=""
if [[ -z ${BENCH_SKIP_LO:-} ]] && command -v soffice >/dev/null; then
  have_lo=1
  if [[ ! -f $work/numeric.xls ]]; then
    profile=$(mktemp -d)
    soffice -env:UserInstallation=file://"$profile" --headless --convert-to xls --outdir "$work" "$work/numeric.xlsx" >/dev/null 2>&1
    rm -rf "$profile"
  fi
fi

# ---- npm peers -------------------------------------------------------------------------------
node_dir="$work/node"
notes=()
have_npm=""
if command -v npm >/dev/null && command -v node >/dev/null; then
  if [[ ! -d $node_dir/node_modules/exceljs ]]; then
    mkdir -p "$node_dir"
    (cd "$node_dir" && npm install --silent --no-audit --no-fund xlsx exceljs docxtemplater pizzip >/dev/null 2>&1) || true
  fi
  if [[ -d $node_dir/node_modules/exceljs && -d $node_dir/node_modules/xlsx && -d $node_dir/node_modules/docxtemplater ]]; then
    have_npm=1
    versions=$(cd "$node_dir" && node -p '["xlsx","exceljs","docxtemplater"].map(p=>p+" "+require(p+"/package.json").version).join(", ")')
    notes+=("npm peers: $versions; node $(node --version)")
  else
    notes+=("npm peers skipped: npm install failed (no network?)")
  fi
else
  notes+=("npm peers skipped: npm/node not installed")
fi
export NODE_PATH="$node_dir/node_modules"

# ---- measuring ---------------------------------------------------------------------------------
results="$work/results.tsv"
: > "$results"
# measure JOB TOOL K CMD...: runs CMD K times in a row (for jobs too short for one timing) and
# records wall and CPU seconds per run and the peak memory of any run.
measure() {
  local job=$1 tool=$2 k=$3 stats
  shift 3
  stats=$(mktemp)
  if ! /usr/bin/time -f "%e %U %S %M" -o "$stats" bash -c 'for ((i = 0; i < $0; ++i)); do "$@" >/dev/null 2>&1 || exit 1; done' "$k" "$@"; then
    echo "  $job / $tool failed: $*" >&2
    rm -f "$stats"
    return 0
  fi
  read -r e u s m < "$stats"
  rm -f "$stats"
  awk -v j="$job" -v t="$tool" -v k="$k" -v e="$e" -v u="$u" -v s="$s" -v m="$m" \
    'BEGIN{printf "%s\t%s\t%.4f\t%.4f\t%d\n", j, t, e / k, (u + s) / k, m}' >> "$results"
}
out="$work/out"
mkdir -p "$out"

round() {
  local f job
  for f in numeric mixed; do
    job="read $f 1M cells"
    measure "$job" jixiao 1 "$jixiao" -q dump --format csv "$work/$f.xlsx"
    measure "$job" openpyxl 1 $py "$ROOT/bench/openpyxl_dump.py" "$work/$f.xlsx"
    [[ -z $have_npm ]] || measure "$job" SheetJS 1 node "$ROOT/bench/sheetjs_dump.js" "$work/$f.xlsx"
    [[ -z $have_npm ]] || measure "$job" "exceljs (stream)" 1 node "$ROOT/bench/exceljs_dump.js" "$work/$f.xlsx"
    [[ -z $have_lo ]] || measure "$job" LibreOffice 1 bash -c 'lo_csv "$0"' "$work/$f.xlsx"
  done
  job="read 100 cells (per process)"
  measure "$job" jixiao 20 "$jixiao" -q dump --format csv "$work/small.xlsx"
  measure "$job" openpyxl 5 $py "$ROOT/bench/openpyxl_dump.py" "$work/small.xlsx"
  [[ -z $have_npm ]] || measure "$job" SheetJS 5 node "$ROOT/bench/sheetjs_dump.js" "$work/small.xlsx"
  [[ -z $have_npm ]] || measure "$job" "exceljs (stream)" 5 node "$ROOT/bench/exceljs_dump.js" "$work/small.xlsx"
  [[ -z $have_lo ]] || measure "$job" LibreOffice 1 bash -c 'lo_csv "$0"' "$work/small.xlsx"
  if [[ -f $work/numeric.xls ]]; then
    job="read numeric 1M cells .xls"
    measure "$job" jixiao 1 "$jixiao" -q dump --format csv "$work/numeric.xls"
    measure "$job" xlrd 1 $py "$ROOT/bench/xlrd_dump.py" "$work/numeric.xls"
    [[ -z $have_lo ]] || measure "$job" LibreOffice 1 bash -c 'lo_csv "$0"' "$work/numeric.xls"
  fi
  measure "check 1 workbook (per process)" jixiao 10 "$jixiao" -q check "${depts[0]}"
  measure "check 1 workbook (per process)" "openpyxl (read only)" 3 $py "$ROOT/bench/openpyxl_read_many.py" "${depts[0]}"
  measure "check 100 workbooks" jixiao 1 "$jixiao" -q check "$work"/check100/*.xlsx
  measure "check 100 workbooks" "openpyxl (read only)" 1 $py "$ROOT/bench/openpyxl_read_many.py" "$work"/check100/*.xlsx
  measure "check 1000 workbooks" jixiao 1 "$jixiao" -q check "${depts[@]}"
  measure "check 1000 workbooks" "openpyxl (read only)" 1 $py "$ROOT/bench/openpyxl_read_many.py" "${depts[@]}"
  measure "render 决算说明 (per process)" jixiao 10 "$jixiao" -q render final-accounts-report "${depts[0]}" -o "$out/r.docx"
  measure "render 决算说明 ×200 (--each)" jixiao 1 "$jixiao" -q render final-accounts-report --each "$work/each" -o "$out/each"
  job="render report-like (per process)"
  measure "$job" jixiao 10 "$jixiao" -q render "$work/report/template.docx" "$work/report/data.json" -o "$out/t.docx"
  [[ -z $have_npm ]] || measure "$job" docxtemplater 5 node "$ROOT/bench/docxtemplater_render.js" \
    "$work/report/template.docx" "$work/report/data.json" "$out" 1
  job="render report-like ×200 (batch)"
  measure "$job" jixiao 1 "$jixiao" -q render "$work/report/template.docx" --each "$work/report-each" -o "$out/t-each"
  mkdir -p "$out/d-each"
  [[ -z $have_npm ]] || measure "$job" docxtemplater 1 node "$ROOT/bench/docxtemplater_each.js" \
    "$work/report/template.docx" "$out/d-each" "$work"/report-each/*.json
  job="fill 100,000 rows"
  measure "$job" jixiao 1 "$jixiao" -q fill "$work/fill/fill-template.xlsx" "$work/fill/fill-data.json" -o "$out/fill.xlsx"
  measure "$job" openpyxl 1 $py "$ROOT/bench/openpyxl_fill.py" "$work/fill/fill-template.xlsx" "$work/fill/fill-data.json" "$out/fill-openpyxl.xlsx"
}

for ((r = 1; r <= rounds; ++r)); do
  echo "==> round $r/$rounds" >&2
  round
done

echo "$("$jixiao" --version | head -1) ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')); $(date -u '+%Y-%m-%d %H:%M UTC');" \
  "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); load average $(cut -d' ' -f1-3 /proc/loadavg);" \
  "$rounds interleaved rounds; openpyxl $($py -c 'import openpyxl; print(openpyxl.__version__)')," \
  "xlrd $($py -c 'import xlrd; print(xlrd.__version__)')$([[ -n $have_lo ]] && echo ", $(soffice --version 2>/dev/null | cut -d' ' -f1-2)")"
for n in "${notes[@]}"; do echo "$n"; done
echo "fill: exceljs is not measured (its fill would be a program of its own); check: the peer only reads the values"
echo
$py "$ROOT/bench/compare_table.py" "$results"
