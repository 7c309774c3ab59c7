// One table of tag text, data and expected text, rendered through both engines: a Word paragraph
// (python-docx-one-paragraph.docx) and a cell (openpyxl-one-cell.xlsx), each fixture holding "{{slot}}"
// where the row's tag text is put. The language is one (writers/template_language.h), so a row must
// come out the same in both — or be refused by both. The Word result is read back with pugixml, the
// cell with jixiao's reader as it displays it. Expected texts come from the data below and the filters'
// documented behaviour (seed 001's amounts), never from a run of the engines.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "readers/grid_export.h"
#include "readers/xlsx_reader.h"
#include "readers/zip_package.h"
#include "test_paths.h"
#include "writers/docx_template.h"
#include "writers/package_writer.h"
#include "writers/xlsx_template.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

const Json& data() {
  static const Json d = Json::parse(R"({
    "name": "剑阁县医疗保障局", "year": 2022, "total": 3555.82, "change": -468.94, "rate": -0.116515,
    "amount": 1234.56, "count": 11, "zero": 0, "none": null, "yes": true, "no": false, "empty": "",
    "text": "收入<支出 & 结余", "date": "2022-12-31",
    "funds": {"budget": 4.5},
    "items": [{"name": "甲", "score": 9}, {"name": "乙", "score": 8.5}],
    "groups": [{"title": "一", "rows": ["a", "b"]}, {"title": "二", "rows": []}],
    "nothing": [], "obj": {"k": "v"}, "emptyobj": {}
  })");
  return d;
}

struct Row {
  const char* tags;
  const char* expected;  // nullptr: both engines refuse the template
};

const Row kTable[] = {
    // values and paths
    {"{{name}}", "剑阁县医疗保障局"},
    {"{{year}}年度", "2022年度"},
    {"{{total}}", "3555.82"},
    {"合计{{ total }}万元", "合计3555.82万元"},
    {"{{funds.budget}}", "4.5"},
    {"{{items.1.name}}", "乙"},
    {"a{{none}}b", "ab"},
    {"{{yes}}/{{no}}", "是/否"},
    {"{{text}}", "收入<支出 & 结余"},
    // filters
    {"{{amount | fixed:1}}", "1234.6"},
    {"{{amount | money}}", "1,234.56"},
    {"{{total | wan | fixed:4}}", "0.3556"},
    {"{{rate | pct:2}}", "-11.65%"},
    {"{{change | abs | fixed:2}}", "468.94"},
    {"{{change | dir:增加,减少}}", "减少"},
    {"{{zero | dir:增加,减少}}", "持平"},
    {"{{amount | cnupper}}", "壹仟贰佰叁拾肆元伍角陆分"},
    {"{{count | cnnum}}", "十一"},
    {"{{date | date:yyyy年M月d日}}", "2022年12月31日"},
    {"{{none | default:无}}", "无"},
    {"{{empty | default:无}}", "无"},
    // conditions: null, false, "", [] and {} are false; 0 is a value that is there
    {"{{?yes}}有{{/yes}}", "有"},
    {"{{?no}}有{{/no}}", ""},
    {"{{^no}}无{{/no}}", "无"},
    {"{{?zero}}零也在{{/zero}}", "零也在"},
    {"{{^zero}}x{{/zero}}", ""},
    {"{{?empty}}x{{/empty}}", ""},
    {"{{?none}}x{{/none}}", ""},
    {"{{^nothing}}没有{{/nothing}}", "没有"},
    {"{{?emptyobj}}x{{/emptyobj}}", ""},
    // sections
    {"{{#items}}{{@index}}.{{name}} {{/items}}", "1.甲 2.乙 "},
    {"{{#items}}{{name}}({{year}}){{/items}}", "甲(2022)乙(2022)"},
    {"{{#items}}{{@index | cnnum}}{{/items}}", "一二"},
    {"{{#obj}}{{k}}{{@index}}{{/obj}}", "v1"},
    {"{{#nothing}}x{{/nothing}}", ""},
    {"{{#groups}}{{title}}:{{#rows}}{{.}}{{/rows}};{{/groups}}", "一:ab;二:;"},
    {"{{#items}}{{?score}}{{name}}{{/score}}{{/items}}", "甲乙"},
    {"{{#name}}[{{.}}]{{/name}}", "[剑阁县医疗保障局]"},
    // refused by both
    {"{{missing}}", nullptr},
    {"{{items}}", nullptr},
    {"{{name | wan}}", nullptr},
    {"{{name | nosuch}}", nullptr},
    {"{{a..b}}", nullptr},
    {"金额{{amount", nullptr},
    {"{{#items}}x", nullptr},
    {"x{{/items}}", nullptr},
    {"{{@index}}", nullptr},
    {"{{#items | wan}}x{{/items}}", nullptr},
};

