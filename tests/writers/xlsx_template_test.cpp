// The XLSX template fill. Facts come from the data fed in (tests/fixtures/templates/*.json) and from
// how the templates were built (tests/fixtures/templates/make_templates.py), never from our output.
#include "writers/xlsx_template.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

#include <pugixml.hpp>

#include "readers/xlsx_reader.h"
#include "readers/zip_package.h"
#include "test_paths.h"
#include "writers/package_writer.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

Json load_json(const std::string& name) {
  return Json::parse(test::read_file(test::fixture("templates/" + name)));
}

struct Filled {
  fs::path path;
  Expected<bool> result{false};
  Diagnostics warnings;
};

Filled fill(const std::string& tmpl, const Json& data, bool lenient = false) {
  Filled f;
  f.path = test::scratch_dir() / "out.xlsx";
  XlsxFillOptions opt;
  opt.lenient = lenient;
  f.result = fill_xlsx_template(test::fixture("templates/" + tmpl).string(), data, f.path.string(), f.warnings, opt);
  return f;
}

std::string part(const fs::path& file, const std::string& name) {
  auto pkg = ZipPackage::open_file(file.string());
  EXPECT_TRUE(pkg.ok());
  auto s = pkg->read(name);
  EXPECT_TRUE(s.ok()) << name;
  return s.ok() ? *s : std::string();
}

std::set<std::string> attrs_of(const std::string& xml, const char* element, const char* attr) {
  pugi::xml_document doc;
  doc.load_string(xml.c_str());
  std::set<std::string> out;
  for (auto n : doc.select_nodes((std::string("//*[local-name()='") + element + "']").c_str()))
    out.insert(n.node().attribute(attr).value());
  return out;
}

Workbook read_back(const fs::path& p) {
  Diagnostics d;
  auto wb = read_xlsx_file(p.string(), d);
  EXPECT_TRUE(wb.ok()) << (wb.ok() ? "" : wb.error().to_text());
  return wb.ok() ? std::move(wb).value() : Workbook{};
}

const Cell* at(const Workbook& wb, const char* sheet, const char* ref) {
  const Sheet* s = wb.sheet(sheet);
  if (!s) return nullptr;
  return s->find(*parse_cell(ref));
}
double num(const Workbook& wb, const char* sheet, const char* ref) {
  const Cell* c = at(wb, sheet, ref);
  EXPECT_TRUE(c && c->type == CellType::Number) << sheet << "!" << ref;
  return c ? c->number : NAN;
}
std::string text(const Workbook& wb, const char* sheet, const char* ref) {
  const Cell* c = at(wb, sheet, ref);
  return c ? std::string(wb.text(*c)) : std::string("<none>");
}
std::string formula_of(const Workbook& wb, const char* sheet, const char* ref) {
  const Cell* c = at(wb, sheet, ref);
  if (!c || !c->has_formula()) return "<none>";
  return wb.sheet(sheet)->formulas[c->formula];
}
bool had_cached_value(const Workbook& wb, const char* sheet, const char* ref) {
  const Cell* c = at(wb, sheet, ref);
  return c && !(c->flags & Cell::kNoCachedValue);
}

// The list template filled with three items: row 6 becomes rows 6-8, everything below moves by 2.
class ListFill : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = new Json(load_json("list-data.json"));
    filled_ = new Filled(fill("openpyxl-list.xlsx", *data_));
    ASSERT_TRUE(filled_->result.ok()) << filled_->result.error().to_text();
    wb_ = new Workbook(read_back(filled_->path));
  }
  static double amount_sum() {
    double s = 0;
    for (const auto& it : (*data_)["items"]) s += it["qty"].get<double>() * it["price"].get<double>();
    return s;
  }
  static inline Json* data_ = nullptr;
  static inline Filled* filled_ = nullptr;
  static inline Workbook* wb_ = nullptr;
  const fs::path& out() const { return filled_->path; }
  const Workbook& wb() const { return *wb_; }
};

