// `jixiao fill` end to end: exit codes, messages naming file/sheet/cell, no partial output.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "readers/xlsx_reader.h"
#include "test_paths.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }
fs::path tmpl() { return test::fixture("templates/openpyxl-list.xlsx"); }
fs::path data() { return test::fixture("templates/list-data.json"); }

void write(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }

TEST(FillCli, WritesTheFilledWorkbook) {
  fs::path out = test::scratch_dir() / "out.xlsx";
  auto r = test::run_cli("fill " + q(tmpl()) + " " + q(data()) + " -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Diagnostics d;
  auto wb = read_xlsx_file(out.string(), d);
  ASSERT_TRUE(wb.ok());
  const Sheet* s = wb->sheet("项目");
  ASSERT_TRUE(s);
  const Cell* c = s->find(*parse_cell("A9"));  // three items: the total moved from row 7 to row 9
  ASSERT_TRUE(c);
  EXPECT_EQ(wb->text(*c), "合计");
}

TEST(FillCli, MissingOutputIsAUsageError) {
  auto r = test::run_cli("fill " + q(tmpl()) + " " + q(data()));
  EXPECT_EQ(r.exit_code, 2);
}

TEST(FillCli, UnreadableInputsExitWith3AndNameTheFile) {
  fs::path dir = test::scratch_dir();
  auto r = test::run_cli("fill " + q(tmpl()) + " " + q(dir / "none.json") + " -o " + q(dir / "o.xlsx"));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("none.json"), std::string::npos) << r.err;
  write(dir / "bad.json", "{\"year\": 2024,,}");
  r = test::run_cli("fill " + q(tmpl()) + " " + q(dir / "bad.json") + " -o " + q(dir / "o.xlsx"));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("bad.json [偏移 14]"), std::string::npos) << r.err;  // the byte where the syntax breaks
  r = test::run_cli("fill " + q(dir / "none.xlsx") + " " + q(data()) + " -o " + q(dir / "o.xlsx"));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("none.xlsx"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "o.xlsx"));
}

TEST(FillCli, UnknownPathExitsWith1NamingTagSheetAndCellAndWritesNothing) {
  fs::path dir = test::scratch_dir();
  write(dir / "d.json", R"({"year": 2024, "dept": "x", "funds": {"budget": 1, "rate": 0.5}, "items": []})");
  auto r = test::run_cli("fill " + q(tmpl()) + " " + q(dir / "d.json") + " -o " + q(dir / "o.xlsx"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("'项目'!B9"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("{{author}}"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "o.xlsx"));
  auto lenient = test::run_cli("fill --lenient " + q(tmpl()) + " " + q(dir / "d.json") + " -o " + q(dir / "o.xlsx"));
  EXPECT_EQ(lenient.exit_code, 0) << lenient.err;
  EXPECT_NE(lenient.err.find("警告"), std::string::npos) << lenient.err;
  EXPECT_TRUE(fs::exists(dir / "o.xlsx"));
}

}  // namespace
}  // namespace jixiao
