// The .xls reader against independent readers: LibreOffice's CSV and xlrd's structure of the
// fixtures in tests/fixtures/xls (make_xls_fixtures.py writes both into *.oracle.json), and the
// third-party corpus in /work/shared/corpus/xls (tests skip when it is absent).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <fstream>
#include <sstream>

#include "readers/grid_export.h"
#include "readers/xls_reader.h"
#include "readers/xlsx_reader.h"
#include "test_paths.h"

namespace jixiao {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

json oracle(const std::string& fixture) {
  std::ifstream in(test::fixture("xls/" + fixture + ".oracle.json"));
  return json::parse(in);
}

Workbook read(const fs::path& p, const std::string& password = {}) {
  Diagnostics diags;
  XlsxOptions opt;
  opt.password = password;
  auto wb = read_xlsx_file(p.string(), diags, opt);
  EXPECT_TRUE(wb.ok()) << (wb.ok() ? "" : wb.error().to_text());
  return wb.ok() ? std::move(wb).value() : Workbook{};
}

std::string csv(const Workbook& wb, const Sheet& s) {
  std::ostringstream out;
  write_delimited(wb, s, TextFormat::Csv, false, out);
  return out.str();
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Every sheet's display text equals LibreOffice's CSV of the same .xls, line by line. Where
// LibreOffice departs from Excel (tests/fixtures/LO_CSV_NOTES.md: dates before 1900-03-01 one day
// early, "#FMT" for huge [h] times) the line is one of `excel_lines`, what Excel shows.
void expect_same_as_libreoffice(const std::string& fixture, const std::string& password = {},
                                const std::string& clear_twin = {},
                                const std::vector<std::string>& excel_lines = {}) {
  const Workbook wb = read(test::fixture("xls/" + fixture), password);
  const json lo = oracle(clear_twin.empty() ? fixture : clear_twin)["lo_csv"];
  ASSERT_FALSE(lo.empty());
  for (const auto& [sheet, text] : lo.items()) {
    const Sheet* s = wb.sheets.size() == 1 && lo.size() == 1 ? &wb.sheets[0] : wb.sheet(sheet);
    ASSERT_NE(s, nullptr) << fixture << ": no sheet " << sheet;
    const auto got = lines(csv(wb, *s)), want = lines(text.get<std::string>());
    ASSERT_EQ(got.size(), want.size()) << fixture << " / " << sheet;
    for (size_t i = 0; i < got.size(); ++i) {
      if (got[i] == want[i]) continue;
      EXPECT_NE(std::find(excel_lines.begin(), excel_lines.end(), got[i]), excel_lines.end())
          << fixture << " / " << sheet << " line " << i + 1 << "\n jixiao: " << got[i] << "\n LibreOffice: " << want[i];
    }
  }
}

// The date rows of the number-format fixture as Excel shows them: serials below 61 count from
// 1900-01-00 (LibreOffice: from 1899-12-30), 29,629,629 hours are shown, not "#FMT", and a negative
// serial under a date or time format is "####" (Excel cannot show it; LibreOffice counts backwards).
const std::vector<std::string> kExcelDateLines = {
    "yyyy-mm-dd,5280-02-15,####,1900-01-00,1900-01-02,1900-01-01,1900-01-00,1900-01-00,1900-01-00,2024-03-05,"
    "1900-01-00",
    "\"yyyy\"\"年\"\"m\"\"月\"\"d\"\"日\"\"\",5280年2月15日,####,1900年1月0日,1900年1月2日,1900年1月1日,1900年1月0日,"
    "1900年1月0日,1900年1月0日,2024年3月5日,1900年1月0日",
    "yyyy/m/d h:mm,5280/2/15 21:23,####,1900/1/0 0:00,1900/1/2 16:12,1900/1/1 0:07,1900/1/0 3:00,"
    "1900/1/0 12:00,1900/1/0 23:58,2024/3/5 18:00,1900/1/0 0:00",
    "[h]:mm:ss,29629629:23:02,####,0:00:00,64:12:00,24:07:12,3:00:00,12:00:00,23:58:34,1088562:00:00,0:00:00"};

TEST(XlsReader, NumberFormatsShowAsLibreOfficeShowsThem) {
  expect_same_as_libreoffice("libreoffice-number-formats.xls", {}, {}, kExcelDateLines);
}
TEST(XlsReader, FinanceSheetShowsAsLibreOfficeShowsIt) { expect_same_as_libreoffice("libreoffice-jixiao-finance.xls"); }
TEST(XlsReader, MergesAnd1904DatesShowAsLibreOfficeShowsThem) {
  expect_same_as_libreoffice("libreoffice-merges-names-1904.xls");
}

TEST(XlsReader, MergesAndDateSystemAreXlrds) {
  const Workbook wb = read(test::fixture("xls/libreoffice-merges-names-1904.xls"));
  const json o = oracle("libreoffice-merges-names-1904.xls");
  EXPECT_EQ(wb.date1904, o["datemode"] == 1);
  ASSERT_EQ(wb.sheets.size(), o["sheets"].size());
  for (size_t i = 0; i < wb.sheets.size(); ++i) {
    const auto& want = o["sheets"][i];
    EXPECT_EQ(wb.sheets[i].name, want["name"]);
    std::vector<std::array<uint32_t, 4>> got, expected;
    for (const CellRange& m : wb.sheets[i].merges) got.push_back({m.first.row, m.last.row, m.first.col, m.last.col});
    for (const auto& m : want["merges"]) expected.push_back({m[0], m[1], m[2], m[3]});
    std::sort(got.begin(), got.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(got, expected) << wb.sheets[i].name;
  }
}

TEST(XlsReader, SheetOrderAndHiddenSheetsAreXlrds) {
  const Workbook wb = read(test::fixture("xls/libreoffice-sheet-order.xls"));
  const json o = oracle("libreoffice-sheet-order.xls");
  ASSERT_EQ(wb.sheets.size(), o["sheets"].size());
  for (size_t i = 0; i < wb.sheets.size(); ++i) {
    EXPECT_EQ(wb.sheets[i].name, o["sheets"][i]["name"]);
    EXPECT_EQ(static_cast<int>(wb.sheets[i].state), o["sheets"][i]["visibility"].get<int>()) << wb.sheets[i].name;
  }
  expect_same_as_libreoffice("libreoffice-sheet-order.xls");
}

TEST(XlsReader, Biff5InCodePage936ReadsChineseText) {
  expect_same_as_libreoffice("handmade-biff5-gbk.xls");
  const Workbook wb = read(test::fixture("xls/handmade-biff5-gbk.xls"));
  ASSERT_EQ(wb.sheets.size(), 1u);
  const Cell* c = wb.sheets[0].find({1, 0});
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(wb.text(*c), "机关建设及日常保障经费");
}

TEST(XlsReader, Rc4EncryptedXlsOpensWithItsPasswordAndShowsWhatTheClearCopyShows) {
  expect_same_as_libreoffice("libreoffice-rc4-number-formats.xls", "jixiao-密码1", "libreoffice-number-formats.xls",
                             kExcelDateLines);
}

TEST(XlsReader, EncryptedXlsWithoutPasswordIsRefusedAskingForOne) {
  Diagnostics diags;
  auto wb = read_xlsx_file(test::fixture("xls/libreoffice-rc4-number-formats.xls").string(), diags);
  ASSERT_FALSE(wb.ok());
  EXPECT_EQ(wb.error().code, "crypt.password_required");
  EXPECT_NE(wb.error().message.find("--password"), std::string::npos);
}

TEST(XlsReader, EncryptedXlsWithWrongPasswordSaysThePasswordIsWrong) {
  Diagnostics diags;
  XlsxOptions opt;
  opt.password = "jixiao-密码2";
  auto wb = read_xlsx_file(test::fixture("xls/libreoffice-rc4-number-formats.xls").string(), diags, opt);
  ASSERT_FALSE(wb.ok());
  EXPECT_EQ(wb.error().code, "crypt.wrong_password");
}

TEST(XlsReader, DecryptedWorkbookIsMarkedEncrypted) {
  EXPECT_TRUE(read(test::fixture("xls/libreoffice-rc4-number-formats.xls"), "jixiao-密码1").encrypted);
  EXPECT_FALSE(read(test::fixture("xls/libreoffice-number-formats.xls")).encrypted);
}

// ---- the third-party corpus (read by path, never copied) ---------------------------------------

const fs::path kCorpus = "/work/shared/corpus/xls/files";
const fs::path kXlsxCorpus = "/work/shared/corpus/files";

#define SKIP_WITHOUT(path)                                                  \
  if (!fs::exists(path)) GTEST_SKIP() << path << " absent (shared corpus)"

std::string first_cells(const fs::path& p, const std::string& password = {}) {
  const Workbook wb = read(p, password);
  return wb.sheets.empty() ? std::string() : csv(wb, wb.sheets[0]);
}

// sheetjs/password_2002_*: Excel 2002 RC4 40-bit binary and CryptoAPI 40/128-bit with several
// providers, password "password". Decrypted by msoffcrypto-tool and read by xlrd: A1 1, A2 2, B2 10.
TEST(XlsCorpus, ExcelRc4AndCryptoApiFilesOpenWithTheirPassword) {
  SKIP_WITHOUT(kCorpus);
  for (const char* f : {"password_2002_40_972000.xls", "password_2002_40_basecrypto.xls", "password_2002_40_dhsc.xls",
                        "password_2002_40_dss.xls", "password_2002_128_enhanced.xls", "password_2002_128_enhdss.xls",
                        "password_2002_128_enhrsa.xls", "password_2002_128_enhrsasc.xls", "password_2002_128_strong.xls"})
    EXPECT_EQ(first_cells(kCorpus / "sheetjs" / f, "password").substr(0, 8), "1,\n2,10\n") << f;
}

// A file protected against changes only is encrypted with Excel's default password "VelvetSweatshop"
// and opens without asking (calamine issue_385; LibreOffice shows the same first row).
TEST(XlsCorpus, DefaultPasswordFilesOpenWithoutAsking) {
  SKIP_WITHOUT(kCorpus);
  Diagnostics diags;
  auto wb = read_xlsx_file((kCorpus / "calamine/tests/issue_385.xls").string(), diags);
  ASSERT_TRUE(wb.ok()) << wb.error().to_text();
  EXPECT_TRUE(wb->encrypted);
  EXPECT_FALSE(wb->sheets.empty());
}

// ExcelDataReader's encrypted .xlsx, password "password": Agile (AES-128/SHA-1, SHA-384, SHA-512,
// MD5; AES-192/256) and Standard (AES-128/192 ECB). Their first cell is "Password: password"
// (msoffcrypto-tool + openpyxl read that from the AES-128/SHA-1 Agile and Standard ones).
TEST(XlsxCorpus, AgileAndStandardEncryptedXlsxOpenWithTheirPassword) {
  const fs::path dir = kXlsxCorpus / "exceldatareader/src/TestData";
  SKIP_WITHOUT(dir);
  for (const char* f : {"agile_AES128_SHA1_CBC_pwd_password.xlsx", "agile_AES128_SHA384_CBC_pwd_password.xlsx",
                        "agile_AES128_MD5_CBC_pwd_password.xlsx", "agile_AES128_SHA512_CBC_pwd_password.xlsx",
                        "standard_AES128_SHA1_ECB_pwd_password.xlsx", "strict/standard_AES192_SHA1_ECB_pwd_password.xlsx",
                        "strict/agile_AES256_SHA512_CBC_pwd_password.xlsx", "strict/agile_AES192_SHA512_CBC_pwd_password.xlsx"}) {
    if (!fs::exists(dir / f)) continue;
    EXPECT_EQ(first_cells(dir / f, "password").substr(0, 18), "Password: password") << f;
  }
}

TEST(XlsxCorpus, EncryptedXlsxWithWrongOrNoPasswordIsRefusedWithItsOwnMessage) {
  const fs::path f = kXlsxCorpus / "exceldatareader/src/TestData/agile_AES128_SHA1_CBC_pwd_password.xlsx";
  SKIP_WITHOUT(f);
  Diagnostics diags;
  auto none = read_xlsx_file(f.string(), diags);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, "crypt.password_required");
  XlsxOptions opt;
  opt.password = "Password";
  auto wrong = read_xlsx_file(f.string(), diags, opt);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, "crypt.wrong_password");
}

TEST(XlsxCorpus, DesAndRc2AgileEncryptionIsRefusedAsUnsupported) {
  const fs::path f = kXlsxCorpus / "exceldatareader/src/TestData/agile_DESede_SHA384_CBC_pwd_password.xlsx";
  SKIP_WITHOUT(f);
  Diagnostics diags;
  XlsxOptions opt;
  opt.password = "password";
  auto wb = read_xlsx_file(f.string(), diags, opt);
  ASSERT_FALSE(wb.ok());
  EXPECT_EQ(wb.error().code, "crypt.unsupported");
}

// A shared-string table spread over CONTINUE records (calamine sst_continue.xls): xlrd reads 136
// rows, row 134 "This is a long string with a serial number at the end 0134", the last row
// "New CONTINUE block".
TEST(XlsCorpus, SharedStringsAcrossContinueRecordsReadAsXlrdReadsThem) {
  SKIP_WITHOUT(kCorpus);
  const Workbook wb = read(kCorpus / "calamine/tests/sst_continue.xls");
  ASSERT_EQ(wb.sheets.size(), 1u);
  const Cell* c = wb.sheets[0].find({133, 0});
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(wb.text(*c), "This is a long string with a serial number at the end 0134");
  const Cell* last = wb.sheets[0].find({135, 0});
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(wb.text(*last), "New CONTINUE block");
}

// Deliberately broken compound files (FAT/directory loops, sectors past the end, absurd sizes):
// a Diagnostic or a workbook, never a crash or a hang.
TEST(XlsCorpus, BrokenCompoundFilesAreRefusedOrReadNeverCrash) {
  SKIP_WITHOUT(kCorpus);
  for (const char* f : {"phpspreadsheet/tests/data/Reader/XLS/oleloop.xls", "exceldatareader/src/TestData/Test_git_issue_382_oom.xls",
                        "calamine/tests/OOM_alloc3.xls", "calamine/tests/too_small.xls",
                        "exceldatareader/src/TestData/Test_Issue_12556_corrupt.xls"}) {
    Diagnostics diags;
    auto wb = read_xlsx_file((kCorpus / f).string(), diags);
    if (!wb.ok()) {
      EXPECT_FALSE(wb.error().message.empty()) << f;
    }
  }
  Diagnostics diags;
  auto loop = read_xlsx_file((kCorpus / "phpspreadsheet/tests/data/Reader/XLS/oleloop.xls").string(), diags);
  ASSERT_FALSE(loop.ok());
  EXPECT_EQ(loop.error().code, "cfb.damaged");
}

TEST(XlsCorpus, XorObfuscatedExcel95FilesAreRefusedClearly) {
  SKIP_WITHOUT(kCorpus);
  Diagnostics diags;
  XlsxOptions opt;
  opt.password = "abc";
  auto wb = read_xlsx_file((kCorpus / "poi/test-data/spreadsheet/xor-encryption-abc.xls").string(), diags, opt);
  ASSERT_FALSE(wb.ok());
  EXPECT_EQ(wb.error().code, "crypt.unsupported");
  EXPECT_NE(wb.error().message.find("XOR"), std::string::npos);
}

}  // namespace
}  // namespace jixiao

