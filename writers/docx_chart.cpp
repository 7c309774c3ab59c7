#include "writers/docx_chart.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <set>
#include <sstream>

#include "readers/ooxml_package.h"
#include "writers/package_writer.h"
#include "writers/spreadsheet_parts.h"
#include "writers/xml_writer.h"

namespace jixiao {

namespace {

using Json = nlohmann::ordered_json;

bool is(pugi::xml_node n, const char* name) { return std::strcmp(n.name(), name) == 0; }

Diagnostic bad(std::string message) { return Diagnostic::error("template.chart_data", std::move(message)); }

// What xsd:double accepts of a decimal: sign, digits, point, exponent; no inf or NaN.
bool is_decimal(std::string_view s) {
  size_t i = 0, digits = 0;
  auto digit = [&] { return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); };
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  while (digit()) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (digit()) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    size_t e = 0;
    while (digit()) ++i, ++e;
    if (e == 0) return false;
  }
  return i == s.size();
}

// A label from the data: strings as they are, numbers as JSON spells them.
std::optional<std::string> label(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number()) return v.dump();
  if (v.is_null()) return std::string();
  return std::nullopt;
}

// 0 -> "A", 25 -> "Z", 26 -> "AA"
std::string column_name(size_t i) {
  std::string s;
  for (++i; i > 0; i = (i - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (i - 1) % 26));
  return s;
}

bool is_plot(pugi::xml_node n) {
  static const char* const kPlots[] = {"c:barChart", "c:bar3DChart", "c:lineChart", "c:line3DChart", "c:pieChart",
                                       "c:pie3DChart", "c:doughnutChart", "c:areaChart", "c:area3DChart"};
  for (const char* p : kPlots)
    if (is(n, p)) return true;
  return false;
}

bool is_pie(pugi::xml_node plot) { return is(plot, "c:pieChart") || is(plot, "c:pie3DChart"); }

pugi::xml_node set_val(pugi::xml_node parent, const char* name, const std::string& value) {
  pugi::xml_node n = parent.child(name);
  if (!n) n = parent.append_child(name);
  if (n.attribute("val")) n.attribute("val").set_value(value.c_str());
  else n.append_attribute("val").set_value(value.c_str());
  return n;
}

void clear(pugi::xml_node n) {
  while (n.first_child()) n.remove_child(n.first_child());
}

// Explicit colours a series carries: fill, line, marker fill and line.
std::vector<pugi::xml_node> solid_fills(pugi::xml_node ser) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node sp : {ser.child("c:spPr"), ser.child("c:marker").child("c:spPr")}) {
    if (pugi::xml_node f = sp.child("a:solidFill")) out.push_back(f);
    if (pugi::xml_node f = sp.child("a:ln").child("a:solidFill")) out.push_back(f);
  }
  return out;
}

std::string colour_of(pugi::xml_node fill) {
  std::string v = fill.child("a:srgbClr").attribute("val").value();
  if (v.empty()) v = fill.child("a:schemeClr").attribute("val").value();
  std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::toupper(c); });
  return v;
}

// Gives a new series or point a colour none of its neighbours has, from Office's default accents
// (as RGB: a document without a theme part, as LibreOffice writes them, has no accent colours).
void recolour(std::vector<pugi::xml_node> fills, std::set<std::string>& used, size_t k) {
  if (fills.empty()) return;  // automatic colours already differ by c:idx
  static const char* const kPalette[] = {"4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47",
                                         "264478", "9E480E", "636363", "997300", "255E91", "43682B"};
  std::string pick = kPalette[k % std::size(kPalette)];
  for (const char* c : kPalette)
    if (!used.count(c)) {
      pick = c;
      break;
    }
  used.insert(pick);
  for (pugi::xml_node f : fills) {
    clear(f);
    f.append_child("a:srgbClr").append_attribute("val").set_value(pick.c_str());
  }
}

// Inserts a child named `name` before the first of `before` present, else at the end.
pugi::xml_node ensure_child(pugi::xml_node parent, const char* name, std::initializer_list<const char*> before) {
  if (pugi::xml_node n = parent.child(name)) return n;
  for (const char* b : before)
    if (pugi::xml_node at = parent.child(b)) return parent.insert_child_before(name, at);
  return parent.append_child(name);
}

