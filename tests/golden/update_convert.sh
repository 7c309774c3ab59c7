#!/usr/bin/env bash
# What LibreOffice displays for each shipped XLSX template as `jixiao convert` fills it from the
# samples (an independent oracle that the workbook opens and shows the values): LibreOffice's
# formatted CSV of every sheet (/work/shared/tools/lo-csv.sh, or $LO_CSV) into tests/golden/convert/.
# Needs LibreOffice; tests/cli/convert_cli_test.cpp compares our reading of a fresh conversion with
# these files. Read `git diff tests/golden/convert` before committing.
# Usage: tests/golden/update_convert.sh [path/to/jixiao]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jixiao=${1:-$root/build/bin/jixiao}
lo_csv=${LO_CSV:-/work/shared/tools/lo-csv.sh}
out=$root/tests/golden/convert
s=$root/samples/openpyxl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -rf "$out"
mkdir -p "$out"
"$jixiao" -q convert "$s/003_附件1.1_机关建设及日常保障经费.xlsx" --to national-project -o "$tmp/national-project.xlsx" >/dev/null
"$jixiao" -q convert "$s/001_剑阁县医保局_2022_部门整体支出绩效目标自评表.xlsx" --to national-dept -o "$tmp/national-dept.xlsx" >/dev/null
"$jixiao" -q convert "$s/003_附件1.1_机关建设及日常保障经费.xlsx" "$s/003_附件1.2_打击欺诈骗取医保基金专项经费.xlsx" \
  --to summary -o "$tmp/summary.xlsx" >/dev/null
"$jixiao" -q convert "$s"/001_2022_公开0*.xlsx --to final-accounts -o "$tmp/final-accounts.xlsx" >/dev/null
for f in national-project national-dept summary final-accounts; do "$lo_csv" "$tmp/$f.xlsx" "$tmp/csv" >/dev/null; done
cp "$tmp"/csv/*.csv "$out"/
ls "$out"