namespace jixiao {
namespace {

std::string rec(uint16_t id, const std::string& data) {
  std::string r(4, '\0');
  r[0] = static_cast<char>(id & 0xFF);
  r[1] = static_cast<char>(id >> 8);
  r[2] = static_cast<char>(data.size() & 0xFF);
  r[3] = static_cast<char>(data.size() >> 8);
  return r + data;
}
std::string le(uint32_t v, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
  return s;
}

// Found by fuzzing (fuzz/xls_reader_fuzz.cpp): thousands of BOUNDSHEET records pointing at one
// substream made every sheet read it again (quadratic). Each substream is read for one sheet only.
TEST(XlsReader, ThousandsOfSheetsAtOneOffsetReadInLinearTime) {
  const int sheets = 20000, cells = 20000;
  std::string globals = rec(0x0809, le(0x0600, 2) + le(0x0005, 2) + std::string(12, '\0'));
  const size_t sheet_pos = globals.size() + sheets * (4 + 9) + 4;  // BOUNDSHEETs of 9 bytes, then EOF
  for (int i = 0; i < sheets; ++i) globals += rec(0x0085, le(static_cast<uint32_t>(sheet_pos), 4) + std::string(2, '\0') + std::string("\x01\x00S", 3));
  globals += rec(0x000A, "");
  ASSERT_EQ(globals.size(), sheet_pos);
  std::string sheet = rec(0x0809, le(0x0600, 2) + le(0x0010, 2) + std::string(12, '\0'));
  for (int i = 0; i < cells; ++i) sheet += rec(0x027E, le(static_cast<uint32_t>(i), 2) + le(0, 2) + le(0, 2) + le((7u << 2) | 2u, 4));
  sheet += rec(0x000A, "");
  Diagnostics diags;
  const auto start = std::chrono::steady_clock::now();
  auto wb = read_xls_memory(globals + sheet, "overlap.xls", diags);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(wb.ok()) << wb.error().to_text();
  EXPECT_LT(seconds, 10.0);
  ASSERT_EQ(wb->sheets.size(), static_cast<size_t>(sheets));
  EXPECT_EQ(wb->sheets[0].cells.size(), static_cast<size_t>(cells));
  EXPECT_EQ(wb->sheets[0].cells[5].number, 7);  // RK integer 7
  EXPECT_TRUE(wb->sheets[1].cells.empty());
}

}  // namespace
}  // namespace jixiao