// Word 2016 gives every series and point an id of its own (c16:uniqueId in an extension); a clone
// must not carry its original's, or Word reports the file as damaged. The id is optional: drop it.
void drop_unique_ids(pugi::xml_node n) {
  for (pugi::xml_node ext = n.child("c:extLst").child("c:ext"); ext;) {
    pugi::xml_node next = ext.next_sibling("c:ext");
    bool unique_id = false;
    for (pugi::xml_node c : ext.children())
      if (std::string_view(c.name()).ends_with(":uniqueId")) unique_id = true;
    if (unique_id) ext.parent().remove_child(ext);
    ext = next;
  }
  if (pugi::xml_node list = n.child("c:extLst"); list && !list.first_child()) n.remove_child(list);
}

void add_pt(pugi::xml_node cache, size_t idx, const std::string& v) {
  pugi::xml_node pt = cache.append_child("c:pt");
  pt.append_attribute("idx").set_value(std::to_string(idx).c_str());
  pt.append_child("c:v").text().set(v.c_str());
}

void fill_series(pugi::xml_node ser, const ChartData& data, size_t s, bool pie) {
  const size_t n = data.categories.size();
  const ChartData::Series& series = data.series[s];
  const std::string col = column_name(s + 1), last_row = std::to_string(n + 1);
  set_val(ser, "c:idx", std::to_string(s));
  pugi::xml_node order = ser.child("c:order");
  if (!order) order = ser.insert_child_after("c:order", ser.child("c:idx"));
  set_val(ser, "c:order", std::to_string(s));

  pugi::xml_node tx = ser.child("c:tx");
  if (!tx) tx = ser.insert_child_after("c:tx", order);
  clear(tx);
  pugi::xml_node ref = tx.append_child("c:strRef");
  ref.append_child("c:f").text().set(("Sheet1!$" + col + "$1").c_str());
  pugi::xml_node cache = ref.append_child("c:strCache");
  set_val(cache, "c:ptCount", "1");
  add_pt(cache, 0, series.name);

  pugi::xml_node cat = ensure_child(ser, "c:cat", {"c:val", "c:shape", "c:smooth", "c:extLst"});
  clear(cat);
  ref = cat.append_child("c:strRef");
  ref.append_child("c:f").text().set(("Sheet1!$A$2:$A$" + last_row).c_str());
  cache = ref.append_child("c:strCache");
  set_val(cache, "c:ptCount", std::to_string(n));
  for (size_t i = 0; i < n; ++i) add_pt(cache, i, data.categories[i]);

  pugi::xml_node val = ser.child("c:val");
  if (!val) val = ser.insert_child_after("c:val", cat);
  std::string format = data.format;
  if (format.empty()) format = val.child("c:numRef").child("c:numCache").child("c:formatCode").text().get();
  if (format.empty()) format = "General";
  clear(val);
  ref = val.append_child("c:numRef");
  ref.append_child("c:f").text().set(("Sheet1!$" + col + "$2:$" + col + "$" + last_row).c_str());
  cache = ref.append_child("c:numCache");
  cache.append_child("c:formatCode").text().set(format.c_str());
  set_val(cache, "c:ptCount", std::to_string(n));
  for (size_t i = 0; i < n && i < series.values.size(); ++i)
    if (series.values[i]) add_pt(cache, i, *series.values[i]);

  // per-point overrides (colours, labels) for points that no longer exist
  std::vector<pugi::xml_node> points, gone;
  for (pugi::xml_node d : ser.children("c:dPt")) {
    if (d.child("c:idx").attribute("val").as_ullong() >= n) gone.push_back(d);
    else points.push_back(d);
  }
  for (pugi::xml_node d : ser.child("c:dLbls").children("c:dLbl"))
    if (d.child("c:idx").attribute("val").as_ullong() >= n) gone.push_back(d);
  for (pugi::xml_node d : gone) d.parent().remove_child(d);
  // a pie colours its slices point by point: new slices get their own colour, like the old ones
  if (pie && !points.empty()) {
    std::set<std::string> used;
    std::set<unsigned long long> have;
    for (pugi::xml_node d : points) {
      have.insert(d.child("c:idx").attribute("val").as_ullong());
      for (pugi::xml_node f : solid_fills(d)) used.insert(colour_of(f));
    }
    pugi::xml_node after = points.back();
    for (size_t i = 0; i < n; ++i) {
      if (have.count(i)) continue;
      pugi::xml_node d = ser.insert_copy_after(points.back(), after);
      set_val(d, "c:idx", std::to_string(i));
      drop_unique_ids(d);
      recolour(solid_fills(d), used, i);
      after = d;
    }
  }
}

