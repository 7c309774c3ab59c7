// `jixiao audit` end to end: exit codes as `check`, the JSON of DOMAIN.md §5 with paragraphs, the
// commented copy, and the report jixiao renders itself from seed 001's tables auditing clean.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>

#include "readers/zip_package.h"
#include "writers/package_writer.h"
#include "test_paths.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }
fs::path report(const std::string& n) { return test::fixture("reports/" + n); }
fs::path sample(const std::string& n) { return test::source_dir() / "samples" / "libreoffice" / n; }
const char* kTables = "001_剑阁县医保局_2022_部门决算公开九表.xlsx";
const char* kPrior = "001_剑阁县医保局_2021_部门决算公开九表.xlsx";

TEST(AuditCli, Seed002SlipsExitOneWithJsonFindings) {
  auto r = test::run_cli("audit --json " + q(report("seed002-python-docx.docx")));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["reports"].size(), 1u);
  EXPECT_EQ(j["reports"][0]["year"], 2021);
  bool three = false;
  for (const auto& f : j["findings"]) {
    for (const char* key : {"rule", "severity", "file", "paragraph", "message", "text", "expected", "found"})
      EXPECT_TRUE(f.contains(key)) << key;
    if (f["found"] == "45%") {
      three = true;
      EXPECT_EQ(f["rule"], "narrative.change_rate");
      EXPECT_EQ(f["expected"], "增长81.82%");
      EXPECT_EQ(f["paragraph"], 41);
      EXPECT_EQ(f["severity"], "error");
    }
  }
  EXPECT_TRUE(three);
  EXPECT_GE(j["summary"]["error"].get<int>(), 6);
}

TEST(AuditCli, WithTablesEachNamedAmountIsComparedWithItsTableValue) {
  auto r = test::run_cli("audit --json " + q(report("seed001-python-docx.docx")) + " " + q(sample(kTables)) + " --prior " +
                         q(sample(kPrior)));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  bool basic = false, relation = false;
  for (const auto& f : j["findings"]) {
    if (f["rule"] == "narrative.table" && f["found"] == "3429.91万元") {
      basic = true;
      EXPECT_EQ(f["expected"], "392.51");
    }
    // 07: 预算数 1.50 = 决算数 1.50, while the text says 决算数小于预算数
    if (f["rule"] == "narrative.budget_relation") {
      relation = true;
      EXPECT_EQ(f["expected"], "决算数等于预算数");
    }
  }
  EXPECT_TRUE(basic);
  EXPECT_TRUE(relation);
}

TEST(AuditCli, AReportJixiaoRendersFromTheSeedTablesAuditsClean) {
  fs::path dir = test::scratch_dir();
  for (const char* templ : {"final-accounts-report", "dept-report"}) {
    fs::path out = dir / (std::string(templ) + ".docx");
    auto r = test::run_cli(std::string("-q render ") + templ + " " + q(sample(kTables)) + " " +
                           q(test::source_dir() / "samples/facts/libreoffice/001_剑阁县医保局_2022_决算说明补充信息.xlsx") +
                           " --prior " + q(sample(kPrior)) + " -o " + q(out));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto a = test::run_cli("audit --json " + q(out) + " " + q(sample(kTables)) + " --prior " + q(sample(kPrior)));
    EXPECT_EQ(a.exit_code, 0) << templ << "\n" << a.out;
    auto j = nlohmann::json::parse(a.out);
    EXPECT_EQ(j["findings"].size(), 0u) << j["findings"].dump(1);
    EXPECT_GT(j["reports"][0]["figures"].get<int>(), 25) << templ;  // it did read the figures
  }
}

TEST(AuditCli, ASlipPutIntoARenderedReportIsCaught) {
  fs::path dir = test::scratch_dir();
  fs::path out = dir / "report.docx";
  ASSERT_EQ(test::run_cli("-q render final-accounts-report " + q(sample(kTables)) + " --prior " + q(sample(kPrior)) + " -o " +
                          q(out)).exit_code, 0);
  // the writer's own document with one share changed: 96.46% → 97.46%
  std::string xml = ZipPackage::open_file(out.string())->read("word/document.xml").value();
  size_t at = xml.find("96.46%");
  ASSERT_NE(at, std::string::npos);
  xml.replace(at, 6, "97.46%");
  fs::path slipped = dir / "slipped.docx";
  auto w = PackageWriter::from_file(out.string());
  ASSERT_TRUE(w.ok());
  w->put("word/document.xml", xml);
  ASSERT_TRUE(w->write(slipped.string()).ok());
  auto r = test::run_cli("audit --json " + q(slipped));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_GE(j["findings"].size(), 1u) << j.dump(1);
  EXPECT_EQ(j["findings"][0]["rule"], "narrative.share");
  EXPECT_EQ(j["findings"][0]["found"], "97.46%");
  EXPECT_EQ(j["findings"][0]["expected"], "96.46%");
  for (const auto& f : j["findings"]) EXPECT_NE(f["rule"], "narrative.table");
}

