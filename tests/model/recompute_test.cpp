#include "model/recompute.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "model/seed_records.h"
#include "test_paths.h"

namespace jixiao {
namespace {

using test::SheetRef;

Profile profile(const std::string& id) {
  auto p = load_profile_file(test::source_dir() / "model" / "profiles" / (id + ".xml"));
  EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message);
  return p.value();
}

std::string computed(const Record& r, const std::string& path) {
  auto it = r.computed.find(path);
  return it == r.computed.end() ? "<none>" : it->second.text;
}

std::string dump(const Findings& fs) {
  std::string s;
  for (const auto& f : fs) s += f.rule + " " + f.cell + ": " + f.message + "\n";
  return s;
}

// The findings samples/manifest.json lists for an err* variant must be exactly ours.
void expect_manifest_findings(const std::string& file, const Findings& ours) {
  std::ifstream in(test::source_dir() / "samples" / "manifest.json");
  auto manifest = nlohmann::json::parse(in);
  const nlohmann::json* variant = nullptr;
  for (const auto& v : manifest["variants"])
    if (v["file"] == file) variant = &v;
  ASSERT_NE(variant, nullptr) << file;
  const auto& want = (*variant)["findings"];
  ASSERT_EQ(ours.size(), want.size()) << dump(ours);
  for (size_t i = 0; i < ours.size(); ++i) {
    const auto& w = want[i];
    EXPECT_EQ(ours[i].rule, w["rule"].get<std::string>());
    EXPECT_EQ(severity_name(ours[i].severity), w["severity"].get<std::string>());
    EXPECT_EQ(ours[i].sheet, w["sheet"].get<std::string>());
    EXPECT_EQ(ours[i].cell, w["cell"].get<std::string>());
    EXPECT_EQ(ours[i].message, w["message"].get<std::string>());
    for (auto [ours_text, key] : {std::pair{ours[i].expected, "expected"}, std::pair{ours[i].found, "found"}}) {
      const auto& v = w[key];
      if (v.is_string()) {
        EXPECT_EQ(ours_text, v.get<std::string>()) << key;
      } else {
        auto d = Decimal::parse(ours_text);
        ASSERT_TRUE(d) << key << " " << ours_text;
        EXPECT_EQ(*d, *Decimal::from_double(v.get<double>())) << key << " " << ours_text;
      }
    }
  }
}

// ---- the clean seeds: their figures, and no finding ----------------------------------------------

TEST(RecomputeSeeds, Project1Of003) {
  Record r = test::project_1_1();
  Findings f = recompute(r, profile("hubei-2019"));
  EXPECT_TRUE(f.empty()) << dump(f);
  EXPECT_EQ(computed(r, "funds.rate"), "0.999");
  EXPECT_EQ(computed(r, "funds.score"), "19.98");
  EXPECT_EQ(computed(r, "total_score"), "90.98");
  EXPECT_EQ(computed(r, "grade"), "优");
  EXPECT_EQ(computed(r, "funds.sources.4.rate"), "0.999");
  // 群众对部门工作的满意度: target 100%, actual blank -> no rule; 工作考核等级 优/优 -> 达成 [12, 15]
  EXPECT_EQ(computed(r, "indicators.3.score"), "<none>");
  EXPECT_EQ(computed(r, "indicators.1.score_range"), "[12, 15]");
  EXPECT_EQ(computed(r, "indicators.0.score"), "15");
  EXPECT_EQ(computed(r, "indicator_groups.0.level1"), "产出指标");
  EXPECT_EQ(computed(r, "indicator_groups.0.score"), "45");
  EXPECT_EQ(computed(r, "indicator_groups.1.score"), "8");
}

TEST(RecomputeSeeds, Project2Of003) {
  Record r = test::project_1_2();
  Findings f = recompute(r, profile("hubei-2019"));
  EXPECT_TRUE(f.empty()) << dump(f);
  EXPECT_EQ(computed(r, "funds.rate"), "0.992");
  EXPECT_EQ(computed(r, "funds.score"), "19.84");
  EXPECT_EQ(computed(r, "total_score"), "92.84");
  EXPECT_EQ(computed(r, "grade"), "优");
  EXPECT_EQ(computed(r, "indicators.0.score"), "10");        // ≥2次, 3 done
  EXPECT_EQ(computed(r, "indicators.3.score_range"), "[8, 10]");  // 及时 / 及时
  EXPECT_EQ(computed(r, "indicators.4.score"), "<none>");    // ≥90%, blank
}

TEST(RecomputeSeeds, OverallScoresOf004) {
  Record r = test::overall_004();
  Findings f = recompute(r, profile("framework"));
  EXPECT_TRUE(f.empty()) << dump(f);
  EXPECT_EQ(computed(r, "total_score"), "88.57");
  EXPECT_EQ(computed(r, "total_weight"), "100");
  EXPECT_EQ(computed(r, "grade"), "良");
  EXPECT_EQ(computed(r, "groups.0.score_rate"), "0.7404");
  EXPECT_EQ(computed(r, "groups.1.score_rate"), "0.9412");
  EXPECT_EQ(computed(r, "groups.2.score_rate"), "0.92");
  EXPECT_EQ(computed(r, "groups.3.score_rate"), "0.937");
  EXPECT_EQ(computed(r, "total_score_rate"), "0.8857");
}

TEST(RecomputeSeeds, DecisionTableOf004HasNoTargetsAndNoGrade) {
  Record r = test::decision_004();
  Findings f = recompute(r, profile("framework"));
  EXPECT_TRUE(f.empty()) << dump(f);
  EXPECT_EQ(computed(r, "total_score"), "17.03");
  EXPECT_EQ(computed(r, "total_weight"), "23");
  EXPECT_EQ(computed(r, "total_score_rate"), "0.7404");
  EXPECT_EQ(computed(r, "grade"), "<none>");  // 23 points are not a 100-point table
  EXPECT_EQ(computed(r, "items.4.score"), "<none>");
}

TEST(RecomputeSeeds, IndicatorSystemOf001) {
  Record r = test::a2_001();
  ASSERT_EQ(r.list("items").size(), 31u);
  Findings f = recompute(r, profile("framework"));
  EXPECT_TRUE(f.empty()) << dump(f);
  const char* weights[] = {"18", "22", "50", "10"};
  const char* scores[] = {"18", "22", "48", "10"};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(computed(r, "groups." + std::to_string(i) + ".weight"), weights[i]);
    EXPECT_EQ(computed(r, "groups." + std::to_string(i) + ".score"), scores[i]);
  }
  EXPECT_EQ(computed(r, "total_weight"), "100");
  EXPECT_EQ(computed(r, "total_score"), "98");
  EXPECT_EQ(computed(r, "grade"), "优");
  // the actual values are sentences: no 评分标准 decides, although several parse
  for (size_t i = 0; i < 31; ++i) EXPECT_EQ(computed(r, "items." + std::to_string(i) + ".score"), "<none>") << i;
}

