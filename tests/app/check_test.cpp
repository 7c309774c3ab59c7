// app::check as the local page will call it: the result carries what the CLI prints (findings in
// order, counts, groups, the JSON report), progress comes through the callback, nothing is printed.
#include "app/check.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace jixiao {
namespace {

std::string sample(const std::string& name) { return (test::source_dir() / "samples" / "openpyxl" / name).string(); }

app::Resources& resources() {
  static app::Resources r(app::Settings{{}, {}, JIXIAO_BINARY_DIR "/share/jixiao"});  // the build tree's data
  return r;
}

TEST(AppCheck, ResultCarriesTheManifestFindingsAndPrintsNothing) {
  app::CheckOptions o;
  o.files = {sample("err08_公开01_收入总计不等于支出总计.xlsx")};
  size_t calls = 0, last_total = 0;
  o.progress = [&](const app::CheckProgress& p) {
    ++calls;
    last_total = p.total;
    EXPECT_LE(p.done, p.total);
    EXPECT_EQ(p.phase, app::CheckProgress::Check);  // one file: read once, never indexed
  };
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  app::CheckResult r = app::check(resources(), o);
  EXPECT_EQ(testing::internal::GetCapturedStdout(), "");
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  EXPECT_EQ(calls, 1u);
  EXPECT_EQ(last_total, 1u);
  EXPECT_EQ(r.status, app::Status::Findings);
  // samples/manifest.json: fa01.balance and fa01.income_total at C36, both errors
  std::multiset<std::string> rules;
  for (const Finding& f : r.findings)
    if (f.severity == Severity::Error) {
      EXPECT_EQ(f.cell, "C36");
      rules.insert(f.rule);
    }
  EXPECT_EQ(rules, (std::multiset<std::string>{"fa01.balance", "fa01.income_total"}));
  EXPECT_EQ(r.counts.error, 2u);
  EXPECT_EQ(r.groups.size(), 1u);
  auto j = app::check_json(r);
  EXPECT_EQ(j["summary"]["error"], 2);
  EXPECT_EQ(j["summary"]["files"], 1);
  EXPECT_EQ(j["findings"].size(), r.findings.size());
}

TEST(AppCheck, UnreadableFileIsADiagnosticAndTheOthersAreStillChecked) {
  app::CheckOptions o;
  o.files = {(test::scratch_dir() / "missing.xlsx").string(), sample("001_剑阁县医保局_2022_部门决算公开九表.xlsx")};
  app::CheckResult r = app::check(resources(), o);
  EXPECT_EQ(r.status, app::Status::Unreadable);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics.front().severity, Severity::Error);
  EXPECT_NE(r.diagnostics.front().to_text().find("missing.xlsx"), std::string::npos);
  EXPECT_EQ(r.recognised, 9u);  // the nine tables of the readable file
  EXPECT_EQ(r.counts.error, 0u);
}

TEST(AppCheck, FixWithoutCopiesIsRefusedBeforeReading) {
  app::CheckOptions o;
  o.files = {sample("err08_公开01_收入总计不等于支出总计.xlsx")};
  o.fix = true;
  app::CheckResult r = app::check(resources(), o);
  EXPECT_EQ(r.status, app::Status::Refused);
  EXPECT_EQ(r.sheets, 0u);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_NE(r.diagnostics[0].message.find("-o"), std::string::npos);
}

// The findings as a set of what a reviewer reads: where, which rule, how severe.
std::multiset<std::string> findings_of(const app::CheckResult& r) {
  std::multiset<std::string> out;
  for (const Finding& f : r.findings)
    out.insert(f.file + "|" + f.sheet + "|" + f.cell + "|" + f.rule + "|" + std::to_string(static_cast<int>(f.severity)));
  return out;
}

// A batch too large to hold is indexed first and checked department by department: the findings are
// those of reading it all at once — also the comparisons with last year's tables (剑阁 2021 and
// 2022 are in different files, far apart in the folder) and the 九表 split over nine files.
TEST(AppCheck, BatchCheckedDepartmentByDepartmentFindsWhatOneReadingFinds) {
  app::CheckOptions o;
  o.files = {(test::source_dir() / "samples" / "libreoffice").string(), (test::source_dir() / "samples" / "openpyxl").string()};
  app::CheckResult whole = app::check(resources(), o);
  ASSERT_FALSE(whole.indexed);
  ASSERT_GT(whole.files.size(), 40u);
  o.in_memory = 1;
  std::vector<app::CheckProgress> seen;
  o.progress = [&](const app::CheckProgress& p) { seen.push_back(p); };
  app::CheckResult parts = app::check(resources(), o);
  ASSERT_TRUE(parts.indexed);
  EXPECT_EQ(parts.files, whole.files);
  EXPECT_EQ(findings_of(parts), findings_of(whole));
  EXPECT_EQ(parts.counts.error, whole.counts.error);
  EXPECT_EQ(parts.recognised, whole.recognised);
  EXPECT_EQ(parts.sheets, whole.sheets);
  EXPECT_EQ(parts.groups.size(), whole.groups.size());
  // Both passes report every file: the index's, then the check's.
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.front().phase, app::CheckProgress::Index);
  EXPECT_EQ(seen.back().phase, app::CheckProgress::Check);
  EXPECT_EQ(seen.back().done, whole.files.size());
  size_t index_calls = 0;
  for (const auto& p : seen) index_calls += p.phase == app::CheckProgress::Index;
  EXPECT_EQ(index_calls, whole.files.size());
}

