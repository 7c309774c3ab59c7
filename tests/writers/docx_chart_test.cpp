// Native charts: chart parts made by LibreOffice (tests/fixtures/docx/make_chart_fixtures.py) refilled
// with more and fewer series and categories than the template, read back with pugixml, and their
// embedded workbooks read back with jixiao's own XLSX reader. Every expected value is the data fed in.
#include "writers/docx_chart.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "readers/xlsx_reader.h"
#include "readers/zip_package.h"
#include "test_paths.h"
#include "writers/docx_template.h"
#include "writers/package_writer.h"

namespace jixiao {
namespace {

using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

const fs::path kCharts = test::fixture("docx/libreoffice-charts.docx");
const fs::path kSection = test::fixture("docx/libreoffice-chart-section.docx");

std::string part(const fs::path& file, const std::string& name) {
  auto pkg = ZipPackage::open_file(file.string());
  EXPECT_TRUE(pkg.ok());
  return pkg->read(name).value();
}

// What a series holds, read from the chart XML.
struct SeriesSeen {
  std::string name, name_ref, cat_ref, val_ref, format;
  int idx = -1, order = -1, cat_count = -1, val_count = -1;
  std::vector<std::string> categories;
  std::vector<std::pair<int, std::string>> values;  // (idx, text)
  std::vector<std::string> colours;
};

std::vector<SeriesSeen> series_in(const std::string& xml, const char* plot) {
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_buffer(xml.data(), xml.size()));
  std::vector<SeriesSeen> out;
  std::string path = std::string("/c:chartSpace/c:chart/c:plotArea/") + plot + "/c:ser";
  for (pugi::xpath_node x : doc.select_nodes(path.c_str())) {
    pugi::xml_node s = x.node();
    SeriesSeen r;
    r.idx = s.child("c:idx").attribute("val").as_int(-1);
    r.order = s.child("c:order").attribute("val").as_int(-1);
    r.name_ref = s.child("c:tx").child("c:strRef").child_value("c:f");
    r.name = s.select_node("c:tx/c:strRef/c:strCache/c:pt[@idx='0']/c:v").node().text().get();
    pugi::xml_node cat = s.child("c:cat").child("c:strRef");
    r.cat_ref = cat.child_value("c:f");
    r.cat_count = cat.child("c:strCache").child("c:ptCount").attribute("val").as_int(-1);
    for (pugi::xml_node pt : cat.child("c:strCache").children("c:pt")) r.categories.push_back(pt.child_value("c:v"));
    pugi::xml_node val = s.child("c:val").child("c:numRef");
    r.val_ref = val.child_value("c:f");
    r.format = val.child("c:numCache").child_value("c:formatCode");
    r.val_count = val.child("c:numCache").child("c:ptCount").attribute("val").as_int(-1);
    for (pugi::xml_node pt : val.child("c:numCache").children("c:pt"))
      r.values.emplace_back(pt.attribute("idx").as_int(), pt.child_value("c:v"));
    for (pugi::xpath_node c : s.select_nodes("c:spPr//a:srgbClr")) r.colours.push_back(c.node().attribute("val").value());
    out.push_back(std::move(r));
  }
  return out;
}

ChartData data_of(const Json& j) {
  auto d = chart_data_from_json(j);
  EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().message);
  return d.value();
}