// layout07: the label "项目决策(22分)" repeated over rows whose group weighs 18: one warning at A9.
TEST(RecomputeSeeds, IndicatorSystemWithPageBreaksWarnsOnceAboutTheLabel) {
  Record r = test::a2_001_paged();
  Findings f = recompute(r, profile("framework"));
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].rule, "score_table.group_label_weight");
  EXPECT_EQ(f[0].severity, Severity::Warning);
  EXPECT_EQ(f[0].cell, "A9");
  EXPECT_EQ(f[0].message, "项目决策 标注 22 分 ≠ 分值之和 18");
  EXPECT_EQ(f[0].expected, "18");
  EXPECT_EQ(f[0].found, "22");
  EXPECT_EQ(computed(r, "total_score"), "98");
  EXPECT_EQ(computed(r, "total_weight"), "100");
}

TEST(RecomputeSeeds, DepartmentSheetOf001) {
  Record r = test::dept_001();
  Findings f = recompute(r, profile("sichuan-dept"));
  EXPECT_TRUE(f.empty()) << dump(f);
  EXPECT_EQ(computed(r, "funds.score"), "10");
  EXPECT_EQ(computed(r, "funds.rate"), "1");
  EXPECT_EQ(computed(r, "total_score"), "100");
  EXPECT_EQ(r.computed.at("total_score").note, "10 + 90 = 100.00");
  EXPECT_EQ(computed(r, "grade"), "优秀");
}