TEST_F(ListFill, CellsBelowTheListMoveDown) {
  EXPECT_EQ(text(wb(), "项目", "A9"), "合计");
  EXPECT_EQ(text(wb(), "项目", "A11"), "制表人");
  EXPECT_EQ(text(wb(), "项目", "B11"), (*data_)["author"].get<std::string>());
  EXPECT_EQ(text(wb(), "项目", "A12"), "链接");
  // above the list nothing moved
  EXPECT_EQ(text(wb(), "项目", "A5"), "序号");
  EXPECT_EQ(text(wb(), "项目", "A1"), std::to_string((*data_)["year"].get<int>()) + "年度项目支出绩效自评表");
  // one row per item, in order, with 序号
  for (int i = 0; i < 3; ++i) {
    std::string r = std::to_string(6 + i);
    EXPECT_EQ(num(wb(), "项目", ("A" + r).c_str()), i + 1);
    EXPECT_EQ(text(wb(), "项目", ("B" + r).c_str()), (*data_)["items"][i]["name"].get<std::string>());
    EXPECT_EQ(text(wb(), "项目", ("F" + r).c_str()), (*data_)["items"][i]["note"].get<std::string>());
    EXPECT_EQ(formula_of(wb(), "项目", ("E" + r).c_str()), "C" + r + "*D" + r);
  }
}

TEST_F(ListFill, MergesRepeatWithTheRowAndShiftBelow) {
  std::set<std::string> merges;
  for (const CellRange& r : wb().sheet("项目")->merges) merges.insert(range_name(r));
  EXPECT_EQ(merges, (std::set<std::string>{"A1:G1", "F5:G5", "F6:G6", "F7:G7", "F8:G8", "A10:G10"}));
}

TEST_F(ListFill, FormulaInAnotherSheetFollowsTheMovedCell) {
  EXPECT_EQ(formula_of(wb(), "汇总", "B1"), "'项目'!E9");
  EXPECT_NEAR(num(wb(), "汇总", "B1"), amount_sum(), 1e-9);
  EXPECT_EQ(formula_of(wb(), "汇总", "B2"), "SUM('项目'!E6:E8)");
  EXPECT_EQ(formula_of(wb(), "汇总", "B3"), "'项目'!B3");  // above the list: unchanged
  EXPECT_EQ(num(wb(), "汇总", "B3"), (*data_)["funds"]["budget"].get<double>());
  EXPECT_EQ(num(wb(), "汇总", "B4"), 3);  // COUNT over the stretched quantities
  // same-sheet formulas below the list: relative and absolute references both follow the insertion
  EXPECT_EQ(formula_of(wb(), "项目", "A13"), "E9*2");
  EXPECT_EQ(formula_of(wb(), "项目", "B13"), "$E$9+1");
  EXPECT_NEAR(num(wb(), "项目", "B13"), amount_sum() + 1, 1e-9);
}

TEST_F(ListFill, SumOverTheListStretchesAndCarriesItsValue) {
  EXPECT_EQ(formula_of(wb(), "项目", "E9"), "SUM(E6:E8)");
  EXPECT_EQ(formula_of(wb(), "项目", "G9"), "SUM(E5:E8)");
  EXPECT_TRUE(had_cached_value(wb(), "项目", "E9"));  // written by us, not computed by the reader
  EXPECT_NEAR(num(wb(), "项目", "E9"), amount_sum(), 1e-9);
  double qty = 0;
  for (const auto& it : (*data_)["items"]) qty += it["qty"].get<double>();
  EXPECT_EQ(num(wb(), "项目", "C9"), qty);
  // the cached value is written without binary noise: 2*19.98 + 3*500.5 + 1200
  EXPECT_NE(part(out(), "xl/worksheets/sheet1.xml").find("<f>SUM(E6:E8)</f><v>2741.46</v>"), std::string::npos);
}

