#!/usr/bin/env bash
# Golden `jixiao inspect --json` output for every sample workbook (both producers):
# samples/<producer>/X.xlsx -> tests/golden/inspect/<producer>/X.json. Run with --update after a
# change to the layouts or the engine, then read `git diff tests/golden/inspect` before committing:
# every changed number must be explained. Without --update it only reports differences.
# Usage: tests/golden/update_inspect.sh [--update] [path/to/jixiao]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
update=no
[[ ${1:-} == --update ]] && { update=yes; shift; }
jixiao=${1:-$root/build/bin/jixiao}
status=0
for producer in openpyxl libreoffice; do
  out=$root/tests/golden/inspect/$producer
  mkdir -p "$out"
  for f in "$root"/samples/$producer/*.xlsx; do
    name=$(basename "${f%.xlsx}")
    json=$(cd "$root/samples/$producer" && "$jixiao" -q inspect --json "$(basename "$f")")
    if [[ $update == yes ]]; then
      printf '%s\n' "$json" > "$out/$name.json"
    elif ! diff -q <(printf '%s\n' "$json") "$out/$name.json" >/dev/null 2>&1; then
      echo "differs: $producer/$name" >&2
      status=1
    fi
  done
done
exit $status
