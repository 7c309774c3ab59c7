// Reference shifting for the template fill (writers/xlsx_shift.h). The expectations follow Excel's
// own rules: copy-paste moves relative references, inserting rows moves everything below.
#include "writers/xlsx_shift.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "writers/xlsx_template_internal.h"

namespace jixiao {
namespace {

// Sheet "S" (index 0): template rows 12-13 (zero-based 11-12) repeat `copies` times; sheet "其他表" (1)
// has no blocks.
WorkbookRowMaps maps(uint32_t copies) {
  WorkbookRowMaps m;
  m.sheet_names = {"S", "其他表"};
  m.maps = {RowMap({RowBlock{11, 12, copies, 0}}), RowMap()};
  return m;
}

TEST(XlsxShift, RowsBelowMoveByWhatTheBlockGained) {
  auto m = maps(3);  // 2 rows become 6: +4
  EXPECT_EQ(shift_formula_rows("A1+B11+C14", m, {0, -1, 0}), "A1+B11+C18");
  EXPECT_EQ(shift_formula_rows("$C$14*2", m, {0, -1, 0}), "$C$18*2");  // absolute too: an insertion
  EXPECT_EQ(shift_formula_rows("SUM(14:20)", m, {0, -1, 0}), "SUM(18:24)");
  EXPECT_EQ(shift_formula_rows("SUM(A:A)", m, {0, -1, 0}), "SUM(A:A)");
}

TEST(XlsxShift, CopyIPointsIntoCopyIUnlessAbsolute) {
  auto m = maps(3);
  // a formula in the second row of copy 2 (output rows 16-17): relative refs into the block follow
  EXPECT_EQ(shift_formula_rows("A13*B12", m, {0, 0, 2}), "A17*B16");
  EXPECT_EQ(shift_formula_rows("$A$13*A$12", m, {0, 0, 2}), "$A$13*A$12");
  // a running total anchored at the first copy
  EXPECT_EQ(shift_formula_rows("SUM($E$12:E12)", m, {0, 0, 2}), "SUM($E$12:E16)");
}

TEST(XlsxShift, RangesEndingInTheBlockStretchOverEveryCopy) {
  auto m = maps(3);
  EXPECT_EQ(shift_formula_rows("SUM(E12:E13)", m, {0, -1, 0}), "SUM(E12:E17)");
  EXPECT_EQ(shift_formula_rows("SUM(E11:E14)", m, {0, -1, 0}), "SUM(E11:E18)");
  EXPECT_EQ(shift_formula_rows("SUM(S!E12:E12)", m, {1, -1, 0}), "SUM(S!E12:E16)");
  EXPECT_EQ(shift_formula_rows("'S'!E12", m, {1, -1, 0}), "'S'!E12");  // one cell: the first copy
  EXPECT_EQ(shift_formula_rows("其他表!E12", m, {0, -1, 0}), "其他表!E12");  // that sheet has no block
}

TEST(XlsxShift, AnEmptiedBlockLeavesZeroNeverRef) {
  auto m = maps(0);  // the two rows are removed: -2
  EXPECT_EQ(shift_formula_rows("SUM(E12:E13)", m, {0, -1, 0}), "SUM(0)");
  EXPECT_EQ(shift_formula_rows("E12+E14", m, {0, -1, 0}), "0+E12");
  EXPECT_EQ(shift_formula_rows("SUM(E11:E14)", m, {0, -1, 0}), "SUM(E11:E12)");
  EXPECT_EQ(shift_sqref("E12:E13 B14", m, 0), "B12");
}

TEST(XlsxShift, RowsPastTheSheetEndBecomeRef) {
  WorkbookRowMaps m;
  m.sheet_names = {"S"};
  m.maps = {RowMap({RowBlock{0, 0, 3, 0}})};
  EXPECT_EQ(shift_formula_rows("A1048575", m, {0, -1, 0}), "#REF!");
}

}  // namespace
}  // namespace jixiao

namespace jixiao {
namespace {

// The sheet elements no fixture program writes: manual page breaks and x14 extensions (Excel and WPS
// write a list validation over another sheet this way).
TEST(XlsxShift, PageBreaksAndX14ExtensionsMove) {
  auto m = maps(3);  // template rows 12-13 repeat 3 times: +4 below
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(
      R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">)"
      R"(<sheetData/><rowBreaks count="2" manualBreakCount="2"><brk id="5" max="16383" man="1"/><brk id="14" max="16383" man="1"/></rowBreaks>)"
      R"(<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="2">)"
      R"(<x14:dataValidation type="list"><x14:formula1><xm:f>其他表!$A$1:$A$5</xm:f></x14:formula1><xm:sqref>C12</xm:sqref></x14:dataValidation>)"
      R"(<x14:dataValidation type="list"><x14:formula1><xm:f>S!$A$14:$A$15</xm:f></x14:formula1><xm:sqref>D14:D15</xm:sqref></x14:dataValidation>)"
      R"(</x14:dataValidations></ext></extLst></worksheet>)"));
  xlsx_fill::shift_sheet_elements(doc, m, 0);
  std::vector<std::string> breaks, sqrefs, formulas;
  for (auto n : doc.select_nodes("//*[local-name()='brk']")) breaks.push_back(n.node().attribute("id").value());
  for (auto n : doc.select_nodes("//*[local-name()='sqref']")) sqrefs.push_back(n.node().text().get());
  for (auto n : doc.select_nodes("//*[local-name()='f']")) formulas.push_back(n.node().text().get());
  EXPECT_EQ(breaks, (std::vector<std::string>{"5", "18"}));
  EXPECT_EQ(sqrefs, (std::vector<std::string>{"C12:C16", "D18:D19"}));
  EXPECT_EQ(formulas, (std::vector<std::string>{"其他表!$A$1:$A$5", "S!$A$18:$A$19"}));
}

}  // namespace
}  // namespace jixiao
