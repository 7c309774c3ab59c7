// The parts of a filled template other than the cells: sheet elements that name rows, drawings,
// tables, comments, workbook.xml (defined names, calcPr), calcChain removal.
#include <cstring>

#include "writers/xlsx_template_internal.h"

namespace jixiao::xlsx_fill {

namespace {

// A merge that lies inside one repeated block repeats with every copy; any other is shifted.
void shift_merges(pugi::xml_node merges, const WorkbookRowMaps& maps, int sheet) {
  const RowMap& rm = maps.maps[sheet];
  std::vector<std::string> refs;
  for (pugi::xml_node m = merges.first_child(); m; m = m.next_sibling()) {
    if (local_name(m) != "mergeCell") continue;
    auto r = parse_range(m.attribute("ref").value());
    if (!r) {
      refs.push_back(m.attribute("ref").value());
      continue;
    }
    int b = rm.block_of(r->first.row);
    if (b >= 0 && b == rm.block_of(r->last.row)) {
      const RowBlock& blk = rm.blocks()[b];
      for (uint32_t i = 0; i < blk.copies; ++i) {
        CellRange c = *r;
        c.first.row = static_cast<uint32_t>(rm.in_copy(b, r->first.row, i));
        c.last.row = static_cast<uint32_t>(rm.in_copy(b, r->last.row, i));
        refs.push_back(range_name(c));
      }
      continue;
    }
    if (auto s = shift_range(maps, sheet, *r)) refs.push_back(range_name(*s));
  }
  std::string tag = merges.name();
  std::string prefix = tag.substr(0, tag.size() - std::strlen("mergeCells"));
  while (merges.first_child()) merges.remove_child(merges.first_child());
  for (const std::string& ref : refs) merges.append_child((prefix + "mergeCell").c_str()).append_attribute("ref") = ref.c_str();
  if (auto count = merges.attribute("count")) count = static_cast<unsigned>(refs.size());
  if (refs.empty()) merges.parent().remove_child(merges);
}

void shift_formula_text(pugi::xml_node f, const WorkbookRowMaps& maps, int sheet) {
  std::string text = f.text().get();
  std::string shifted = shift_formula_rows(text, maps, ShiftSite{sheet, -1, 0});
  if (shifted != text) f.text().set(shifted.c_str());
}

bool shift_sqref_attr(pugi::xml_node n, const WorkbookRowMaps& maps, int sheet) {
  pugi::xml_attribute a = n.attribute("sqref");
  if (!a) return true;
  std::string s = shift_sqref(a.value(), maps, sheet);
  if (s.empty()) return false;
  a.set_value(s.c_str());
  return true;
}

void shift_ref_attr(pugi::xml_node n, const WorkbookRowMaps& maps, int sheet, bool& keep) {
  pugi::xml_attribute a = n.attribute("ref");
  if (!a) return;
  auto r = parse_range(a.value());
  if (!r) return;
  auto s = shift_range(maps, sheet, *r);
  if (!s) {
    keep = false;
    return;
  }
  a.set_value(range_name(*s).c_str());
}

// Excel 2010 extensions (x14 conditional formats and validations, as Excel and WPS write a list
// validation over another sheet): <xm:sqref> lists and <xm:f> formulas anywhere inside extLst.
void shift_extensions(pugi::xml_node n, const WorkbookRowMaps& maps, int sheet) {
  std::vector<pugi::xml_node> gone;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view name = local_name(c);
    if (name == "sqref") {
      std::string s = shift_sqref(c.text().get(), maps, sheet);
      if (s.empty()) gone.push_back(c.parent());
      else c.text().set(s.c_str());
    } else if (name == "f") {
      shift_formula_text(c, maps, sheet);
    } else {
      shift_extensions(c, maps, sheet);
    }
  }
  for (auto g : gone) g.parent().remove_child(g);
}

// A page break before template row r: before the same row of copy 0, or the row after a removed block.
uint32_t anchor_row(const RowMap& rm, uint32_t r);

}  // namespace