TEST(RecomputeSeeds, SummaryOf003) {
  Record r = test::summary_003();
  Findings f = recompute(r, profile("hubei-2019"));
  EXPECT_TRUE(f.empty()) << dump(f);
  EXPECT_EQ(computed(r, "total.budget"), "67.56");
  EXPECT_EQ(computed(r, "total.executed"), "67.3");
  EXPECT_EQ(computed(r, "rows.0.grade"), "优");
}

TEST(RecomputeSeeds, NationalSheetOf000) {
  for (bool as_text : {false, true}) {  // layout08: the same with numbers typed as text
    Record r = test::national_000(test::kN0, as_text);
    Findings f = recompute(r, profile("national"));
    EXPECT_TRUE(f.empty()) << dump(f);
    EXPECT_EQ(computed(r, "funds.rate"), "1");
    EXPECT_EQ(computed(r, "funds.score"), "10");
    EXPECT_EQ(computed(r, "indicator_groups.0.score"), "49.25");
    EXPECT_EQ(computed(r, "indicator_groups.1.score"), "29");
    EXPECT_EQ(computed(r, "indicator_groups.2.score"), "10");
    EXPECT_EQ(computed(r, "indicator_groups.0.weight"), "50");
    EXPECT_EQ(computed(r, "total_score"), "98.25");
    EXPECT_EQ(computed(r, "grade"), "优");
    EXPECT_EQ(computed(r, "indicators.1.score"), "4.25");   // 5 × 1700 / 2000
    EXPECT_EQ(computed(r, "indicators.5.score"), "10");     // ≤215.11万元, 215.11万元
    EXPECT_EQ(computed(r, "indicators.7.score_range"), "[8, 10]");  // 稳步提高 / 达成
    EXPECT_EQ(computed(r, "indicators.8.score"), "<none>");  // free text: kept
  }
}

// ---- the injected mistakes of samples/manifest.json ---------------------------------------------

TEST(RecomputeVariants, Err01TotalScore) {
  SheetRef s{"err01_附件1.1_自评得分91.98.xlsx", test::kP1.sheet};
  Record r = test::project_1_1(s);
  r.fields["total_score"] = s.num("91.98", "91.98", "I4");
  Findings f = recompute(r, profile("hubei-2019"));
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].rule, "project.total_score");
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_EQ(f[0].file, "err01_附件1.1_自评得分91.98.xlsx");
  EXPECT_EQ(f[0].sheet, "附件1.1 机关建设经费");
  EXPECT_EQ(f[0].cell, "I4");
  EXPECT_EQ(f[0].message, "自评得分 91.98 ≠ 19.98 + 18 + 53 = 90.98");
  EXPECT_EQ(f[0].expected, "90.98");
  EXPECT_EQ(f[0].found, "91.98");
  EXPECT_EQ(computed(r, "grade"), "优");
  expect_manifest_findings(s.file, f);
}

TEST(RecomputeVariants, Err02FundScore) {
  SheetRef s{"err02_附件1.1_资金得分20.00.xlsx", test::kP1.sheet};
  Record r = test::project_1_1(s);
  r.fields["funds.score"] = s.num("20.00", "20", "I9");
  Findings f = recompute(r, profile("hubei-2019"));
  expect_manifest_findings(s.file, f);
  EXPECT_EQ(computed(r, "funds.score"), "19.98");
  EXPECT_EQ(computed(r, "total_score"), "91");  // the sum of the parts as submitted
}

TEST(RecomputeVariants, Err03RateButNotTheFundScore) {
  SheetRef s{"err03_附件1.2_执行率99.9%.xlsx", test::kP2.sheet};
  Record r = test::project_1_2(s);
  r.fields["funds.rate"] = s.num("99.9%", "0.999", "H9");
  Findings f = recompute(r, profile("hubei-2019"));
  expect_manifest_findings(s.file, f);
  EXPECT_EQ(computed(r, "funds.score"), "19.84");
}

TEST(RecomputeVariants, Err04SummaryTotal) {
  SheetRef s{"err04_自评结果汇总_合计多0.10.xlsx", test::kSummary.sheet};
  Record r = test::summary_003(s);
  r.fields["total.budget"] = s.num("67.66", "67.66", "C7");
  Findings f = recompute(r, profile("hubei-2019"));
  expect_manifest_findings(s.file, f);
}

