// app::audit, called as the local page will call it: workbooks among the files (.xls too) are the
// 决算 tables and the rest are reports; the result carries the findings and prints nothing; a
// commented copy is refused for anything but one .docx report, before anything is written.
#include "app/audit.h"

#include <gtest/gtest.h>

#include "test_paths.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

app::Resources& resources() {
  static app::Resources r(app::Settings{{}, {}, JIXIAO_BINARY_DIR "/share/jixiao"});  // the build tree's data
  return r;
}

std::string report(const std::string& n) { return test::fixture("reports/" + n).string(); }
std::string xls(const std::string& n) { return (test::source_dir() / "samples" / "xls" / n).string(); }

// Seed 001's 决算说明 gives 基本支出 as 3429.91万元 where its own 公开 table says 392.51: found with the
// tables read from LibreOffice's .xls copies, which are tables and not reports.
TEST(AppAudit, XlsTablesAreTablesAndTheSeedSlipIsFoundAgainstThem) {
  app::AuditOptions o;
  o.files = {report("seed001-python-docx.docx"), xls("001_剑阁县医保局_2022_部门决算公开九表.xls")};
  o.prior = {xls("001_剑阁县医保局_2021_部门决算公开九表.xls")};
  testing::internal::CaptureStdout();
  auto r = app::audit(resources(), o);
  EXPECT_EQ(testing::internal::GetCapturedStdout(), "");
  EXPECT_EQ(r.status, app::Status::Findings);
  ASSERT_EQ(r.reports.size(), 1u);
  EXPECT_EQ(r.reports[0].year, 2022);
  bool basic = false;
  for (const auto& f : r.reports[0].findings)
    if (f.rule == "narrative.table" && f.found == "3429.91万元") {
      basic = true;
      EXPECT_EQ(f.expected, "392.51");
      EXPECT_EQ(f.severity, Severity::Error);
    }
  EXPECT_TRUE(basic);
  EXPECT_EQ(app::audit_json(r)["summary"]["reports"], 1);
}

TEST(AppAudit, ACommentedCopyIsOnlyForOneDocxReport) {
  app::AuditOptions o;
  o.files = {report("seed001-libreoffice.pdf")};
  o.output = (test::scratch_dir() / "commented.docx").string();
  auto r = app::audit(resources(), o);
  EXPECT_EQ(r.status, app::Status::Refused);
  EXPECT_TRUE(r.reports.empty());
  EXPECT_FALSE(fs::exists(o.output));

  o.files = {xls("001_剑阁县医保局_2022_部门决算公开九表.xls")};  // tables alone: no report to audit
  o.output.clear();
  r = app::audit(resources(), o);
  EXPECT_EQ(r.status, app::Status::Refused);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_NE(r.diagnostics.back().message.find(".docx 或 .pdf"), std::string::npos);
}

}  // namespace
}  // namespace jixiao