const Json kFiveByThree = {
    {"categories", {"一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "事业收入", "其他收入"}},
    {"series",
     {{{"name", "2021年"}, {"values", {3429.91, 125.91, 0.3, 18, 7.05}}},
      {{"name", "2022年"}, {"values", {3551.2, 98, 0.1, 22.5, 6}}},
      {{"name", "2023年"}, {"values", {4024.76, 112.35, 0, 30.25, 5.5}}}}},
    {"format", "0.00"}};

TEST(DocxChart, NumbersKeepTheirJsonSpellingAndNullsAreNoPoint) {
  auto d = data_of(Json::parse(R"({"categories": ["甲", "乙", "丙"],
      "series": [{"name": "2022年", "values": [3429.91, null, "0.10"]}]})"));
  ASSERT_EQ(d.series[0].values.size(), 3u);
  EXPECT_EQ(*d.series[0].values[0], "3429.91");
  EXPECT_FALSE(d.series[0].values[1]);
  EXPECT_EQ(*d.series[0].values[2], "0.10");
  EXPECT_FALSE(chart_data_from_json(Json::parse(R"({"categories": ["甲"], "series": [{"name": "x", "values": ["四十万"]}]})")).ok());
  EXPECT_FALSE(chart_data_from_json(Json::parse(R"({"categories": ["甲"], "series": [{"name": "x", "values": [1, 2]}]})")).ok());
  EXPECT_FALSE(chart_data_from_json(Json::parse(R"({"series": []})")).ok());
}

TEST(DocxChart, ColumnChartWithMoreSeriesAndCategoriesThanTheTemplate) {
  std::string tpl = part(kCharts, "word/charts/chart1.xml");
  ASSERT_EQ(series_in(tpl, "c:barChart").size(), 2u);  // the template: 2 series x 3 categories
  auto out = fill_chart_xml(tpl, data_of(kFiveByThree));
  ASSERT_TRUE(out.ok()) << out.error().message;
  auto seen = series_in(*out, "c:barChart");
  ASSERT_EQ(seen.size(), 3u);
  const char* cols[] = {"B", "C", "D"};
  for (size_t s = 0; s < 3; ++s) {
    const Json& js = kFiveByThree["series"][s];
    EXPECT_EQ(seen[s].idx, static_cast<int>(s));
    EXPECT_EQ(seen[s].order, static_cast<int>(s));
    EXPECT_EQ(seen[s].name, js["name"].get<std::string>());
    EXPECT_EQ(seen[s].name_ref, std::string("Sheet1!$") + cols[s] + "$1");
    EXPECT_EQ(seen[s].cat_ref, "Sheet1!$A$2:$A$6");
    EXPECT_EQ(seen[s].val_ref, std::string("Sheet1!$") + cols[s] + "$2:$" + cols[s] + "$6");
    EXPECT_EQ(seen[s].cat_count, 5);
    EXPECT_EQ(seen[s].val_count, 5);
    EXPECT_EQ(seen[s].format, "0.00");
    ASSERT_EQ(seen[s].categories.size(), 5u);
    for (size_t i = 0; i < 5; ++i) EXPECT_EQ(seen[s].categories[i], kFiveByThree["categories"][i].get<std::string>());
    ASSERT_EQ(seen[s].values.size(), 5u);
    for (size_t i = 0; i < 5; ++i) {
      EXPECT_EQ(seen[s].values[i].first, static_cast<int>(i));
      EXPECT_DOUBLE_EQ(std::stod(seen[s].values[i].second), js["values"][i].get<double>());
    }
  }
  EXPECT_EQ(seen[0].values[0].second, "3429.91");  // as the JSON spells it, no binary noise
  EXPECT_EQ(seen[2].values[0].second, "4024.76");
  // the template gives each series an explicit colour: the new one gets a colour of its own
  ASSERT_FALSE(seen[2].colours.empty());
  EXPECT_NE(seen[2].colours[0], seen[0].colours[0]);
  EXPECT_NE(seen[2].colours[0], seen[1].colours[0]);
  pugi::xml_document doc;
  doc.load_string(out->c_str());
  EXPECT_EQ(std::string(doc.select_node("//c:barDir").node().attribute("val").value()), "col");
}

TEST(DocxChart, FewerSeriesAndCategoriesThanTheTemplateAndANullPoint) {
  Json data = {{"categories", {"基本支出", "项目支出"}}, {"series", {{{"name", "2023年"}, {"values", {1200.5, nullptr}}}}}};
  for (const char* chart : {"word/charts/chart2.xml", "word/charts/chart3.xml"}) {
    const char* plot = std::string(chart).find("chart3") != std::string::npos ? "c:lineChart" : "c:barChart";
    auto out = fill_chart_xml(part(kCharts, chart), data_of(data));
    ASSERT_TRUE(out.ok()) << out.error().message;
    auto seen = series_in(*out, plot);
    ASSERT_EQ(seen.size(), 1u) << chart;
    EXPECT_EQ(seen[0].name, "2023年");
    EXPECT_EQ(seen[0].categories, (std::vector<std::string>{"基本支出", "项目支出"}));
    EXPECT_EQ(seen[0].cat_count, 2);
    EXPECT_EQ(seen[0].val_count, 2);  // the null point is left out, the count stays
    ASSERT_EQ(seen[0].values.size(), 1u);
    EXPECT_EQ(seen[0].values[0], (std::pair<int, std::string>{0, "1200.5"}));
    EXPECT_EQ(seen[0].cat_ref, "Sheet1!$A$2:$A$3");
  }
  pugi::xml_document doc;
  auto bar = fill_chart_xml(part(kCharts, "word/charts/chart2.xml"), data_of(data));
  doc.load_string(bar->c_str());
  EXPECT_EQ(std::string(doc.select_node("//c:barDir").node().attribute("val").value()), "bar");
}

TEST(DocxChart, PieKeepsOneSeries) {
  std::vector<std::string> notes;
  auto out = fill_chart_xml(part(kCharts, "word/charts/chart4.xml"), data_of(kFiveByThree), std::nullopt, &notes);
  ASSERT_TRUE(out.ok()) << out.error().message;
  ASSERT_EQ(notes.size(), 1u);  // the two series a pie cannot show are said, not silently dropped
  EXPECT_NE(notes[0].find("2022年"), std::string::npos);
  EXPECT_NE(notes[0].find("2023年"), std::string::npos);
  auto seen = series_in(*out, "c:pieChart");
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].name, "2021年");
  EXPECT_EQ(seen[0].cat_count, 5);
  ASSERT_EQ(seen[0].values.size(), 5u);
  EXPECT_EQ(seen[0].values[4].second, "7.05");
  pugi::xml_document doc;
  doc.load_string(out->c_str());
  // the template colours its 3 slices one by one: the 2 new slices get colours of their own
  std::set<std::string> colours;
  for (pugi::xpath_node p : doc.select_nodes("//c:ser/c:dPt")) {
    EXPECT_LT(p.node().child("c:idx").attribute("val").as_int(), 5);
    colours.insert(p.node().select_node(".//a:srgbClr").node().attribute("val").value());
  }
  EXPECT_EQ(colours.size(), 5u);
  // fewer categories: no override for a point that is gone
  Json two = {{"categories", {"甲", "乙"}}, {"series", {{{"name", "x"}, {"values", {1, 2}}}}}};
  out = fill_chart_xml(part(kCharts, "word/charts/chart4.xml"), data_of(two));
  doc.load_string(out->c_str());
  EXPECT_EQ(doc.select_nodes("//c:ser/c:dPt").size(), 2u);
}