// Fills one plot with `want` series from data.series[first..]: the template's series in order, the
// last one cloned for more.
bool fill_plot(pugi::xml_node plot, const ChartData& data, size_t first, size_t want) {
  std::vector<pugi::xml_node> sers;
  for (pugi::xml_node s : plot.children("c:ser")) sers.push_back(s);
  if (sers.empty()) return want == 0;
  pugi::xml_document pattern;
  pattern.append_copy(sers.back());
  std::set<std::string> used;
  for (size_t k = 0; k < want && k < sers.size(); ++k)
    for (pugi::xml_node f : solid_fills(sers[k])) used.insert(colour_of(f));
  pugi::xml_node last = sers.back();
  for (size_t k = 0; k < want; ++k) {
    pugi::xml_node ser;
    if (k < sers.size()) {
      ser = sers[k];
    } else {
      ser = plot.insert_copy_after(pattern.first_child(), last);
      while (pugi::xml_node d = ser.child("c:dPt")) ser.remove_child(d);  // the pattern's points, not ours
      drop_unique_ids(ser);
      recolour(solid_fills(ser), used, k);
      last = ser;
    }
    fill_series(ser, data, first + k, is_pie(plot));
  }
  for (size_t k = want; k < sers.size(); ++k) plot.remove_child(sers[k]);
  return true;
}

void set_title(pugi::xml_node chart, const std::string& text) {
  pugi::xml_node title = chart.child("c:title");
  if (text.empty()) {
    if (title) chart.remove_child(title);
    return;
  }
  if (!title) title = chart.prepend_child("c:title");
  pugi::xml_node tx = title.child("c:tx");
  if (!tx) tx = title.prepend_child("c:tx");
  pugi::xml_node rich = tx.child("c:rich");
  if (!rich) {
    clear(tx);
    rich = tx.append_child("c:rich");
    rich.append_child("a:bodyPr");
    rich.append_child("a:lstStyle");
  }
  pugi::xml_node p = rich.child("a:p");
  if (!p) p = rich.append_child("a:p");
  while (p.next_sibling("a:p")) rich.remove_child(p.next_sibling("a:p"));
  // the first run keeps its formatting; fields and further runs go
  pugi::xml_node run = p.child("a:r");
  for (pugi::xml_node c = p.first_child(); c;) {
    pugi::xml_node next = c.next_sibling();
    if ((is(c, "a:r") && c != run) || is(c, "a:fld") || is(c, "a:br")) p.remove_child(c);
    c = next;
  }
  if (!run) run = p.insert_child_before("a:r", p.child("a:endParaRPr"));
  pugi::xml_node t = run.child("a:t");
  if (!t) t = run.append_child("a:t");
  t.text().set(text.c_str());
}

}  // namespace

