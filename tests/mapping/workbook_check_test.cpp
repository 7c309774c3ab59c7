// Across the sheets of one workbook: sample 004 is seed 004's 项目整体得分情况表 with the four
// 决策/过程/产出/效益得分情况表 behind it (产出 40 分, 得分 36.80 in both). The seed's own figures agree,
// so the clean workbook yields nothing; the overview's 产出 typed 36.08 is an error at its cell.
#include "model/workbook_check.h"

#include <gtest/gtest.h>

#include "mapping/engine.h"
#include "readers/xlsx_reader.h"
#include "test_paths.h"

namespace jixiao {
namespace {

std::vector<MappedSheet> sample_004(const std::string& producer) {
  static auto specs = load_layouts((test::source_dir() / "mapping" / "layouts").string());
  EXPECT_TRUE(specs);
  auto path = test::source_dir() / "samples" / producer / "004_岚山区城乡居民医保财政补助_绩效评价得分.xlsx";
  Diagnostics diags;
  auto wb = read_xlsx_file(path.string(), diags);
  EXPECT_TRUE(wb) << path;
  if (!wb || !specs) return {};
  return map_workbook(*wb, path.filename().string(), *specs, diags);
}

std::vector<const Record*> records(const std::vector<MappedSheet>& sheets) {
  std::vector<const Record*> out;
  for (const MappedSheet& m : sheets)
    if (m.record) out.push_back(&*m.record);
  return out;
}

TEST(WorkbookCheck, OverviewGroupScoresAgreeWithTheirDetailSheets) {
  for (const char* producer : {"openpyxl", "libreoffice"}) {
    auto sheets = sample_004(producer);
    ASSERT_EQ(records(sheets).size(), 5u) << producer;
    EXPECT_TRUE(check_workbook(records(sheets)).empty()) << producer;
  }
}

TEST(WorkbookCheck, OverviewScoreThatDiffersFromItsDetailSheetIsAnErrorAtTheOverviewCell) {
  auto sheets = sample_004("libreoffice");
  Record* overview = nullptr;
  for (MappedSheet& m : sheets)
    if (m.record && m.record->lists.count("groups")) overview = &*m.record;
  ASSERT_NE(overview, nullptr);
  Field* output = nullptr;
  for (FieldMap& g : overview->lists["groups"])
    if (g["level1"].text.find("产出") != std::string::npos) output = &g["score"];
  ASSERT_NE(output, nullptr);
  output->text = "36.08";
  output->number = Decimal::parse("36.08");
  Findings f = check_workbook(records(sheets));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "score_table.overview_detail");
  EXPECT_EQ(f[0].sheet, "整体得分情况");
  EXPECT_EQ(f[0].cell, output->source.cell);
  EXPECT_EQ(f[0].expected, "36.8");
  EXPECT_EQ(f[0].found, "36.08");
  EXPECT_NE(f[0].message.find("产出得分情况表"), std::string::npos) << f[0].message;
}

// A detail sheet whose weight is not the group's is another table, not this group's detail.
TEST(WorkbookCheck, ADetailSheetOfAnotherWeightIsNotCompared) {
  auto sheets = sample_004("openpyxl");
  for (MappedSheet& m : sheets)
    if (m.record && !m.record->lists.count("groups") && m.record->text("name").find("产出") != std::string::npos) {
      m.record->fields["total_weight"].number = Decimal::parse("50");
      m.record->fields["total_score"].number = Decimal::parse("45");
    }
  EXPECT_TRUE(check_workbook(records(sheets)).empty());
}

}  // namespace
}  // namespace jixiao