// A series as Word 2016 writes it: its own c16:uniqueId, a literal name, no category reference yet.
TEST(DocxChart, ClonedSeriesCarryNoCopyOfWordsUniqueId) {
  const char* xml = R"(<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"
      xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
      xmlns:c16="http://schemas.microsoft.com/office/drawing/2014/chart"><c:chart><c:autoTitleDeleted val="0"/>
      <c:plotArea><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>
      <c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>系列 1</c:v></c:tx>
        <c:val><c:numRef><c:f>Sheet1!$B$2:$B$3</c:f><c:numCache><c:formatCode>#,##0.00</c:formatCode><c:ptCount val="2"/>
        <c:pt idx="0"><c:v>1</c:v></c:pt></c:numCache></c:numRef></c:val>
        <c:extLst><c:ext uri="{C3380CC4-5D6E-409C-BE32-E72D297353CC}"><c16:uniqueId val="{00000000-6F2A-4C4B-9C3B-1A2B3C4D5E6F}"/></c:ext></c:extLst>
      </c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart></c:plotArea></c:chart></c:chartSpace>)";
  auto out = fill_chart_xml(xml, data_of(kFiveByThree));
  ASSERT_TRUE(out.ok()) << out.error().message;
  pugi::xml_document doc;
  doc.load_string(out->c_str());
  EXPECT_EQ(doc.select_nodes("//c:ser").size(), 3u);
  EXPECT_EQ(doc.select_nodes("//c16:uniqueId").size(), 1u);  // the template's own series keeps its id
  auto seen = series_in(*out, "c:barChart");
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[1].name, "2022年");
  EXPECT_EQ(seen[1].cat_count, 5);
  EXPECT_EQ(seen[0].format, "0.00");  // the data's format wins over the template's
  // c:cat goes before c:val, c:val before c:extLst (the schema's order)
  pugi::xml_node ser = doc.select_node("//c:ser").node();
  std::vector<std::string> order;
  for (pugi::xml_node c : ser.children()) order.push_back(c.name());
  EXPECT_EQ(order, (std::vector<std::string>{"c:idx", "c:order", "c:tx", "c:cat", "c:val", "c:extLst"}));
  // without a format in the data the template's stays
  Json plain = kFiveByThree;
  plain.erase("format");
  seen = series_in(fill_chart_xml(xml, data_of(plain)).value(), "c:barChart");
  EXPECT_EQ(seen[2].format, "#,##0.00");
  // no title in the template: Word must not invent one from a lone series' name
  doc.load_string(fill_chart_xml(xml, data_of(plain)).value().c_str());
  EXPECT_EQ(doc.select_node("//c:autoTitleDeleted").node().attribute("val").as_int(), 1);
}

