// Faults the public workbook corpus (../shared/corpus, see its README and RESULTS.md) found in the
// reader, one test per file, named after it. Expectations come from LibreOffice 7.4's CSV of the
// file (the corpus's lo-csv.tgz), from openpyxl reading a copy whose zip entry names use '/', or
// from the file's own XML — never from jixiao. Each test is skipped when the corpus is absent.
#include <gtest/gtest.h>

#include <filesystem>

#include "readers/grid_export.h"
#include "readers/xlsx_reader.h"
#include "test_paths.h"

namespace jixiao {
namespace {

std::filesystem::path corpus_file(const std::string& relative) {
  return test::source_dir() / ".." / "shared" / "corpus" / "files" / relative;
}

#define CORPUS_FILE(var, relative)                                          \
  const std::filesystem::path var = corpus_file(relative);                  \
  if (!std::filesystem::exists(var)) GTEST_SKIP() << "corpus absent: " << var

Workbook read_ok(const std::filesystem::path& p, Diagnostics* out = nullptr) {
  Diagnostics diags;
  auto wb = read_xlsx_file(p.string(), diags);
  EXPECT_TRUE(wb) << (wb ? "" : wb.error().to_text());
  if (out) *out = diags;
  return wb ? std::move(wb).value() : Workbook{};
}

std::string shown(const Workbook& wb, const Sheet& s, const char* ref) {
  const Cell* c = s.find(*parse_cell(ref));
  if (!c) return "<none>";
  CellDisplay d(wb);
  std::string out;
  d.display(*c, out);
  return out;
}

std::string error_code(const std::filesystem::path& p) {
  Diagnostics diags;
  auto wb = read_xlsx_file(p.string(), diags);
  return wb ? "<read>" : wb.error().code;
}

// 12,000 cells point at one 1 MB shared string: 12 GB of text from a 108 KB file.
TEST(XlsxCorpus, PocSharedStringsIsRefusedNotAborted) {
  CORPUS_FILE(f, "poi/test-data/spreadsheet/poc-shared-strings.xlsx");
  EXPECT_EQ(error_code(f), "xlsx.text_too_large");
  auto r = test::run_cli("dump " + f.string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(r.out.empty()) << "no partial output";
  EXPECT_NE(r.err.find("--max-part-mb"), std::string::npos) << r.err;
}

// One cell at XFD1048576: a CSV of 17 GB of commas is refused before anything is written; the JSON
// form lists the two cells.
TEST(XlsxCorpus, Data03HugeSparseSheetIsRefusedAsCsvOnly) {
  CORPUS_FILE(f, "libxlsxwriter/test/functional/xlsx_files/data03.xlsx");
  auto csv = test::run_cli("dump " + f.string());
  EXPECT_EQ(csv.exit_code, 3);
  EXPECT_TRUE(csv.out.empty());
  EXPECT_NE(csv.err.find("--format json"), std::string::npos) << csv.err;
  auto json = test::run_cli("dump --format json " + f.string());
  EXPECT_EQ(json.exit_code, 0) << json.err;
  EXPECT_NE(json.out.find("\"XFD1048576\""), std::string::npos);
}

// Zip entries named "xl\\workbook.xml": POI and calamine read them, so must we (LibreOffice shows
// nothing). Values: openpyxl on a copy with '/' names, or the parts' own XML.
TEST(XlsxCorpus, BackslashEntryNames_calamine_issue_530) {
  CORPUS_FILE(f, "calamine/tests/issue_530.xlsx");
  Workbook wb = read_ok(f);
  ASSERT_EQ(wb.sheets.size(), 1u);
  EXPECT_EQ(wb.sheets[0].name, "出勤分类组织汇总表");
  EXPECT_EQ(shown(wb, wb.sheets[0], "A1"), "报表导出人：");
  EXPECT_EQ(shown(wb, wb.sheets[0], "B1"), "于国栋");
}

TEST(XlsxCorpus, BackslashEntryNames_exceldatareader_Test_git_issue_385_backslash) {
  CORPUS_FILE(f, "exceldatareader/src/TestData/Test_git_issue_385_backslash.xlsx");
  Workbook wb = read_ok(f);
  ASSERT_EQ(wb.sheets.size(), 1u);
  EXPECT_EQ(shown(wb, wb.sheets[0], "A1"), "col1");
  EXPECT_EQ(shown(wb, wb.sheets[0], "C1"), "col3");
  EXPECT_EQ(shown(wb, wb.sheets[0], "E1"), "col5");
}

TEST(XlsxCorpus, BackslashEntryNames_phpspreadsheet_Zip_Windows_Directory_Separator) {
  CORPUS_FILE(f, "phpspreadsheet/tests/data/Reader/XLSX/Zip-Windows-Directory-Separator.xlsx");
  Workbook wb = read_ok(f);
  ASSERT_EQ(wb.sheets.size(), 1u);
  EXPECT_EQ(shown(wb, wb.sheets[0], "A1"), "Key ID");
  EXPECT_EQ(shown(wb, wb.sheets[0], "B1"), "Key");
  EXPECT_EQ(shown(wb, wb.sheets[0], "C1"), "English");
}

TEST(XlsxCorpus, BackslashEntryNames_phpspreadsheet_issue_3730) {
  CORPUS_FILE(f, "phpspreadsheet/tests/data/Reader/XLSX/issue.3730.xlsx");
  Workbook wb = read_ok(f);
  ASSERT_GE(wb.sheets.size(), 1u);
  EXPECT_EQ(wb.sheets[0].name, "promedia postlogs wk 2-12");
  EXPECT_EQ(shown(wb, wb.sheets[0], "F1"), "Order");
  EXPECT_EQ(shown(wb, wb.sheets[0], "G1"), "Agency");
}

// Also "[content_types].xml" in lower case and the relationship attribute as d3p1:id.
TEST(XlsxCorpus, BackslashEntryNames_poi_49609) {
  CORPUS_FILE(f, "poi/test-data/spreadsheet/49609.xlsx");
  Workbook wb = read_ok(f);
  ASSERT_EQ(wb.sheets.size(), 2u);
  EXPECT_EQ(wb.sheets[0].name, "FAM");
  EXPECT_EQ(wb.sheets[1].name, "VIC");
  EXPECT_EQ(shown(wb, wb.sheets[0], "B1"), "Cycle");  // shared string 0 of xl\\sharedstrings.xml
  EXPECT_GT(wb.sheets[0].cells.size(), 1000u);
  EXPECT_GT(wb.sheets[1].cells.size(), 1000u);
}

TEST(XlsxCorpus, PowerPointRenamedXlsxIsRefused_xlnt_1_powerpoint_presentation) {
  CORPUS_FILE(f, "xlnt/tests/data/1_powerpoint_presentation.xlsx");
  auto r = test::run_cli("dump " + f.string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("PowerPoint"), std::string::npos) << r.err;
}

TEST(XlsxCorpus, WordDocumentRenamedXlsxIsRefused) {
  // A shipped Word template under an .xlsx name: its main part is word/document.xml.
  const auto dir = test::scratch_dir();
  const auto copy = dir / "report.xlsx";
  std::filesystem::copy_file(test::source_dir() / "templates" / "docx" / "dept-report.docx", copy);
  auto r = test::run_cli("dump " + copy.string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("Word"), std::string::npos) << r.err;
}

// Office 2007 beta: namespace http://schemas.microsoft.com/office/excel/2006/2, strings in other
// elements; refused instead of read without its strings.
TEST(XlsxCorpus, Office2007BetaIsRefused_poi_sample_beta) {
  CORPUS_FILE(f, "poi/test-data/spreadsheet/sample-beta.xlsx");
  EXPECT_EQ(error_code(f), "xlsx.beta_format");
}

// 'Roll weeks macro' and 'Module1' have r:id="": LibreOffice shows them empty (1-byte CSVs); they
// used to show the cells of 15 and 16 CY Downweeks.
TEST(XlsxCorpus, EmptySheetRelationshipIsAnEmptySheet_ClosedXML_tdf111974) {
  CORPUS_FILE(f, "closedxml/ClosedXML.Tests/Resource/TryToLoad/LO/xlsm/tdf111974.xlsm");
  Workbook wb = read_ok(f);
  ASSERT_EQ(wb.sheets.size(), 10u);
  EXPECT_EQ(wb.sheets[4].name, "Roll weeks macro");
  EXPECT_TRUE(wb.sheets[4].cells.empty());
  EXPECT_EQ(wb.sheets[5].name, "Module1");
  EXPECT_TRUE(wb.sheets[5].cells.empty());
  EXPECT_FALSE(wb.sheets[6].cells.empty());  // 15 CY Downweeks keeps its own cells
}

// Strict OOXML: Excel writes its serial 0 as <v>1899-12-30</v> (t="d"); the transitional twin of
// the same workbook stores <v>0</v> there. Both are the same date, shown "00 January 1900" by Excel.
TEST(XlsxCorpus, StrictIsoDateOfSerialZero_exceldatareader_strict_Test_LotsOfSheets) {
  CORPUS_FILE(strict, "exceldatareader/src/TestData/strict/Test_LotsOfSheets.xlsx");
  CORPUS_FILE(twin, "exceldatareader/src/TestData/Test_LotsOfSheets.xlsx");
  Workbook s = read_ok(strict), t = read_ok(twin);
  const Sheet* ss = s.sheet("DeNormalisedData");
  const Sheet* ts = t.sheet("DeNormalisedData");
  ASSERT_TRUE(ss && ts);
  const Cell* sc = ss->find(*parse_cell("C2"));
  const Cell* tc = ts->find(*parse_cell("C2"));
  ASSERT_TRUE(sc && tc);
  EXPECT_EQ(tc->number, 0);
  EXPECT_EQ(sc->type, CellType::Date);
  EXPECT_EQ(sc->number, tc->number);
  EXPECT_EQ(shown(s, *ss, "C2"), shown(t, *ts, "C2"));
}

// [DBNum1][$-804]General: LibreOffice (and Excel) show 12323 as 一万二千三百二十三.
TEST(XlsxCorpus, ChineseNumerals_poi_49273) {
  CORPUS_FILE(f, "poi/test-data/spreadsheet/49273.xlsx");
  Workbook wb = read_ok(f);
  ASSERT_FALSE(wb.sheets.empty());
  EXPECT_EQ(shown(wb, wb.sheets[0], "K1"), "一万二千三百二十三");
}

// [$-411]ggge"年"m"月"d"日";@ : LibreOffice shows 令和3年1月1日.
TEST(XlsxCorpus, JapaneseEra_calamine_date_quoted_format) {
  CORPUS_FILE(f, "calamine/tests/date_quoted_format.xlsx");
  Workbook wb = read_ok(f);
  ASSERT_FALSE(wb.sheets.empty());
  EXPECT_EQ(shown(wb, wb.sheets[0], "A4"), "令和3年1月1日");
}

// #,##0.0\ _₽ : LibreOffice writes "0.0   " (the _₽ spacer is two spaces).
TEST(XlsxCorpus, WideSpacer_phpspreadsheet_double_attr_drawing) {
  CORPUS_FILE(f, "phpspreadsheet/tests/data/Reader/XLSX/double_attr_drawing.xlsx");
  Workbook wb = read_ok(f);
  ASSERT_FALSE(wb.sheets.empty());
  EXPECT_EQ(shown(wb, wb.sheets[0], "J1"), "0.0   ");
}

}  // namespace
}  // namespace jixiao