TEST(RecomputeVariants, Err05IndicatorAboveItsWeight) {
  SheetRef s{"err05_附件1.2_指标得分超分值.xlsx", test::kP2.sheet};
  Record r = test::project_1_2(s);
  r.lists["indicators"][0]["score"] = s.num("12", "12", "H19");
  Findings f = recompute(r, profile("hubei-2019"));
  expect_manifest_findings(s.file, f);
}

TEST(RecomputeVariants, Err06ScoreRate) {
  SheetRef s{"err06_整体得分_决策得分率74.40%.xlsx", test::kS4.sheet};
  Record r = test::overall_004(s);
  r.lists["groups"][0]["score_rate"] = s.num("74.40%", "0.744", "B8");
  Findings f = recompute(r, profile("framework"));
  expect_manifest_findings(s.file, f);
}

TEST(RecomputeVariants, Err07Grade) {
  SheetRef s{"err07_整体得分_等级优.xlsx", test::kS4.sheet};
  Record r = test::overall_004(s);
  r.fields["grade"] = s.txt("优", "B10");
  Findings f = recompute(r, profile("framework"));
  expect_manifest_findings(s.file, f);
}

// National format: the total as 执行率得分 + one sum per level-1 group. The manifest's message writes the
// fund score J6 as "10", but the cell shows "10.00" (format 0.00), and messages quote cells as shown.
TEST(RecomputeVariants, Err13NationalTotal) {
  SheetRef s{"err13_国家版_总分错.xlsx", test::kN0.sheet};
  Record r = test::national_000(s);
  r.fields["total_score"] = s.num("99.25", "99.25", "H23");
  r.fields["indicators_total.score"] = s.num("99.25", "99.25", "H23");
  Findings f = recompute(r, profile("national"));
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].rule, "project.total_score");
  EXPECT_EQ(f[0].cell, "H23");
  EXPECT_EQ(f[0].message, "总分 99.25 ≠ 10.00 + 49.25 + 29 + 10 = 98.25");
  EXPECT_EQ(f[0].expected, "98.25");
  EXPECT_EQ(f[0].found, "99.25");
  r.fields["funds.score"] = s.num("10", "10", "J6");  // shown without decimals: as the manifest has it
  f = recompute(r, profile("national"));
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].message, "总分 99.25 ≠ 10 + 49.25 + 29 + 10 = 98.25");
}

TEST(Recompute, WeightsOfTheTotalRow) {
  Record r = test::national_000();
  r.fields["indicators_total.weight"] = test::kN0.num("90", "90", "G23");
  Findings f = recompute(r, profile("national"));
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].rule, "project.weight_total");
  EXPECT_EQ(f[0].message, "总分 分值 90 ≠ 10 + 50 + 30 + 10 = 100");
}

// What mapping/ gives for 附件2 (indicator-system layout): no groups list, each item carrying its
// label's weight as level1_weight, the 合计 row as total.weight / total.score.
TEST(Recompute, IndicatorSystemAsMappingGivesIt) {
  for (bool paged : {false, true}) {
    Record r = paged ? test::a2_001_paged() : test::a2_001();
    auto& items = r.lists["items"];
    const auto& groups = r.lists["groups"];
    for (auto& item : items) {
      for (const auto& g : groups)
        if (g.at("level1").source.cell == item.at("level1").source.cell) item["level1_weight"] = g.at("weight");
    }
    r.lists.erase("groups");
    r.fields["total.weight"] = r.fields["total_weight"];
    r.fields["total.score"] = r.fields["total_score"];
    r.fields.erase("total_weight");
    r.fields.erase("total_score");
    Findings f = recompute(r, profile("framework"));
    EXPECT_EQ(computed(r, "groups.0.level1"), "项目决策");
    EXPECT_EQ(computed(r, "groups.2.score"), "48");
    EXPECT_EQ(computed(r, "total_score"), "98");
    EXPECT_EQ(computed(r, "grade"), "优");
    if (!paged) {
      EXPECT_TRUE(f.empty()) << dump(f);
      continue;
    }
    ASSERT_EQ(f.size(), 1u) << dump(f);
    EXPECT_EQ(f[0].rule, "score_table.group_label_weight");
    EXPECT_EQ(f[0].cell, "A9");
    EXPECT_EQ(f[0].message, "项目决策 标注 22 分 ≠ 分值之和 18");
  }
}

