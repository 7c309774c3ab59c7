// Every sheet of every fixture, dumped as CSV, equals LibreOffice's formatted CSV export of it
// (tests/golden/csv, made by tests/fixtures/make_golden.sh). Where jixiao deliberately shows
// something else, the cell is listed below with the reason and the value it must show instead.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <sstream>

#include "readers/grid_export.h"
#include "readers/number_format.h"
#include "readers/xlsx_reader.h"
#include "test_paths.h"

namespace jixiao {
namespace {

using Grid = std::vector<std::vector<std::string>>;

// RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks.
Grid parse_csv(const std::string& s) {
  Grid g;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      g.push_back(std::move(row));
      row.clear();
      any = false;
    } else {
      field += c;
      any = true;
    }
  }
  if (any) {
    row.push_back(field);
    g.push_back(row);
  }
  return g;
}

struct Deviation {
  std::string shown;   // what jixiao shows
  std::string reason;
};

// (fixture stem, sheet, cell) -> what jixiao shows instead of LibreOffice, and why.
const std::map<std::tuple<std::string, std::string, std::string>, Deviation>& deviations() {
  static const std::map<std::tuple<std::string, std::string, std::string>, Deviation> d = {
      // LibreOffice matches part names case-sensitively and rejects '\' in targets, so it shows
      // these sheets empty; OPC says part names are case-insensitive, and Excel reads both.
      {{"handmade-part-case", "Case", "A1"}, {"case-insensitive part names", "LibreOffice cannot find the part"}},
      {{"handmade-part-case", "Case", "B1"}, {"7", "LibreOffice cannot find the part"}},
      {{"handmade-rel-targets", "Backslash", "A1"}, {"backslash", "LibreOffice rejects '\\' in a target"}},
      {{"handmade-rel-targets", "Backslash", "B1"}, {"2", "LibreOffice rejects '\\' in a target"}},
      // Excel (and ECMA-376 ST_Xstring) decode every _xHHHH_; LibreOffice only control characters.
      {{"handmade-xml-escapes", "Escapes", "A4"}, {"ABC", "Excel decodes every _xHHHH_"}},
      {{"handmade-xml-escapes", "Escapes", "A5"}, {"lowJcase", "Excel decodes every _xHHHH_"}},
      {{"handmade-xml-escapes", "Escapes", "A6"}, {"café", "Excel decodes every _xHHHH_"}},
      {{"handmade-xml-escapes", "Escapes", "A11"}, {"richAB", "Excel decodes every _xHHHH_"}},
      {{"handmade-xml-escapes", "Escapes", "A13"}, {"inlineA", "Excel decodes every _xHHHH_"}},
      // WPS stores the cell image call with its own text as the cached value; LibreOffice
      // recomputes the unknown function to #NAME?, jixiao keeps the stored value as Excel does.
      {{"handmade-wps-extras", "人员", "B2"},
       {"=DISPIMG(\"ID_6A3F0C2B9D1E4F5A8B7C6D5E4F3A2B1C\",1)", "cached value kept, never recomputed"}},
      // LibreOffice prints #FMT for [h] beyond its own range; the date is within Excel's range
      // (year 5280), where [h]:mm:ss shows the hours.
      {{"openpyxl-number-formats", "Formats", "B19"}, {"29629629:23:02", "LibreOffice's [h] range limit"}},
      // VLOOKUP is outside the formula language jixiao computes: shown empty, with a warning.
      {{"openpyxl-formulas", "Calc", "B19"}, {"", "unsupported function, saved without a value"}},
  };
  return d;
}

struct SheetCase {
  std::filesystem::path file;
  std::filesystem::path golden_dir;
  std::string stem;
  size_t sheet;
  std::string sheet_name;
};

// The reader fixtures, and the realistic sample workbooks of both producers.
std::vector<SheetCase> all_sheets() {
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> dirs = {
      {test::fixture("xlsx"), test::golden("csv")},
      {test::source_dir() / "samples" / "openpyxl", test::golden("samples/openpyxl")},
      {test::source_dir() / "samples" / "libreoffice", test::golden("samples/libreoffice")},
  };
  std::vector<SheetCase> out;
  for (const auto& [dir, golden_dir] : dirs) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.path().extension() == ".xlsx") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      Diagnostics diags;
      auto wb = read_xlsx_file(f.string(), diags);
      if (!wb) {
        out.push_back({f, golden_dir, f.stem().string(), 0, "<unreadable: " + wb.error().to_text() + ">"});
        continue;
      }
      for (size_t i = 0; i < wb->sheets.size(); ++i)
        out.push_back({f, golden_dir, f.stem().string(), i, wb->sheets[i].name});
    }
  }
  return out;
}

