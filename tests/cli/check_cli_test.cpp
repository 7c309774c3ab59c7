// `jixiao check` end to end on the 决算 samples. Expected findings come from samples/manifest.json
// (written by the sample builder's independent checker); figures from seed 001.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "test_paths.h"

namespace jixiao {
namespace {

using nlohmann::json;

std::string sample(const std::string& producer, const std::string& name) {
  return "'" + (test::source_dir() / "samples" / producer / name).string() + "'";
}

json check(const std::string& args, int* exit_code = nullptr) {
  auto r = test::run_cli("-q check --json " + args);
  if (exit_code) *exit_code = r.exit_code;
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  return json::parse(r.out);
}

std::string num(const json& v) {
  if (!v.is_number()) return v.is_string() ? v.get<std::string>() : v.dump();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v.get<double>());
  return buf;
}

class FinalAccountsMistake : public testing::TestWithParam<std::tuple<std::string, std::string>> {};

TEST_P(FinalAccountsMistake, YieldsExactlyItsFindings) {
  const auto& [producer, file] = GetParam();
  std::ifstream in(test::source_dir() / "samples" / "manifest.json");
  const json manifest = json::parse(in);
  json want;
  for (const auto& v : manifest["variants"])
    if (v["file"] == file) want = v;
  ASSERT_FALSE(want.is_null());
  int code = -1;
  json got = check(sample(producer, file), &code);
  EXPECT_EQ(code, 1);
  ASSERT_EQ(got["findings"].size(), want["findings"].size()) << got["findings"].dump(1);
  for (const auto& w : want["findings"]) {
    bool found = false;
    for (const auto& g : got["findings"]) {
      if (g["rule"] != w["rule"] || g["cell"] != w["cell"]) continue;
      found = true;
      EXPECT_EQ(g["severity"], w["severity"]);
      EXPECT_EQ(g["sheet"], w["sheet"]);
      EXPECT_EQ(num(g["expected"]), num(w["expected"])) << w["rule"];
      EXPECT_EQ(num(g["found"]), num(w["found"])) << w["rule"];
      // The message shows the numbers of the arithmetic, whatever its wording.
      EXPECT_NE(g["message"].get<std::string>().find(num(w["found"])), std::string::npos) << g["message"];
    }
    EXPECT_TRUE(found) << "missing " << w.dump();
  }
}

std::vector<std::tuple<std::string, std::string>> mistakes() {
  std::vector<std::tuple<std::string, std::string>> out;
  for (const char* producer : {"openpyxl", "libreoffice"})
    for (const char* f : {"err08_公开01_收入总计不等于支出总计.xlsx", "err09_公开05_类不等于款之和.xlsx",
                          "err10_公开06_人员经费不等于301加303.xlsx", "err11_公开07_三公合计不等于分项.xlsx",
                          "err12_九表_01本年支出合计不等于03合计.xlsx"})
      out.emplace_back(producer, f);
  return out;
}

INSTANTIATE_TEST_SUITE_P(Samples, FinalAccountsMistake, testing::ValuesIn(mistakes()),
                         [](const testing::TestParamInfo<std::tuple<std::string, std::string>>& info) {
                           return std::get<0>(info.param) + "_" + std::get<1>(info.param).substr(0, 5);
                         });

// The clean 2022 and 2021 tables, as one workbook each and as nine files: every identity holds,
// across tables and against last year; the assembled record carries the seed's figures.
TEST(CheckCli, CleanFinalAccountsAgree) {
  for (const char* producer : {"openpyxl", "libreoffice"}) {
    std::string files = sample(producer, "001_剑阁县医保局_2022_部门决算公开九表.xlsx") + " " +
                        sample(producer, "001_剑阁县医保局_2021_部门决算公开九表.xlsx");
    int code = -1;
    json got = check(files, &code);
    EXPECT_EQ(code, 0) << got["findings"].dump(1);
    EXPECT_EQ(got["summary"]["error"], 0);
    ASSERT_EQ(got["groups"].size(), 2u);
    const json& fa = got["groups"][0]["final_accounts"];
    EXPECT_EQ(fa["kind"], "final_accounts");
    EXPECT_EQ(got["groups"][0]["year"], "2022");
    EXPECT_EQ(num(fa["income"]["total"]), "3555.82");
    EXPECT_EQ(num(fa["income"]["general_budget"]), "3429.91");
    EXPECT_EQ(num(fa["general_budget_expenditure"]["basic"]), "392.51");
    EXPECT_EQ(num(fa["basic_expenditure"]["personnel"]), "345.91");
    EXPECT_EQ(num(fa["basic_expenditure"]["public_use"]), "46.6");
    EXPECT_EQ(num(fa["three_public"]["actual"]["total"]), "1.5");
    EXPECT_EQ(num(got["groups"][1]["final_accounts"]["income"]["total"]), "4024.76");
  }
  std::string nine;
  for (int t = 1; t <= 9; ++t) {
    for (const auto& e : std::filesystem::directory_iterator(test::source_dir() / "samples" / "libreoffice")) {
      std::string name = e.path().filename().string();
      if (name.rfind("001_2022_公开0" + std::to_string(t), 0) == 0) nine += " '" + e.path().string() + "'";
    }
  }
  int code = -1;
  json got = check(nine, &code);
  EXPECT_EQ(code, 0) << got["findings"].dump(1);
  EXPECT_EQ(got["summary"]["files"], 9);
  EXPECT_EQ(got["groups"].size(), 1u) << "nine files of one department and year are checked together";
}

// Seed 001's own slip: its 整体表 reports 6560.14 executed while its 决算 totals 3555.82.
TEST(CheckCli, SelfEvaluationAgainstItsFinalAccounts) {
  int code = -1;
  json got = check(sample("libreoffice", "001_剑阁县医保局_2022_部门整体支出绩效目标自评表.xlsx") + " " +
                       sample("libreoffice", "001_剑阁县医保局_2022_部门决算公开九表.xlsx"),
                   &code);
  EXPECT_EQ(code, 1);
  bool cross = false;
  for (const auto& f : got["findings"]) {
    if (f["severity"] != "error") continue;
    cross = true;
    EXPECT_EQ(f["sheet"], "部门整体支出绩效自评表");
    EXPECT_EQ(num(f["found"]), "6560.14");
    EXPECT_EQ(num(f["expected"]), "3555.82");
  }
  EXPECT_TRUE(cross) << got["findings"].dump(1);
}

TEST(CheckCli, ExtraSheetsAndSelfEvaluationsTogether) {
  int code = -1;
  json got = check(sample("openpyxl", "layout06_九表含封面和填报说明_2022.xlsx") + " " +
                       sample("openpyxl", "003_洪山区医保局_2019_项目支出绩效自评.xlsx"),
                   &code);
  EXPECT_EQ(code, 0) << got["findings"].dump(1);
  EXPECT_EQ(got["summary"]["sheets"], 15);
  EXPECT_EQ(got["summary"]["recognised"], 12);
}

TEST(CheckCli, ABrokenUserRuleFileIsAUsageErrorNamingTheLine) {
  auto dir = test::scratch_dir();
  std::ofstream(dir / "bad.rules") << "rule my.broken\n  title: 坏规则\n  check: t05.total.total == (\n";
  auto r = test::run_cli("check --rules '" + (dir / "bad.rules").string() + "' " +
                         sample("libreoffice", "001_2022_公开05表_一般公共预算财政拨款支出决算表.xlsx"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad.rules"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace jixiao
