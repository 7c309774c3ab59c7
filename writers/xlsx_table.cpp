#include "writers/xlsx_table.h"

#include <charconv>

#include "readers/cell_ref.h"
#include "readers/ooxml_package.h"
#include "writers/package_writer.h"
#include "writers/xml_writer.h"

namespace jixiao {

namespace {

// Constant attribute values are written as text ("1", not 1) in this file: xml::Writer's integer
// overload, inlined here, draws GCC 12's false -Wrestrict at -O3 (bug 105651, fixed in GCC 13).
constexpr const char* kCtBase = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

// Styles: 0 normal, 1 bold (the header), 2 a link (blue, underlined), 3 wrapped text (long messages).
std::string stylesheet() {
  return xml::part("styleSheet", ooxml::kMainNs, [](xml::Writer& w) {
    w.start("fonts").attr("count", "3");
    auto font = [&](bool bold, bool link) {
      w.start("font");
      if (bold) w.start("b").end();
      if (link) w.start("u").end();
      w.start("sz").attr("val", "11").end();
      if (link) w.start("color").attr("rgb", "FF0563C1").end();
      w.start("name").attr("val", "等线").end().start("family").attr("val", "2").end().end();
    };
    font(false, false);
    font(true, false);
    font(false, true);
    w.end();
    w.start("fills").attr("count", "2");
    for (const char* pattern : {"none", "gray125"}) w.start("fill").start("patternFill").attr("patternType", pattern).end().end();
    w.end();
    w.start("borders").attr("count", "1").start("border");
    for (const char* side : {"left", "right", "top", "bottom", "diagonal"}) w.start(side).end();
    w.end().end();
    w.start("cellStyleXfs").attr("count", "1");
    w.start("xf").attr("numFmtId", "0").attr("fontId", "0").attr("fillId", "0").attr("borderId", "0").end().end();
    w.start("cellXfs").attr("count", "4");
    auto xf = [&](int font_id, bool wrap) {
      w.start("xf").attr("numFmtId", "0").attr("fontId", font_id).attr("fillId", "0").attr("borderId", "0").attr("xfId", "0");
      if (font_id) w.attr("applyFont", "1");
      if (wrap) w.attr("applyAlignment", "1").start("alignment").attr("vertical", "top").attr("wrapText", "1").end();
      w.end();
    };
    xf(0, false);
    xf(1, false);
    xf(2, false);
    xf(0, true);
    w.end();
    w.start("cellStyles").attr("count", "1").start("cellStyle").attr("name", "Normal").attr("xfId", "0").attr("builtinId", "0").end();
    w.end();
  });
}

std::string number_text(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string last_cell(const TableSheet& s) {
  size_t cols = s.header.size();
  for (const auto& row : s.rows) cols = std::max(cols, row.size());
  if (cols == 0) cols = 1;
  return cell_name({static_cast<uint32_t>(s.rows.size()), static_cast<uint32_t>(cols - 1)});
}

// The worksheet part and its relationships (one per link; empty when none).
std::pair<std::string, std::string> worksheet(const TableSheet& s) {
  std::vector<std::pair<std::string, std::string>> links;  // cell, target
  std::string sheet = xml::part("worksheet", ooxml::kMainNs, [&](xml::Writer& w) {
    w.attr("xmlns:r", ooxml::kRelNs);
    w.start("dimension").attr("ref", "A1:" + last_cell(s)).end();
    // The header stays in view while scrolling.
    w.start("sheetViews").start("sheetView").attr("workbookViewId", "0");
    w.start("pane").attr("ySplit", "1").attr("topLeftCell", "A2").attr("activePane", "bottomLeft").attr("state", "frozen").end();
    w.end().end();
    if (!s.widths.empty()) {
      w.start("cols");
      for (size_t c = 0; c < s.widths.size(); ++c)
        w.start("col").attr("min", c + 1).attr("max", c + 1).attr("width", number_text(s.widths[c])).attr("customWidth", "1").end();
      w.end();
    }
    w.start("sheetData");
    auto put_text = [&](const std::string& ref, const std::string& text, int style) {
      w.start("c").attr("r", ref).attr("t", "inlineStr");
      if (style) w.attr("s", style);
      w.start("is").start("t");
      if (!text.empty() && (text.front() == ' ' || text.back() == ' ' || text.find('\n') != std::string::npos))
        w.attr("xml:space", "preserve");
      w.text(text).end().end().end();
    };
    w.start("row").attr("r", "1");
    for (size_t c = 0; c < s.header.size(); ++c) put_text(cell_name({0, static_cast<uint32_t>(c)}), s.header[c], 1);
    w.end();
    for (size_t r = 0; r < s.rows.size(); ++r) {
      w.start("row").attr("r", r + 2);
      for (size_t c = 0; c < s.rows[r].size(); ++c) {
        const TableCell& cell = s.rows[r][c];
        std::string ref = cell_name({static_cast<uint32_t>(r + 1), static_cast<uint32_t>(c)});
        if (cell.number) {
          w.start("c").attr("r", ref).start("v").text(number_text(*cell.number)).end().end();
        } else if (!cell.text.empty()) {
          const bool link = !cell.link.empty();
          put_text(ref, cell.text, link ? 2 : cell.text.size() > 60 ? 3 : 0);
          if (link) links.emplace_back(ref, cell.link);
        }
      }
      w.end();
    }
    w.end();
    w.start("autoFilter").attr("ref", "A1:" + last_cell(s)).end();
    if (!links.empty()) {
      w.start("hyperlinks");
      for (size_t i = 0; i < links.size(); ++i)
        w.start("hyperlink").attr("ref", links[i].first).attr("r:id", "rId" + std::to_string(i + 1)).end();
      w.end();
    }
    w.start("pageMargins").attr("left", "0.7").attr("right", "0.7").attr("top", "0.75").attr("bottom", "0.75");
    w.attr("header", "0.3").attr("footer", "0.3").end();
  });
  std::string rels;
  if (!links.empty())
    rels = xml::part("Relationships", ooxml::kPkgRelNs, [&](xml::Writer& w) {
      for (size_t i = 0; i < links.size(); ++i)
        w.start("Relationship").attr("Id", "rId" + std::to_string(i + 1))
            .attr("Type", std::string(ooxml::kRelTypeBase) + "hyperlink").attr("Target", links[i].second)
            .attr("TargetMode", "External").end();
    });
  return {std::move(sheet), std::move(rels)};
}

}  // namespace

Expected<bool> write_table_workbook(const std::vector<TableSheet>& sheets, const std::string& path) {
  PackageWriter out;
  out.put("[Content_Types].xml", xml::part("Types", ooxml::kContentTypesNs, [&](xml::Writer& w) {
    w.start("Default").attr("Extension", "rels").attr("ContentType", "application/vnd.openxmlformats-package.relationships+xml").end();
    w.start("Default").attr("Extension", "xml").attr("ContentType", "application/xml").end();
    w.start("Override").attr("PartName", "/xl/workbook.xml").attr("ContentType", std::string(kCtBase) + "sheet.main+xml").end();
    w.start("Override").attr("PartName", "/xl/styles.xml").attr("ContentType", std::string(kCtBase) + "styles+xml").end();
    for (size_t i = 0; i < sheets.size(); ++i)
      w.start("Override").attr("PartName", "/xl/worksheets/sheet" + std::to_string(i + 1) + ".xml")
          .attr("ContentType", std::string(kCtBase) + "worksheet+xml").end();
  }));
  out.put("_rels/.rels", xml::part("Relationships", ooxml::kPkgRelNs, [](xml::Writer& w) {
    w.start("Relationship").attr("Id", "rId1").attr("Type", std::string(ooxml::kRelTypeBase) + "officeDocument")
        .attr("Target", "xl/workbook.xml").end();
  }));
  out.put("xl/workbook.xml", xml::part("workbook", ooxml::kMainNs, [&](xml::Writer& w) {
    w.attr("xmlns:r", ooxml::kRelNs);
    w.start("sheets");
    for (size_t i = 0; i < sheets.size(); ++i)
      w.start("sheet").attr("name", sheets[i].name).attr("sheetId", i + 1).attr("r:id", "rId" + std::to_string(i + 1)).end();
    w.end();
    // Excel keeps each sheet's filter range as this hidden name; without it Excel drops the filter.
    w.start("definedNames");
    for (size_t i = 0; i < sheets.size(); ++i) {
      std::string last = last_cell(sheets[i]);
      size_t digit = last.find_first_of("0123456789");
      // Appended piece by piece: `"'" + name + …` draws GCC 12's false -Wrestrict at -O3 (bug 105651).
      std::string ref = "'";
      ref += sheets[i].name;
      ref += "'!$A$1:$";
      ref.append(last, 0, digit);
      ref += '$';
      ref.append(last, digit);
      w.start("definedName").attr("name", "_xlnm._FilterDatabase").attr("localSheetId", i).attr("hidden", "1").text(ref).end();
    }
    w.end();
  }));
  out.put("xl/_rels/workbook.xml.rels", xml::part("Relationships", ooxml::kPkgRelNs, [&](xml::Writer& w) {
    for (size_t i = 0; i < sheets.size(); ++i)
      w.start("Relationship").attr("Id", "rId" + std::to_string(i + 1))
          .attr("Type", std::string(ooxml::kRelTypeBase) + "worksheet")
          .attr("Target", "worksheets/sheet" + std::to_string(i + 1) + ".xml").end();
    w.start("Relationship").attr("Id", "rId" + std::to_string(sheets.size() + 1))
        .attr("Type", std::string(ooxml::kRelTypeBase) + "styles").attr("Target", "styles.xml").end();
  }));
  out.put("xl/styles.xml", stylesheet());
  for (size_t i = 0; i < sheets.size(); ++i) {
    auto [sheet, rels] = worksheet(sheets[i]);
    std::string name = "sheet" + std::to_string(i + 1) + ".xml";
    out.put("xl/worksheets/" + name, std::move(sheet));
    if (!rels.empty()) out.put("xl/worksheets/_rels/" + name + ".rels", std::move(rels));
  }
  return out.write(path);
}

}  // namespace jixiao