// A single label with a wrong weight: one warning; the totals follow the items.
TEST(Recompute, WrongLabelWeightWarnsOnce) {
  Record r = test::a2_001();
  r.lists["groups"][0]["weight"] = test::kA2.label_weight("22", "A5");
  Findings f = recompute(r, profile("framework"));
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].rule, "score_table.group_label_weight");
  EXPECT_EQ(f[0].cell, "A5");
  EXPECT_EQ(computed(r, "total_weight"), "100");
  // the same number in a cell of its own is an error with its arithmetic
  r.lists["groups"][0]["weight"] = test::kA2.num("22", "22", "A5");
  f = recompute(r, profile("framework"));
  ASSERT_GE(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].rule, "score_table.group_weight");
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_EQ(f[0].message, "项目决策 分值 22 ≠ 4 + 2 + 2 + 2 + 2 + 2 + 4 = 18");
}

TEST(Recompute, SubtotalRowOfADetailTable) {
  Record r = test::decision_004();
  r.fields["total_score"] = test::kS4Decision.num("17.30", "17.3", "D10");
  Findings f = recompute(r, profile("framework"));
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].rule, "score_table.total");
  EXPECT_EQ(f[0].cell, "D10");
  EXPECT_EQ(f[0].message, "合计 17.30 ≠ 4 + 3 + 1.5 + 3.5 + 1.17 + 3.86 = 17.03");
}

// ---- decisions a reviewer should see -----------------------------------------------------------

// Compared as shown: a total typed without decimals agrees with 90.98 (it is 91 when rounded).
TEST(Recompute, ComparesAtThePrecisionShown) {
  Record r = test::project_1_1();
  r.fields["total_score"] = test::kP1.num("91", "91", "I4");
  EXPECT_TRUE(recompute(r, profile("hubei-2019")).empty());
  r.fields["total_score"] = test::kP1.num("91.0", "91", "I4");  // 90.98 is 91.0 to one place
  EXPECT_TRUE(recompute(r, profile("hubei-2019")).empty());
  r.fields["total_score"] = test::kP1.num("91.00", "91", "I4");
  EXPECT_EQ(recompute(r, profile("hubei-2019")).size(), 1u);
  // a rate typed "99.9" in a 执行率 column (read as 0.999) shows one decimal of a percentage
  Record r2 = test::project_1_2();
  r2.fields["funds.rate"] = test::kP2.num("99.2", "0.992", "H9", "按百分数读取");
  EXPECT_TRUE(recompute(r2, profile("hubei-2019")).empty());
}

TEST(Recompute, RateAbove100IsAWarning) {
  Record r = test::project_1_1();
  r.fields["funds.executed"] = test::kP1.num("41.00", "41", "F9");
  r.fields["funds.rate"] = test::kP1.num("102.5%", "1.025", "H9");
  r.fields["funds.score"] = test::kP1.num("20.00", "20", "I9");
  r.fields["total_score"] = test::kP1.num("91.00", "91", "I4");
  r.lists["funds.sources"][4]["executed"] = test::kP1.num("41.00", "41", "F14");
  r.lists["funds.sources"][4]["rate"] = test::kP1.num("102.50%", "1.025", "H14");
  Findings f = recompute(r, profile("hubei-2019"));
  ASSERT_EQ(f.size(), 2u) << dump(f);
  EXPECT_EQ(f[0].rule, "project.execution_rate_over_100");
  EXPECT_EQ(f[0].severity, Severity::Warning);
  EXPECT_EQ(f[0].cell, "H9");
  EXPECT_EQ(f[0].message, "执行率 102.50% 超过 100%：全年执行数 41.00 > 全年预算数 40.00");
  EXPECT_EQ(f[1].message, "区级预算资金 执行率 102.50% 超过 100%：全年执行数 41.00 > 全年预算数 40.00");
  EXPECT_EQ(computed(r, "funds.score"), "20");
  EXPECT_EQ(r.computed.at("funds.score").note, "20 × min(41.00 / 40.00, 1) = 20.00");
}

