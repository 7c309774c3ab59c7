#!/usr/bin/env bash
# Two independent programs read what `jixiao render` writes: pandoc turns each shipped report (and each
# DOCX fixture rendered by the engine tests' data) into plain text, which must hold the seed's
# sentences; LibreOffice converts each to PDF, which must succeed. Skipped (exit 77) when pandoc or
# LibreOffice is not installed — CI machines have neither; `apt-get install pandoc libreoffice-writer-nogui`.
# Usage: render_oracles.sh JIXIAO SAMPLES_DIR SCRATCH_DIR
set -euo pipefail
jixiao=$1 samples=$2/openpyxl out=$3
command -v pandoc >/dev/null && command -v soffice >/dev/null || { echo "pandoc or LibreOffice missing: skipped"; exit 77; }
rm -rf "$out" && mkdir -p "$out"
fail=0
check() {  # check FILE.docx TEXT...
  local f=$1
  shift
  pandoc -t plain --wrap=none "$f" -o "$f.txt" || { echo "pandoc could not read $f"; fail=1; return; }
  for want in "$@"; do grep -qF -- "$want" "$f.txt" || { echo "$f: pandoc text lacks: $want"; fail=1; }; done
  profile=$(mktemp -d)
  timeout 180 soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$out" "$f" >/dev/null 2>&1 || true
  rm -rf "$profile"
  [[ -s $out/$(basename "${f%.docx}").pdf ]] || { echo "LibreOffice could not convert $f to PDF"; fail=1; }
}
"$jixiao" -q render final-accounts-report "$samples/001_剑阁县医保局_2022_部门决算公开九表.xlsx" \
  --prior "$samples/001_剑阁县医保局_2021_部门决算公开九表.xlsx" -o "$out/final-accounts-report.docx"
check "$out/final-accounts-report.docx" "2022年度收、支总计3555.82万元。与2021年4024.76万元相比，收、支总计各减少468.94万元，下降11.65%" \
  "占96.46%" "2022年一般公共预算财政拨款基本支出392.51万元" "下降47.37%" "图7"
"$jixiao" -q render project-report "$samples/003_附件1.1_机关建设及日常保障经费.xlsx" \
  "$samples/003_附件1.2_打击欺诈骗取医保基金专项经费.xlsx" -o "$out/project-report.docx"
check "$out/project-report.docx" "本项目自评总分90.98分，自评等级为优" "本项目自评总分92.84分，自评等级为优"
"$jixiao" -q render dept-report "$samples/001_剑阁县医保局_2022_部门决算公开九表.xlsx" \
  "$samples/001_剑阁县医保局_2022_部门整体支出绩效目标自评表.xlsx" -o "$out/dept-report.docx"
check "$out/dept-report.docx" "部门整体支出绩效自评得分100.00分" "其中基本支出392.51万元"
exit $fail
