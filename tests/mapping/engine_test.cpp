// Recognition and extraction on the sample workbooks (samples/, made from the seed reports). Every
// number asserted here is printed in the seeds (see samples/README.md); both producers' files
// (openpyxl and LibreOffice re-saves) must give the same records.
#include "mapping/engine.h"

#include <gtest/gtest.h>

#include "readers/xlsx_reader.h"
#include "test_paths.h"

namespace jixiao {
namespace {

const std::vector<LayoutSpec>& layouts() {
  static const std::vector<LayoutSpec> specs = [] {
    auto l = load_layouts((test::source_dir() / "mapping" / "layouts").string());
    EXPECT_TRUE(l) << l.error().to_text();
    return l ? std::move(l).value() : std::vector<LayoutSpec>{};
  }();
  return specs;
}

std::vector<MappedSheet> map(const std::string& producer, const std::string& name) {
  auto path = test::source_dir() / "samples" / producer / name;
  Diagnostics diags;
  auto wb = read_xlsx_file(path.string(), diags);
  EXPECT_TRUE(wb) << path;
  if (!wb) return {};
  return map_workbook(*wb, path.filename().string(), layouts(), diags);
}

std::string num(const Record& r, const std::string& path) {
  auto n = r.number(path);
  return n ? n->to_string() : "<none>";
}

std::string num(const FieldMap& row, const std::string& name) {
  const Field* f = field_of(row, name);
  return f && f->number ? f->number->to_string() : "<none>";
}

class BothProducers : public testing::TestWithParam<std::string> {};

TEST_P(BothProducers, Hubei2019ProjectSheets) {
  auto sheets = map(GetParam(), "003_洪山区医保局_2019_项目支出绩效自评.xlsx");
  ASSERT_EQ(sheets.size(), 3u);
  EXPECT_EQ(sheets[0].layout->id, "project-summary");
  ASSERT_TRUE(sheets[1].layout);
  EXPECT_EQ(sheets[1].layout->id, "hubei-2019-project");
  const Record& p1 = *sheets[1].record;
  EXPECT_EQ(p1.kind, "project_selfeval");
  EXPECT_EQ(p1.text("name"), "机关建设及日常保障经费");
  EXPECT_EQ(num(p1, "funds.budget"), "40");
  EXPECT_EQ(num(p1, "funds.executed"), "39.96");
  EXPECT_EQ(num(p1, "funds.score"), "19.98");
  EXPECT_EQ(num(p1, "funds.rate"), "0.999");
  EXPECT_EQ(num(p1, "goals.score"), "18");
  EXPECT_EQ(num(p1, "total_score"), "90.98");
  EXPECT_EQ(p1.text("grade"), "优");
  EXPECT_EQ(p1.field("total_score")->source.cell, "I4");
  const auto& ind = p1.list("indicators");
  ASSERT_EQ(ind.size(), 4u);
  EXPECT_EQ(num(ind[0], "score"), "15");
  EXPECT_EQ(num(ind[3], "score"), "8");
  EXPECT_EQ(num(ind[3], "weight"), "15");
  const Record& p2 = *sheets[2].record;
  EXPECT_EQ(num(p2, "funds.budget"), "27.56");
  EXPECT_EQ(num(p2, "funds.executed"), "27.34");
  EXPECT_EQ(num(p2, "total_score"), "92.84");
  EXPECT_EQ(p2.list("indicators").size(), 5u);
  const Record& sum = *sheets[0].record;
  ASSERT_EQ(sum.list("rows").size(), 2u);
  EXPECT_EQ(num(sum, "total.budget"), "67.56");
  EXPECT_EQ(num(sum, "total.executed"), "67.3");
}

TEST_P(BothProducers, ThirdPartyScoreTables) {
  auto sheets = map(GetParam(), "004_岚山区城乡居民医保财政补助_绩效评价得分.xlsx");
  ASSERT_EQ(sheets.size(), 5u);
  const Record& overall = *sheets[0].record;
  EXPECT_EQ(sheets[0].layout->id, "framework-overview");
  const auto& groups = overall.list("groups");
  ASSERT_EQ(groups.size(), 4u);
  EXPECT_EQ(field_of(groups[0], "level1")->text, "决策指标");
  EXPECT_EQ(num(groups[0], "weight"), "23");
  EXPECT_EQ(num(groups[0], "score"), "17.03");
  // A formula (=B7/B6): the stored fraction is exact, the sheet shows 74.04%.
  EXPECT_EQ(field_of(groups[0], "score_rate")->text, "74.04%");
  EXPECT_EQ(field_of(groups[0], "score_rate")->number->round(4).to_string(), "0.7404");
  EXPECT_EQ(num(overall, "total_score"), "88.57");
  EXPECT_EQ(overall.text("grade"), "良");
  for (size_t i = 1; i < 5; ++i) EXPECT_EQ(sheets[i].layout->id, "framework-detail") << i;
  EXPECT_EQ(sheets[1].record->list("items").size(), 6u);
  EXPECT_EQ(num(*sheets[1].record, "total_score"), "17.03");
  EXPECT_EQ(sheets[2].record->list("items").size(), 8u);  // the seed's blank row is skipped
  EXPECT_EQ(num(*sheets[4].record, "total_score"), "18.74");
}

TEST_P(BothProducers, SichuanDepartmentSheet) {
  auto sheets = map(GetParam(), "001_剑阁县医保局_2022_部门整体支出绩效目标自评表.xlsx");
  ASSERT_EQ(sheets.size(), 1u);
  ASSERT_TRUE(sheets[0].layout);
  EXPECT_EQ(sheets[0].layout->id, "sichuan-dept");
  const Record& r = *sheets[0].record;
  EXPECT_EQ(r.text("department"), "剑阁县医疗保障局");
  EXPECT_EQ(num(r, "funds.executed"), "6560.14");  // typed as text "6,560.14" in the openpyxl file
  EXPECT_EQ(num(r, "funds.score"), "10");
  EXPECT_EQ(num(r, "total_score"), "100");
  EXPECT_EQ(r.list("tasks").size(), 10u);
  EXPECT_EQ(r.list("indicators").size(), 9u);
}

TEST_P(BothProducers, IndicatorSystemWithScoringRules) {
  auto sheets = map(GetParam(), "001_剑阁县医保局_2022_医疗保障服务能力提升_评价指标体系.xlsx");
  ASSERT_EQ(sheets.size(), 1u);
  EXPECT_EQ(sheets[0].layout->id, "indicator-system");
  const Record& r = *sheets[0].record;
  EXPECT_EQ(r.list("items").size(), 31u);
  EXPECT_EQ(num(r, "total_weight"), "100");
  EXPECT_EQ(num(r, "total_score"), "98");
  EXPECT_EQ(field_of(r.list("items")[0], "level1")->text, "项目决策");
  EXPECT_EQ(num(r.list("items")[0], "level1_weight"), "18");
}

TEST_P(BothProducers, LayoutVariants) {
  // Amounts in 元 are converted to 万元 and the conversion is noted.
  auto yuan = map(GetParam(), "layout02_金额单位元_机关建设经费.xlsx");
  ASSERT_TRUE(yuan[0].record);
  EXPECT_EQ(num(*yuan[0].record, "funds.budget"), "40");
  EXPECT_EQ(num(*yuan[0].record, "funds.executed"), "39.96");
  EXPECT_TRUE(yuan[0].record->field("funds.executed")->read_as(ReadAs::FromYuan));
  // Columns in another order, no 分值 column: the weight comes from the label 项目资金（20分）.
  auto order = map(GetParam(), "layout03_列顺序不同_打击欺诈骗保经费.xlsx");
  ASSERT_TRUE(order[0].record);
  EXPECT_EQ(num(*order[0].record, "funds.score"), "19.84");
  EXPECT_EQ(num(*order[0].record, "funds.weight"), "20");
  EXPECT_EQ(order[0].record->list("indicators").size(), 5u);
  // Five tables stacked on one sheet: five records.
  auto stacked = map(GetParam(), "layout04_多表同页_岚山医保评价得分.xlsx");
  ASSERT_EQ(stacked.size(), 5u);
  EXPECT_TRUE(stacked[0].region);
  EXPECT_EQ(num(*stacked[0].record, "total_score"), "88.57");
  EXPECT_EQ(num(*stacked[4].record, "total_score"), "18.74");
  // A hidden helper sheet is reported as not recognised, the project sheet still is.
  auto hidden = map(GetParam(), "layout05_含隐藏工作表_机关建设经费.xlsx");
  ASSERT_EQ(hidden.size(), 2u);
  EXPECT_EQ(hidden[0].state, SheetState::Hidden);
  EXPECT_FALSE(hidden[0].layout);
  EXPECT_EQ(num(*hidden[1].record, "total_score"), "90.98");
  // Repeated page headers inside the indicator table are skipped.
  auto paged = map(GetParam(), "layout07_指标体系_分页重复表头.xlsx");
  EXPECT_EQ(paged[0].record->list("items").size(), 31u);
}

TEST_P(BothProducers, YunnanVariantIsItsOwnLayout) {
  auto sheets = map(GetParam(), "layout01_云南式_指标性质和度量单位.xlsx");
  ASSERT_TRUE(sheets[0].layout);
  EXPECT_EQ(sheets[0].layout->id, "yunnan-project");
  const Record& r = *sheets[0].record;
  EXPECT_EQ(num(r, "funds.score"), "19.84");
  EXPECT_EQ(num(r, "total_score"), "92.84");
  const auto& ind = r.list("indicators");
  ASSERT_EQ(ind.size(), 5u);
  EXPECT_EQ(field_of(ind[0], "nature")->text, "≥");
  EXPECT_EQ(field_of(ind[0], "unit")->text, "次");
}

TEST_P(BothProducers, NationalFormatAlsoWithNumbersTypedAsText) {
  for (const char* name : {"000_攀枝花医保事务中心_2021_项目支出绩效自评表.xlsx", "layout08_国家版_数字为文本.xlsx"}) {
    auto sheets = map(GetParam(), name);
    ASSERT_EQ(sheets.size(), 1u);
    ASSERT_TRUE(sheets[0].layout) << name;
    EXPECT_EQ(sheets[0].layout->id, "national-project");
    const Record& r = *sheets[0].record;
    EXPECT_EQ(num(r, "funds.budget"), "215.11") << name;
    EXPECT_EQ(num(r, "funds.executed"), "215.11");
    EXPECT_EQ(num(r, "funds.rate"), "1");
    EXPECT_EQ(num(r, "funds.weight"), "10");
    EXPECT_EQ(num(r, "total_score"), "98.25");
    EXPECT_EQ(r.list("indicators").size(), 10u);
    EXPECT_FALSE(r.field("goals.score"));
  }
}

// Seed 001 第二部分: 收支总计 3555.82; 一般公共预算 3429.91 and 政府性基金 125.91; 基本支出 392.51 =
// 人员经费 345.91 + 公用经费 46.60; 三公 1.50, all 公务接待, 45 批次 / 360 人次; no 国有资本经营 spending.
TEST_P(BothProducers, TheNineFinalAccountsTables) {
  auto sheets = map(GetParam(), "001_剑阁县医保局_2022_部门决算公开九表.xlsx");
  ASSERT_EQ(sheets.size(), 9u);
  for (size_t i = 0; i < 9; ++i) {
    ASSERT_TRUE(sheets[i].layout) << sheets[i].sheet;
    EXPECT_EQ(sheets[i].layout->id, "fa0" + std::to_string(i + 1));
    EXPECT_EQ(sheets[i].record->text("table"), "0" + std::to_string(i + 1));
    EXPECT_EQ(sheets[i].record->text("department"), "剑阁县医疗保障局") << i;
    EXPECT_EQ(sheets[i].record->text("year"), "2022") << i;
  }
  const Record& t01 = *sheets[0].record;
  EXPECT_EQ(num(t01, "income.total"), "3555.82");
  EXPECT_EQ(num(t01, "income.general_budget"), "3429.91");
  EXPECT_EQ(num(t01, "income.gov_fund"), "125.91");
  EXPECT_EQ(num(t01, "expenditure.grand_total"), "3555.82");
  EXPECT_EQ(t01.list("classes").size(), 5u);
  const Record& t03 = *sheets[2].record;
  EXPECT_EQ(num(t03, "total.basic"), "392.51");
  EXPECT_EQ(num(t03, "total.project"), "3163.31");
  const Record& t05 = *sheets[4].record;
  EXPECT_EQ(num(t05, "total.total"), "3429.91");
  EXPECT_EQ(num(t05, "total.basic"), "392.51");
  bool found_2101101 = false;
  for (const auto& item : t05.list("items"))
    if (field_of(item, "code")->text == "2101101") {
      found_2101101 = true;
      EXPECT_EQ(field_of(item, "name")->text, "行政单位医疗");
      EXPECT_EQ(num(item, "total"), "11.85");
    }
  EXPECT_TRUE(found_2101101);
  const Record& t06 = *sheets[5].record;
  EXPECT_EQ(num(t06, "personnel"), "345.91");
  EXPECT_EQ(num(t06, "public_use"), "46.6");
  const Record& t07 = *sheets[6].record;
  EXPECT_EQ(num(t07, "actual.total"), "1.5");
  EXPECT_EQ(num(t07, "actual.reception"), "1.5");
  EXPECT_EQ(num(t07, "budget.total"), "1.5");
  EXPECT_EQ(num(t07, "reception_batches"), "45");
  EXPECT_EQ(num(t07, "reception_people"), "360");
  EXPECT_EQ(num(*sheets[7].record, "total.income"), "125.91");
  EXPECT_NE(sheets[8].record->text("empty_note").find("故本表无数据"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Samples, BothProducers, testing::Values("openpyxl", "libreoffice"));

TEST(Recognition, AnUnrecognisedSheetSaysWhatEachCandidateLacked) {
  auto sheets = map("libreoffice", "layout05_含隐藏工作表_机关建设经费.xlsx");
  const MappedSheet& hidden = sheets[0];
  ASSERT_FALSE(hidden.layout);
  ASSERT_FALSE(hidden.candidates.empty());
  bool named_a_header = false;
  for (const auto& c : hidden.candidates)
    for (const auto& m : c.missing) named_a_header |= m.find("缺少") != std::string::npos;
  EXPECT_TRUE(named_a_header);
}

TEST(Recognition, ExtraSheetsAreNeverFatal) {
  auto sheets = map("libreoffice", "layout06_九表含封面和填报说明_2022.xlsx");
  ASSERT_EQ(sheets.size(), 12u);
  EXPECT_EQ(sheets[0].sheet, "封面");
  EXPECT_FALSE(sheets[0].layout);
}

}  // namespace
}  // namespace jixiao
