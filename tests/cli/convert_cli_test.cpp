// `jixiao convert` end to end: each shipped XLSX template filled from the samples, then read back by
// jixiao's own mapping. Figures come from the seeds (via samples/manifest.json and samples/README.md)
// or from the arithmetic of the conversion rules (model/convert.h), never from an earlier run.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <set>

#include "test_paths.h"

namespace jixiao {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }
fs::path sample(const std::string& producer, const std::string& name) {
  return test::source_dir() / "samples" / producer / name;
}

std::string num(const json& v) {
  if (!v.is_number()) return v.is_string() ? v.get<std::string>() : v.dump();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v.get<double>());
  return buf;
}

// The records jixiao reads back from a workbook, by sheet name.
std::map<std::string, json> read_back(const fs::path& file) {
  auto r = test::run_cli("-q inspect --json " + q(file));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, json> out;
  const json doc = json::parse(r.out);
  for (const auto& s : doc["sheets"]) out[s["name"].get<std::string>()] = s;
  return out;
}

class Producers : public testing::TestWithParam<std::string> {};

// Seed 003 附件1.1 (Hubei 2019) as the national table: 10 × 39.96 / 40.00 = 9.99; the 60 indicator points
// scaled to 90 (× 1.5); 9.99 + 3 × 22.5 + 12 = 89.49, 良.
TEST_P(Producers, HubeiProjectBecomesTheNationalTable) {
  fs::path out = test::scratch_dir() / "national.xlsx";
  auto r = test::run_cli("convert " + q(sample(GetParam(), "003_附件1.1_机关建设及日常保障经费.xlsx")) +
                         " --to national-project -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_NE(r.out.find("总分 90.98 → 89.49，等级 优 → 良"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("19.98 → 9.99"), std::string::npos) << r.out;
  auto sheets = read_back(out);
  ASSERT_EQ(sheets.size(), 1u);
  const json& s = sheets.begin()->second;
  EXPECT_EQ(s["layout"], "national-project");
  const json& rec = s["record"];
  EXPECT_EQ(rec["name"], "机关建设及日常保障经费");
  EXPECT_EQ(rec["department"], "洪山区医疗保障局");
  EXPECT_EQ(num(rec["funds"]["budget"]), "40");
  EXPECT_EQ(num(rec["funds"]["executed"]), "39.96");
  EXPECT_EQ(num(rec["funds"]["weight"]), "10");
  EXPECT_EQ(num(rec["funds"]["score"]), "9.99");
  ASSERT_EQ(rec["indicators"].size(), 4u);
  EXPECT_EQ(rec["indicators"][1]["name"], "工作考核等级");
  EXPECT_EQ(num(rec["indicators"][3]["score"]), "12");
  EXPECT_EQ(num(rec["total_score"]), "89.49");
  // the six fund-source rows of the Hubei sheet are all there, 区级预算资金 with its amounts
  ASSERT_EQ(rec["funds"]["sources"].size(), 6u);
  EXPECT_EQ(num(rec["funds"]["sources"][4]["executed"]), "39.96");
  // and the national table adds up under the national profile
  auto check = test::run_cli("-q recompute --json " + q(out));
  EXPECT_EQ(check.exit_code, 0) << check.out;
}

// A national sheet converted to the national table reads back as the same record.
TEST_P(Producers, NationalSheetRoundTrips) {
  fs::path in = sample(GetParam(), "000_攀枝花医保事务中心_2021_项目支出绩效自评表.xlsx");
  fs::path out = test::scratch_dir() / "same.xlsx";
  auto r = test::run_cli("-q convert " + q(in) + " --to national-project -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("换算"), std::string::npos) << r.out;  // nothing to convert
  json a = read_back(in).begin()->second["record"], b = read_back(out).begin()->second["record"];
  for (json* rec : {&a, &b}) rec->erase("cells"), rec->erase("notes");
  EXPECT_EQ(a["funds"], b["funds"]);
  EXPECT_EQ(a["indicators"], b["indicators"]);
  EXPECT_EQ(a["goals"], b["goals"]);
  EXPECT_EQ(num(b["total_score"]), "98.25");
  EXPECT_EQ(a["name"], b["name"]);
  EXPECT_EQ(a["implementer"], b["implementer"]);
}

// Seed 001 整体表: 6560.14 / 6560.14, 10 + 90 = 100; every task and indicator carried over as read.
TEST_P(Producers, DepartmentSheetFillsTheDepartmentTable) {
  fs::path in = sample(GetParam(), "001_剑阁县医保局_2022_部门整体支出绩效目标自评表.xlsx");
  fs::path out = test::scratch_dir() / "dept.xlsx";
  auto r = test::run_cli("-q convert " + q(in) + " --to national-dept -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json rec = read_back(out).begin()->second["record"];
  const json src = read_back(in).begin()->second["record"];
  EXPECT_EQ(rec["department"], "剑阁县医疗保障局");
  EXPECT_EQ(num(rec["funds"]["budget"]), "6560.14");
  EXPECT_EQ(num(rec["funds"]["executed"]), "6560.14");
  EXPECT_EQ(num(rec["total_score"]), "100");
  EXPECT_EQ(rec["tasks"], src["tasks"]);
  EXPECT_EQ(rec["indicators"], src["indicators"]);
  EXPECT_EQ(rec["goals"], src["goals"]);
}

// Seed 003 二: two projects, 40.00 + 27.56 = 67.56 and 39.96 + 27.34 = 67.30, scores 90.98 and 92.84.
TEST_P(Producers, SummaryFromProjectSheets) {
  fs::path out = test::scratch_dir() / "summary.xlsx";
  auto r = test::run_cli("-q convert " + q(sample(GetParam(), "003_附件1.1_机关建设及日常保障经费.xlsx")) + " " +
                         q(sample(GetParam(), "003_附件1.2_打击欺诈骗取医保基金专项经费.xlsx")) + " --to summary -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json rec = read_back(out).begin()->second["record"];
  ASSERT_EQ(rec["rows"].size(), 2u);
  EXPECT_EQ(rec["rows"][1]["name"], "打击欺诈骗取医保基金专项经费");
  EXPECT_EQ(num(rec["rows"][0]["score"]), "90.98");
  EXPECT_EQ(num(rec["rows"][1]["score"]), "92.84");
  EXPECT_EQ(num(rec["total"]["budget"]), "67.56");     // the template's SUM, cached by jixiao
  EXPECT_EQ(num(rec["total"]["executed"]), "67.3");
}

// Seed 001's 2022 决算 given as nine files becomes one workbook of the nine tables, which checks clean
// and assembles into the same final_accounts record as the input.
TEST_P(Producers, NineFilesBecomeTheNineTables) {
  std::string args;
  for (const auto& e : fs::directory_iterator(test::source_dir() / "samples" / GetParam()))
    if (e.path().filename().string().rfind("001_2022_公开", 0) == 0) args += " " + q(e.path());
  fs::path out = test::scratch_dir() / "fa.xlsx";
  auto r = test::run_cli("-q convert" + args + " --to final-accounts -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto sheets = read_back(out);
  ASSERT_EQ(sheets.size(), 9u);
  std::set<std::string> layouts;
  for (const auto& [name, s] : sheets) layouts.insert(s["layout"].is_string() ? s["layout"].get<std::string>() : "");
  EXPECT_EQ(layouts, (std::set<std::string>{"fa01", "fa02", "fa03", "fa04", "fa05", "fa06", "fa07", "fa08", "fa09"}));
  auto a = test::run_cli("-q check --json" + args), b = test::run_cli("-q check --json " + q(out));
  EXPECT_EQ(b.exit_code, 0) << b.out;
  json ga = json::parse(a.out)["groups"][0]["final_accounts"], gb = json::parse(b.out)["groups"][0]["final_accounts"];
  for (json* g : {&ga, &gb}) g->erase("cells"), g->erase("notes");
  EXPECT_EQ(ga, gb);
  EXPECT_EQ(num(gb["income"]["total"]), "3555.82");
  EXPECT_EQ(num(gb["general_budget_expenditure"]["total"]), "3429.91");
  EXPECT_EQ(num(gb["three_public"]["actual"]["total"]), "1.5");
}

INSTANTIATE_TEST_SUITE_P(Samples, Producers, testing::Values("openpyxl", "libreoffice"));

// LibreOffice opened each filled template (tests/golden/update_convert.sh) and shows what our reader
// shows of a fresh conversion, sheet by sheet; and it shows the seed's figures where they belong.
TEST(Convert, LibreOfficeShowsWhatWeRead) {
  const fs::path golden = test::golden("convert");
  const fs::path s = test::source_dir() / "samples" / "openpyxl";
  const fs::path out = test::scratch_dir();
  std::string nine;
  for (const auto& e : fs::directory_iterator(s))
    if (e.path().filename().string().rfind("001_2022_公开", 0) == 0) nine += " " + q(e.path());
  const std::map<std::string, std::string> runs = {
      {"national-project", q(s / "003_附件1.1_机关建设及日常保障经费.xlsx")},
      {"national-dept", q(s / "001_剑阁县医保局_2022_部门整体支出绩效目标自评表.xlsx")},
      {"summary", q(s / "003_附件1.1_机关建设及日常保障经费.xlsx") + " " + q(s / "003_附件1.2_打击欺诈骗取医保基金专项经费.xlsx")},
      {"final-accounts", nine}};
  int compared = 0;
  for (const auto& [to, inputs] : runs) {
    auto r = test::run_cli("-q convert " + inputs + " --to " + to + " -o " + q(out / (to + ".xlsx")));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const auto& e : fs::directory_iterator(golden)) {
      const std::string name = e.path().stem().string();
      if (!name.starts_with(to + "-") || (to == "national-project" && name.starts_with("national-projectx"))) continue;
      const std::string sheet = name.substr(to.size() + 1);
      auto d = test::run_cli("-q dump --sheet " + q(sheet) + " " + q(out / (to + ".xlsx")));
      EXPECT_EQ(d.out, test::read_file(e.path())) << name;
      ++compared;
    }
  }
  EXPECT_EQ(compared, 12);
  // the figures, as LibreOffice shows them
  const std::string summary = test::read_file(golden / "summary-自评结果汇总表.csv");
  EXPECT_NE(summary.find("合计,,67.56,67.30"), std::string::npos) << summary;
  const std::string project = test::read_file(golden / "national-project-项目支出绩效自评表.csv");
  EXPECT_NE(project.find("总分,,,,,,100,89.49"), std::string::npos) << project;
  const std::string t01 = test::read_file(golden / "final-accounts-公开01表 收入支出决算总表.csv");
  EXPECT_NE(t01.find("总计,30,\"3,555.82\",总计,60,\"3,555.82\""), std::string::npos) << t01;
}

TEST(Convert, RefusesToWriteOverItsInput) {
  fs::path dir = test::scratch_dir();
  fs::path in = dir / "in.xlsx";
  fs::copy_file(sample("openpyxl", "003_附件1.1_机关建设及日常保障经费.xlsx"), in);
  std::string before = test::read_file(in);
  auto r = test::run_cli("-q convert " + q(in) + " --to national-project -o " + q(in));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("输入"), std::string::npos) << r.err;
  EXPECT_EQ(test::read_file(in), before);
}

TEST(Convert, SaysWhichSheetsWhenSeveralFit) {
  fs::path out = test::scratch_dir() / "x.xlsx";
  auto r = test::run_cli("-q convert " + q(sample("openpyxl", "003_洪山区医保局_2019_项目支出绩效自评.xlsx")) +
                         " --to national-project -o " + q(out));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--sheet"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("附件1.2 打击欺诈骗保经费"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out));
  r = test::run_cli("-q convert " + q(sample("openpyxl", "003_洪山区医保局_2019_项目支出绩效自评.xlsx")) +
                    " --to national-project --sheet '附件1.2 打击欺诈骗保经费' -o " + q(out));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_back(out).begin()->second["record"]["name"], "打击欺诈骗取医保基金专项经费");
}

}  // namespace
}  // namespace jixiao
