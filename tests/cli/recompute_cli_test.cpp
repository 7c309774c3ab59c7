// `jixiao recompute` end to end on the samples. The expected findings come from
// samples/manifest.json, written by the sample builder's own independent checker
// (samples/check_samples.py recomputes every identity from the cells in Python's Decimal).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "test_paths.h"

namespace jixiao {
namespace {

using nlohmann::json;

json manifest() {
  std::ifstream in(test::source_dir() / "samples" / "manifest.json");
  return json::parse(in);
}

std::string q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

json recompute(const std::string& producer, const std::string& file, int* exit_code = nullptr) {
  auto r = test::run_cli("-q recompute --json " + q(test::source_dir() / "samples" / producer / file));
  if (exit_code) *exit_code = r.exit_code;
  EXPECT_NE(r.exit_code, 2) << r.err;
  EXPECT_NE(r.exit_code, 3) << r.err;
  return json::parse(r.out);
}

// 20 and 20.0 are the same number (the manifest is written by Python).
std::string number_text(const json& v) {
  if (v.is_number()) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v.get<double>());
    return buf;
  }
  return v.is_string() ? v.get<std::string>() : v.dump();
}

// The self-evaluation mistakes (err01-err07, err13): exactly the manifest's findings, each at its
// cell, with the manifest's message, expected and found values.
class InjectedMistake : public testing::TestWithParam<std::tuple<std::string, std::string>> {};

TEST_P(InjectedMistake, YieldsExactlyItsFindings) {
  const auto& [producer, file] = GetParam();
  const json m = manifest();
  json want;
  for (const auto& v : m["variants"])
    if (v["file"] == file) want = v;
  ASSERT_FALSE(want.is_null()) << file;
  int code = -1;
  json got = recompute(producer, file, &code);
  EXPECT_EQ(code, 1) << "an error-level finding exits 1";
  std::vector<json> errors;
  for (const auto& f : got["findings"])
    if (f["severity"] == "error" || f["severity"] == "warning") errors.push_back(f);
  ASSERT_EQ(errors.size(), want["findings"].size()) << got["findings"].dump(1);
  for (const auto& w : want["findings"]) {
    bool found = false;
    for (const auto& g : errors) {
      if (g["rule"] != w["rule"] || g["cell"] != w["cell"]) continue;
      found = true;
      EXPECT_EQ(g["severity"], w["severity"]);
      EXPECT_EQ(g["sheet"], w["sheet"]);
      EXPECT_EQ(g["message"], w["message"]);
      EXPECT_EQ(number_text(g["expected"]), number_text(w["expected"])) << w["rule"];
      EXPECT_EQ(number_text(g["found"]), number_text(w["found"])) << w["rule"];
    }
    EXPECT_TRUE(found) << "missing finding " << w.dump();
  }
}

std::vector<std::tuple<std::string, std::string>> mistakes() {
  std::vector<std::tuple<std::string, std::string>> out;
  for (const char* producer : {"openpyxl", "libreoffice"})
    for (const char* f : {"err01_附件1.1_自评得分91.98.xlsx", "err02_附件1.1_资金得分20.00.xlsx", "err03_附件1.2_执行率99.9%.xlsx",
                          "err04_自评结果汇总_合计多0.10.xlsx", "err05_附件1.2_指标得分超分值.xlsx",
                          "err06_整体得分_决策得分率74.40%.xlsx", "err07_整体得分_等级优.xlsx", "err13_国家版_总分错.xlsx"})
      out.emplace_back(producer, f);
  return out;
}

INSTANTIATE_TEST_SUITE_P(Samples, InjectedMistake, testing::ValuesIn(mistakes()),
                         [](const testing::TestParamInfo<std::tuple<std::string, std::string>>& info) {
                           return std::get<0>(info.param) + "_" + std::get<1>(info.param).substr(0, 5);
                         });

