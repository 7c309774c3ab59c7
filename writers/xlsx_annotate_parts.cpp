#include "writers/xlsx_annotate_parts.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "readers/zip_package.h"
#include "writers/package_writer.h"
#include "writers/spreadsheet_parts.h"
#include "writers/xml_writer.h"
#include "writers/xlsx_annotate.h"

namespace jixiao {

namespace x = ooxml;

std::string quote_sheet_name(const std::string& name) {
  std::string out = "'";
  for (char c : name) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

bool is_plain_number(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (digits == 0) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    size_t frac = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++frac;
    if (frac == 0) return false;
  }
  return i == s.size();
}

// ---- styles ----------------------------------------------------------------------------------

namespace {

uint32_t element_count(pugi::xml_node n) {
  uint32_t k = 0;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) k += c.type() == pugi::node_element;
  return k;
}

pugi::xml_node add_child(pugi::xml_node parent, const char* local) {
  return parent.append_child((x::prefix_of(parent) + local).c_str());
}

void set_attr(pugi::xml_node n, const char* name, const char* value) {
  pugi::xml_attribute a = n.attribute(name);
  if (!a) a = n.append_attribute(name);
  a.set_value(value);
}

}  // namespace

bool StyleEditor::load(const std::string* data) {
  if (!x::load(doc_, data ? *data : minimal_stylesheet())) return false;
  for (pugi::xml_node xf : section("cellXfs").children())
    if (x::local_name(xf) == "xf") original_xfs_.push_back(xf);
  if (original_xfs_.empty()) {
    pugi::xml_node xf = add_child(section("cellXfs"), "xf");
    for (const char* a : {"numFmtId", "fontId", "fillId", "borderId"}) xf.append_attribute(a) = 0;
    original_xfs_.push_back(xf);
  }
  return true;
}

pugi::xml_node StyleEditor::section(const char* local) {
  pugi::xml_node ss = x::root(doc_);
  if (pugi::xml_node n = x::child(ss, local)) return n;
  return x::insert_ordered(ss, local,
                           {"numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs",
                            "tableStyles", "colors", "extLst"});
}

uint32_t StyleEditor::marked(uint32_t xf) {
  if (xf >= original_xfs_.size()) xf = 0;
  if (auto it = marked_.find(xf); it != marked_.end()) return it->second;
  if (fill_ < 0) {
    pugi::xml_node fills = section("fills");
    // Excel reserves fills 0 and 1 (none, gray125) and ignores a pattern placed there.
    while (element_count(fills) < 2) {
      const char* pattern = element_count(fills) == 0 ? "none" : "gray125";
      add_child(add_child(fills, "fill"), "patternFill").append_attribute("patternType") = pattern;
    }
    pugi::xml_node pf = add_child(add_child(fills, "fill"), "patternFill");
    pf.append_attribute("patternType") = "solid";
    add_child(pf, "fgColor").append_attribute("rgb") = kMarkFillRgb;
    add_child(pf, "bgColor").append_attribute("indexed") = 64;
    fill_ = static_cast<int>(element_count(fills)) - 1;
  }
  pugi::xml_node xfs = section("cellXfs");
  pugi::xml_node copy = xfs.append_copy(original_xfs_[xf]);
  set_attr(copy, "fillId", std::to_string(fill_).c_str());
  set_attr(copy, "applyFill", "1");
  uint32_t index = element_count(xfs) - 1;
  marked_.emplace(xf, index);
  return index;
}

uint32_t StyleEditor::add_font(bool bold, bool link) {
  pugi::xml_node fonts = section("fonts");
  pugi::xml_node base = x::child(fonts, "font");
  pugi::xml_node f = base ? fonts.append_copy(base) : add_child(fonts, "font");
  for (const char* drop : {"b", "u", "color"})
    while (pugi::xml_node n = x::child(f, drop)) f.remove_child(n);
  const std::string p = x::prefix_of(f);
  if (link) {
    f.prepend_child((p + "u").c_str());
    add_child(f, "color").append_attribute("rgb") = "FF0563C1";
  }
  if (bold) f.prepend_child((p + "b").c_str());
  return element_count(fonts) - 1;
}

