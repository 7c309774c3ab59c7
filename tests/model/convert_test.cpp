#include "model/convert.h"

#include <gtest/gtest.h>

#include "sample_records.h"
#include "test_paths.h"

namespace jixiao {
namespace {

Profile profile(const std::string& id) {
  return load_profile_file(test::source_dir() / "model" / "profiles" / (id + ".xml")).value();
}

std::string num(const Record& r, const std::string& path) {
  auto v = r.number(path);
  return v ? v->to_string() : "(none)";
}
std::string num(const FieldMap& row, const std::string& name) {
  const Field* f = field_of(row, name);
  return f && f->number ? f->number->to_string() : "(none)";
}

bool said(const Converted& c, const std::string& part) {
  for (const auto& line : c.changes)
    if (line.find(part) != std::string::npos) return true;
  return false;
}

// Seed 003 附件1.1 (Hubei 20 / 20 / 60) as a national sheet: 执行率 10 × 39.96 / 40.00 = 9.99; the 项目绩效目标
// block (18 of 20) has no place in the national table; the sheet has 产出 and 满意度 but no 效益, so its 60
// indicator points are scaled together to 90 (× 1.5): 15 → 22.5, and 8 → 12; 9.99 + 3 × 22.5 + 12 = 89.49, 良.
TEST(ConvertProfile, Hubei2019SheetBecomesNational) {
  Converted c = convert_profile(test::project_1_1(), profile("hubei-2019"), profile("national"));
  const Record& r = c.record;
  EXPECT_EQ(r.profile, "national");
  EXPECT_EQ(num(r, "funds.weight"), "10");
  EXPECT_EQ(num(r, "funds.score"), "9.99");
  EXPECT_EQ(r.field("goals.score"), nullptr);
  EXPECT_EQ(r.field("goals.weight"), nullptr);
  EXPECT_FALSE(r.text("goals.planned").empty());
  const auto& inds = r.list("indicators");
  ASSERT_EQ(inds.size(), 4u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(num(inds[i], "weight"), "22.5");
    EXPECT_EQ(num(inds[i], "score"), "22.5");
  }
  EXPECT_EQ(num(inds[3], "weight"), "22.5");
  EXPECT_EQ(num(inds[3], "score"), "12");
  EXPECT_EQ(num(r, "total_score"), "89.49");
  EXPECT_EQ(r.text("grade"), "良");
  EXPECT_TRUE(said(c, "分值 20 → 10，得分 19.98 → 9.99（10 × 39.96 / 40.00）")) << c.changes.front();
  EXPECT_TRUE(said(c, "不计分"));
  EXPECT_TRUE(said(c, "整体等比例换算"));
  EXPECT_TRUE(said(c, "总分 90.98 → 89.49，等级 优 → 良"));
  // a converted value no longer names a cell of the sheet; one left alone still does
  EXPECT_TRUE(r.field("funds.score")->source.empty());
  EXPECT_EQ(r.field("funds.budget")->source.cell, "E9");
}

// Seed 003 附件1.2: 10 × 27.34 / 27.56 = 9.92; 40 + 20 indicator points × 1.5; 15 × 4 + 22.5 = 82.5; 92.42, 优.
TEST(ConvertProfile, SecondHubeiProject) {
  Converted c = convert_profile(test::project_1_2(), profile("hubei-2019"), profile("national"));
  EXPECT_EQ(num(c.record, "funds.score"), "9.92");
  EXPECT_EQ(num(c.record.list("indicators")[4], "weight"), "30");
  EXPECT_EQ(num(c.record.list("indicators")[4], "score"), "22.5");
  EXPECT_EQ(num(c.record, "total_score"), "92.42");
  EXPECT_EQ(c.record.text("grade"), "优");
}

TEST(ConvertProfile, SameProfileChangesNothing) {
  Record n = test::national_000();
  Converted c = convert_profile(n, profile("national"), profile("national"));
  EXPECT_TRUE(c.changes.empty()) << (c.changes.empty() ? "" : c.changes.front());
  EXPECT_EQ(num(c.record, "total_score"), "98.25");
  EXPECT_EQ(c.record.list("indicators").size(), n.list("indicators").size());
}

// Every target group present: each is scaled to its own weight. 产出 50 → 60 (× 1.2), 效益 30 → 20, 满意度 10 → 10;
// the last 效益 indicator takes the rounding so the group adds up to exactly 20 (6.67 + 6.67 + 6.66).
TEST(ConvertProfile, GroupsScaledOneByOneWhenTheSheetHasThemAll) {
  Profile to = profile("national");
  to.blocks[1].groups[0].weight = Decimal::from_int(60);
  to.blocks[1].groups[1].weight = Decimal::from_int(20);
  Converted c = convert_profile(test::national_000(), profile("national"), to);
  const auto& inds = c.record.list("indicators");
  ASSERT_EQ(inds.size(), 10u);
  EXPECT_EQ(num(inds[0], "weight"), "12");   // 10 × 1.2
  EXPECT_EQ(num(inds[1], "score"), "5.1");   // 4.25 × 1.2
  EXPECT_EQ(num(inds[6], "weight"), "6.67");
  EXPECT_EQ(num(inds[8], "weight"), "6.66");
  EXPECT_EQ(num(inds[8], "score"), "6");     // 9 × 2/3
  EXPECT_EQ(num(inds[9], "weight"), "10");
  // 10 + 59.1 + (6.67 + 6.67 + 6) + 10
  EXPECT_EQ(num(c.record, "total_score"), "98.44");
  EXPECT_TRUE(said(c, "产出指标 分值 50 → 60"));
  EXPECT_FALSE(said(c, "满意度指标 分值"));
}

// To a profile with a 绩效目标 block the sheet never scored: its weight is set, its score is the evaluator's
// to give, so the total and grade are left blank rather than guessed.
TEST(ConvertProfile, NationalToHubeiLeavesTheGoalsScoreToThePerson) {
  Converted c = convert_profile(test::national_000(), profile("national"), profile("hubei-2019"));
  EXPECT_EQ(num(c.record, "goals.weight"), "20");
  EXPECT_EQ(c.record.field("goals.score"), nullptr);
  EXPECT_EQ(c.record.field("total_score"), nullptr);
  EXPECT_TRUE(said(c, "得分须人工评定"));
  EXPECT_TRUE(said(c, "总分和等级留空"));
}

}  // namespace
}  // namespace jixiao