// The clean self-evaluation samples: everything agrees, exit 0, and the seeds' figures come out.
TEST(RecomputeCli, CleanSamplesAgreeAndReproduceTheSeeds) {
  for (const char* producer : {"openpyxl", "libreoffice"}) {
    int code = -1;
    json p = recompute(producer, "003_洪山区医保局_2019_项目支出绩效自评.xlsx", &code);
    EXPECT_EQ(code, 0) << producer;
    EXPECT_EQ(p["summary"]["error"], 0);
    const auto& sheets = p["files"][0]["sheets"];
    ASSERT_EQ(sheets.size(), 3u);
    EXPECT_EQ(sheets[1]["record"]["computed"]["funds.score"], 19.98);
    EXPECT_EQ(sheets[1]["record"]["computed"]["total_score"], 90.98);
    EXPECT_EQ(sheets[1]["record"]["computed"]["grade"], "优");
    EXPECT_EQ(sheets[2]["record"]["computed"]["funds.score"], 19.84);
    EXPECT_EQ(sheets[2]["record"]["computed"]["total_score"], 92.84);

    json s004 = recompute(producer, "004_岚山区城乡居民医保财政补助_绩效评价得分.xlsx", &code);
    EXPECT_EQ(code, 0);
    const auto& overall = s004["files"][0]["sheets"][0]["record"]["computed"];
    EXPECT_EQ(overall["total_score"], 88.57);
    EXPECT_EQ(overall["grade"], "良");
    EXPECT_EQ(overall["groups.0.score_rate"], 0.7404);
    EXPECT_EQ(overall["groups.1.score_rate"], 0.9412);
    EXPECT_EQ(overall["groups.2.score_rate"], 0.92);
    EXPECT_EQ(overall["groups.3.score_rate"], 0.937);

    json sys = recompute(producer, "001_剑阁县医保局_2022_医疗保障服务能力提升_评价指标体系.xlsx", &code);
    EXPECT_EQ(code, 0);
    const auto& c = sys["files"][0]["sheets"][0]["record"]["computed"];
    EXPECT_EQ(c["groups.0.score"], 18);
    EXPECT_EQ(c["groups.1.score"], 22);
    EXPECT_EQ(c["groups.2.score"], 48);
    EXPECT_EQ(c["groups.3.score"], 10);
    EXPECT_EQ(c["total_score"], 98);

    json dept = recompute(producer, "001_剑阁县医保局_2022_部门整体支出绩效目标自评表.xlsx", &code);
    EXPECT_EQ(code, 0);
    EXPECT_EQ(dept["files"][0]["sheets"][0]["record"]["computed"]["total_score"], 100);
  }
}

TEST(RecomputeCli, UnknownProfileIsAUsageError) {
  auto r = test::run_cli("recompute --profile nowhere " + q(test::source_dir() / "samples/libreoffice/000_攀枝花医保事务中心_2021_项目支出绩效自评表.xlsx"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nowhere"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace jixiao

namespace jixiao {
namespace {

// A 决算 table has no score: recompute passes over it (check reconciles it) instead of failing the
// whole run on a missing profile — which is what it did when run over samples/ (./*.xlsx).
TEST(RecomputeCli, FinalAccountsTableIsPassedOverNotAnError) {
  auto r = test::run_cli("recompute " + q(test::source_dir() / "samples/libreoffice/001_2022_公开01表_收入支出决算总表.xlsx") +
                         " " + q(test::source_dir() / "samples/libreoffice/000_攀枝花医保事务中心_2021_项目支出绩效自评表.xlsx"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("jixiao check"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("总分 98.25"), std::string::npos) << r.out;  // the file after it is still recomputed
}

}  // namespace
}  // namespace jixiao

namespace jixiao {
namespace {

// Seed 004's overview laid out in rows (tests/fixtures/workbook_check/make_overview_rows.py): its 产出
// 36.80 typed 36.08 disagrees with the 产出得分情况表's 合计 36.80 (and with its own 合计 88.57);
// the clean copy yields no error.
TEST(RecomputeCli, RowOrientedOverviewIsCheckedAgainstItsDetailSheets) {
  auto dir = test::source_dir() / "tests" / "fixtures" / "workbook_check";
  auto clean = test::run_cli("-q recompute --json " + q(dir / "overview_rows.xlsx"));
  EXPECT_EQ(clean.exit_code, 0) << clean.out;
  auto err = test::run_cli("-q recompute --json " + q(dir / "overview_rows_err.xlsx"));
  EXPECT_EQ(err.exit_code, 1);
  json j = json::parse(err.out);
  int across = 0;
  for (const json& f : j["findings"])
    if (f["rule"] == "score_table.overview_detail") {
      ++across;
      EXPECT_EQ(f["sheet"], "整体得分情况");
      EXPECT_EQ(f["cell"], "C5");  // 产出 is the third group row under the header in row 2
      EXPECT_EQ(number_text(f["found"]), "36.08");
    }
  EXPECT_EQ(across, 1) << err.out;
}

}  // namespace
}  // namespace jixiao
