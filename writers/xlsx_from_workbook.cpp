#include "writers/xlsx_from_workbook.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "readers/sniff.h"
#include "writers/package_writer.h"

namespace jixiao {

namespace {

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kPkgRels = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kRelBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr const char* kCtBase = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

std::string to_string(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + out.str();
}

// XML 1.0 cannot hold most control characters: they go in as OOXML's _xHHHH_ escapes, which the
// reader decodes back (a literal "_x" sequence is escaped too, as Excel does).
std::string xml_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const bool control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    const bool looks_escaped = c == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_' &&
                               std::isxdigit(static_cast<unsigned char>(s[i + 2])) &&
                               std::isxdigit(static_cast<unsigned char>(s[i + 5]));
    if (control || looks_escaped) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "_x%04X_", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string number_text(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

pugi::xml_node root(pugi::xml_document& doc, const char* name, const char* ns) {
  pugi::xml_node n = doc.append_child(name);
  n.append_attribute("xmlns") = ns;
  return n;
}

std::string rels(const std::vector<std::pair<std::string, std::string>>& targets) {  // type, target
  pugi::xml_document doc;
  pugi::xml_node r = root(doc, "Relationships", kPkgRels);
  for (size_t i = 0; i < targets.size(); ++i) {
    pugi::xml_node e = r.append_child("Relationship");
    e.append_attribute("Id") = ("rId" + std::to_string(i + 1)).c_str();
    e.append_attribute("Type") = targets[i].first.c_str();
    e.append_attribute("Target") = targets[i].second.c_str();
  }
  return to_string(doc);
}

std::string styles(const Workbook& wb) {
  // One numFmt per distinct code; built-in General stays id 0.
  std::map<std::string, uint32_t> ids;
  std::vector<uint32_t> xf_fmt;
  for (const std::string& code : wb.style_formats) {
    if (code.empty() || code == "General") {
      xf_fmt.push_back(0);
      continue;
    }
    auto [it, fresh] = ids.emplace(code, 164 + static_cast<uint32_t>(ids.size()));
    xf_fmt.push_back(it->second);
  }
  if (xf_fmt.empty()) xf_fmt.push_back(0);
  pugi::xml_document doc;
  pugi::xml_node ss = root(doc, "styleSheet", kMain);
  if (!ids.empty()) {
    pugi::xml_node nf = ss.append_child("numFmts");
    nf.append_attribute("count") = static_cast<unsigned>(ids.size());
    std::vector<std::pair<uint32_t, std::string>> sorted;
    for (const auto& [code, id] : ids) sorted.emplace_back(id, code);
    std::sort(sorted.begin(), sorted.end());
    for (const auto& [id, code] : sorted) {
      pugi::xml_node f = nf.append_child("numFmt");
      f.append_attribute("numFmtId") = id;
      f.append_attribute("formatCode") = xml_safe(code).c_str();
    }
  }
  pugi::xml_node fonts = ss.append_child("fonts");
  fonts.append_attribute("count") = 1;
  pugi::xml_node font = fonts.append_child("font");
  font.append_child("sz").append_attribute("val") = 11;
  font.append_child("name").append_attribute("val") = "宋体";
  pugi::xml_node fills = ss.append_child("fills");
  fills.append_attribute("count") = 2;
  fills.append_child("fill").append_child("patternFill").append_attribute("patternType") = "none";
  fills.append_child("fill").append_child("patternFill").append_attribute("patternType") = "gray125";
  pugi::xml_node borders = ss.append_child("borders");
  borders.append_attribute("count") = 1;
  borders.append_child("border");
  pugi::xml_node sxf = ss.append_child("cellStyleXfs");
  sxf.append_attribute("count") = 1;
  sxf.append_child("xf").append_attribute("numFmtId") = 0;
  pugi::xml_node xfs = ss.append_child("cellXfs");
  xfs.append_attribute("count") = static_cast<unsigned>(xf_fmt.size());
  for (uint32_t id : xf_fmt) {
    pugi::xml_node xf = xfs.append_child("xf");
    xf.append_attribute("numFmtId") = id;
    xf.append_attribute("fontId") = 0;
    xf.append_attribute("fillId") = 0;
    xf.append_attribute("borderId") = 0;
    xf.append_attribute("xfId") = 0;
    if (id != 0) xf.append_attribute("applyNumberFormat") = 1;
  }
  pugi::xml_node cs = ss.append_child("cellStyles");
  cs.append_attribute("count") = 1;
  pugi::xml_node normal = cs.append_child("cellStyle");
  normal.append_attribute("name") = "Normal";
  normal.append_attribute("xfId") = 0;
  normal.append_attribute("builtinId") = 0;
  return to_string(doc);
}

std::string sheet_xml(const Workbook& wb, const Sheet& sh, std::map<std::string, uint32_t>& sst,
                      std::vector<std::string>& sst_order) {
  pugi::xml_document doc;
  pugi::xml_node ws = root(doc, "worksheet", kMain);
  ws.append_attribute("xmlns:r") = kRelNs;
  pugi::xml_node data = ws.append_child("sheetData");
  pugi::xml_node row;
  uint32_t row_no = UINT32_MAX;
  const uint32_t nstyles = static_cast<uint32_t>(std::max<size_t>(wb.style_formats.size(), 1));
  for (const Cell& c : sh.cells) {
    if (c.row > 1048575 || c.col > 16383) continue;  // beyond an .xlsx grid
    if (c.row != row_no) {
      row = data.append_child("row");
      row.append_attribute("r") = c.row + 1;
      row_no = c.row;
    }
    pugi::xml_node x = row.append_child("c");
    x.append_attribute("r") = cell_name(c.pos()).c_str();
    if (c.style != 0 && c.style < nstyles) x.append_attribute("s") = c.style;
    switch (c.type) {
      case CellType::Empty: break;
      case CellType::Number:
      case CellType::Date: x.append_child("v").text().set(number_text(c.number).c_str()); break;
      case CellType::Boolean:
        x.append_attribute("t") = "b";
        x.append_child("v").text().set(c.number != 0 ? "1" : "0");
        break;
      case CellType::Error:
        x.append_attribute("t") = "e";
        x.append_child("v").text().set(std::string(wb.text(c)).c_str());
        break;
      case CellType::String: {
        std::string s = xml_safe(wb.text(c));
        auto [it, fresh] = sst.emplace(s, static_cast<uint32_t>(sst_order.size()));
        if (fresh) sst_order.push_back(s);
        x.append_attribute("t") = "s";
        x.append_child("v").text().set(it->second);
        break;
      }
    }
  }
  if (!sh.merges.empty()) {
    pugi::xml_node mc = ws.append_child("mergeCells");
    mc.append_attribute("count") = static_cast<unsigned>(sh.merges.size());
    for (const CellRange& m : sh.merges)
      mc.append_child("mergeCell").append_attribute("ref") = (cell_name(m.first) + ":" + cell_name(m.last)).c_str();
  }
  return to_string(doc);
}

}  // namespace

Expected<std::string> workbook_to_xlsx(const Workbook& wb) {
  PackageWriter out;
  pugi::xml_document ct;
  pugi::xml_node types = root(ct, "Types", "http://schemas.openxmlformats.org/package/2006/content-types");
  auto deflt = [&](const char* ext, const char* type) {
    pugi::xml_node d = types.append_child("Default");
    d.append_attribute("Extension") = ext;
    d.append_attribute("ContentType") = type;
  };
  auto over = [&](const std::string& part, const std::string& type) {
    pugi::xml_node o = types.append_child("Override");
    o.append_attribute("PartName") = ("/" + part).c_str();
    o.append_attribute("ContentType") = type.c_str();
  };
  deflt("rels", "application/vnd.openxmlformats-package.relationships+xml");
  deflt("xml", "application/xml");
  over("xl/workbook.xml", std::string(kCtBase) + "sheet.main+xml");
  over("xl/styles.xml", std::string(kCtBase) + "styles+xml");
  over("xl/sharedStrings.xml", std::string(kCtBase) + "sharedStrings+xml");

  pugi::xml_document book;
  pugi::xml_node wbn = root(book, "workbook", kMain);
  wbn.append_attribute("xmlns:r") = kRelNs;
  if (wb.date1904) wbn.append_child("workbookPr").append_attribute("date1904") = 1;
  pugi::xml_node sheets = wbn.append_child("sheets");
  std::vector<std::pair<std::string, std::string>> book_rels;
  std::map<std::string, uint32_t> sst;
  std::vector<std::string> sst_order;
  bool any_visible = false;
  for (const Sheet& sh : wb.sheets) any_visible |= sh.state == SheetState::Visible;
  for (size_t i = 0; i < wb.sheets.size(); ++i) {
    const Sheet& sh = wb.sheets[i];
    const std::string part = "xl/worksheets/sheet" + std::to_string(i + 1) + ".xml";
    out.put(part, sheet_xml(wb, sh, sst, sst_order));
    over(part, std::string(kCtBase) + "worksheet+xml");
    book_rels.emplace_back(std::string(kRelBase) + "worksheet", "worksheets/sheet" + std::to_string(i + 1) + ".xml");
    pugi::xml_node s = sheets.append_child("sheet");
    s.append_attribute("name") = xml_safe(sh.name.empty() ? "Sheet" + std::to_string(i + 1) : sh.name).c_str();
    s.append_attribute("sheetId") = static_cast<unsigned>(i + 1);
    // Excel refuses a workbook without a visible sheet: the first one stays visible then.
    if (sh.state == SheetState::Hidden && (any_visible || i > 0)) s.append_attribute("state") = "hidden";
    if (sh.state == SheetState::VeryHidden && (any_visible || i > 0)) s.append_attribute("state") = "veryHidden";
    s.append_attribute("r:id") = ("rId" + std::to_string(i + 1)).c_str();
  }
  if (!wb.names.empty()) {
    pugi::xml_node dn = wbn.append_child("definedNames");
    for (const DefinedName& n : wb.names) {
      if (n.name.empty() || n.value.empty()) continue;
      pugi::xml_node d = dn.append_child("definedName");
      d.append_attribute("name") = n.name.c_str();
      if (n.local_sheet) d.append_attribute("localSheetId") = *n.local_sheet;
      if (n.hidden) d.append_attribute("hidden") = 1;
      d.text().set(n.value.c_str());
    }
  }
  book_rels.emplace_back(std::string(kRelBase) + "styles", "styles.xml");
  book_rels.emplace_back(std::string(kRelBase) + "sharedStrings", "sharedStrings.xml");

  pugi::xml_document strings;
  pugi::xml_node sstn = root(strings, "sst", kMain);
  sstn.append_attribute("count") = static_cast<unsigned>(sst_order.size());
  sstn.append_attribute("uniqueCount") = static_cast<unsigned>(sst_order.size());
  for (const std::string& s : sst_order) {
    pugi::xml_node t = sstn.append_child("si").append_child("t");
    if (!s.empty() && (s.front() == ' ' || s.back() == ' ' || s.find('\n') != std::string::npos))
      t.append_attribute("xml:space") = "preserve";
    t.text().set(s.c_str());
  }

  out.put("[Content_Types].xml", to_string(ct));
  out.put("_rels/.rels", rels({{std::string(kRelBase) + "officeDocument", "xl/workbook.xml"}}));
  out.put("xl/workbook.xml", to_string(book));
  out.put("xl/_rels/workbook.xml.rels", rels(book_rels));
  out.put("xl/styles.xml", styles(wb));
  out.put("xl/sharedStrings.xml", to_string(strings));
  return out.write_memory();
}

bool needs_xlsx_conversion(const std::string& input) {
  std::ifstream in(input, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  if (head.size() >= 8 && static_cast<unsigned char>(head[0]) == 0xD0 && static_cast<unsigned char>(head[1]) == 0xCF) {
    // A compound file: an .xls unless it is an encrypted .xlsx, which the whole file tells.
    std::ifstream all(input, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(all)), std::istreambuf_iterator<char>());
    return sniff_bytes(bytes) == FileKind::LegacyCfb;
  }
  return sniff_bytes(head) == FileKind::LegacyBiff;
}

std::string annotated_copy_path(const std::string& input, const std::string& requested) {
  if (!needs_xlsx_conversion(input)) return requested;
  std::filesystem::path p(requested);
  std::string ext = p.extension().string();
  for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (ext == ".xlsx") return requested;
  if (ext == ".xls" || ext == ".xlt") p.replace_extension(".xlsx");
  else p += ".xlsx";
  return p.string();
}

}  // namespace jixiao