TEST_F(ListFill, ConditionalFormatsCoverEveryCopyAndMoveBelow) {
  std::string xml = part(out(), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(attrs_of(xml, "conditionalFormatting", "sqref"), (std::set<std::string>{"E6:E8", "A6:G8", "B11"}));
  EXPECT_NE(xml.find("<formula>$E6&gt;500</formula>"), std::string::npos);  // relative to the range's top left
}

TEST_F(ListFill, DataValidationsCoverEveryCopyAndMoveBelow) {
  std::string xml = part(out(), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(attrs_of(xml, "dataValidation", "sqref"), (std::set<std::string>{"C6:C8", "B12"}));
}

TEST_F(ListFill, DefinedNamesAndPrintAreaFollow) {
  std::map<std::string, std::string> names;
  for (const DefinedName& n : wb().names) names[n.name] = n.value;
  EXPECT_EQ(names["合计金额"], "'项目'!$E$9");
  EXPECT_EQ(names["_xlnm.Print_Area"], "'项目'!$A$1:$G$14");
  EXPECT_EQ(names["_xlnm.Print_Titles"], "'项目'!5:5");  // above the list: as openpyxl wrote it
}

TEST_F(ListFill, RowHeightsAreCopiedPerRowAndMoveBelow) {
  pugi::xml_document doc;
  doc.load_string(part(out(), "xl/worksheets/sheet1.xml").c_str());
  std::map<int, std::string> ht;
  for (auto n : doc.select_nodes("//*[local-name()='row']"))
    if (n.node().attribute("ht")) ht[n.node().attribute("r").as_int()] = n.node().attribute("ht").value();
  EXPECT_EQ(ht, (std::map<int, std::string>{{6, "30"}, {7, "30"}, {8, "30"}, {11, "25"}}));
}

TEST_F(ListFill, DrawingAnchorsBelowMove) {
  pugi::xml_document doc;
  doc.load_string(part(out(), "xl/drawings/drawing1.xml").c_str());
  std::vector<int> rows;
  for (auto n : doc.select_nodes("//*[local-name()='from']/*[local-name()='row']")) rows.push_back(n.node().text().as_int());
  EXPECT_EQ(rows, (std::vector<int>{13, 13}));  // image and chart at row 12 (0-based 11), two rows added
}

TEST_F(ListFill, ChartSeriesOverTheListRowCoversEveryCopy) {
  pugi::xml_document doc;
  doc.load_string(part(out(), "xl/charts/chart1.xml").c_str());
  // make_templates.py: Reference(ws, min_col=3, min_row=6, max_row=6), i.e. 数量 of the list row
  EXPECT_STREQ(doc.select_node("//*[local-name()='f']").node().text().get(), "'项目'!$C$6:$C$8");
}

TEST_F(ListFill, CommentsAndTheirVmlBoxesMove) {
  // make_templates.py: a comment on B9 ({{author}}), two rows lower after three items
  EXPECT_EQ(attrs_of(part(out(), "xl/comments/comment1.xml"), "comment", "ref"), (std::set<std::string>{"B11"}));
  std::string vml = part(out(), "xl/drawings/commentsDrawing1.vml");
  EXPECT_NE(vml.find(":Row>10</"), std::string::npos) << vml;  // zero-based
  EXPECT_EQ(vml.find(":Row>8</"), std::string::npos);
}

TEST_F(ListFill, HyperlinksMove) {
  EXPECT_EQ(attrs_of(part(out(), "xl/worksheets/sheet1.xml"), "hyperlink", "ref"), (std::set<std::string>{"A12"}));
}

TEST_F(ListFill, TableOverTheListStretches) {
  EXPECT_EQ(attrs_of(part(out(), "xl/tables/table1.xml"), "table", "ref"), (std::set<std::string>{"A1:B4"}));
  EXPECT_EQ(text(wb(), "明细", "A4"), (*data_)["items"][2]["name"].get<std::string>());
}

TEST_F(ListFill, NumbersAreNumericCellsKeepingTheTemplateStyle) {
  EXPECT_EQ(num(wb(), "项目", "B3"), (*data_)["funds"]["budget"].get<double>());
  EXPECT_EQ(wb().format_code(*at(wb(), "项目", "B3")), "#,##0.00");  // as make_templates.py set it
  EXPECT_EQ(num(wb(), "项目", "D3"), (*data_)["funds"]["rate"].get<double>());
  EXPECT_EQ(wb().format_code(*at(wb(), "项目", "D3")), "0.00%");
  EXPECT_EQ(wb().format_code(*at(wb(), "项目", "D7")), "0.00");
  // exactly as the JSON prints the number
  EXPECT_NE(part(out(), "xl/worksheets/sheet1.xml").find("<v>19.98</v>"), std::string::npos);
}

TEST_F(ListFill, XmlSpecialCharactersInStringsRoundTrip) {
  EXPECT_EQ(text(wb(), "项目", "B2"), (*data_)["dept"].get<std::string>());
  EXPECT_EQ(text(wb(), "项目", "B6"), "办公设备 <A&B>");
}

// LibreOffice's view of our output (tests/golden/fill/, made by make_fill_golden.sh with LibreOffice,
// which these tests never run), compared with what the data says it must show.
std::vector<std::vector<std::string>> read_csv(const fs::path& p) {
  std::vector<std::vector<std::string>> rows;
  std::string s = test::read_file(p);
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field)), field.clear();
    } else if (c == '\n') {
      row.push_back(std::move(field)), field.clear();
      rows.push_back(std::move(row)), row.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  return rows;
}

