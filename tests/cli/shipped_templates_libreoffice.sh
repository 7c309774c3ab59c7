#!/usr/bin/env bash
# Each shipped template, as `jixiao templates --export` hands it to a user, opens in LibreOffice (its
# text or first sheet is converted, tags and all), and renders seed data: the report or table jixiao
# writes from the samples opens in LibreOffice too and shows the seeds' figures. Skipped (exit 77)
# without LibreOffice: `apt-get install libreoffice-writer-nogui libreoffice-calc-nogui`.
# Usage: shipped_templates_libreoffice.sh JIXIAO SAMPLES_DIR SCRATCH_DIR
set -euo pipefail
jixiao=$1 s=$2/openpyxl out=$3
command -v soffice >/dev/null || { echo "LibreOffice missing: skipped"; exit 77; }
rm -rf "$out" && mkdir -p "$out/templates" "$out/rendered" "$out/text"
fail=0
for name in final-accounts-report dept-report project-report national-project national-dept summary final-accounts; do
  "$jixiao" templates --export "$name" "$out/templates" >/dev/null
done
"$jixiao" -q render final-accounts-report "$s/001_剑阁县医保局_2022_部门决算公开九表.xlsx" \
  --prior "$s/001_剑阁县医保局_2021_部门决算公开九表.xlsx" -o "$out/rendered/final-accounts-report.docx" >/dev/null
"$jixiao" -q render dept-report "$s/001_剑阁县医保局_2022_部门决算公开九表.xlsx" \
  "$s/001_剑阁县医保局_2022_部门整体支出绩效目标自评表.xlsx" -o "$out/rendered/dept-report.docx" >/dev/null
"$jixiao" -q render project-report "$s/003_附件1.1_机关建设及日常保障经费.xlsx" \
  "$s/003_附件1.2_打击欺诈骗取医保基金专项经费.xlsx" -o "$out/rendered/project-report.docx" >/dev/null
"$jixiao" -q convert "$s/003_附件1.1_机关建设及日常保障经费.xlsx" --to national-project -o "$out/rendered/national-project.xlsx" >/dev/null
"$jixiao" -q convert "$s/001_剑阁县医保局_2022_部门整体支出绩效目标自评表.xlsx" --to national-dept -o "$out/rendered/national-dept.xlsx" >/dev/null
"$jixiao" -q convert "$s/003_附件1.1_机关建设及日常保障经费.xlsx" "$s/003_附件1.2_打击欺诈骗取医保基金专项经费.xlsx" \
  --to summary -o "$out/rendered/summary.xlsx" >/dev/null
"$jixiao" -q convert "$s"/001_2022_公开0*.xlsx --to final-accounts -o "$out/rendered/final-accounts.xlsx" >/dev/null

# one LibreOffice run per kind of conversion, over every file (a start of LibreOffice costs seconds)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
convert() {  # convert FILTER DIR FILES...
  local filter=$1 dir=$2
  shift 2
  timeout 600 soffice -env:UserInstallation=file://"$profile" --headless --convert-to "$filter" --outdir "$dir" "$@" >/dev/null 2>&1 || true
}
for kind in templates rendered; do
  mkdir -p "$out/text/$kind"
  convert "txt:Text (encoded):UTF8" "$out/text/$kind" "$out/$kind"/*.docx
  convert "csv:Text - txt - csv (StarCalc):44,34,76,1" "$out/text/$kind" "$out/$kind"/*.xlsx
done
has() {  # has FILE TEXT...: LibreOffice's text of FILE holds every TEXT
  local f=$1
  shift
  [[ -s $f ]] || { echo "LibreOffice could not open $(basename "${f%.*}")"; fail=1; return; }
  for want in "$@"; do grep -qF -- "$want" "$f" || { echo "$f lacks: $want"; fail=1; }; done
}
for name in final-accounts-report dept-report project-report; do has "$out/text/templates/$name.txt" "{{"; done
for name in national-project national-dept summary final-accounts; do has "$out/text/templates/$name.csv" "{{"; done
has "$out/text/rendered/final-accounts-report.txt" "2022年度收、支总计3555.82万元" "下降11.65%"
has "$out/text/rendered/dept-report.txt" "部门整体支出绩效自评得分100.00分" "其中基本支出392.51万元"
has "$out/text/rendered/project-report.txt" "本项目自评总分90.98分" "本项目自评总分92.84分"
has "$out/text/rendered/national-project.csv" "机关建设及日常保障经费" "洪山区医疗保障局"
has "$out/text/rendered/national-dept.csv" "剑阁县医疗保障局"
has "$out/text/rendered/summary.csv" "洪山区医疗保障局" "机关建设及日常保障经费"
has "$out/text/rendered/final-accounts.csv" "剑阁县医疗保障局" "3,429.91"
exit $fail
