// The XML jixiao writes, element by element, compared as exact text (libxlsxwriter's habit in its
// test/functional): the writer's escaping and empty elements, then each part or element a writer
// makes from scratch — a sheet's cells of every kind as the fill streams them, the chart's embedded
// workbook, the minimal stylesheet. The expected texts are written here from ECMA-376 (Part 1,
// §18.3.1.4 c, §18.4.8 si, §18.8.39 styleSheet) and the way Excel spells them, not taken from a run.
#include "writers/xml_writer.h"

#include <gtest/gtest.h>

#include "readers/zip_package.h"
#include "test_paths.h"
#include "writers/docx_chart.h"
#include "writers/package_writer.h"
#include "writers/spreadsheet_parts.h"
#include "writers/xlsx_template.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

TEST(XmlWriter, EscapesTextAndAttributesEachTheirWay) {
  std::string out;
  xml::Writer w(out);
  w.start("t").attr("a", "x\"<&>\t\n\r").text("收入<支出 & \"结余\"\t\n\r\x01").end();
  EXPECT_EQ(out, "<t a=\"x&quot;&lt;&amp;&gt;&#9;&#10;&#13;\">收入&lt;支出 &amp; \"结余\"\t\n&#13;_x0001_</t>");
}

TEST(XmlWriter, EmptyElementsCloseThemselvesAndPrefixesApply) {
  std::string out;
  xml::Writer w(out, "x:");
  const xml::Name row("row", "x:"), r("r");
  w.declaration();
  w.start("sheetData").start(row).attr(r, "A", "1").end().start(row).attr("spans", 2).text("").end().end();
  EXPECT_EQ(out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<x:sheetData><x:row r=\"A1\"/><x:row spans=\"2\"></x:row></x:sheetData>");
  EXPECT_EQ(w.depth(), 0u);
}

// The one cell of openpyxl-one-cell.xlsx holding `tag`, filled with `data`: the <c> element as
// written into the sheet.
std::string filled_cell(const std::string& tag, const Json& data) {
  fs::path dir = test::scratch_dir();
  std::string src = test::fixture("templates/openpyxl-one-cell.xlsx").string();
  std::string sheet = ZipPackage::open_file(src)->read("xl/worksheets/sheet1.xml").value();
  sheet.replace(sheet.find("{{slot}}"), 8, tag);
  auto w = PackageWriter::from_file(src);
  w->put("xl/worksheets/sheet1.xml", sheet);
  EXPECT_TRUE(w->write((dir / "t.xlsx").string()).ok());
  Diagnostics warnings;
  auto ok = fill_xlsx_template((dir / "t.xlsx").string(), data, (dir / "out.xlsx").string(), warnings);
  EXPECT_TRUE(ok.ok()) << (ok.ok() ? "" : ok.error().to_text());
  std::string xml = ZipPackage::open_file((dir / "out.xlsx").string())->read("xl/worksheets/sheet1.xml").value();
  size_t a = xml.find("<c "), b = xml.find("</row>");
  return a == std::string::npos || b == std::string::npos ? xml : xml.substr(a, b - a);
}

TEST(XmlWriter, FilledCellsOfEveryKind) {
  EXPECT_EQ(filled_cell("{{x}}", {{"x", 19.98}}), "<c r=\"A1\"><v>19.98</v></c>");
  EXPECT_EQ(filled_cell("{{x}}", {{"x", true}}), "<c r=\"A1\" t=\"b\"><v>1</v></c>");
  EXPECT_EQ(filled_cell("{{x}}", {{"x", nullptr}}), "<c r=\"A1\"/>");
  EXPECT_EQ(filled_cell("{{x}}", {{"x", "收入<支出"}}), "<c r=\"A1\" t=\"inlineStr\"><is><t>收入&lt;支出</t></is></c>");
  EXPECT_EQ(filled_cell("{{x}}", {{"x", " 前后空格 "}}),
            "<c r=\"A1\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> 前后空格 </t></is></c>");
  EXPECT_EQ(filled_cell("合计{{x | fixed:2}}", {{"x", 3555.8249}}), "<c r=\"A1\" t=\"inlineStr\"><is><t>合计3555.82</t></is></c>");
}

TEST(XmlWriter, ChartWorkbookPartsExactly) {
  ChartData d;
  d.categories = {"收入", "支出&结余"};
  d.series = {{"2022年", {"3429.91", std::nullopt}}, {"2021年", {"3857.99", "1.5"}}};
  d.format = "0.00";
  ChartWorkbookParts p = chart_workbook_parts(d);
  const std::string decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  const std::string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  EXPECT_EQ(p.sheet, decl + "<worksheet xmlns=\"" + main + "\"><dimension ref=\"A1:C3\"/><sheetData>"
                     "<row r=\"1\"><c r=\"B1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>1</v></c></row>"
                     "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" s=\"1\"><v>3429.91</v></c>"
                     "<c r=\"C2\" s=\"1\"><v>3857.99</v></c></row>"
                     "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>3</v></c><c r=\"C3\" s=\"1\"><v>1.5</v></c></row>"
                     "</sheetData></worksheet>");
  EXPECT_EQ(p.shared_strings, decl + "<sst xmlns=\"" + main + "\" count=\"4\" uniqueCount=\"4\">"
                              "<si><t xml:space=\"preserve\">2022年</t></si><si><t xml:space=\"preserve\">2021年</t></si>"
                              "<si><t xml:space=\"preserve\">收入</t></si><si><t xml:space=\"preserve\">支出&amp;结余</t></si>"
                              "</sst>");
  EXPECT_NE(p.styles.find("<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.00\"/></numFmts>"), std::string::npos);
  EXPECT_NE(p.styles.find("<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"),
            std::string::npos);
}

TEST(XmlWriter, MinimalStylesheetExactly) {
  EXPECT_EQ(minimal_stylesheet(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
            "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            "<cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs>"
            "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            "</styleSheet>");
  // a General value style: a second xf in format 0, no numFmts
  std::string general = minimal_stylesheet("General");
  EXPECT_EQ(general.find("<numFmts"), std::string::npos);
  EXPECT_NE(general.find("<cellXfs count=\"2\">"), std::string::npos);
}

}  // namespace
}  // namespace jixiao