uint32_t StyleEditor::add_xf(uint32_t font, const char* horizontal) {
  pugi::xml_node xfs = section("cellXfs");
  pugi::xml_node xf = add_child(xfs, "xf");
  xf.append_attribute("numFmtId") = 0;
  xf.append_attribute("fontId") = font;
  xf.append_attribute("fillId") = 0;
  xf.append_attribute("borderId") = 0;
  if (element_count(x::child(x::root(doc_), "cellStyleXfs")) > 0) xf.append_attribute("xfId") = 0;
  if (font != 0) xf.append_attribute("applyFont") = 1;
  xf.append_attribute("applyAlignment") = 1;
  pugi::xml_node al = add_child(xf, "alignment");
  if (horizontal) al.append_attribute("horizontal") = horizontal;
  al.append_attribute("vertical") = horizontal ? "center" : "top";
  al.append_attribute("wrapText") = 1;
  return element_count(xfs) - 1;
}

uint32_t StyleEditor::header() {
  if (!header_) header_ = add_xf(add_font(true, false), "center");
  return *header_;
}
uint32_t StyleEditor::body() {
  if (!body_) body_ = add_xf(0, nullptr);
  return *body_;
}
uint32_t StyleEditor::link() {
  if (!link_) link_ = add_xf(add_font(false, true), nullptr);
  return *link_;
}

std::string StyleEditor::text() {
  pugi::xml_node ss = x::root(doc_);
  for (const char* s : {"fonts", "fills", "cellXfs"})
    if (pugi::xml_node n = x::child(ss, s)) set_attr(n, "count", std::to_string(element_count(n)).c_str());
  return x::save(doc_);
}

// ---- cells -----------------------------------------------------------------------------------

void number_rows_and_cells(pugi::xml_node data) {
  uint32_t rn = 0;
  for (pugi::xml_node row : data.children()) {
    if (x::local_name(row) != "row") continue;
    if (pugi::xml_attribute r = row.attribute("r")) rn = r.as_uint();
    else row.append_attribute("r") = ++rn;
    uint32_t cn = 0;  // 1-based
    for (pugi::xml_node c : row.children()) {
      if (x::local_name(c) != "c") continue;
      if (pugi::xml_attribute r = c.attribute("r")) {
        if (auto p = parse_cell(r.value())) cn = p->col + 1;
      } else {
        c.append_attribute("r") = cell_name({rn - 1, cn++}).c_str();
      }
    }
  }
}

pugi::xml_node find_or_add_row(pugi::xml_node data, uint32_t r) {
  for (pugi::xml_node row : data.children()) {
    if (x::local_name(row) != "row") continue;
    uint32_t n = row.attribute("r").as_uint();
    if (n == r) return row;
    if (n > r) {
      pugi::xml_node added = data.insert_child_before((x::prefix_of(data) + "row").c_str(), row);
      added.append_attribute("r") = r;
      return added;
    }
  }
  pugi::xml_node added = add_child(data, "row");
  added.append_attribute("r") = r;
  return added;
}

pugi::xml_node find_or_add_cell(pugi::xml_node row, CellPos p, uint32_t style) {
  const std::string name = x::prefix_of(row) + "c";
  pugi::xml_node before;
  for (pugi::xml_node c : row.children()) {
    if (x::local_name(c) == "extLst") {
      before = c;
      break;
    }
    if (x::local_name(c) != "c") continue;
    auto q = parse_cell(c.attribute("r").value());
    if (!q) continue;
    if (q->col == p.col) return c;
    if (q->col > p.col) {
      before = c;
      break;
    }
  }
  pugi::xml_node c = before ? row.insert_child_before(name.c_str(), before) : row.append_child(name.c_str());
  c.append_attribute("r") = cell_name(p).c_str();
  if (style) c.append_attribute("s") = style;
  // A row's spans hint ("1:5") must still cover its cells.
  if (pugi::xml_attribute spans = row.attribute("spans")) {
    std::string_view v = spans.value();
    size_t colon = v.find(':');
    if (colon != std::string_view::npos) {
      uint32_t lo = std::strtoul(std::string(v.substr(0, colon)).c_str(), nullptr, 10);
      uint32_t hi = std::strtoul(std::string(v.substr(colon + 1)).c_str(), nullptr, 10);
      lo = std::min(lo, p.col + 1);
      hi = std::max(hi, p.col + 1);
      spans.set_value((std::to_string(lo) + ":" + std::to_string(hi)).c_str());
    }
  }
  return c;
}