TEST(Recompute, FullMarksAboveAThreshold) {
  auto dir = test::scratch_dir();
  std::string text = test::read_file(test::source_dir() / "model/profiles/national.xml");
  text.replace(text.find("<fund-score rule=\"linear\"/>"), std::string("<fund-score rule=\"linear\"/>").size(),
               "<fund-score rule=\"full-above\" threshold=\"90%\"/>");
  std::ofstream(dir / "p.xml") << text;
  auto p = load_profile_file(dir / "p.xml");
  ASSERT_TRUE(p.ok()) << p.error().message;
  Record r = test::project_1_1();
  r.fields["funds.weight"] = test::kP1.num("10", "10", "G9");
  r.fields["funds.executed"] = test::kP1.num("36.00", "36", "F9");
  r.fields["funds.score"] = test::kP1.num("9.00", "9", "I9");
  Findings f = recompute(r, *p);
  ASSERT_GE(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "project.execution_rate");  // 99.9% typed, 90.00% computed
  bool fund = false;
  for (const auto& x : f)
    if (x.rule == "project.fund_score") {
      fund = true;
      EXPECT_EQ(x.message, "预算执行率得分 9.00 ≠ 10（执行率 36.00 / 40.00 = 90.00% ≥ 90.00%，得满分）");
    }
  EXPECT_TRUE(fund) << dump(f);
  r.fields["funds.executed"] = test::kP1.num("35.96", "35.96", "F9");  // 89.9%: linear below
  recompute(r, *p);
  EXPECT_EQ(computed(r, "funds.score"), "8.99");
}

TEST(Recompute, FundSourcesMustAddUp) {
  Record r = test::project_1_1();
  r.lists["funds.sources"][4]["budget"] = test::kP1.num("30.00", "30", "E14");
  r.lists["funds.sources"][5]["budget"] = test::kP1.num("9.00", "9", "E15");
  Findings f = recompute(r, profile("hubei-2019"));
  ASSERT_FALSE(f.empty());
  EXPECT_EQ(f.back().rule, "project.fund_sources");
  EXPECT_EQ(f.back().cell, "E9");
  EXPECT_EQ(f.back().message, "全年预算数 40.00 ≠ 区级预算资金 30.00 + 其他资金 9.00 = 39.00");
}

TEST(Recompute, IndicatorRulesAreWarningsWithTheirArithmetic) {
  Record r = test::project_1_2();
  r.lists["indicators"][0]["score"] = test::kP2.num("8", "8", "H19");  // ≥2次, 3 done: full marks
  r.fields["total_score"] = test::kP2.num("90.84", "90.84", "I4");
  Findings f = recompute(r, profile("hubei-2019"));
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].rule, "project.indicator_score");
  EXPECT_EQ(f[0].severity, Severity::Warning);
  EXPECT_EQ(f[0].message, "政策宣传活动次数 得分 8 ≠ 满分 10（实际 3 达到目标 ≥2次）");
  EXPECT_EQ(f[0].expected, "10");

  Record q = test::project_1_1();
  q.lists["indicators"][1]["score"] = test::kP1.num("10", "10", "H20");  // 优/优 is 达成: [12, 15]
  q.fields["total_score"] = test::kP1.num("85.98", "85.98", "I4");
  q.fields["grade"] = test::kP1.txt("良", "G4");
  f = recompute(q, profile("hubei-2019"));
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].message, "工作考核等级 得分 10 不在 [12, 15]（定性：实际“优”为达成）");
  EXPECT_EQ(f[0].expected, "[12, 15]");
}

TEST(Recompute, PartialAchievementIsScoredInProportion) {
  Record r = test::project_1_2();
  r.lists["indicators"][1]["actual"] = test::kP2.num("95%", "0.95", "F20");
  r.lists["indicators"][1]["target"] = test::kP2.txt("≥100%", "E20");
  r.lists["indicators"][1]["score"] = test::kP2.num("9.5", "9.5", "H20");
  r.fields["total_score"] = test::kP2.num("92.34", "92.34", "I4");
  Findings f = recompute(r, profile("hubei-2019"));
  EXPECT_TRUE(f.empty()) << dump(f);
  EXPECT_EQ(computed(r, "indicators.1.score"), "9.5");
  EXPECT_EQ(r.computed.at("indicators.1.score").note, "正向：10 × 95% / 100% = 9.50");
}