Expected<ChartData> chart_data_from_json(const Json& v) {
  if (!v.is_object()) return bad("图表数据应为对象 {\"categories\": […], \"series\": [{\"name\": …, \"values\": […]}]}");
  ChartData d;
  auto cats = v.find("categories");
  if (cats == v.end() || !cats->is_array()) return bad("图表数据缺少 categories（分类名称的列表）");
  for (const Json& c : *cats) {
    auto s = label(c);
    if (!s) return bad("图表数据 categories 中有既非文字也非数字的项");
    d.categories.push_back(*s);
  }
  auto series = v.find("series");
  if (series == v.end() || !series->is_array() || series->empty())
    return bad("图表数据缺少 series（至少一个系列：{\"name\": …, \"values\": […]}）");
  for (const Json& s : *series) {
    ChartData::Series out;
    std::string which = "第 " + std::to_string(d.series.size() + 1) + " 个系列";
    if (!s.is_object()) return bad("图表数据 series 的" + which + "应为对象 {\"name\": …, \"values\": […]}");
    if (auto name = s.find("name"); name != s.end()) {
      auto n = label(*name);
      if (!n) return bad("图表数据 series 的" + which + "的 name 应为文字");
      out.name = *n;
    }
    auto values = s.find("values");
    if (values == s.end() || !values->is_array()) return bad("图表数据 series 的" + which + "缺少 values 列表");
    if (values->size() > d.categories.size())
      return bad("图表数据 series 的" + which + "有 " + std::to_string(values->size()) + " 个值，多于 " +
                 std::to_string(d.categories.size()) + " 个分类");
    for (const Json& x : *values) {
      if (x.is_null()) {
        out.values.push_back(std::nullopt);
      } else if (x.is_number()) {
        out.values.push_back(x.dump());
      } else if (x.is_string() && is_decimal(x.get<std::string>())) {
        out.values.push_back(x.get<std::string>());
      } else {
        return bad("图表数据 series 的" + which + "中 " + x.dump() + " 不是数字");
      }
    }
    d.series.push_back(std::move(out));
  }
  if (auto f = v.find("format"); f != v.end() && !f->is_null()) {
    if (!f->is_string()) return bad("图表数据的 format 应为数字格式文字，如 \"0.00\"");
    d.format = f->get<std::string>();
  }
  if (auto t = v.find("title"); t != v.end() && !t->is_null()) {
    auto s = label(*t);
    if (!s) return bad("图表数据的 title 应为文字");
    d.title = *s;
  }
  return d;
}

Expected<std::string> fill_chart_xml(std::string_view xml, const ChartData& data, const std::optional<std::string>& title,
                                     std::vector<std::string>* notes) {
  pugi::xml_document doc;
  pugi::xml_parse_result ok = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!ok) return bad(std::string("图表部件的 XML 无效：") + ok.description());
  pugi::xml_node chart = doc.child("c:chartSpace").child("c:chart");
  if (!chart) return bad("图表部件不是 DrawingML 图表（缺少 c:chartSpace/c:chart）");
  std::vector<pugi::xml_node> plots;
  for (pugi::xml_node c : chart.child("c:plotArea").children())
    if (is_plot(c)) plots.push_back(c);
  if (plots.empty()) return bad("图表不是可填充的类型（柱形图、条形图、折线图、饼图、面积图）");
  size_t next = 0, n = data.series.size();
  for (size_t p = 0; p < plots.size(); ++p) {
    size_t have = 0;
    for (pugi::xml_node s : plots[p].children("c:ser")) (void)s, ++have;
    size_t want = n - next;  // the last plot takes the rest
    if (is_pie(plots[p])) want = std::min<size_t>(want, 1);
    else if (p + 1 < plots.size()) want = std::min(want, have);
    if (!fill_plot(plots[p], data, next, want)) return bad("图表中没有可作样板的系列（c:ser）");
    next += want;
  }
  if (next < n && notes) {
    std::string dropped;
    for (size_t s = next; s < n; ++s) dropped += (dropped.empty() ? "“" : "”、“") + data.series[s].name;
    notes->push_back("图表只能显示 " + std::to_string(next) + " 个系列（饼图只显示一个），未显示：" + dropped + "”");
  }
  if (title) set_title(chart, *title);
  // with no title of its own, Word would show a lone series' name as one: say there is none
  if (!chart.child("c:title")) {
    pugi::xml_node atd = chart.child("c:autoTitleDeleted");
    if (!atd) atd = chart.prepend_child("c:autoTitleDeleted");
    set_val(chart, "c:autoTitleDeleted", "1");
  }
  std::ostringstream os;
  doc.save(os, "", pugi::format_raw, pugi::encoding_utf8);
  return os.str();
}

std::string chart_title_text(std::string_view xml) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata)) return {};
  std::string s;
  for (pugi::xpath_node x : doc.select_nodes("/c:chartSpace/c:chart/c:title/c:tx/c:rich//a:t")) s += x.node().text().get();
  auto sp = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && sp(s.back())) s.pop_back();
  size_t b = 0;
  while (b < s.size() && sp(s[b])) ++b;
  return s.substr(b);
}