// 0.00 and #,##0.00 in LibreOffice's en-US display
std::string fixed2(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}
std::string grouped2(double v) {
  std::string s = fixed2(v), out;
  size_t digits = s.find('.');
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && i < digits && (digits - i) % 3 == 0) out += ',';
    out += s[i];
  }
  return out;
}
std::string general(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

TEST(XlsxTemplate, LibreOfficeShowsTheFilledValues) {
  Json data = load_json("list-data.json");
  auto sheet = read_csv(test::golden("fill/list-项目.csv"));
  ASSERT_GE(sheet.size(), 13u);
  EXPECT_EQ(sheet[0][0], std::to_string(data["year"].get<int>()) + "年度项目支出绩效自评表");
  EXPECT_EQ(sheet[1][1], data["dept"].get<std::string>());
  EXPECT_EQ(sheet[2][1], grouped2(data["funds"]["budget"].get<double>()));
  double qty = 0, amount = 0;
  for (size_t i = 0; i < data["items"].size(); ++i) {
    const Json& it = data["items"][i];
    const auto& row = sheet[5 + i];
    EXPECT_EQ(row[0], std::to_string(i + 1));
    EXPECT_EQ(row[1], it["name"].get<std::string>());
    EXPECT_EQ(row[2], general(it["qty"].get<double>()));
    EXPECT_EQ(row[3], fixed2(it["price"].get<double>()));  // 0.00
    EXPECT_EQ(row[4], grouped2(it["qty"].get<double>() * it["price"].get<double>()));
    EXPECT_EQ(row[5], it["note"].get<std::string>());
    qty += it["qty"].get<double>();
    amount += it["qty"].get<double>() * it["price"].get<double>();
  }
  EXPECT_EQ(sheet[8][0], "合计");
  EXPECT_EQ(sheet[8][2], general(qty));
  EXPECT_EQ(sheet[8][4], grouped2(amount));
  EXPECT_EQ(sheet[8][6], general(amount));
  EXPECT_EQ(sheet[10][1], data["author"].get<std::string>());
  EXPECT_EQ(sheet[12][0], general(amount * 2));
  EXPECT_EQ(sheet[12][1], general(amount + 1));
  auto summary = read_csv(test::golden("fill/list-汇总.csv"));
  ASSERT_GE(summary.size(), 4u);
  EXPECT_EQ(summary[0][1], general(amount));
  EXPECT_EQ(summary[1][1], general(amount));
  EXPECT_EQ(summary[3][1], std::to_string(data["items"].size()));
  auto empty = read_csv(test::golden("fill/list-empty-项目.csv"));
  ASSERT_GE(empty.size(), 6u);
  EXPECT_EQ(empty[5][0], "合计");
  EXPECT_EQ(empty[5][4], "0.00");
}

TEST(XlsxTemplate, EmptyListLeavesNoRows) {
  Json data = load_json("list-data.json");
  data["items"] = Json::array();
  Filled f = fill("openpyxl-list.xlsx", data);
  ASSERT_TRUE(f.result.ok()) << f.result.error().to_text();
  Workbook wb = read_back(f.path);
  EXPECT_EQ(text(wb, "项目", "A6"), "合计");  // the list row is gone, the total moved up
  EXPECT_EQ(text(wb, "项目", "A8"), "制表人");
  // a range left with no rows becomes 0 (never #REF!)
  EXPECT_EQ(formula_of(wb, "项目", "E6"), "SUM(0)");
  EXPECT_EQ(num(wb, "项目", "E6"), 0);
  EXPECT_EQ(formula_of(wb, "项目", "G6"), "SUM(E5:E5)");
  EXPECT_EQ(formula_of(wb, "汇总", "B1"), "'项目'!E6");
  std::set<std::string> merges;
  for (const CellRange& r : wb.sheet("项目")->merges) merges.insert(range_name(r));
  EXPECT_EQ(merges, (std::set<std::string>{"A1:G1", "F5:G5", "A7:G7"}));
  std::string xml = part(f.path, "xl/worksheets/sheet1.xml");
  EXPECT_EQ(xml.find("{{"), std::string::npos);
  EXPECT_EQ(attrs_of(xml, "conditionalFormatting", "sqref"), (std::set<std::string>{"B8"}));
  EXPECT_EQ(attrs_of(xml, "dataValidation", "sqref"), (std::set<std::string>{"B9"}));
  int rows = 0;
  for (const Cell& c : wb.sheet("项目")->cells) rows = std::max<int>(rows, c.row + 1);
  EXPECT_EQ(rows, 10);  // 11 rows in the template, one removed
}

TEST(XlsxTemplate, ASectionOfTwoRowsRepeatsAsAUnit) {
  Json data = Json::parse(R"({"title": "职员", "people": [{"name": "甲", "age": 30}, {"name": "乙", "age": 41},
                                                       {"name": "丙", "age": 25, "title": "组长"}]})");
  Filled f = fill("openpyxl-two-rows.xlsx", data);
  ASSERT_TRUE(f.result.ok()) << f.result.error().to_text();
  Workbook wb = read_back(f.path);
  double sum = 0;
  for (int i = 0; i < 3; ++i) {
    std::string name_row = std::to_string(2 + 2 * i), age_row = std::to_string(3 + 2 * i);
    const Json& p = data["people"][i];
    EXPECT_EQ(text(wb, "人员", ("A" + name_row).c_str()), p["name"].get<std::string>());
    // the element's own title first, else the outer one
    EXPECT_EQ(text(wb, "人员", ("B" + name_row).c_str()), p.value("title", data["title"].get<std::string>()));
    EXPECT_EQ(num(wb, "人员", ("A" + age_row).c_str()), p["age"].get<double>());
    EXPECT_EQ(formula_of(wb, "人员", ("B" + age_row).c_str()), "A" + age_row + "*2");
    sum += 2 * p["age"].get<double>();
  }
  std::set<std::string> merges;
  for (const CellRange& r : wb.sheet("人员")->merges) merges.insert(range_name(r));
  EXPECT_EQ(merges, (std::set<std::string>{"B2:C2", "B4:C4", "B6:C6"}));
  EXPECT_EQ(text(wb, "人员", "A9"), "合计");  // row 5 + 4
  EXPECT_EQ(formula_of(wb, "人员", "B9"), "SUM(B2:B7)");
  EXPECT_EQ(num(wb, "人员", "B9"), sum);
}

