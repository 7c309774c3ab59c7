#!/usr/bin/env bash
# The text of a .docx (one paragraph a line, tags and all) or an .xlsx (every sheet as CSV, through
# `jixiao dump`): what `git diff` shows for the shipped templates once told (templates/README.md):
#   git config diff.docx.textconv scripts/office_text.sh
#   git config diff.xlsx.textconv scripts/office_text.sh
set -euo pipefail
f=$1
case $f in
  *.docx) unzip -p "$f" word/document.xml | sed -e 's/<\/w:p>/\n/g; s/<[^>]*>//g' ;;
  *.xlsx) "${JIXIAO:-$(dirname "$0")/../build/bin/jixiao}" dump "$f" ;;
  *) cat "$f" ;;
esac
