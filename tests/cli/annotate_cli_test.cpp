// `jixiao recompute -o` and `jixiao check -o` end to end: the copy is written where asked, never over
// an input, and a --fix copy recomputes clean at the cells the manifest names (the round trip).
// Facts come from samples/manifest.json (the sample builder's independent checker).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <cstdio>
#include <fstream>
#include <set>

#include "test_paths.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

json variant(const std::string& file) {
  std::ifstream in(test::source_dir() / "samples" / "manifest.json");
  const json m = json::parse(in);
  for (const auto& v : m["variants"])
    if (v["file"] == file) return v;
  return {};
}

class FixRoundTrip : public testing::TestWithParam<std::tuple<std::string, std::string, std::string>> {};

TEST_P(FixRoundTrip, FixedCopyHasNoFindingAtTheMarkedCells) {
  const auto& [command, producer, file] = GetParam();
  const json v = variant(file);
  ASSERT_FALSE(v.is_null());
  const fs::path in = test::source_dir() / "samples" / producer / file;
  const std::string before = test::read_file(in);
  const fs::path dir = test::scratch_dir();
  const fs::path out = command == "recompute" ? dir / "fixed.xlsx" : dir / file;
  const std::string target = command == "recompute" ? q(out) : q(dir);
  auto r = test::run_cli("-q " + command + " " + q(in) + " -o " + target + " --fix");
  EXPECT_EQ(r.exit_code, 1) << r.err;  // the input's findings still decide the exit code
  EXPECT_NE(r.out.find(out.string()), std::string::npos) << "says where it wrote:\n" << r.out;
  ASSERT_TRUE(fs::exists(out)) << r.err;
  EXPECT_EQ(test::read_file(in), before) << "the input is untouched";

  auto again = test::run_cli("-q " + command + " --json " + q(out));
  EXPECT_EQ(again.exit_code, 0) << again.out;
  json got = json::parse(again.out);
  for (const auto& w : v["findings"])
    for (const auto& f : got["findings"])
      EXPECT_FALSE(f["sheet"] == w["sheet"] && f["cell"] == w["cell"]) << "still wrong after --fix: " << f.dump();

  // The same run again gives the same bytes.
  const fs::path dir2 = test::scratch_dir();
  const fs::path out2 = command == "recompute" ? dir2 / "fixed.xlsx" : dir2 / file;
  auto r2 = test::run_cli("-q " + command + " " + q(in) + " -o " + (command == "recompute" ? q(out2) : q(dir2)) + " --fix");
  EXPECT_EQ(test::read_file(out2), test::read_file(out));
}

std::vector<std::tuple<std::string, std::string, std::string>> cases() {
  std::vector<std::tuple<std::string, std::string, std::string>> out;
  for (const char* producer : {"openpyxl", "libreoffice"}) {
    for (const char* f : {"err01_附件1.1_自评得分91.98.xlsx", "err02_附件1.1_资金得分20.00.xlsx", "err03_附件1.2_执行率99.9%.xlsx",
                          "err04_自评结果汇总_合计多0.10.xlsx", "err05_附件1.2_指标得分超分值.xlsx",
                          "err06_整体得分_决策得分率74.40%.xlsx", "err07_整体得分_等级优.xlsx", "err13_国家版_总分错.xlsx"})
      out.emplace_back("recompute", producer, f);
    for (const char* f : {"err08_公开01_收入总计不等于支出总计.xlsx", "err09_公开05_类不等于款之和.xlsx", "err10_公开06_人员经费不等于301加303.xlsx",
                          "err11_公开07_三公合计不等于分项.xlsx", "err12_九表_01本年支出合计不等于03合计.xlsx"})
      out.emplace_back("check", producer, f);
  }
  return out;
}

INSTANTIATE_TEST_SUITE_P(Samples, FixRoundTrip, testing::ValuesIn(cases()), [](const auto& info) {
  return std::get<0>(info.param) + "_" + std::get<1>(info.param) + "_" + std::get<2>(info.param).substr(0, 5);
});

TEST(AnnotateCli, RecomputeOutputTakesOneFileAndFixNeedsOutput) {
  const fs::path s = test::source_dir() / "samples" / "openpyxl";
  const fs::path out = test::scratch_dir() / "x.xlsx";
  auto two = test::run_cli("-q recompute " + q(s / "err01_附件1.1_自评得分91.98.xlsx") + " " +
                           q(s / "err13_国家版_总分错.xlsx") + " -o " + q(out));
  EXPECT_EQ(two.exit_code, 2);
  EXPECT_FALSE(fs::exists(out));
  auto fix = test::run_cli("-q recompute " + q(s / "err01_附件1.1_自评得分91.98.xlsx") + " --fix");
  EXPECT_EQ(fix.exit_code, 2);
  EXPECT_NE(fix.err.find("-o"), std::string::npos) << fix.err;
}

TEST(AnnotateCli, RecomputeRefusesToWriteOverItsInput) {
  const fs::path dir = test::scratch_dir();
  const fs::path in = dir / "in.xlsx";
  fs::copy_file(test::source_dir() / "samples" / "openpyxl" / "err01_附件1.1_自评得分91.98.xlsx", in);
  const std::string before = test::read_file(in);
  auto r = test::run_cli("-q recompute " + q(in) + " -o " + q(in) + " --fix");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("in.xlsx"), std::string::npos) << r.err;
  EXPECT_EQ(test::read_file(in), before);
}