TEST(XlsxTemplate, SharedFormulasAreExpandedAndShifted) {
  Json data = load_json("shared-data.json");
  Filled f = fill("handmade-shared.xlsx", data);
  ASSERT_TRUE(f.result.ok()) << f.result.error().to_text();
  Workbook wb = read_back(f.path);
  EXPECT_EQ(text(wb, "数据", "A1"), data["title"].get<std::string>());  // a tag in a shared string
  // the list row 2 became rows 2-3; the shared block B4:B7 / C4:C7 moved to rows 5-8
  for (int r = 5; r <= 8; ++r) {
    std::string rs = std::to_string(r);
    EXPECT_EQ(formula_of(wb, "数据", ("B" + rs).c_str()), "A" + rs + "*10");
    EXPECT_EQ(formula_of(wb, "数据", ("C" + rs).c_str()), "$A$5+A" + rs);
    EXPECT_EQ(num(wb, "数据", ("B" + rs).c_str()), (r - 4) * 10);
    EXPECT_EQ(num(wb, "数据", ("C" + rs).c_str()), 1 + (r - 4));
  }
  EXPECT_EQ(part(f.path, "xl/worksheets/sheet1.xml").find("t=\"shared\""), std::string::npos);
  EXPECT_EQ(num(wb, "数据", "C2"), 1 + 2);
  EXPECT_EQ(num(wb, "数据", "C3"), 3 + 4);
}

TEST(XlsxTemplate, CalcChainIsDroppedAndExcelRecalculatesOnLoad) {
  auto src = ZipPackage::open_file(test::fixture("templates/handmade-shared.xlsx").string());
  ASSERT_TRUE(src->has("xl/calcChain.xml"));  // the fixture carries one (make_templates.py)
  Filled f = fill("handmade-shared.xlsx", load_json("shared-data.json"));
  ASSERT_TRUE(f.result.ok()) << f.result.error().to_text();
  auto pkg = ZipPackage::open_file(f.path.string());
  EXPECT_FALSE(pkg->has("xl/calcChain.xml"));
  EXPECT_EQ(part(f.path, "xl/_rels/workbook.xml.rels").find("calcChain"), std::string::npos);
  EXPECT_EQ(part(f.path, "[Content_Types].xml").find("calcChain"), std::string::npos);
  EXPECT_EQ(attrs_of(part(f.path, "xl/workbook.xml"), "calcPr", "fullCalcOnLoad"), (std::set<std::string>{"1"}));
}