void shift_sheet_elements(pugi::xml_document& doc, const WorkbookRowMaps& maps, int sheet) {
  pugi::xml_node ws = doc.document_element();
  std::vector<pugi::xml_node> drop;
  for (pugi::xml_node n = ws.first_child(); n; n = n.next_sibling()) {
    std::string_view name = local_name(n);
    if (name == "mergeCells") {
      // handled after the loop (it may remove itself)
    } else if (name == "conditionalFormatting") {
      if (!shift_sqref_attr(n, maps, sheet)) drop.push_back(n);
      for (pugi::xml_node rule = n.first_child(); rule; rule = rule.next_sibling())
        for (pugi::xml_node f = rule.first_child(); f; f = f.next_sibling())
          if (local_name(f) == "formula") shift_formula_text(f, maps, sheet);
    } else if (name == "dataValidations") {
      std::vector<pugi::xml_node> gone;
      for (pugi::xml_node dv = n.first_child(); dv; dv = dv.next_sibling()) {
        if (local_name(dv) != "dataValidation") continue;
        if (!shift_sqref_attr(dv, maps, sheet)) gone.push_back(dv);
        for (pugi::xml_node f = dv.first_child(); f; f = f.next_sibling())
          if (local_name(f) == "formula1" || local_name(f) == "formula2") shift_formula_text(f, maps, sheet);
      }
      for (auto g : gone) n.remove_child(g);
      size_t left = 0;
      for (pugi::xml_node dv = n.first_child(); dv; dv = dv.next_sibling()) left += local_name(dv) == "dataValidation";
      if (auto count = n.attribute("count")) count = static_cast<unsigned>(left);
      if (left == 0) drop.push_back(n);
    } else if (name == "hyperlinks") {
      std::vector<pugi::xml_node> gone;
      for (pugi::xml_node h = n.first_child(); h; h = h.next_sibling()) {
        bool keep = true;
        shift_ref_attr(h, maps, sheet, keep);
        if (!keep) gone.push_back(h);
      }
      for (auto g : gone) n.remove_child(g);
      if (!n.first_child()) drop.push_back(n);
    } else if (name == "autoFilter") {
      bool keep = true;
      shift_ref_attr(n, maps, sheet, keep);
      if (!keep) drop.push_back(n);
    } else if (name == "rowBreaks") {
      for (pugi::xml_node brk = n.first_child(); brk; brk = brk.next_sibling())
        if (local_name(brk) == "brk" && brk.attribute("id"))
          brk.attribute("id").set_value(anchor_row(maps.maps[sheet], brk.attribute("id").as_uint()));
    } else if (name == "extLst") {
      shift_extensions(n, maps, sheet);
    }
  }
  for (auto d : drop) ws.remove_child(d);
  if (pugi::xml_node m = child(ws, "mergeCells")) shift_merges(m, maps, sheet);
}

namespace {

// A drawing anchor or comment row: into copy 0 of a repeated block, to the row after a removed one.
uint32_t anchor_row(const RowMap& rm, uint32_t r) {
  int b = rm.block_of(r);
  if (b < 0) return static_cast<uint32_t>(rm.outside(r));
  const RowBlock& blk = rm.blocks()[b];
  return blk.copies == 0 ? blk.out_first : static_cast<uint32_t>(rm.in_copy(b, r, 0));
}

void shift_anchors(pugi::xml_node n, const RowMap& rm) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view name = local_name(c);
    if (name == "from" || name == "to") {
      if (pugi::xml_node row = child(c, "row")) {
        uint32_t r = row.text().as_uint();
        row.text().set(anchor_row(rm, r));
      }
      continue;
    }
    if (name == "twoCellAnchor" || name == "oneCellAnchor" || name == "AlternateContent" || name == "Choice" ||
        name == "Fallback")
      shift_anchors(c, rm);
  }
}

}  // namespace