TEST(AppCheck, FolderGivesItsWorkbooksAndOnlyWithRecursiveItsSubfolders) {
  auto dir = test::scratch_dir() / "batch-folder";
  std::filesystem::create_directories(dir / "子目录");
  std::filesystem::copy_file(sample("err08_公开01_收入总计不等于支出总计.xlsx"), dir / "甲.xlsx");
  std::filesystem::copy_file(sample("err09_公开05_类不等于款之和.xlsx"), dir / "子目录" / "乙.xlsx");
  std::filesystem::copy_file(sample("err09_公开05_类不等于款之和.xlsx"), dir / "~$甲.xlsx");  // Excel's lock file
  { std::ofstream(dir / "说明.txt") << "不是工作簿"; }
  app::CheckOptions o;
  o.files = {dir.string()};
  app::CheckResult flat = app::check(resources(), o);
  EXPECT_EQ(flat.files, (std::vector<std::string>{(dir / "甲.xlsx").string()}));
  o.recursive = true;
  app::CheckResult deep = app::check(resources(), o);
  EXPECT_EQ(deep.files, (std::vector<std::string>{(dir / "子目录" / "乙.xlsx").string(), (dir / "甲.xlsx").string()}));
  // An empty folder is a warning; nothing to check at all is refused.
  std::filesystem::create_directories(dir / "空");
  o.files = {(dir / "空").string()};
  app::CheckResult empty = app::check(resources(), o);
  EXPECT_EQ(empty.status, app::Status::Refused);
  ASSERT_FALSE(empty.diagnostics.empty());
  EXPECT_EQ(empty.diagnostics.front().severity, Severity::Warning);
}

// A department's folder holds its published report beside its tables: the report is audited against
// them (seed 001's report says 基本支出 3429.91万元 where its 公开06 table has 392.51), its finding is
// at the paragraph, the report is filed under the tables' department and year, and -o gives it a
// commented copy.
TEST(AppCheck, AReportInTheFolderIsAuditedAgainstTheTablesBesideIt) {
  auto dir = test::scratch_dir() / "batch-report";
  std::filesystem::create_directories(dir / "剑阁县医疗保障局");
  for (const char* name : {"001_剑阁县医保局_2022_部门决算公开九表.xlsx", "001_剑阁县医保局_2021_部门决算公开九表.xlsx"})
    std::filesystem::copy_file(sample(name), dir / "剑阁县医疗保障局" / name);
  std::filesystem::copy_file(test::fixture("reports/seed001-python-docx.docx"), dir / "剑阁县医疗保障局" / "情况说明.docx");
  app::CheckOptions o;
  o.files = {dir.string()};
  o.recursive = true;
  o.output_dir = (dir / "副本").string();
  app::CheckResult r = app::check(resources(), o);
  EXPECT_EQ(r.status, app::Status::Findings);
  const std::string report = (dir / "剑阁县医疗保障局" / "情况说明.docx").string();
  bool slip = false;
  for (const Finding& f : r.findings)
    if (f.file == report && f.rule == "narrative.table" && f.found == "3429.91万元") {
      slip = true;
      EXPECT_EQ(f.expected, "392.51");
      EXPECT_NE(f.cell.find("段"), std::string::npos) << f.cell;
    }
  EXPECT_TRUE(slip);
  ASSERT_EQ(r.checked.size(), 3u);
  const app::CheckedFile& filed = r.checked.back();
  EXPECT_EQ(filed.file, report);
  EXPECT_TRUE(filed.report);
  EXPECT_EQ(filed.department, "剑阁县医疗保障局");
  EXPECT_EQ(filed.year, "2022");
  EXPECT_TRUE(std::filesystem::exists(filed.copy)) << filed.copy;
}

}  // namespace
}  // namespace jixiao
