// app::check as the local page will call it: the result carries what the CLI prints (findings in
// order, counts, groups, the JSON report), progress comes through the callback, nothing is printed.
#include "app/check.h"

#include <gtest/gtest.h>

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
  o.progress = [&](size_t done, size_t total) {
    ++calls;
    last_total = total;
    EXPECT_LE(done, total);
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

}  // namespace
}  // namespace jixiao