TEST(DocxChart, TitleReplacedOrRemoved) {
  std::string tpl = part(kCharts, "word/charts/chart5.xml");
  EXPECT_EQ(chart_title_text(tpl), "{{titled}}");
  auto out = fill_chart_xml(tpl, data_of(kFiveByThree), std::string("各项收入"));
  EXPECT_EQ(chart_title_text(*out), "各项收入");
  out = fill_chart_xml(tpl, data_of(kFiveByThree), std::string());
  EXPECT_EQ(chart_title_text(*out), "");
  pugi::xml_document doc;
  doc.load_string(out->c_str());
  EXPECT_EQ(doc.select_node("//c:autoTitleDeleted").node().attribute("val").as_int(), 1);
}

// The sheet of an embedded workbook as (row, col) -> number or text, read with jixiao's reader.
void expect_workbook_holds(const std::string& bytes, const Json& data) {
  Diagnostics diags;
  auto wb = read_xlsx_memory(bytes, "embedded.xlsx", diags);
  ASSERT_TRUE(wb.ok()) << wb.error().to_text();
  ASSERT_EQ(wb->sheets.size(), 1u);
  const Sheet& sh = wb->sheets[0];
  EXPECT_EQ(sh.name, "Sheet1");
  EXPECT_EQ(sh.find({0, 0}), nullptr);  // A1 empty
  for (size_t s = 0; s < data["series"].size(); ++s) {
    const Cell* name = sh.find({0, static_cast<uint32_t>(s + 1)});
    ASSERT_NE(name, nullptr);
    EXPECT_EQ(wb->text(*name), data["series"][s]["name"].get<std::string>());
  }
  for (size_t i = 0; i < data["categories"].size(); ++i) {
    const Cell* cat = sh.find({static_cast<uint32_t>(i + 1), 0});
    ASSERT_NE(cat, nullptr);
    EXPECT_EQ(wb->text(*cat), data["categories"][i].get<std::string>());
    for (size_t s = 0; s < data["series"].size(); ++s) {
      const Json& v = data["series"][s]["values"][i];
      const Cell* c = sh.find({static_cast<uint32_t>(i + 1), static_cast<uint32_t>(s + 1)});
      if (v.is_null()) {
        EXPECT_EQ(c, nullptr);
        continue;
      }
      ASSERT_NE(c, nullptr);
      EXPECT_EQ(c->type, CellType::Number);
      EXPECT_DOUBLE_EQ(c->number, v.get<double>());
      if (data.contains("format")) {
        EXPECT_EQ(wb->format_code(*c), data["format"].get<std::string>());
      }
    }
  }
}

TEST(DocxChart, WorkbookHoldsTheData) {
  auto bytes = chart_workbook(data_of(kFiveByThree));
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  expect_workbook_holds(*bytes, kFiveByThree);
}

// ---- through the engine -------------------------------------------------------------------------

struct Output {
  std::string error;
  Diagnostics warnings;
  fs::path file;
};

Output render(const fs::path& tpl, const Json& data, bool lenient = false) {
  Output o;
  o.file = test::scratch_dir() / "charts.docx";
  DocxRenderOptions opt;
  opt.lenient = lenient;
  auto ok = render_docx_template(tpl.string(), data, o.file.string(), o.warnings, opt);
  if (!ok) o.error = ok.error().message;
  return o;
}

// (drawing's r:id, its alt text) -> chart part, in document order
struct ChartRef {
  std::string rid, descr, part;
};

std::vector<ChartRef> charts_of(const fs::path& docx) {
  std::vector<ChartRef> out;
  std::string doc_xml = part(docx, "word/document.xml"), rels_xml = part(docx, "word/_rels/document.xml.rels");
  pugi::xml_document doc, rels;
  doc.load_string(doc_xml.c_str());
  rels.load_string(rels_xml.c_str());
  for (pugi::xpath_node x : doc.select_nodes("//wp:docPr")) {
    ChartRef r;
    r.descr = x.node().attribute("descr").value();
    r.rid = x.node().parent().select_node(".//c:chart").node().attribute("r:id").value();
    pugi::xml_node rel = rels.child("Relationships").find_child_by_attribute("Relationship", "Id", r.rid.c_str());
    r.part = resolve_part_target("word/document.xml", rel.attribute("Target").value());
    out.push_back(r);
  }
  return out;
}