TEST(AnnotateCli, CheckRefusesAnOutputDirectoryHoldingAnInput) {
  const fs::path dir = test::scratch_dir();
  const fs::path in = dir / "err01.xlsx";
  fs::copy_file(test::source_dir() / "samples" / "openpyxl" / "err01_附件1.1_自评得分91.98.xlsx", in);
  const std::string before = test::read_file(in);
  auto r = test::run_cli("-q check " + q(in) + " -o " + q(dir));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("覆盖输入文件"), std::string::npos) << r.err;
  EXPECT_EQ(test::read_file(in), before);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}), 1);
}

TEST(AnnotateCli, CheckRefusesTwoInputsWithOneBasename) {
  const fs::path dir = test::scratch_dir();
  const fs::path src = test::source_dir() / "samples" / "openpyxl" / "err01_附件1.1_自评得分91.98.xlsx";
  fs::create_directories(dir / "a");
  fs::create_directories(dir / "b");
  fs::copy_file(src, dir / "a" / "same.xlsx");
  fs::copy_file(test::source_dir() / "samples" / "openpyxl" / "err13_国家版_总分错.xlsx", dir / "b" / "same.xlsx");
  auto r = test::run_cli("-q check " + q(dir / "a" / "same.xlsx") + " " + q(dir / "b" / "same.xlsx") + " -o " + q(dir / "out"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("同名"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "out" / "same.xlsx"));
}

TEST(AnnotateCli, CheckWritesACopyOnlyForFilesWithFindings) {
  const fs::path s = test::source_dir() / "samples" / "libreoffice";
  const fs::path out = test::scratch_dir() / "copies";
  auto r = test::run_cli("-q check --json " + q(s / "003_附件1.1_机关建设及日常保障经费.xlsx") + " " +
                         q(s / "err07_整体得分_等级优.xlsx") + " -o " + q(out));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_FALSE(fs::exists(out / "003_附件1.1_机关建设及日常保障经费.xlsx")) << "the clean sample has no finding";
  EXPECT_TRUE(fs::exists(out / "err07_整体得分_等级优.xlsx"));
  json j = json::parse(r.out);
  ASSERT_EQ(j["annotated"].size(), 1u);
  EXPECT_EQ(j["annotated"][0]["output"], (out / "err07_整体得分_等级优.xlsx").string());
}


// LibreOffice's display of the fixed copies (tests/golden/update_annotate.sh) against our reading of a
// fresh copy, sheet by sheet; and in LibreOffice's display, each manifest cell shows its expected value.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field), field.clear();
    } else if (c == '\n') {
      rows.back().push_back(field), field.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(field);
  else rows.pop_back();
  return rows;
}

TEST(AnnotateCli, FixedCopiesShowInLibreOfficeAsWeReadThem) {
  const fs::path golden = test::golden("annotate");
  const fs::path out = test::scratch_dir();
  int compared = 0;
  for (const char* file : {"err02_附件1.1_资金得分20.00", "err07_整体得分_等级优"}) {
    const fs::path in = test::source_dir() / "samples" / "libreoffice" / (std::string(file) + ".xlsx");
    auto r = test::run_cli("-q check " + q(in) + " -o " + q(out) + " --fix");
    ASSERT_EQ(r.exit_code, 1) << r.err;
    for (const auto& e : fs::directory_iterator(golden)) {
      const std::string name = e.path().stem().string();
      if (!name.starts_with(std::string(file) + "-")) continue;
      const std::string sheet = name.substr(std::string(file).size() + 1);
      auto d = test::run_cli("-q dump --sheet " + q(sheet) + " " + q(out / (std::string(file) + ".xlsx")));
      EXPECT_EQ(d.out, test::read_file(e.path())) << name;
      ++compared;
    }
    const json v = variant(std::string(file) + ".xlsx");
    std::set<std::string> seen;
    for (const auto& w : v["findings"]) {
      if (!seen.insert(w["cell"].get<std::string>()).second) continue;
      auto grid = parse_csv(test::read_file(golden / (std::string(file) + "-" + w["sheet"].get<std::string>() + ".csv")));
      const std::string ref = w["cell"];
      const size_t col = ref[0] - 'A', row = std::stoul(ref.substr(1)) - 1;
      ASSERT_LT(row, grid.size());
      ASSERT_LT(col, grid[row].size());
      const std::string shown = grid[row][col];
      // The injected cell shows its expected value; another cell flagged only because of it (err02:
      // the total against the wrong fund score) shows what was submitted. Amounts display as 0.00.
      auto shown_as = [](const json& x) {
        if (x.is_string()) return x.get<std::string>();
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", x.get<double>());
        return std::string(buf);
      };
      const bool injected = ref == v["change"]["cell"].get<std::string>();
      EXPECT_EQ(shown, shown_as(injected ? w["expected"] : w["found"])) << w.dump();
    }
  }
  EXPECT_EQ(compared, 8);
}
}  // namespace
}  // namespace jixiao
