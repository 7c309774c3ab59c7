#include "writers/record_json.h"

#include <gtest/gtest.h>

#include "model/recompute.h"
#include "model/seed_records.h"
#include "test_paths.h"

namespace jixiao {
namespace {

Decimal D(const char* s) { return *Decimal::parse(s); }

Profile profile(const std::string& id) {
  return load_profile_file(test::source_dir() / "model" / "profiles" / (id + ".xml")).value();
}

TEST(DecimalJson, PrintedAtTheirDecimalValue) {
  EXPECT_EQ(decimal_json(D("19.98")).dump(), "19.98");
  EXPECT_EQ(decimal_json(*Decimal::from_double(19.979999999999997)).dump(), "19.98");
  EXPECT_EQ(decimal_json(D("0.999")).dump(), "0.999");
  EXPECT_EQ(decimal_json(D("100")).dump(), "100");
  EXPECT_EQ(decimal_json(D("40.00")).dump(), "40");
  EXPECT_EQ(decimal_json(D("-3.5")).dump(), "-3.5");
  EXPECT_EQ(decimal_json(D("3555.82")).dump(), "3555.82");
  EXPECT_EQ(decimal_json(D("6560.14")).dump(), "6560.14");
  EXPECT_EQ(decimal_json(D("0.740435")).dump(), "0.740435");
  // what a double cannot print as written stays exact, as a string
  EXPECT_EQ(decimal_json(D("0.000001")).dump(), "\"0.000001\"");
  EXPECT_EQ(decimal_json(D("1234567890123.456789")).dump(), "\"1234567890123.456789\"");
}

TEST(RecordJson, ProjectSelfEvaluation) {
  Record r = test::project_1_1();
  recompute(r, profile("hubei-2019"));
  auto j = record_json(r);

  EXPECT_EQ(j.begin().key(), "kind");
  EXPECT_EQ(j["kind"], "project_selfeval");
  EXPECT_EQ(j["name"], "机关建设及日常保障经费");
  EXPECT_EQ(j["funds"]["budget"].dump(), "40");
  EXPECT_EQ(j["funds"]["executed"].dump(), "39.96");
  EXPECT_EQ(j["funds"]["rate"].dump(), "0.999");
  EXPECT_EQ(j["funds"]["score"].dump(), "19.98");
  EXPECT_EQ(j["funds"]["sources"].size(), 6u);
  EXPECT_EQ(j["funds"]["sources"][4]["label"], "区级预算资金");
  EXPECT_EQ(j["funds"]["sources"][4]["rate"].dump(), "0.999");
  EXPECT_EQ(j["goals"]["score"].dump(), "18");
  EXPECT_EQ(j["indicators"].size(), 4u);
  EXPECT_EQ(j["indicators"][0]["target"], "100%");  // words stay words
  EXPECT_EQ(j["indicators"][0]["actual"], "100%");
  EXPECT_EQ(j["indicators"][3]["score"].dump(), "8");
  EXPECT_FALSE(j["indicators"][3].contains("actual"));
  EXPECT_EQ(j["total_score"].dump(), "90.98");
  EXPECT_EQ(j["grade"], "优");

  // keys in the contract's order
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  std::vector<std::string> want = {"kind", "name", "department", "evaluated_at", "funds", "goals", "indicators",
                                   "total_score", "grade", "cells", "notes", "computed"};
  EXPECT_EQ(keys, want);
  std::vector<std::string> fund_keys;
  for (const auto& [k, v] : j["funds"].items()) fund_keys.push_back(k);
  EXPECT_EQ(fund_keys, (std::vector<std::string>{"weight", "initial_budget", "budget", "executed", "rate", "score", "sources"}));
  std::vector<std::string> ind_keys;
  for (const auto& [k, v] : j["indicators"][0].items()) ind_keys.push_back(k);
  EXPECT_EQ(ind_keys, (std::vector<std::string>{"level1", "level2", "name", "target", "actual", "weight", "score"}));

  // the source cell of every value
  EXPECT_EQ(j["cells"]["funds.budget"], "E9");
  EXPECT_EQ(j["cells"]["indicators.0.score"], "H19");
  EXPECT_EQ(j["cells"]["funds.sources.4.rate"], "H14");
  EXPECT_EQ(j["cells"]["total_score"], "I4");
  EXPECT_EQ(j["cells"]["goals.weight"], "A16");

  // what recompute derived
  EXPECT_EQ(j["computed"]["funds.score"].dump(), "19.98");
  EXPECT_EQ(j["computed"]["funds.rate"].dump(), "0.999");
  EXPECT_EQ(j["computed"]["total_score"].dump(), "90.98");
  EXPECT_EQ(j["computed"]["grade"], "优");
  EXPECT_EQ(j["computed"]["indicators.1.score_range"], "[12, 15]");
}

TEST(RecordJson, ComputedOnlyWhenRecomputeRan) {
  Record r = test::project_1_2();
  auto j = record_json(r);
  EXPECT_FALSE(j.contains("computed"));
  EXPECT_EQ(j["funds"]["rate"].dump(), "0.992");
}

TEST(RecordJson, ComputedPathsInNaturalOrder) {
  Record r = test::a2_001();
  recompute(r, profile("framework"));
  auto j = record_json(r);
  std::vector<std::string> keys;
  for (const auto& [k, v] : j["computed"].items()) keys.push_back(k);
  auto pos = [&](const std::string& k) { return std::find(keys.begin(), keys.end(), k) - keys.begin(); };
  EXPECT_LT(pos("groups.0.score"), pos("groups.1.score"));
  EXPECT_LT(pos("groups.3.weight"), pos("total_weight"));
  EXPECT_EQ(j["computed"]["total_score"].dump(), "98");
  EXPECT_EQ(j["items"].size(), 31u);
  EXPECT_EQ(j["items"][0]["rule"].get<std::string>().substr(0, 4), "1、");
  EXPECT_EQ(j["cells"]["items.30.score"], "H35");
}

TEST(RecordJson, IndexTwoBeforeIndexTen) {
  Record r;
  r.kind = "project_selfeval";
  r.computed["indicators.10.score"] = Field{"1", D("1"), {}, {}};
  r.computed["indicators.2.score"] = Field{"2", D("2"), {}, {}};
  r.computed["grade"] = Field{"优", std::nullopt, {}, {}};
  r.computed["funds.score"] = Field{"19.98", D("19.98"), {}, {}};
  EXPECT_EQ(record_json(r)["computed"].dump(),
            R"({"funds.score":19.98,"indicators.2.score":2,"indicators.10.score":1,"grade":"优"})");
}

TEST(RecordJson, ScoreTableRates) {
  Record r = test::overall_004();
  recompute(r, profile("framework"));
  auto j = record_json(r);
  EXPECT_EQ(j["groups"][0]["level1"], "决策指标");
  EXPECT_EQ(j["groups"][0]["score_rate"].dump(), "0.740435");  // the cached formula value, as read
  EXPECT_EQ(j["computed"]["groups.0.score_rate"].dump(), "0.7404");
  EXPECT_EQ(j["total_score"].dump(), "88.57");
  EXPECT_EQ(j["grade"], "良");
}

TEST(RecordJson, SmallRecordExactly) {
  test::SheetRef s{"a.xlsx", "S"};
  Record r;
  r.kind = "project_summary";
  r.fields["department"] = s.txt("洪山区医疗保障局", "A2");
  r.fields["total.budget"] = s.num("67.56", "67.56", "C7");
  r.fields["_unit_note"] = s.txt("internal", "");
  r.lists["rows"] = {{{"budget", s.num("40.00", "40", "C5")}, {"name", s.txt("甲", "B5")}, {"no", s.num("1", "1", "A5")}},
                     {{"budget", s.num("27.56", "27.56", "C6")}, {"name", s.txt("乙", "B6")}, {"grade", Field{}}}};
  EXPECT_EQ(record_json(r).dump(),
            R"({"kind":"project_summary","department":"洪山区医疗保障局","rows":[{"no":1,"name":"甲","budget":40},)"
            R"({"name":"乙","budget":27.56,"grade":null}],"total":{"budget":67.56},"cells":{"department":"A2",)"
            R"("rows.0.no":"A5","rows.0.name":"B5","rows.0.budget":"C5","rows.1.name":"B6","rows.1.budget":"C6",)"
            R"("total.budget":"C7"}})");
}

TEST(FindingJson, TheContract) {
  test::SheetRef s{"err01_附件1.1_自评得分91.98.xlsx", test::kP1.sheet};
  Record r = test::project_1_1(s);
  r.fields["total_score"] = s.num("91.98", "91.98", "I4");
  Findings f = recompute(r, profile("hubei-2019"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(finding_json(f[0]).dump(),
            R"({"rule":"project.total_score","severity":"error","file":"err01_附件1.1_自评得分91.98.xlsx",)"
            R"("sheet":"附件1.1 机关建设经费","cell":"I4","message":"自评得分 91.98 ≠ 19.98 + 18 + 53 = 90.98",)"
            R"("expected":90.98,"found":91.98})");

  Finding g;
  g.rule = "score_table.grade";
  g.expected = "良";
  g.found = "优";
  auto j = finding_json(g);
  EXPECT_EQ(j["expected"], "良");
  EXPECT_EQ(j["found"], "优");
  EXPECT_EQ(j["severity"], "error");
  g.expected = "[12, 15]";
  g.found = "";
  EXPECT_EQ(finding_json(g)["expected"], "[12, 15]");
  EXPECT_TRUE(finding_json(g)["found"].is_null());
  EXPECT_EQ(findings_json(f).size(), 1u);
}

}  // namespace
}  // namespace jixiao