TEST(AuditCli, PdfOfTheSeedGivesTheSameSlips) {
  auto docx = nlohmann::json::parse(test::run_cli("audit --json " + q(report("seed001-python-docx.docx"))).out);
  auto pdf = nlohmann::json::parse(test::run_cli("audit --json " + q(report("seed001-libreoffice.pdf"))).out);
  std::vector<std::string> a, b;
  for (const auto& f : docx["findings"]) a.push_back(f["rule"].get<std::string>() + " " + f["expected"].get<std::string>());
  for (const auto& f : pdf["findings"]) b.push_back(f["rule"].get<std::string>() + " " + f["expected"].get<std::string>());
  EXPECT_EQ(a, b);
  for (const auto& f : pdf["findings"]) EXPECT_GT(f["page"].get<int>(), 0);
}

TEST(AuditCli, CommentedCopy) {
  fs::path out = test::scratch_dir() / "commented.docx";
  auto r = test::run_cli("audit " + q(report("seed002-python-docx.docx")) + " -o " + q(out));
  EXPECT_EQ(r.exit_code, 1);
  std::string comments = ZipPackage::open_file(out.string())->read("word/comments.xml").value();
  EXPECT_NE(comments.find("增长81.82%"), std::string::npos);
  // the copy reads the same: the same findings
  auto again = test::run_cli("audit " + q(out));
  EXPECT_EQ(again.out.substr(again.out.find('\n')), r.out.substr(r.out.find('\n'), again.out.size() - again.out.find('\n')));
}

TEST(AuditCli, ExitCodes) {
  EXPECT_EQ(test::run_cli("audit " + q(report("two-column-libreoffice.pdf"))).exit_code, 0);
  EXPECT_EQ(test::run_cli("audit " + q(sample(kTables))).exit_code, 2);  // tables but no report
  EXPECT_EQ(test::run_cli("audit " + q(report("seed001-libreoffice.pdf")) + " -o x.docx").exit_code, 2);  // -o needs a .docx
  EXPECT_EQ(test::run_cli("audit " + q(report("seed002-python-docx.docx")) + " -o " + q(report("seed002-python-docx.docx"))).exit_code,
            2);  // never over an input
  auto scan = test::run_cli("audit " + q(report("scanned-libreoffice.pdf")));
  EXPECT_EQ(scan.exit_code, 3);
  EXPECT_NE(scan.err.find("没有文字层"), std::string::npos);
  EXPECT_EQ(test::run_cli("audit " + q(sample(kTables)) + " " + q(sample(kTables).string() + ".docx")).exit_code, 3);
}

// PDF text comes from a module loaded on the first PDF (readers/pdf_text.cpp): one that cannot be loaded
// is an error that names it and says what to do, and a .docx report does not need it at all.
TEST(AuditCli, BrokenPdfModuleIsNamedAndDocxNeedsNone) {
  fs::path broken = test::scratch_dir() / "jixiao_pdf.so";
  std::ofstream(broken) << "not a shared object";
  setenv("JIXIAO_PDF_MODULE", broken.c_str(), 1);
  auto pdf = test::run_cli("audit " + q(report("two-column-libreoffice.pdf")));
  auto docx = test::run_cli("audit " + q(report("seed001-python-docx.docx")));
  unsetenv("JIXIAO_PDF_MODULE");
  EXPECT_EQ(pdf.exit_code, 3);
  EXPECT_NE(pdf.err.find(broken.string()), std::string::npos) << pdf.err;
  EXPECT_NE(pdf.err.find("重新安装"), std::string::npos) << pdf.err;
  EXPECT_NE(docx.exit_code, 3) << docx.err;
  EXPECT_EQ(docx.err.find("PDF"), std::string::npos) << docx.err;
}

}  // namespace
}  // namespace jixiao
