#!/usr/bin/env bash
# What LibreOffice displays for jixiao's annotated, fixed copy of two samples (an independent
# oracle that the copy opens and shows the fixed values): `jixiao check X -o DIR --fix`, then
# LibreOffice's formatted CSV of every sheet (/work/shared/tools/lo-csv.sh, or $LO_CSV) into
# tests/golden/annotate/. Needs LibreOffice; tests/cli/annotate_cli_test.cpp compares our own reading
# of a fresh copy with these files. Read `git diff tests/golden/annotate` before committing.
# Usage: tests/golden/update_annotate.sh [path/to/jixiao]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jixiao=${1:-$root/build/bin/jixiao}
lo_csv=${LO_CSV:-/work/shared/tools/lo-csv.sh}
out=$root/tests/golden/annotate
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -rf "$out"
mkdir -p "$out"
for f in err02_附件1.1_资金得分20.00.xlsx err07_整体得分_等级优.xlsx; do
  "$jixiao" -q check "$root/samples/libreoffice/$f" -o "$tmp/copies" --fix >/dev/null || [[ $? == 1 ]]
  "$lo_csv" "$tmp/copies/$f" "$tmp/csv" >/dev/null
done
cp "$tmp"/csv/*.csv "$out"/
ls "$out"