namespace {

const char* const kSheetMl = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

std::string chart_sheet_xml(const ChartData& data, bool custom, std::vector<std::string>& strings) {
  auto sst = [&](const std::string& s) {
    strings.push_back(s);
    return strings.size() - 1;
  };
  const size_t n = data.categories.size();
  return xml::part("worksheet", ooxml::kMainNs, [&](xml::Writer& w) {
    w.start("dimension").attr("ref", "A1:" + column_name(data.series.size()) + std::to_string(n + 1)).end();
    w.start("sheetData");
    w.start("row").attr("r", 1);
    for (size_t s = 0; s < data.series.size(); ++s)
      w.start("c").attr("r", column_name(s + 1), "1").attr("t", "s").start("v").text(sst(data.series[s].name)).end().end();
    w.end();
    for (size_t i = 0; i < n; ++i) {
      std::string r = std::to_string(i + 2);
      w.start("row").attr("r", r);
      w.start("c").attr("r", "A", r).attr("t", "s").start("v").text(sst(data.categories[i])).end().end();
      for (size_t s = 0; s < data.series.size(); ++s) {
        const auto& v = data.series[s].values;
        if (i >= v.size() || !v[i]) continue;
        w.start("c").attr("r", column_name(s + 1), r);
        if (custom) w.attr("s", 1);
        w.element("v", *v[i]).end();
      }
      w.end();
    }
    w.end();
  });
}

std::string chart_shared_strings_xml(const std::vector<std::string>& strings) {
  return xml::part("sst", ooxml::kMainNs, [&](xml::Writer& w) {
    w.attr("count", strings.size()).attr("uniqueCount", strings.size());
    for (const std::string& s : strings) w.start("si").start("t").attr("xml:space", "preserve").text(s).end().end();
  });
}

std::string relationships_xml(std::initializer_list<std::pair<const char*, const char*>> rels) {
  return xml::part("Relationships", ooxml::kPkgRelNs, [&](xml::Writer& w) {
    int id = 0;
    for (auto [type, target] : rels)
      w.start("Relationship").attr("Id", "rId" + std::to_string(++id)).attr("Type", std::string(ooxml::kRelTypeBase) + type)
          .attr("Target", target).end();
  });
}

std::string content_types_xml() {
  return xml::part("Types", ooxml::kContentTypesNs, [&](xml::Writer& w) {
    w.start("Default").attr("Extension", "rels").attr("ContentType", "application/vnd.openxmlformats-package.relationships+xml");
    w.end().start("Default").attr("Extension", "xml").attr("ContentType", "application/xml").end();
    for (auto [part, type] : {std::pair{"/xl/workbook.xml", "sheet.main+xml"}, {"/xl/worksheets/sheet1.xml", "worksheet+xml"},
                              {"/xl/styles.xml", "styles+xml"}, {"/xl/sharedStrings.xml", "sharedStrings+xml"}})
      w.start("Override").attr("PartName", part).attr("ContentType", std::string(kSheetMl) + type).end();
  });
}

std::string workbook_xml() {
  return xml::part("workbook", ooxml::kMainNs, [&](xml::Writer& w) {
    w.attr("xmlns:r", ooxml::kRelNs);
    w.start("sheets").start("sheet").attr("name", "Sheet1").attr("sheetId", 1).attr("r:id", "rId1").end().end();
  });
}

}  // namespace

ChartWorkbookParts chart_workbook_parts(const ChartData& data) {
  const bool custom = !data.format.empty() && data.format != "General";  // values styled by cellXfs 1
  ChartWorkbookParts p;
  std::vector<std::string> strings;
  p.sheet = chart_sheet_xml(data, custom, strings);
  p.shared_strings = chart_shared_strings_xml(strings);
  p.styles = minimal_stylesheet(data.format);
  return p;
}

Expected<std::string> chart_workbook(const ChartData& data) {
  ChartWorkbookParts parts = chart_workbook_parts(data);
  PackageWriter w;
  w.put("[Content_Types].xml", content_types_xml());
  w.put("_rels/.rels", relationships_xml({{"officeDocument", "xl/workbook.xml"}}));
  w.put("xl/workbook.xml", workbook_xml());
  w.put("xl/_rels/workbook.xml.rels", relationships_xml({{"worksheet", "worksheets/sheet1.xml"},
                                                         {"styles", "styles.xml"},
                                                         {"sharedStrings", "sharedStrings.xml"}}));
  w.put("xl/worksheets/sheet1.xml", std::move(parts.sheet));
  w.put("xl/styles.xml", std::move(parts.styles));
  w.put("xl/sharedStrings.xml", std::move(parts.shared_strings));
  return w.write_memory();
}

}  // namespace jixiao