std::string embedded_workbook(const fs::path& docx, const std::string& chart) {
  std::string name = chart.substr(chart.rfind('/') + 1);
  std::string rels_xml = part(docx, "word/charts/_rels/" + name + ".rels");
  pugi::xml_document rels;
  rels.load_string(rels_xml.c_str());
  pugi::xml_node rel = rels.select_node("//Relationship[contains(@Type, '/package')]").node();
  return part(docx, resolve_part_target(chart, rel.attribute("Target").value()));
}

Json series_json(std::vector<std::string> names, std::vector<std::vector<double>> values) {
  Json s = Json::array();
  for (size_t i = 0; i < names.size(); ++i) s.push_back({{"name", names[i]}, {"values", values[i]}});
  return s;
}

TEST(DocxChartTemplate, ChartsBoundByAltTextAndTitleGetTheirData) {
  Json two = {{"categories", {"基本支出", "项目支出"}}, {"series", series_json({"2023年"}, {{1200.5, 310.25}})}};
  Json data = {{"funds", kFiveByThree},
               {"spending", two},
               {"trend", {{"categories", {"2021", "2022", "2023", "2024"}}, {"series", series_json({"收入", "支出"}, {{1, 2, 3, 4}, {4, 3, 2, 1}})}}},
               {"shares", {{"categories", {"甲", "乙", "丙", "丁"}}, {"series", series_json({"占比"}, {{40, 30, 20, 10}})}}},
               {"titled", {{"categories", {"甲"}}, {"series", series_json({"一"}, {{5}})}, {"title", "按标题绑定"}}}};
  auto o = render(kCharts, data);
  ASSERT_TRUE(o.error.empty()) << o.error;
  EXPECT_TRUE(o.warnings.empty());  // the pie's data has one series: nothing left out
  auto refs = charts_of(o.file);
  ASSERT_EQ(refs.size(), 5u);
  for (const ChartRef& r : refs) EXPECT_EQ(r.descr.find("{{"), std::string::npos);  // the tag left the alt text
  auto funds = series_in(part(o.file, refs[0].part), "c:barChart");
  ASSERT_EQ(funds.size(), 3u);
  EXPECT_EQ(funds[1].name, "2022年");
  expect_workbook_holds(embedded_workbook(o.file, refs[0].part), kFiveByThree);
  expect_workbook_holds(embedded_workbook(o.file, refs[1].part), two);
  auto trend = series_in(part(o.file, refs[2].part), "c:lineChart");
  ASSERT_EQ(trend.size(), 2u);
  EXPECT_DOUBLE_EQ(std::stod(trend[1].values[0].second), 4);
  auto shares = series_in(part(o.file, refs[3].part), "c:pieChart");
  ASSERT_EQ(shares.size(), 1u);
  EXPECT_EQ(shares[0].categories, (std::vector<std::string>{"甲", "乙", "丙", "丁"}));
  EXPECT_EQ(chart_title_text(part(o.file, refs[4].part)), "按标题绑定");
}

TEST(DocxChartTemplate, ChartInASectionGetsOnePartPerElement) {
  Json years = Json::array();
  for (int y : {2021, 2022, 2023})
    years.push_back({{"year", y},
                     {"chart", {{"categories", {"基本支出", "项目支出", "其他"}},
                                {"series", series_json({std::to_string(y) + "年"}, {{y * 0.5, y * 0.25, 1.5}})}}}});
  auto o = render(kSection, {{"years", years}});
  ASSERT_TRUE(o.error.empty()) << o.error;
  auto refs = charts_of(o.file);
  ASSERT_EQ(refs.size(), 3u);
  std::set<std::string> rids, parts, books;
  std::string types = part(o.file, "[Content_Types].xml");
  for (size_t i = 0; i < 3; ++i) {
    rids.insert(refs[i].rid);
    parts.insert(refs[i].part);
    auto seen = series_in(part(o.file, refs[i].part), "c:barChart");
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].name, years[i]["chart"]["series"][0]["name"].get<std::string>());
    EXPECT_DOUBLE_EQ(std::stod(seen[0].values[0].second), years[i]["year"].get<int>() * 0.5);
    EXPECT_NE(types.find("PartName=\"/" + refs[i].part + "\""), std::string::npos) << refs[i].part;
    std::string book = embedded_workbook(o.file, refs[i].part);
    books.insert(book);
    expect_workbook_holds(book, years[i]["chart"]);
  }
  EXPECT_EQ(rids.size(), 3u);
  EXPECT_EQ(parts.size(), 3u);
  EXPECT_EQ(books.size(), 3u);
}

