// What the reader keeps besides display text: sheet order and visibility, merges, defined names,
// the date system, formulas (shared ones expanded), warnings. Facts from tests/fixtures/README.md
// (how each file was built) — never from jixiao's own output.
#include "readers/xlsx_reader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "readers/grid_export.h"
#include "readers/zip_package.h"
#include "test_paths.h"

namespace jixiao {
namespace {

Workbook read(const std::string& name, Diagnostics* diags_out = nullptr) {
  Diagnostics diags;
  auto wb = read_xlsx_file(test::fixture("xlsx/" + name).string(), diags);
  EXPECT_TRUE(wb) << (wb ? "" : wb.error().to_text());
  if (diags_out) *diags_out = diags;
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

std::string formula_of(const Sheet& s, const char* ref) {
  const Cell* c = s.find(*parse_cell(ref));
  return c && c->has_formula() ? s.formulas[c->formula] : "<none>";
}

TEST(XlsxReader, SheetOrderAndVisibilityComeFromWorkbookXml) {
  Workbook wb = read("handmade-sheet-order.xlsx");
  ASSERT_EQ(wb.sheets.size(), 4u);
  EXPECT_EQ(wb.sheets[0].name, "First");
  EXPECT_EQ(wb.sheets[0].part, "xl/worksheets/sheet3.xml");
  EXPECT_EQ(wb.sheets[1].name, "Second");
  EXPECT_EQ(wb.sheets[2].state, SheetState::Hidden);
  EXPECT_EQ(wb.sheets[3].state, SheetState::VeryHidden);
  EXPECT_EQ(shown(wb, wb.sheets[0], "A1"), "I am First (sheet3.xml)");
}

TEST(XlsxReader, SharedFormulasAreExpandedPerCell) {
  Workbook wb = read("handmade-shared-formulas.xlsx");
  const Sheet& s = wb.sheets[0];
  EXPECT_EQ(formula_of(s, "C1"), "A1+B1");
  EXPECT_EQ(formula_of(s, "C2"), "A2+B2");
  EXPECT_EQ(formula_of(s, "C5"), "A5+B5");
  EXPECT_EQ(formula_of(s, "D3"), "$A$1*A3");
  EXPECT_EQ(formula_of(s, "F1"), "B1*2");
  EXPECT_EQ(formula_of(s, "G1"), "C1*2");
  EXPECT_EQ(shown(wb, s, "C4"), "44");
  // A cached value is kept as stored, even when the formula would give another one.
  EXPECT_EQ(formula_of(s, "J1"), "1+1");
  EXPECT_EQ(shown(wb, s, "J1"), "3");
}

TEST(XlsxReader, MergesNamesAndThe1904DateSystem) {
  Workbook wb = read("openpyxl-merges-names-1904.xlsx");
  EXPECT_TRUE(wb.date1904);
  const Sheet& report = wb.sheets[0];
  std::vector<std::string> merges;
  for (const auto& m : report.merges) merges.push_back(range_name(m));
  std::sort(merges.begin(), merges.end());
  EXPECT_EQ(merges, (std::vector<std::string>{"A1:F1", "A2:A4", "D2:E3"}));
  EXPECT_EQ(shown(wb, report, "A6"), "2024-03-05");
  EXPECT_EQ(shown(wb, report, "A7"), "1904-01-01");
  bool tax = false, local = false, print = false;
  for (const auto& n : wb.names) {
    if (n.name == "TaxRate") tax = n.value == "Params!$B$1" && !n.local_sheet;
    if (n.name == "LocalTotal") local = n.local_sheet == 0u;
    if (n.name == "_xlnm.Print_Area") print = n.local_sheet == 0u;
  }
  EXPECT_TRUE(tax && local && print);
  // =SUM(LocalTotal)*(1+TaxRate) saved without a value: (50 + 30 + 10) x 1.06.
  EXPECT_EQ(shown(wb, report, "C5"), "95.4");
}

TEST(XlsxReader, FormulasWithoutCachedValuesAreComputedOrReported) {
  Diagnostics diags;
  Workbook wb = read("openpyxl-formulas.xlsx", &diags);
  const Sheet& calc = wb.sheets[0];
  EXPECT_EQ(shown(wb, calc, "B1"), "50");
  EXPECT_EQ(shown(wb, calc, "B7"), "101");  // 数据!A1+1
  EXPECT_EQ(shown(wb, calc, "B20"), "18");  // SUM('My Sheet'!A1:A3)
  EXPECT_TRUE(calc.find(*parse_cell("B1"))->flags & Cell::kEvaluated);
  // VLOOKUP is outside the language: empty, and exactly one warning naming the cell.
  EXPECT_EQ(shown(wb, calc, "B19"), "");
  int warnings = 0;
  for (const auto& d : diags.items())
    if (d.code == "xlsx.formula_unsupported") {
      ++warnings;
      EXPECT_EQ(d.cell, "B19");
      EXPECT_EQ(d.sheet, "Calc");
      EXPECT_NE(d.message.find("VLOOKUP"), std::string::npos);
    }
  EXPECT_EQ(warnings, 1);
}

TEST(XlsxReader, CellsAndRowsWithoutReferencesFollowTheirPredecessor) {
  Workbook wb = read("handmade-no-refs.xlsx");
  const Sheet& s = wb.sheets[0];
  std::vector<std::string> refs;
  for (const Cell& c : s.cells) refs.push_back(cell_name(c.pos()));
  EXPECT_EQ(refs, (std::vector<std::string>{"A1", "B1", "C2", "D2", "A5", "A6", "D6", "E6"}));
}

TEST(XlsxReader, AWrongDimensionDoesNotHideCells) {
  Workbook wb = read("handmade-dimension.xlsx");
  ASSERT_TRUE(wb.sheets[0].dimension);
  EXPECT_EQ(range_name(*wb.sheets[0].dimension), "A1:B2");
  EXPECT_EQ(range_name(*wb.sheets[0].value_extent()), "A1:E8");
  EXPECT_EQ(shown(wb, wb.sheets[0], "E8"), "far corner");
  EXPECT_FALSE(wb.sheets[1].dimension);
}

TEST(XlsxReader, StrictPrefixedAndOddTargetsAllRead) {
  Workbook strict = read("handmade-strict.xlsx");
  EXPECT_EQ(shown(strict, strict.sheets[0], "B2"), "12.50%");
  Workbook prefixed = read("handmade-prefixed.xlsx");
  EXPECT_EQ(shown(prefixed, prefixed.sheets[0], "B1"), "1,234.50");
  ASSERT_EQ(prefixed.names.size(), 1u);
  EXPECT_EQ(prefixed.names[0].value, "Prefixed!$B$1");
  Workbook targets = read("handmade-rel-targets.xlsx");
  ASSERT_EQ(targets.sheets.size(), 3u);
  EXPECT_EQ(shown(targets, targets.sheets[1], "A1"), "backslash");
  EXPECT_EQ(shown(targets, targets.sheets[2], "B1"), "3");
  Workbook cased = read("handmade-part-case.xlsx");
  EXPECT_EQ(shown(cased, cased.sheets[0], "A1"), "case-insensitive part names");
}

TEST(XlsxReader, MissingStylesOrSharedStringsParts) {
  Workbook no_styles = read("handmade-no-styles.xlsx");
  EXPECT_EQ(shown(no_styles, no_styles.sheets[0], "A2"), "45356");  // General, not a date
  Workbook no_sst = read("handmade-no-sst.xlsx");
  EXPECT_EQ(shown(no_sst, no_sst.sheets[0], "A2"), "数字");
}

TEST(XlsxReader, RichPhoneticAndInlineStrings) {
  Workbook rich = read("libreoffice-rich-text.xlsx");
  EXPECT_EQ(shown(rich, rich.sheets[0], "A1"), "Plain bold and red italic");
  EXPECT_EQ(shown(rich, rich.sheets[0], "A3"), "项目名称（万元）");
  Workbook ph = read("handmade-phonetic.xlsx");
  EXPECT_EQ(shown(ph, ph.sheets[0], "A1"), "東京");
  EXPECT_EQ(shown(ph, ph.sheets[0], "A4"), "漢字 かな");
  Workbook inl = read("handmade-inline-strings.xlsx");
  EXPECT_EQ(shown(inl, inl.sheets[0], "A3"), "  padded  ");
  EXPECT_EQ(shown(inl, inl.sheets[0], "A5"), "line one\nline two");
}

TEST(XlsxReader, IsoDateCellsAreDates) {
  Workbook wb = read("openpyxl-iso-dates.xlsx");
  const Cell* a1 = wb.sheets[0].find({0, 0});
  ASSERT_NE(a1, nullptr);
  EXPECT_EQ(a1->type, CellType::Date);
  EXPECT_EQ(a1->number, 45356);  // 2024-03-05
  CellDisplay d(wb);
  std::string raw;
  d.raw(*a1, raw);
  EXPECT_EQ(raw, "2024-03-05");
}

TEST(XlsxReader, WpsExtrasAreIgnoredAndTheSheetReads) {
  Workbook wb = read("handmade-wps-extras.xlsx");
  ASSERT_EQ(wb.sheets.size(), 1u);
  EXPECT_EQ(wb.sheets[0].name, "人员");
  EXPECT_EQ(shown(wb, wb.sheets[0], "C2"), "张三");
  EXPECT_EQ(formula_of(wb.sheets[0], "B2"), "_xlfn.DISPIMG(\"ID_6A3F0C2B9D1E4F5A8B7C6D5E4F3A2B1C\",1)");
}

TEST(XlsxReader, LibreOfficeColumnRangeBeyondTheSheetIsHarmless) {
  // libreoffice-rich-text.xlsx declares <col max="1025">, one past LibreOffice's own last column.
  Workbook wb = read("libreoffice-rich-text.xlsx");
  EXPECT_EQ(shown(wb, wb.sheets[0], "B1"), "3.5");
}

TEST(XlsxReader, ZipBombStopsAtTheLimitEvenWhenTheSizeLies) {
  for (const char* name : {"bad/zip-bomb.xlsx", "bad/bomb-lying-size.xlsx"}) {
    Diagnostics diags;
    XlsxOptions opt;
    opt.limits.max_part_bytes = 1u << 20;
    auto wb = read_xlsx_file(test::fixture(name).string(), diags, opt);
    ASSERT_FALSE(wb) << name;
    EXPECT_TRUE(wb.error().code == "xlsx.part_too_large" || wb.error().code == "xlsx.damaged_part") << wb.error().code;
    EXPECT_EQ(wb.error().part, "xl/worksheets/sheet1.xml");
  }
  // With the default limit the honest bomb (20 MB of zeros) is an ordinary big sheet.
  Diagnostics diags;
  EXPECT_TRUE(read_xlsx_file(test::fixture("bad/zip-bomb.xlsx").string(), diags));
}

TEST(XlsxReader, MalformedXmlNamesPartAndOffset) {
  Diagnostics diags;
  auto wb = read_xlsx_file(test::fixture("bad/malformed-sheet-mismatch.xlsx").string(), diags);
  ASSERT_FALSE(wb);
  EXPECT_EQ(wb.error().code, "xlsx.malformed_xml");
  EXPECT_EQ(wb.error().part, "xl/worksheets/sheet1.xml");
  EXPECT_GT(wb.error().offset, 0);
}

}  // namespace
}  // namespace jixiao

namespace jixiao {
namespace {

// A workbook whose only sheet points at a part that is not there, while xl/worksheets/data.xml
// holds cells (python's zipfile writes it): reading it as one empty sheet would lose the data with
// exit 0, so it is an error naming the part.
TEST(XlsxReader, AllSheetsEmptyWhileAPartHoldsCellsIsAnError) {
  const auto dir = test::scratch_dir();
  const auto file = dir / "unlinked.xlsx";
  const std::string script = R"PY(
import sys, zipfile
main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("_rels/.rels", f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr("xl/worksheets/data.xml", f'<worksheet xmlns="{main}"><sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData></worksheet>')
)PY";
  const auto py = dir / "make.py";
  {
    std::ofstream(py) << script;
  }
  ASSERT_EQ(std::system(("/usr/bin/python3 " + py.string() + " " + file.string()).c_str()), 0);
  Diagnostics diags;
  auto wb = read_xlsx_file(file.string(), diags);
  ASSERT_FALSE(wb);
  EXPECT_EQ(wb.error().code, "xlsx.sheets_unlinked");
  EXPECT_EQ(wb.error().part, "xl/worksheets/data.xml");
}

}  // namespace
}  // namespace jixiao