TEST(Recompute, AmountsReadInYuanMustAddUpExactly) {
  Record r = test::summary_003();
  r.fields["total.budget"] = test::kSummary.num("67.57", "67.57", "C7");
  EXPECT_TRUE(recompute(r, profile("hubei-2019")).empty());  // 0.01 per addend
  for (auto& row : r.lists["rows"]) row["budget"].mark(ReadAs::FromYuan);
  r.fields["total.budget"].mark(ReadAs::FromYuan);
  Findings f = recompute(r, profile("hubei-2019"));
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].message, "合计 67.57 ≠ 40.00 + 27.56 = 67.56");
}

// A notice's sentence above its list (衢州: 共对9个重点项目……资金17815.56万元) against the rows, here seed
// 003's two projects, 40.00 + 27.56 = 67.56 万元: checked when it counts exactly the rows listed.
TEST(Recompute, FundsStatedAboveTheListMatchTheRowsWhenTheCountDoes) {
  Record r = test::summary_003();
  r.fields["text_total.count"] = test::kSummary.num("2", "2", "A1");
  r.fields["text_total.budget"] = test::kSummary.num("67.65", "67.65", "A1");
  Findings f = recompute(r, profile("hubei-2019"));
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].rule, "summary.text_total");
  EXPECT_EQ(f[0].cell, "A1");
  EXPECT_EQ(f[0].expected, "67.56");
  r.fields["text_total.count"] = test::kSummary.num("3", "3", "A1");  // speaks of a project not listed
  EXPECT_TRUE(recompute(r, profile("hubei-2019")).empty());
  r.fields["text_total.count"] = test::kSummary.num("2", "2", "A1");
  r.fields["text_total.budget"] = test::kSummary.num("67.56", "67.56", "A1");
  EXPECT_TRUE(recompute(r, profile("hubei-2019")).empty());
}

TEST(Recompute, UnknownGradeWordIsAWarning) {
  Record r = test::overall_004();
  r.fields["grade"] = test::kS4.txt("B", "B10");
  Findings f = recompute(r, profile("framework"));
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].severity, Severity::Warning);
  EXPECT_EQ(f[0].message, "等级 B 不是本评分方案的等级用语（优/良/中/差）：80 ≤ 88.57 < 90 为 良");
  r.fields["grade"] = test::kS4.txt("良好", "B10");  // an alias
  EXPECT_TRUE(recompute(r, profile("framework")).empty());
}

TEST(Recompute, GroupScoresAgainstTheirItems) {
  Record r = test::a2_001();
  r.lists["groups"][2]["score"] = test::kA2.num("50", "50", "I18");  // a 小计 cell, say
  Findings f = recompute(r, profile("framework"));
  ASSERT_EQ(f.size(), 2u) << dump(f);
  EXPECT_EQ(f[0].rule, "score_table.group_score");
  EXPECT_EQ(f[0].message, "项目产出 得分 50 ≠ 各项之和 48");
  // the total follows the group scores as submitted, as a 自评得分 follows its parts (err02)
  EXPECT_EQ(f[1].rule, "score_table.total");
  EXPECT_EQ(f[1].message, "合计 98 ≠ 18 + 22 + 50 + 10 = 100");
}

TEST(Recompute, TotalOfAScoreTable) {
  Record r = test::overall_004();
  r.fields["total_score"] = test::kS4.num("88.67", "88.67", "F7");
  Findings f = recompute(r, profile("framework"));
  ASSERT_GE(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].rule, "score_table.total");
  EXPECT_EQ(f[0].message, "合计 88.67 ≠ 17.03 + 16.00 + 36.80 + 18.74 = 88.57");
}

TEST(Recompute, DepartmentTotal) {
  Record r = test::dept_001();
  r.fields["total_score"] = test::kDept.num("95", "95", "H32");
  Findings f = recompute(r, profile("sichuan-dept"));
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].rule, "dept.total_score");
  EXPECT_EQ(f[0].message, "总分 95 ≠ 10 + 90 = 100.00");
}

TEST(Recompute, OtherKindsGetNothing) {
  Record r;
  r.kind = "final_accounts";
  r.fields["income.total"] = test::kA2.num("3555.82", "3555.82", "C36");
  EXPECT_TRUE(recompute(r, profile("national")).empty());
  EXPECT_TRUE(r.computed.empty());
}

}  // namespace
}  // namespace jixiao