namespace {

// Replaces the text of every element <P:local>text</P:local> (any prefix, no attributes, no markup
// inside) by fn(text), leaving every other byte as it is.
template <class Fn>
std::string replace_element_text(const std::string& in, std::string_view local, Fn fn) {
  std::string out;
  size_t done = 0;
  for (size_t lt = in.find('<'); lt != std::string::npos; lt = in.find('<', lt + 1)) {
    size_t gt = in.find('>', lt);
    if (gt == std::string::npos) break;
    std::string_view qname(in.data() + lt + 1, gt - lt - 1);
    if (qname.empty() || qname.find_first_of(" /\t\r\n\"'") != std::string_view::npos || ooxml::local_name(qname) != local)
      continue;
    std::string close = "</" + std::string(qname) + ">";
    size_t end = in.find(close, gt + 1);
    if (end == std::string::npos || in.find('<', gt + 1) != end) continue;
    out.append(in, done, gt + 1 - done);
    out += fn(std::string_view(in.data() + gt + 1, end - gt - 1));
    done = end;
    lt = end;
  }
  out.append(in, done, std::string::npos);
  return out;
}

// Legacy VML (the comment boxes): not always well-formed XML (Office writes <br> unclosed), so
// rewritten as text. <x:Row> is the commented cell's row; <x:Anchor> is "col, dx, row, dy, col, dx,
// row, dy" of the box.
std::string shift_vml(const std::string& vml, const RowMap& rm) {
  std::string s = replace_element_text(vml, "Row", [&](std::string_view text) {
    std::string t(text);
    size_t a = t.find_first_not_of(" \t\r\n"), b = t.find_last_not_of(" \t\r\n");
    if (a == std::string::npos || t.find_first_not_of("0123456789", a) <= b) return t;
    return std::to_string(anchor_row(rm, static_cast<uint32_t>(std::stoul(t.substr(a, b - a + 1)))));
  });
  return replace_element_text(s, "Anchor", [&](std::string_view text) {
    std::vector<long> v;
    std::string t(text);
    for (size_t i = 0; i <= t.size();) {
      size_t j = t.find(',', i);
      if (j == std::string::npos) j = t.size();
      v.push_back(std::strtol(t.substr(i, j - i).c_str(), nullptr, 10));
      i = j + 1;
    }
    if (v.size() != 8 || v[2] < 0 || v[6] < v[2]) return t;
    long top = static_cast<long>(anchor_row(rm, static_cast<uint32_t>(v[2])));
    v[6] += top - v[2];
    v[2] = top;
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + std::to_string(v[i]);
    return out;
  });
}

}  // namespace

std::map<std::string, std::string> shift_sheet_satellites(const ZipPackage& pkg, const SheetInfo& sheet,
                                                          const WorkbookRowMaps& maps, int sheet_index) {
  std::map<std::string, std::string> out;
  const RowMap& rm = maps.maps[sheet_index];
  if (rm.identity()) return out;
  for (const Relationship& rel : read_relationships(pkg, sheet.part)) {
    if (rel.external || !pkg.has(rel.target)) continue;
    if (rel.is("vmlDrawing")) {
      if (auto vml = pkg.read(rel.target)) {
        std::string shifted = shift_vml(*vml, rm);
        if (shifted != *vml) out[rel.target] = std::move(shifted);
      }
      continue;
    }
    bool drawing = rel.is("drawing"), table = rel.is("table"), comments = rel.is("comments");
    if (!drawing && !table && !comments) continue;
    auto xml = pkg.read(rel.target);
    if (!xml) continue;
    pugi::xml_document doc;
    if (!doc.load_buffer(xml->data(), xml->size(), kParseFlags)) continue;
    pugi::xml_node root = doc.document_element();
    if (drawing) {
      shift_anchors(root, rm);
    } else if (table) {
      bool keep = true;
      shift_ref_attr(root, maps, sheet_index, keep);
      if (pugi::xml_node af = child(root, "autoFilter")) shift_ref_attr(af, maps, sheet_index, keep);
      // A table keeps at least one data row (Excel repairs a header-only table): an emptied list
      // leaves one blank row in the table's range.
      auto r = parse_range(root.attribute("ref").value());
      if (r && r->first.row == r->last.row && root.attribute("headerRowCount").as_int(1) != 0) {
        r->last.row += 1;
        root.attribute("ref").set_value(range_name(*r).c_str());
        if (pugi::xml_node af = child(root, "autoFilter")) af.attribute("ref").set_value(range_name(*r).c_str());
      }
    } else {
      if (pugi::xml_node list = child(root, "commentList"))
        for (pugi::xml_node c = list.first_child(); c; c = c.next_sibling()) {
          auto p = parse_cell(c.attribute("ref").value());
          if (!p) continue;
          p->row = anchor_row(rm, p->row);
          c.attribute("ref").set_value(cell_name(*p).c_str());
        }
    }
    out[rel.target] = ooxml::save(doc);
  }
  return out;
}

