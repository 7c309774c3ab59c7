// `jixiao dump` as a user runs it: exit codes, messages on bad input, options.
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace jixiao {
namespace {

std::string q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

struct BadInput {
  const char* file;
  const char* extra_args;
  std::vector<const char*> message_parts;  // each must appear in stderr
};

class RefusedInput : public testing::TestWithParam<BadInput> {};

TEST_P(RefusedInput, ExitCode3WithAMessageNamingTheFile) {
  const BadInput& b = GetParam();
  auto path = test::fixture(std::string("bad/") + b.file);
  auto r = test::run_cli(std::string(b.extra_args) + " dump " + q(path));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(r.out.empty()) << "no partial output";
  EXPECT_NE(r.err.find(b.file), std::string::npos) << r.err;
  for (const char* part : b.message_parts) EXPECT_NE(r.err.find(part), std::string::npos) << part << "\n" << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Bad, RefusedInput,
    testing::Values(BadInput{"not-a-zip.xlsx", "", {"不是 Excel 工作簿"}},
                    BadInput{"empty.xlsx", "", {"空", "0 字节"}},
                    BadInput{"encrypted.xlsx", "", {"密码", "加密", "--password"}},
                    BadInput{"truncated.xlsx", "", {"不完整", "损坏"}},
                    BadInput{"no-workbook.xlsx", "", {"没有工作簿部件"}},
                    BadInput{"malformed-sheet.xlsx", "", {"XML 格式错误", "xl/worksheets/sheet1.xml", "偏移"}},
                    BadInput{"malformed-sheet-mismatch.xlsx", "", {"XML 格式错误", "不匹配", "xl/worksheets/sheet1.xml"}},
                    BadInput{"malformed-workbook.xlsx", "", {"XML 格式错误", "xl/workbook.xml", "偏移"}},
                    BadInput{"zip-bomb.xlsx", "--max-part-mb 1", {"超过上限 1 MiB", "压缩炸弹", "xl/worksheets/sheet1.xml"}},
                    BadInput{"bomb-lying-size.xlsx", "--max-part-mb 1", {"xl/worksheets/sheet1.xml"}}),
    [](const testing::TestParamInfo<BadInput>& info) {
      std::string n = info.param.file;
      for (char& c : n)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      return n;
    });

// bad/legacy.xls was once refused; .xls is read now. LibreOffice's CSV of its source (golden).
TEST(DumpCli, LegacyXlsIsReadLikeItsXlsxSource) {
  auto r = test::run_cli("dump " + q(test::fixture("bad/legacy.xls")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string golden = test::read_file(test::golden("csv/openpyxl-number-formats-Formats.csv"));
  EXPECT_EQ(r.out.substr(r.out.find('\n') + 1, 400), golden.substr(0, 400));
}

// bad/encrypted.xlsx: LibreOffice's Standard encryption (AES-128) of handmade-inline-strings.xlsx,
// password "jixiao" (make_fixtures.py). Given the password, it shows what LibreOffice shows of the source.
TEST(DumpCli, EncryptedXlsxOpensWithPasswordFromOptionOrEnvironment) {
  const std::string golden = test::read_file(test::golden("csv/handmade-inline-strings-Inline.csv"));
  auto r = test::run_cli("--password jixiao dump --sheet 1 " + q(test::fixture("bad/encrypted.xlsx")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, golden);
  ASSERT_EQ(setenv("JIXIAO_PASSWORD", "jixiao", 1), 0);
  auto e = test::run_cli("dump --sheet 1 " + q(test::fixture("bad/encrypted.xlsx")));
  unsetenv("JIXIAO_PASSWORD");
  EXPECT_EQ(e.exit_code, 0) << e.err;
  EXPECT_EQ(e.out, golden);
}

TEST(DumpCli, EncryptedXlsxWithWrongPasswordSaysSo) {
  auto r = test::run_cli("--password wrong dump " + q(test::fixture("bad/encrypted.xlsx")));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("密码不对"), std::string::npos) << r.err;
}

TEST(DumpCli, MissingFileIsUnreadable) {
  auto r = test::run_cli("dump /nonexistent/x.xlsx");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("/nonexistent/x.xlsx"), std::string::npos);
}

TEST(DumpCli, UsageErrorsExit2) {
  EXPECT_EQ(test::run_cli("dump").exit_code, 2);
  EXPECT_EQ(test::run_cli("dump --format xml " + q(test::fixture("xlsx/handmade-no-sst.xlsx"))).exit_code, 2);
  EXPECT_EQ(test::run_cli("frobnicate").exit_code, 2);
  EXPECT_EQ(test::run_cli("").exit_code, 2);
}

TEST(DumpCli, UnknownSheetListsTheSheets) {
  auto r = test::run_cli("dump --sheet Nope " + q(test::fixture("xlsx/handmade-sheet-order.xlsx")));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("1 First"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("4 VeryHidden"), std::string::npos) << r.err;
}

// handmade-sheet-order: workbook.xml lists First (sheet3.xml), Second (sheet1.xml), Hidden,
// VeryHidden; B1 is 1, 2, 3, 4 in that order.
TEST(DumpCli, SheetByNameOrPositionInWorkbookOrder) {
  auto file = q(test::fixture("xlsx/handmade-sheet-order.xlsx"));
  auto by_index = test::run_cli("dump --sheet 2 " + file);
  auto by_name = test::run_cli("dump --sheet Second " + file);
  ASSERT_EQ(by_index.exit_code, 0) << by_index.err;
  EXPECT_EQ(by_index.out, by_name.out);
  EXPECT_EQ(by_index.out, "I am Second (sheet1.xml),2\n");
  auto all = test::run_cli("dump " + file);
  EXPECT_EQ(all.out.rfind("# sheet: First\nI am First (sheet3.xml),1\n# sheet: Second\n", 0), 0u) << all.out;
}

TEST(DumpCli, RawShowsStoredValues) {
  // openpyxl-jixiao-finance G7 holds 0.999 in 0.00% (shown 99.90%).
  auto file = q(test::fixture("xlsx/openpyxl-jixiao-finance.xlsx"));
  auto shown = test::run_cli("dump --sheet 1 " + file);
  auto raw = test::run_cli("dump --sheet 1 --raw " + file);
  ASSERT_EQ(raw.exit_code, 0);
  EXPECT_NE(shown.out.find(",99.90%,"), std::string::npos);
  EXPECT_NE(raw.out.find(",0.999,"), std::string::npos) << raw.out;
}

TEST(DumpCli, TsvNeverQuotes) {
  auto r = test::run_cli("dump --format tsv --sheet 1 " + q(test::fixture("xlsx/handmade-inline-strings.xlsx")));
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("inline text\t42\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("line one line two"), std::string::npos) << "line break inside a cell becomes a space";
  EXPECT_EQ(r.out.find('"'), std::string::npos);
}

TEST(DumpCli, JsonCarriesValuesDisplayTypesFormulasAndMerges) {
  auto r = test::run_cli("dump --format json " + q(test::fixture("xlsx/handmade-prefixed.xlsx")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["sheets"].size(), 2u);
  const auto& s = j["sheets"][0];
  EXPECT_EQ(s["name"], "Prefixed");
  EXPECT_EQ(s["visible"], true);
  EXPECT_EQ(s["merges"], nlohmann::json::array({"B2:C2"}));
  std::map<std::string, nlohmann::json> cells;
  for (const auto& c : s["cells"]) cells[c["ref"]] = c;
  EXPECT_EQ(cells["B1"]["value"], 1234.5);
  EXPECT_EQ(cells["B1"]["display"], "1,234.50");
  EXPECT_EQ(cells["B1"]["type"], "number");
  EXPECT_EQ(cells["C1"]["formula"], "=B1*2");
  EXPECT_EQ(cells["C1"]["value"], 2469);
  EXPECT_EQ(cells["A3"]["value"], true);
  EXPECT_EQ(cells["A3"]["type"], "boolean");
  EXPECT_EQ(cells["A1"]["formula"], nullptr);
}

TEST(DumpCli, HelpIsTrue) {
  auto r = test::run_cli("dump --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* opt : {"--sheet", "--format", "--raw"}) EXPECT_NE(r.out.find(opt), std::string::npos) << opt;
  auto top = test::run_cli("--help");
  EXPECT_NE(top.out.find("--max-part-mb"), std::string::npos);
}

}  // namespace
}  // namespace jixiao