void PrintTo(const SheetCase& c, std::ostream* os) { *os << c.stem << " '" << c.sheet_name << "'"; }

class GoldenCsv : public testing::TestWithParam<SheetCase> {};

TEST_P(GoldenCsv, DumpEqualsLibreOfficeDisplay) {
  const SheetCase& c = GetParam();
  Diagnostics diags;
  auto wb = read_xlsx_file(c.file.string(), diags);
  ASSERT_TRUE(wb) << wb.error().to_text();
  auto golden_path = c.golden_dir / (c.stem + "-" + c.sheet_name + ".csv");
  ASSERT_TRUE(std::filesystem::exists(golden_path)) << golden_path;
  const std::string golden = test::read_file(golden_path);
  std::ostringstream ours;
  write_delimited(*wb, wb->sheets[c.sheet], TextFormat::Csv, false, ours);

  Grid want = parse_csv(golden), got = parse_csv(ours.str());
  bool deviates = false;
  for (const auto& [key, dev] : deviations()) {
    if (std::get<0>(key) != c.stem || std::get<1>(key) != c.sheet_name) continue;
    deviates = true;
    auto pos = parse_cell(std::get<2>(key));
    ASSERT_TRUE(pos);
    // LibreOffice's grid may be smaller (an empty sheet): grow it to hold the deviating cell.
    if (want.size() <= pos->row) want.resize(pos->row + 1);
    size_t width = want.empty() ? 0 : want[0].size();
    for (auto& row : want) {
      width = std::max(width, static_cast<size_t>(pos->col + 1));
      row.resize(std::max(row.size(), width));
    }
    want[pos->row][pos->col] = dev.shown;
  }
  // Before 1900-03-01 Excel's calendar has 1900-01-00 and the fictitious 1900-02-29; LibreOffice
  // counts from 1899-12-30. jixiao shows what Excel and WPS show (number_format_test checks it),
  // so such cells are not compared with LibreOffice.
  const Sheet& sheet = wb->sheets[c.sheet];
  for (const Cell& cell : sheet.cells) {
    if ((cell.type != CellType::Number && cell.type != CellType::Date) || wb->date1904 || cell.number >= 61) continue;
    if (!NumberFormat::parse(wb->format_code(cell)).is_date()) continue;
    deviates = true;
    if (cell.row < want.size() && cell.col < want[cell.row].size()) want[cell.row][cell.col] = "<excel calendar>";
    if (cell.row < got.size() && cell.col < got[cell.row].size()) got[cell.row][cell.col] = "<excel calendar>";
  }
  if (deviates) {
    // Re-pad: trailing empty rows/columns that only LibreOffice's view had are not compared.
    auto trim = [](Grid& g) {
      while (!g.empty() && std::all_of(g.back().begin(), g.back().end(), [](auto& f) { return f.empty(); })) g.pop_back();
      size_t w = 0;
      for (auto& r : g)
        for (size_t i = 0; i < r.size(); ++i)
          if (!r[i].empty()) w = std::max(w, i + 1);
      for (auto& r : g) r.resize(w);
    };
    trim(want);
    trim(got);
  } else {
    EXPECT_EQ(ours.str(), golden) << "byte-for-byte difference from LibreOffice";
  }
  ASSERT_EQ(got.size(), want.size()) << "row count";
  for (size_t r = 0; r < want.size(); ++r) {
    ASSERT_EQ(got[r].size(), want[r].size()) << "field count in row " << r + 1;
    for (size_t col = 0; col < want[r].size(); ++col)
      EXPECT_EQ(got[r][col], want[r][col]) << cell_name({static_cast<uint32_t>(r), static_cast<uint32_t>(col)});
  }
}

// "openpyxl_001_2022_t01_sheet1" for sheet 1 of samples/openpyxl/001_2022_公开01表_收入支出决算总表.xlsx.
std::string case_name(const testing::TestParamInfo<SheetCase>& info) {
  const SheetCase& c = info.param;
  std::string producer = c.golden_dir.filename() == "csv" ? "" : c.golden_dir.filename().string() + "_";
  return test::case_name(producer + c.stem + "_sheet" + std::to_string(c.sheet + 1));
}

INSTANTIATE_TEST_SUITE_P(Fixtures, GoldenCsv, testing::ValuesIn(all_sheets()), case_name);

}  // namespace
}  // namespace jixiao