namespace {

std::string shift_chart_ref(const std::string& f, const WorkbookRowMaps& maps) {
  size_t bang = f.rfind('!');
  if (bang != std::string::npos && f.find_first_of(",( ", bang) == std::string::npos) {
    std::string sheet_part = f.substr(0, bang), name = sheet_part;
    if (name.size() >= 2 && name.front() == '\'' && name.back() == '\'') {
      name = name.substr(1, name.size() - 2);
      for (size_t i = name.find("''"); i != std::string::npos; i = name.find("''", i + 1)) name.erase(i, 1);
    }
    std::string plain;
    for (char c : f.substr(bang + 1))
      if (c != '$') plain += c;
    int sheet = maps.sheet_index(name);
    auto r = parse_range(plain);
    if (sheet >= 0 && r) {
      auto s = shift_range(maps, sheet, *r);
      if (!s) return f;  // the rows are gone: the chart keeps its reference and shows nothing new
      auto abs = [](CellPos p) {
        std::string a = "$";
        a += column_name(p.col);
        a += '$';
        a += std::to_string(p.row + 1);
        return a;
      };
      std::string out = sheet_part + "!" + abs(s->first);
      if (!(s->first == s->last)) {
        out += ':';
        out += abs(s->last);
      }
      return out;
    }
  }
  return shift_formula_rows(f, maps, ShiftSite{0, -1, 0});
}

bool shift_chart_node(pugi::xml_node n, const WorkbookRowMaps& maps) {
  bool changed = false;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    if (local_name(c) == "f") {
      std::string text = c.text().get();
      std::string shifted = shift_chart_ref(text, maps);
      if (shifted != text) {
        c.text().set(shifted.c_str());
        changed = true;
      }
    } else {
      changed |= shift_chart_node(c, maps);
    }
  }
  return changed;
}

}  // namespace

bool shift_chart(pugi::xml_document& doc, const WorkbookRowMaps& maps) {
  return !maps.identity() && shift_chart_node(doc, maps);
}

std::string rewrite_workbook(pugi::xml_document& doc, const WorkbookRowMaps& maps) {
  pugi::xml_node wb = doc.document_element();
  std::string prefix;
  {
    std::string tag = wb.name();
    size_t colon = tag.find(':');
    if (colon != std::string::npos) prefix = tag.substr(0, colon + 1);
  }
  pugi::xml_node names = child(wb, "definedNames");
  for (pugi::xml_node n = names.first_child(); n; n = n.next_sibling()) {
    if (local_name(n) != "definedName") continue;
    int sheet = n.attribute("localSheetId") ? n.attribute("localSheetId").as_int() : 0;
    if (sheet < 0 || sheet >= static_cast<int>(maps.maps.size())) sheet = 0;
    std::string text = n.text().get();
    std::string shifted = shift_formula_rows(text, maps, ShiftSite{sheet, -1, 0});
    if (shifted != text) n.text().set(shifted.c_str());
  }
  pugi::xml_node calc = child(wb, "calcPr");
  if (!calc) {
    pugi::xml_node after = names ? names : child(wb, "sheets");
    calc = after ? wb.insert_child_after((prefix + "calcPr").c_str(), after) : wb.append_child((prefix + "calcPr").c_str());
  }
  if (!calc.attribute("fullCalcOnLoad")) calc.append_attribute("fullCalcOnLoad");
  calc.attribute("fullCalcOnLoad").set_value("1");
  return ooxml::save(doc);
}

}  // namespace jixiao::xlsx_fill