std::string xml_escaped(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

// The fixture with "{{slot}}" replaced by `tags` in `part`.
fs::path with_slot(const std::string& fixture, const std::string& part, const std::string& tags, const fs::path& out) {
  std::string src = test::fixture(fixture).string();
  auto pkg = ZipPackage::open_file(src);
  EXPECT_TRUE(pkg.ok());
  std::string xml = pkg->read(part).value();
  size_t at = xml.find("{{slot}}");
  EXPECT_NE(at, std::string::npos);
  xml.replace(at, 8, xml_escaped(tags));
  auto w = PackageWriter::from_file(src);
  EXPECT_TRUE(w.ok());
  w->put(part, xml);
  EXPECT_TRUE(w->write(out.string()).ok());
  return out;
}

struct Outcome {
  bool ok = false;
  std::string text;  // what the paragraph or cell shows
  std::string error;
};

Outcome docx(const std::string& tags, bool lenient = false) {
  fs::path dir = test::scratch_dir();
  fs::path tmpl = with_slot("docx/python-docx-one-paragraph.docx", "word/document.xml", tags, dir / "t.docx");
  Diagnostics w;
  DocxRenderOptions o;
  o.lenient = lenient;
  auto r = render_docx_template(tmpl.string(), data(), (dir / "out.docx").string(), w, o);
  Outcome out;
  if (!r) {
    out.error = r.error().message;
    return out;
  }
  out.ok = true;
  std::string xml = ZipPackage::open_file((dir / "out.docx").string())->read("word/document.xml").value();
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single));
  for (pugi::xpath_node t : doc.select_nodes("/w:document/w:body/w:p//w:t")) out.text += t.node().text().get();
  return out;
}

Outcome xlsx(const std::string& tags, bool lenient = false) {
  fs::path dir = test::scratch_dir();
  fs::path tmpl = with_slot("templates/openpyxl-one-cell.xlsx", "xl/worksheets/sheet1.xml", tags, dir / "t.xlsx");
  Diagnostics w;
  XlsxFillOptions o;
  o.lenient = lenient;
  auto r = fill_xlsx_template(tmpl.string(), data(), (dir / "out.xlsx").string(), w, o);
  Outcome out;
  if (!r) {
    out.error = r.error().message;
    return out;
  }
  out.ok = true;
  Diagnostics d;
  auto wb = read_xlsx_file((dir / "out.xlsx").string(), d);
  EXPECT_TRUE(wb.ok());
  CellDisplay shown(*wb);
  if (const Cell* c = wb->sheet("表")->find(*parse_cell("A1"))) shown.display(*c, out.text);
  return out;
}

TEST(TemplateEngines, OneTableBothEngines) {
  for (const Row& row : kTable) {
    SCOPED_TRACE(row.tags);
    Outcome d = docx(row.tags), x = xlsx(row.tags);
    if (!row.expected) {
      EXPECT_FALSE(d.ok) << "DOCX rendered “" << d.text << "”";
      EXPECT_FALSE(x.ok) << "XLSX rendered “" << x.text << "”";
      continue;
    }
    EXPECT_TRUE(d.ok) << d.error;
    EXPECT_TRUE(x.ok) << x.error;
    EXPECT_EQ(d.text, row.expected) << "DOCX";
    EXPECT_EQ(x.text, row.expected) << "XLSX";
  }
}

// Lenient: a missing path prints nothing, in both.
TEST(TemplateEngines, LenientMissingPathPrintsNothingInBoth) {
  for (const char* tags : {"[{{missing}}]", "[{{?missing}}x{{/missing}}]", "[{{^missing}}无{{/missing}}]"}) {
    SCOPED_TRACE(tags);
    Outcome d = docx(tags, true), x = xlsx(tags, true);
    ASSERT_TRUE(d.ok) << d.error;
    ASSERT_TRUE(x.ok) << x.error;
    EXPECT_EQ(d.text, x.text);
  }
  EXPECT_EQ(docx("[{{missing}}]", true).text, "[]");
  EXPECT_EQ(docx("[{{^missing}}无{{/missing}}]", true).text, "[无]");
}

}  // namespace
}  // namespace jixiao