TEST(XlsxTemplate, MalformedTagIsAnErrorNamingSheetAndCell) {
  Filled f = fill("openpyxl-bad-tag.xlsx", Json::parse(R"({"title": "t", "amount": 1})"));
  ASSERT_FALSE(f.result.ok());
  EXPECT_EQ(f.result.error().code, "template.tag");
  EXPECT_EQ(f.result.error().sheet, "表");
  EXPECT_EQ(f.result.error().cell, "B3");
  EXPECT_NE(f.result.error().message.find("{{amount"), std::string::npos) << f.result.error().message;
  EXPECT_FALSE(fs::exists(f.path));
}

TEST(XlsxTemplate, UnknownPathIsAnErrorNamingTagSheetAndCell) {
  Json data = load_json("list-data.json");
  data.erase("author");
  Filled f = fill("openpyxl-list.xlsx", data);
  ASSERT_FALSE(f.result.ok());
  const Diagnostic& d = f.result.error();
  EXPECT_EQ(d.code, "template.unknown_path");
  EXPECT_EQ(d.sheet, "项目");
  EXPECT_EQ(d.cell, "B9");  // the template's cell
  EXPECT_NE(d.message.find("{{author}}"), std::string::npos) << d.message;
  EXPECT_FALSE(fs::exists(f.path));
}

TEST(XlsxTemplate, LenientRendersEmptyAndWarns) {
  Json data = load_json("list-data.json");
  data.erase("author");
  Filled f = fill("openpyxl-list.xlsx", data, true);
  ASSERT_TRUE(f.result.ok()) << f.result.error().to_text();
  ASSERT_EQ(f.warnings.items().size(), 1u);
  EXPECT_EQ(f.warnings.items()[0].cell, "B9");
  EXPECT_EQ(f.warnings.items()[0].code, "template.unknown_path");
  EXPECT_EQ(f.warnings.items()[0].severity, Severity::Warning);
  Workbook wb = read_back(f.path);
  const Cell* c = at(wb, "项目", "B11");
  EXPECT_TRUE(!c || c->type == CellType::Empty);
}

TEST(XlsxTemplate, SameInputSameBytes) {
  Json data = load_json("list-data.json");
  Filled a = fill("openpyxl-list.xlsx", data);
  Filled b = fill("openpyxl-list.xlsx", data);
  ASSERT_TRUE(a.result.ok() && b.result.ok());
  EXPECT_EQ(test::read_file(a.path), test::read_file(b.path));
}

TEST(XlsxTemplate, RefusesToWriteOverTheTemplate) {
  fs::path copy = test::scratch_dir() / "t.xlsx";
  fs::copy_file(test::fixture("templates/openpyxl-list.xlsx"), copy);
  std::string before = test::read_file(copy);
  Diagnostics w;
  auto r = fill_xlsx_template(copy.string(), load_json("list-data.json"), copy.string(), w);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(test::read_file(copy), before);
}

TEST(XlsxTemplate, UnreadableTemplateIsAnError) {
  Diagnostics w;
  auto r = fill_xlsx_template((test::scratch_dir() / "missing.xlsx").string(), Json::object(),
                              (test::scratch_dir() / "o.xlsx").string(), w);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "template.unreadable");
}