ColumnStyles::ColumnStyles(pugi::xml_node cols) {
  for (pugi::xml_node c : cols.children())
    if (x::local_name(c) == "col" && c.attribute("style"))
      spans_.push_back({{c.attribute("min").as_uint(), c.attribute("max").as_uint()}, c.attribute("style").as_uint()});
}

uint32_t ColumnStyles::at(uint32_t col) const {
  for (const auto& [span, style] : spans_)
    if (col + 1 >= span.first && col + 1 <= span.second) return style;
  return 0;
}

// ---- notes -----------------------------------------------------------------------------------

namespace {

constexpr const char* kCommentsType = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
constexpr const char* kVmlType = "application/vnd.openxmlformats-officedocument.vmlDrawing";
// Each added element declares its own prefixes: drawings written by others bind other prefixes
// (openpyxl's ns0:, ns1:) or declare them on inner elements only.
void vml_namespaces(xml::Writer& w) {
  w.attr("xmlns:v", "urn:schemas-microsoft-com:vml").attr("xmlns:o", "urn:schemas-microsoft-com:office:office");
  w.attr("xmlns:x", "urn:schemas-microsoft-com:office:excel");
}

// The note box type Excel declares once per drawing (_x0000_t202), on a line of its own.
void vml_shape_type(xml::Writer& w) {
  w.start("v:shapetype");
  vml_namespaces(w);
  w.attr("id", "_x0000_t202").attr("coordsize", "21600,21600").attr("o:spt", "202");
  w.attr("path", "m,l,21600r21600,l21600,xe");
  w.start("v:stroke").attr("joinstyle", "miter").end();
  w.start("v:path").attr("gradientshapeok", "t").attr("o:connecttype", "rect").end();
  w.end().newline();
}

// A hidden note box for the cell at p (shape id, z order), as Excel writes one: anchored beside the
// cell, 4 columns wide and 6 rows high.
void vml_shape(xml::Writer& w, long id, CellPos p, int z) {
  const uint32_t top = p.row == 0 ? 0 : p.row - 1;
  w.start("v:shape");
  vml_namespaces(w);
  w.attr("id", "_x0000_s" + std::to_string(id)).attr("type", "#_x0000_t202");
  w.attr("style", "position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:96pt;z-index:" + std::to_string(z) +
                      ";visibility:hidden");
  w.attr("fillcolor", "#ffffe1").attr("o:insetmode", "auto");
  w.start("v:fill").attr("color2", "#ffffe1").end();
  w.start("v:shadow").attr("on", "t").attr("color", "black").attr("obscured", "t").end();
  w.start("v:path").attr("o:connecttype", "none").end();
  w.start("v:textbox").attr("style", "mso-direction-alt:auto").start("div").attr("style", "text-align:left").text("").end().end();
  w.start("x:ClientData").attr("ObjectType", "Note").start("x:MoveWithCells").end().start("x:SizeWithCells").end();
  w.element("x:Anchor", std::to_string(p.col + 1) + ", 15, " + std::to_string(top) + ", 10, " + std::to_string(p.col + 5) +
                            ", 15, " + std::to_string(top + 6) + ", 4");
  w.element("x:AutoFill", "False").start("x:Row").text(p.row).end().start("x:Column").text(p.col).end();
  w.end().end().newline();
}

// The largest number following `key` in text (idmap data="3", _x0000_s2049), 0 when none.
long max_number_after(const std::string& text, std::string_view key) {
  long best = 0;
  for (size_t i = text.find(key); i != std::string::npos; i = text.find(key, i + 1)) {
    best = std::max(best, std::strtol(text.c_str() + i + key.size(), nullptr, 10));
  }
  return best;
}

std::string upper_ref(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

Diagnostic note_error(std::string message) { return Diagnostic::error("annotate.comments", std::move(message)); }

}  // namespace

Expected<bool> add_comments(const CommentTarget& t, const std::vector<std::pair<CellPos, std::string>>& notes,
                            const PartReaderFn& read) {
  if (notes.empty()) return true;
  PackageWriter& out = *t.out;
  pugi::xml_node ws = x::root(*t.sheet_doc);
  const std::string rels_part = x::rels_part_of(t.part);
  auto rels_text = read(rels_part);
  x::Rels rels;
  rels.load_or_init(rels_text ? &*rels_text : nullptr);

  std::string comments_part, vml_part;
  if (pugi::xml_node r = rels.find_type("comments"))
    comments_part = out.has(resolve_part_target(t.part, r.attribute("Target").value()))
                        ? resolve_part_target(t.part, r.attribute("Target").value())
                        : std::string{};
  pugi::xml_node legacy = x::child(ws, "legacyDrawing");
  if (legacy)
    for (pugi::xml_attribute a : legacy.attributes()) {
      std::string_view n = a.name();
      if (n.size() > 3 && n.substr(n.size() - 3) == ":id")
        if (pugi::xml_node r = rels.find_id(a.value())) vml_part = resolve_part_target(t.part, r.attribute("Target").value());
    }

  // The comments part: the sheet's own, or a new one.
  pugi::xml_document cdoc;
  if (!comments_part.empty()) {
    auto text = read(comments_part);
    if (!text || !x::load(cdoc, *text)) return note_error("工作表“" + t.sheet + "”已有的批注部件无法读取");
  } else {
    x::init(cdoc);
    cdoc.append_child("comments").append_attribute("xmlns") = x::kMainNs;
  }
  pugi::xml_node croot = x::root(cdoc);
  const std::initializer_list<const char*> order = {"authors", "commentList", "extLst"};
  pugi::xml_node authors = x::child(croot, "authors");
  if (!authors) authors = x::insert_ordered(croot, "authors", order);
  int author = -1, k = 0;
  for (pugi::xml_node a : authors.children()) {
    if (x::local_name(a) != "author") continue;
    if (std::string_view(a.text().get()) == "jixiao") author = k;
    ++k;
  }
  if (author < 0) {
    authors.append_child((x::prefix_of(authors) + "author").c_str()).text().set("jixiao");
    author = k;
  }
  pugi::xml_node list = x::child(croot, "commentList");
  if (!list) list = x::insert_ordered(croot, "commentList", order);
  const std::string p = x::prefix_of(list);

  std::vector<CellPos> new_shapes;
  for (const auto& [pos, note] : notes) {
    const std::string ref = cell_name(pos);
    pugi::xml_node existing;
    for (pugi::xml_node c : list.children())
      if (x::local_name(c) == "comment" && upper_ref(c.attribute("ref").value()) == ref) existing = c;
    if (existing) {
      // Someone's note is already there: ours goes after it, in the same box.
      pugi::xml_node text = x::child(existing, "text");
      if (!text) text = existing.append_child((p + "text").c_str());
      pugi::xml_node before = x::child(text, "rPh");
      if (!before) before = x::child(text, "phoneticPr");
      pugi::xml_node r = before ? text.insert_child_before((p + "r").c_str(), before) : text.append_child((p + "r").c_str());
      pugi::xml_node tn = r.append_child((p + "t").c_str());
      tn.append_attribute("xml:space") = "preserve";
      tn.text().set(("\n" + note).c_str());
      continue;
    }
    pugi::xml_node c = list.append_child((p + "comment").c_str());
    c.append_attribute("ref") = ref.c_str();
    c.append_attribute("authorId") = author;
    pugi::xml_node tn = c.append_child((p + "text").c_str()).append_child((p + "t").c_str());
    tn.append_attribute("xml:space") = "preserve";
    tn.text().set(note.c_str());
    new_shapes.push_back(pos);
  }
  if (comments_part.empty()) {
    comments_part = [&] {
      for (int n = 1;; ++n)
        if (std::string name = "xl/comments" + std::to_string(n) + ".xml"; !out.has(name)) return name;
    }();
    rels.add("comments", x::relative_target(t.part, comments_part));
    t.types->set_override(comments_part, kCommentsType);
  }
  out.put(comments_part, x::save(cdoc));

  if (!new_shapes.empty()) {
    if (!vml_part.empty() && out.has(vml_part)) {
      auto text = read(vml_part);
      if (!text) return note_error("工作表“" + t.sheet + "”已有的批注绘图无法读取");
      std::string vml = std::move(*text);
      size_t end = vml.rfind("</xml>");
      if (end == std::string::npos || vml.find("urn:schemas-microsoft-com:vml") == std::string::npos)
        return note_error("工作表“" + t.sheet + "”已有的批注绘图（" + vml_part + "）格式无法识别");
      std::string add;
      xml::Writer w(add);
      if (vml.find("_x0000_t202") == std::string::npos) vml_shape_type(w);
      long id = std::max(max_number_after(vml, "_x0000_s"), 1024L);
      int z = static_cast<int>(max_number_after(vml, "z-index:"));
      for (CellPos pos : new_shapes) vml_shape(w, ++id, pos, ++z);
      vml.insert(end, add);
      out.put(vml_part, std::move(vml));
    } else {
      // A new drawing: its shape ids in a block (idmap) that no other drawing of the package uses.
      long block = 0;
      for (const std::string& part : out.part_names()) {
        std::string lower = part;
        for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (lower.size() < 4 || lower.substr(lower.size() - 4) != ".vml") continue;
        if (auto text = read(part)) block = std::max(block, max_number_after(*text, "data=\""));
      }
      ++block;
      std::string vml;
      xml::Writer w(vml);
      w.start("xml");
      vml_namespaces(w);
      w.newline().start("o:shapelayout").attr("v:ext", "edit").start("o:idmap").attr("v:ext", "edit").attr("data", block);
      w.end().end().newline();
      vml_shape_type(w);
      long id = block * 1024;
      int z = 0;
      for (CellPos pos : new_shapes) vml_shape(w, ++id, pos, ++z);
      w.end().newline();
      vml_part = [&] {
        for (int n = 1;; ++n)
          if (std::string name = "xl/drawings/vmlDrawing" + std::to_string(n) + ".vml"; !out.has(name)) return name;
      }();
      out.put(vml_part, std::move(vml));
      const std::string rid = rels.add("vmlDrawing", x::relative_target(t.part, vml_part));
      t.types->ensure_default("vml", kVmlType);
      if (legacy) {
        // A <legacyDrawing> whose target is missing: point it at the new drawing.
        for (pugi::xml_attribute a : legacy.attributes())
          if (std::string_view(a.name()).ends_with(":id")) a.set_value(rid.c_str());
      } else {
        legacy = x::insert_worksheet_child(ws, "legacyDrawing");
        const std::string r = x::ensure_ns_prefix(ws, x::kRelNs, "r");
        legacy.append_attribute((r + ":id").c_str()) = rid.c_str();
      }
    }
  }
  out.put(rels_part, rels.text());
  return true;
}

// ---- 核查结果 --------------------------------------------------------------------------------

namespace {

// Display width in Excel's character units: CJK and other wide characters count two.
size_t display_width(std::string_view s) {
  size_t w = 0;
  for (unsigned char c : s) {
    if (c < 0x80) ++w;
    else if (c >= 0xE0) w += 2;  // lead byte of a 3- or 4-byte sequence
  }
  return w;
}

}  // namespace

std::string build_findings_sheet(const std::vector<SummaryRow>& rows, StyleEditor& styles) {
  struct Column {
    const char* title;
    double width;
  };
  const Column cols[] = {{"级别", 7}, {"工作表", 26}, {"单元格", 9}, {"规则", 28}, {"说明", 64}, {"应为", 13}, {"填报值", 13}};
  pugi::xml_document doc;
  x::init(doc);
  pugi::xml_node ws = doc.append_child("worksheet");
  ws.append_attribute("xmlns") = x::kMainNs;
  ws.append_attribute("xmlns:r") = x::kRelNs;
  pugi::xml_node pr = ws.append_child("sheetPr");
  pr.append_child("tabColor").append_attribute("rgb") = "FFC00000";
  pr.append_child("pageSetUpPr").append_attribute("fitToPage") = 1;  // printed: one page wide
  const size_t last_row = std::max<size_t>(rows.size(), 1) + 1;
  ws.append_child("dimension").append_attribute("ref") = ("A1:G" + std::to_string(last_row)).c_str();
  pugi::xml_node view = ws.append_child("sheetViews").append_child("sheetView");
  view.append_attribute("workbookViewId") = 0;
  pugi::xml_node pane = view.append_child("pane");
  pane.append_attribute("ySplit") = 1;
  pane.append_attribute("topLeftCell") = "A2";
  pane.append_attribute("activePane") = "bottomLeft";
  pane.append_attribute("state") = "frozen";
  pugi::xml_node sel = view.append_child("selection");
  sel.append_attribute("pane") = "bottomLeft";
  sel.append_attribute("activeCell") = "A2";
  sel.append_attribute("sqref") = "A2";
  ws.append_child("sheetFormatPr").append_attribute("defaultRowHeight") = 15;
  pugi::xml_node cols_el = ws.append_child("cols");
  for (uint32_t i = 0; i < 7; ++i) {
    pugi::xml_node c = cols_el.append_child("col");
    c.append_attribute("min") = i + 1;
    c.append_attribute("max") = i + 1;
    c.append_attribute("width") = std::to_string(static_cast<int>(cols[i].width)).c_str();
    c.append_attribute("customWidth") = 1;
  }
  pugi::xml_node data = ws.append_child("sheetData");
  const uint32_t header = styles.header(), body = styles.body();
  auto text_cell = [](pugi::xml_node row, uint32_t r, uint32_t col, const std::string& value, uint32_t style) {
    pugi::xml_node c = row.append_child("c");
    c.append_attribute("r") = cell_name({r - 1, col}).c_str();
    c.append_attribute("s") = style;
    // Text, numbers included: "91.00" and "0.992" read as the finding states them.
    c.append_attribute("t") = "inlineStr";
    pugi::xml_node t = c.append_child("is").append_child("t");
    t.append_attribute("xml:space") = "preserve";
    t.text().set(x::xml_text(value).c_str());
  };
  pugi::xml_node hrow = data.append_child("row");
  hrow.append_attribute("r") = 1;
  for (uint32_t i = 0; i < 7; ++i) text_cell(hrow, 1, i, cols[i].title, header);

  pugi::xml_node links;
  uint32_t r = 1;
  for (const SummaryRow& row : rows) {
    const Finding& f = *row.finding;
    ++r;
    const std::string values[] = {severity_word_zh(f.severity), f.sheet, f.cell, f.rule, f.message, f.expected, f.found};
    size_t lines = 1;
    for (uint32_t i = 0; i < 7; ++i) {
      const double usable = cols[i].width - 1;
      lines = std::max(lines, static_cast<size_t>((display_width(values[i]) + usable - 1) / usable));
    }
    pugi::xml_node xr = data.append_child("row");
    xr.append_attribute("r") = r;
    if (lines > 1) {
      xr.append_attribute("ht") = std::to_string(lines * 15).c_str();
      xr.append_attribute("customHeight") = 1;
    }
    for (uint32_t i = 0; i < 7; ++i) {
      // The 单元格 column holds the link; a finding without a cell links to its sheet.
      std::string value = values[i];
      if (i == 2 && value.empty() && !row.link.empty()) value = "（整表）";
      text_cell(xr, r, i, value, i == 2 && !row.link.empty() ? styles.link() : body);
    }
    if (!row.link.empty()) {
      if (!links) links = ws.append_child("hyperlinks");
      pugi::xml_node h = links.append_child("hyperlink");
      h.append_attribute("ref") = cell_name({r - 1, 2}).c_str();
      h.append_attribute("location") = x::xml_text(row.link).c_str();
      h.append_attribute("display") = x::xml_text(f.cell.empty() ? f.sheet : f.cell).c_str();
    }
  }
  if (rows.empty()) {
    pugi::xml_node xr = data.append_child("row");
    xr.append_attribute("r") = 2;
    text_cell(xr, 2, 0, "未发现问题", body);
  }
  pugi::xml_node margins = ws.append_child("pageMargins");
  for (auto [k, v] : {std::pair{"left", "0.7"}, {"right", "0.7"}, {"top", "0.75"}, {"bottom", "0.75"}, {"header", "0.3"},
                      {"footer", "0.3"}})
    margins.append_attribute(k) = v;
  pugi::xml_node setup = ws.append_child("pageSetup");
  setup.append_attribute("paperSize") = 9;
  setup.append_attribute("orientation") = "landscape";
  setup.append_attribute("fitToWidth") = 1;
  setup.append_attribute("fitToHeight") = 0;
  return x::save(doc);
}

}  // namespace jixiao
