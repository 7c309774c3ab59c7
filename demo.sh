#!/usr/bin/env bash
# The main job on the shipped samples: builds jixiao (installing the Debian packages it needs), then
# reads a workbook as displayed (dump), recognises every sample sheet (inspect) and recomputes every
# score, rate, total and grade, reporting each submitted value that disagrees (recompute), reconciles the
# 决算 tables (check) and writes standard tables (convert, into build/demo/).
# Usage: ./demo.sh
set -euo pipefail
JIXIAO_ROOT=$(cd "$(dirname "$0")" && pwd)
source "$JIXIAO_ROOT/scripts/common.sh"

ensure_packages "${JIXIAO_BUILD_PACKAGES[@]}"
configure_and_build "$JIXIAO_ROOT/build/release" -DCMAKE_BUILD_TYPE=Release -DJIXIAO_BUILD_TESTS=OFF
jixiao="$JIXIAO_ROOT/build/release/bin/jixiao"
cd "$JIXIAO_ROOT/samples/libreoffice"

echo "==> jixiao dump：附件1.1 按显示效果导出为 CSV"
"$jixiao" dump --sheet 2 003_洪山区医保局_2019_项目支出绩效自评.xlsx
echo
echo "==> jixiao inspect：识别样例工作簿中每张表的版式，列出提取的内容"
"$jixiao" inspect 003_洪山区医保局_2019_项目支出绩效自评.xlsx 004_岚山区城乡居民医保财政补助_绩效评价得分.xlsx \
  layout05_含隐藏工作表_机关建设经费.xlsx
echo
echo "==> jixiao recompute：重算全部样例（err* 为注入错误的样例，应报出错误）"
status=0
"$jixiao" recompute ./*.xlsx || status=$?
# 1 means findings were reported, which is what the err* samples are for; anything else is a failure.
[[ $status == 0 || $status == 1 ]] || exit "$status"
echo
echo "==> jixiao check：核对部门决算九表（表内、表间、跨年度）及部门整体自评表与决算的一致性"
check() {
  local status=0
  "$jixiao" check "$@" || status=$?
  [[ $status == 0 || $status == 1 ]] || exit "$status"
}
check 001_剑阁县医保局_2022_部门决算公开九表.xlsx 001_剑阁县医保局_2021_部门决算公开九表.xlsx \
  001_剑阁县医保局_2022_部门整体支出绩效目标自评表.xlsx
# Each injected mistake is the same department and year: one run each, or they would be one group.
for f in err0[89]*.xlsx err1[0-2]*.xlsx; do check "$f"; done
echo
echo "==> jixiao convert：按标准格式另存（湖北 2019 版项目表 → 全国通用版；九张公开表文件 → 一个工作簿；汇总表）"
out="$JIXIAO_ROOT/build/demo"
mkdir -p "$out"
"$jixiao" convert 003_附件1.1_机关建设及日常保障经费.xlsx --to national-project -o "$out/附件1.1_全国通用版.xlsx"
"$jixiao" convert 001_2022_公开0*.xlsx --to final-accounts -o "$out/剑阁县医保局_2022_公开九表.xlsx"
"$jixiao" convert 003_附件1.1_机关建设及日常保障经费.xlsx 003_附件1.2_打击欺诈骗取医保基金专项经费.xlsx --to summary \
  -o "$out/洪山区医保局_2019_自评结果汇总.xlsx"
"$jixiao" -q check "$out/剑阁县医保局_2022_公开九表.xlsx"
echo
echo "==> jixiao render：由决算九表、上年九表与补充信息生成部门决算情况说明（含图1—图7）；项目与部门整体自评报告"
"$jixiao" -q render final-accounts-report 001_剑阁县医保局_2022_部门决算公开九表.xlsx \
  ../facts/libreoffice/001_剑阁县医保局_2022_决算说明补充信息.xlsx \
  --prior 001_剑阁县医保局_2021_部门决算公开九表.xlsx -o "$out/剑阁县医保局_2022_部门决算情况说明.docx"
echo "（原因与机关运行经费等取自补充信息表；表中没有的名词解释以黄色占位标出，去掉 -q 可看到每一处的提示）"
"$jixiao" -q render project-report 003_附件1.1_机关建设及日常保障经费.xlsx 003_附件1.2_打击欺诈骗取医保基金专项经费.xlsx \
  -o "$out/洪山区医保局_2019_项目支出绩效自评报告.docx"
"$jixiao" -q render dept-report 001_剑阁县医保局_2022_部门决算公开九表.xlsx 001_剑阁县医保局_2022_部门整体支出绩效目标自评表.xlsx \
  --prior 001_剑阁县医保局_2021_部门决算公开九表.xlsx -o "$out/剑阁县医保局_2022_部门整体支出绩效自评报告.docx"
echo
echo "演示完成：上面每个“错误”都对应 samples/README.md 中列出的一处注入错误，或种子报告自身的差错"
echo "（剑阁县医疗保障局整体表称执行 6560.14 万元，而其决算本年支出合计为 3555.82 万元）。"