// The fill writes rows in order and keeps no cells: a formula above the list, or one reading a later
// sheet, has the cells it reads made on demand, each list copy in its own element's scope.
TEST(XlsxTemplate, FormulasReadingCellsNotYetWrittenCarryTheRightValues) {
  Json data = load_json("list-data.json");
  Filled f = fill("openpyxl-forward-refs.xlsx", data);
  ASSERT_TRUE(f.result.ok()) << f.result.error().to_text();
  EXPECT_TRUE(f.warnings.items().empty());
  Workbook wb = read_back(f.path);
  double sum = 0;
  for (const auto& it : data["items"]) sum += it["qty"].get<double>() * it["price"].get<double>();
  EXPECT_EQ(formula_of(wb, "清单", "B1"), "SUM(D3:D5)");
  EXPECT_NEAR(num(wb, "清单", "B1"), sum, 1e-9);
  EXPECT_NEAR(num(wb, "清单", "C1"), 2 * sum, 1e-9);  // through 核对!B1, written after this sheet
  EXPECT_NEAR(num(wb, "核对", "B1"), 2 * sum, 1e-9);
  const Json& first = data["items"][0];
  EXPECT_NEAR(num(wb, "核对", "B2"), first["qty"].get<double>() * first["price"].get<double>(), 1e-9);
  for (int i = 0; i < 3; ++i) {
    const Json& it = data["items"][i];
    std::string row = std::to_string(3 + i);
    EXPECT_EQ(formula_of(wb, "清单", ("D" + row).c_str()), "B" + row + "*C" + row);
    EXPECT_NEAR(num(wb, "清单", ("D" + row).c_str()), it["qty"].get<double>() * it["price"].get<double>(), 1e-9);
  }
  EXPECT_TRUE(had_cached_value(wb, "清单", "B1"));
}

TEST(XlsxTemplate, ObjectSectionRendersOnceAndFalseRemoves) {
  Json data = load_json("list-data.json");
  data["items"] = Json::parse(R"({"name": "唯一", "qty": 4, "price": 2.5, "note": "对象"})");
  Filled f = fill("openpyxl-list.xlsx", data);
  ASSERT_TRUE(f.result.ok()) << f.result.error().to_text();
  Workbook wb = read_back(f.path);
  EXPECT_EQ(text(wb, "项目", "B6"), "唯一");
  EXPECT_EQ(num(wb, "项目", "E6"), 4 * 2.5);
  EXPECT_EQ(text(wb, "项目", "A7"), "合计");
  data["items"] = false;
  Filled g = fill("openpyxl-list.xlsx", data);
  ASSERT_TRUE(g.result.ok());
  EXPECT_EQ(text(read_back(g.path), "项目", "A6"), "合计");
}

// {{?x}} and {{^x}} over rows, as over paragraphs in DOCX: the rows once with the scope unchanged, or
// not at all (what stands below moves up). The two-row section of openpyxl-two-rows.xlsx made a
// condition by renaming its tags.
TEST(XlsxTemplate, RowConditionsKeepOrRemoveTheirRows) {
  auto pkg = ZipPackage::open_file(test::fixture("templates/openpyxl-two-rows.xlsx").string());
  std::string sheet = pkg->read("xl/worksheets/sheet1.xml").value();
  auto with = [&](const std::string& open) {
    std::string xml = sheet;
    xml.replace(xml.find("{{#people}}"), 11, "{{" + open + "show}}");
    xml.replace(xml.find("{{/people}}"), 11, "{{/show}}");
    fs::path out = test::scratch_dir() / ("t" + std::to_string(open[0]) + ".xlsx");
    auto w = PackageWriter::from_file(test::fixture("templates/openpyxl-two-rows.xlsx").string());
    w->put("xl/worksheets/sheet1.xml", xml);
    EXPECT_TRUE(w->write(out.string()).ok());
    return out;
  };
  Json data = {{"show", true}, {"name", "张三"}, {"title", "科员"}, {"age", 30}};
  for (const char* open : {"?", "^"}) {
    for (bool show : {true, false}) {
      data["show"] = show;
      fs::path out = test::scratch_dir() / "cond.xlsx";
      Diagnostics w;
      auto ok = fill_xlsx_template(with(open).string(), data, out.string(), w);
      ASSERT_TRUE(ok.ok()) << ok.error().to_text();
      Workbook wb = read_back(out);
      bool kept = show == (open[0] == '?');
      SCOPED_TRACE(std::string(open) + (show ? " true" : " false"));
      if (kept) {
        EXPECT_EQ(text(wb, "人员", "A2"), "张三");
        EXPECT_EQ(num(wb, "人员", "A3"), 30);
        EXPECT_EQ(text(wb, "人员", "A5"), "合计");
        EXPECT_EQ(num(wb, "人员", "B5"), 60);
      } else {
        EXPECT_EQ(text(wb, "人员", "A3"), "合计");  // row 5 moved up by the two rows
        EXPECT_EQ(formula_of(wb, "人员", "B3"), "SUM(0)");
      }
    }
  }
}

}  // namespace
}  // namespace jixiao