// The fixture with its document.xml edited: a template variant without a program to make it.
fs::path variant(const fs::path& tpl, const std::string& from, const std::string& to) {
  std::string xml = part(tpl, "word/document.xml");
  size_t at = xml.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  xml.replace(at, from.size(), to);
  auto w = PackageWriter::from_file(tpl.string());
  w->put("word/document.xml", xml);
  fs::path out = test::scratch_dir() / "variant.docx";
  EXPECT_TRUE(w->write(out.string()).ok());
  return out;
}

TEST(DocxChartTemplate, BoundByTheDrawingsTitleAttributeAndTheSameChartTwice) {
  // the column chart's tag moved from the alt text to the drawing's title attribute; the bar chart's
  // drawing pointed at the column chart too (two drawings, one chart part)
  fs::path tpl = variant(kCharts, "descr=\"{{funds}}\"", "title=\" {{funds}} \"");
  std::string xml = part(tpl, "word/document.xml");
  size_t rid3 = xml.find("r:id=\"rId3\"");
  ASSERT_NE(rid3, std::string::npos);
  xml.replace(rid3, 11, "r:id=\"rId2\"");
  auto w = PackageWriter::from_file(tpl.string());
  w->put("word/document.xml", xml);
  fs::path twice = test::scratch_dir() / "twice.docx";
  ASSERT_TRUE(w->write(twice.string()).ok());
  Json one = {{"categories", {"甲", "乙"}}, {"series", series_json({"一"}, {{1, 2}})}};
  Json two = {{"categories", {"丙", "丁", "戊"}}, {"series", series_json({"二", "三"}, {{3, 4, 5}, {6, 7, 8}})}};
  Json small = {{"categories", {"甲"}}, {"series", series_json({"一"}, {{5}})}};
  auto o = render(twice, {{"funds", one}, {"spending", two}, {"trend", small}, {"shares", small}, {"titled", small}});
  ASSERT_TRUE(o.error.empty()) << o.error;
  auto refs = charts_of(o.file);
  ASSERT_EQ(refs.size(), 5u);
  EXPECT_NE(refs[0].part, refs[1].part);  // the second drawing got a copy of the chart
  EXPECT_NE(refs[0].rid, refs[1].rid);
  auto first = series_in(part(o.file, refs[0].part), "c:barChart");
  auto second = series_in(part(o.file, refs[1].part), "c:barChart");
  ASSERT_EQ(first.size(), 1u);
  ASSERT_EQ(second.size(), 2u);
  EXPECT_EQ(first[0].categories, (std::vector<std::string>{"甲", "乙"}));
  EXPECT_EQ(second[1].name, "三");
  expect_workbook_holds(embedded_workbook(o.file, refs[0].part), one);
  expect_workbook_holds(embedded_workbook(o.file, refs[1].part), two);
  std::string doc_xml = part(o.file, "word/document.xml");
  EXPECT_EQ(doc_xml.find("{{funds}}"), std::string::npos);  // the tag left the title attribute
}

TEST(DocxChartTemplate, UnknownPathIsAnErrorOrInLenientModeAWarning) {
  auto o = render(kSection, {{"years", {{{"year", 2023}}}}});
  EXPECT_NE(o.error.find("{{chart}}"), std::string::npos) << o.error;
  EXPECT_FALSE(fs::exists(o.file));
  o = render(kSection, {{"years", {{{"year", 2023}}}}}, true);
  EXPECT_TRUE(o.error.empty()) << o.error;
  ASSERT_EQ(o.warnings.items().size(), 1u);
  EXPECT_NE(o.warnings.items()[0].message.find("{{chart}}"), std::string::npos);
  auto bad = render(kSection, {{"years", {{{"year", 2023}, {"chart", {{"categories", {"甲"}}, {"series", "x"}}}}}}});
  EXPECT_NE(bad.error.find("series"), std::string::npos) << bad.error;
}

}  // namespace
}  // namespace jixiao
