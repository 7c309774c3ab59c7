// XLSX template fill: loads the template (sheets as DOMs: they are small), finds the sections, lays
// out where every template row goes, and writes the package with the shifted parts; each sheet's rows
// are made one at a time from the template and the data (make_cell here) while the package is written,
// their formulas computed and their XML streamed into the deflate (xlsx_template_cells.cpp).
#include "writers/xlsx_template.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <set>

#include "writers/package_writer.h"
#include "writers/xlsx_template_internal.h"
#include "writers/xml_writer.h"

namespace jixiao {

using namespace xlsx_fill;
using Json = nlohmann::ordered_json;
using formula::Value;

namespace {

// Rows that repeat: from the row holding the opening tag to the one holding its closing tag.
struct Section {
  tmpl::Tag tag;
  uint32_t first = 0, last = 0;
  CellPos at;  // where it opens, for messages
};

struct SheetTemplate {
  SheetInfo info;
  pugi::xml_document doc;
  std::vector<TemplateRow> rows;
  std::vector<Section> sections;
  std::vector<std::vector<tmpl::Frame>> section_frames;  // per section, the scope of each copy
};

Diagnostic error(std::string code, std::string message, const std::string& file, const std::string& part = {},
                 const std::string& sheet = {}, const std::string& cell = {}) {
  Diagnostic d = Diagnostic::error(std::move(code), std::move(message), file, part);
  d.sheet = sheet;
  d.cell = cell;
  return d;
}

std::string node_text(pugi::xml_node n) {  // the text of <si>/<is>, phonetic runs left out
  std::string out;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    std::string_view name = local_name(c);
    if (name == "t") out += c.text().get();
    else if (name == "r") out += node_text(c);
  }
  return out;
}

std::string inner_xml(pugi::xml_node n) {
  std::string out;
  struct W : pugi::xml_writer {
    std::string* o;
    void write(const void* d, size_t s) override { o->append(static_cast<const char*>(d), s); }
  } w;
  w.o = &out;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) c.print(w, "", pugi::format_raw);
  return out;
}

std::string attrs_except(pugi::xml_node n, std::initializer_list<std::string_view> skip) {
  std::string out;
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    std::string_view name = a.name();
    if (std::find(skip.begin(), skip.end(), name) != skip.end()) continue;
    out += ' ';
    out += name;
    out += "=\"";
    xml::append_attribute(out, a.value());
    out += '"';
  }
  return out;
}

Value static_value(std::string_view t, pugi::xml_node c, const std::vector<std::string>& sst) {
  pugi::xml_node v = child(c, "v");
  if (t == "s") {
    size_t i = v.text().as_ullong(~0ull);
    return i < sst.size() ? Value::str(sst[i]) : Value::empty();
  }
  if (t == "inlineStr") return Value::str(node_text(child(c, "is")));
  if (!v) return Value::empty();
  if (t == "str" || t == "d") return Value::str(v.text().get());
  if (t == "b") return Value::boolean(v.text().as_int() != 0);
  if (t == "e") return Value::error(v.text().get());
  return Value::num(v.text().as_double());
}

class Filler : public CellMaker {
 public:
  Filler(const std::string& path, const Json& data, Diagnostics& warnings, const XlsxFillOptions& opt)
      : path_(path), data_(data), warnings_(warnings), opt_(opt) {}

  Expected<bool> run(const std::string& out_path);

 private:
  Expected<bool> load();
  Expected<bool> load_sheet(SheetTemplate& s);
  Expected<bool> find_sections(SheetTemplate& s);
  Expected<bool> make_cell(int sheet, const RowSource& at, const TemplateCell& c, OutCell& out, bool quiet) override;
  Expected<const Json*> resolve(const SheetTemplate& s, uint32_t row, uint32_t col, const TemplateCell* c,
                                const tmpl::Tag& t);
  SheetLayout layout(int sheet) const;
  void put_sheet(PackageWriter& writer, int sheet, OutputCells& cells);
  Diagnostic tag_error(const SheetTemplate& s, uint32_t row, uint32_t col, const std::string& msg,
                       const std::string& code = "template.tag") const {
    return error(code, msg, path_, s.info.part, s.info.name, cell_name({row, col}));
  }

  const std::string& path_;
  const Json& data_;
  Diagnostics& warnings_;
  XlsxFillOptions opt_;
  std::unique_ptr<ZipPackage> pkg_;
  std::string workbook_part_;
  pugi::xml_document workbook_;
  std::vector<std::string> sst_;
  std::vector<std::unique_ptr<SheetTemplate>> sheets_;
  WorkbookRowMaps maps_;
  tmpl::Scopes scopes_;
  bool quiet_ = false;  // make_cell for a formula that reads the cell: no warnings (its row gives them)
  Json scratch_;  // {{@index}}
  std::set<std::pair<const TemplateCell*, std::string>> warned_;
};

Expected<bool> Filler::load() {
  auto pkg = ZipPackage::open_file(path_);
  if (!pkg) {
    Diagnostic d = pkg.error();
    d.code = "template.unreadable";
    d.message = "无法读取模板：" + d.message;
    return d;
  }
  pkg_ = std::make_unique<ZipPackage>(std::move(pkg).value());
  workbook_part_ = "xl/workbook.xml";
  for (const Relationship& r : read_relationships(*pkg_, ""))
    if (r.is("officeDocument")) workbook_part_ = r.target;
  auto wb = pkg_->read(workbook_part_);
  if (!wb) return error("template.unreadable", "无法读取模板：" + wb.error().message, path_, workbook_part_);
  if (!workbook_.load_buffer(wb->data(), wb->size(), kParseFlags))
    return error("template.unreadable", "模板的 workbook.xml 不是有效的 XML — 请用 Excel 或 WPS 重新保存模板", path_,
                 workbook_part_);
  auto rels = read_relationships(*pkg_, workbook_part_);
  for (const Relationship& r : rels) {
    if (!r.is("sharedStrings") || !pkg_->has(r.target)) continue;
    auto xml = pkg_->read(r.target);
    if (!xml) return error("template.unreadable", "无法读取模板：" + xml.error().message, path_, r.target);
    pugi::xml_document doc;
    if (!doc.load_buffer(xml->data(), xml->size(), kParseFlags))
      return error("template.unreadable", "模板的共享字符串部件不是有效的 XML", path_, r.target);
    for (pugi::xml_node si = doc.document_element().first_child(); si; si = si.next_sibling())
      if (local_name(si) == "si") sst_.push_back(node_text(si));
  }
  for (pugi::xml_node s = child(child(workbook_.document_element(), "sheets"), "sheet"); s; s = s.next_sibling()) {
    if (local_name(s) != "sheet") continue;
    std::string id;
    for (pugi::xml_attribute a = s.first_attribute(); a; a = a.next_attribute())
      if (std::string_view(a.name()).ends_with(":id")) id = a.value();
    auto sheet = std::make_unique<SheetTemplate>();
    sheet->info.name = s.attribute("name").value();
    for (const Relationship& r : rels)
      if (r.id == id) sheet->info.part = r.target;
    maps_.sheet_names.push_back(sheet->info.name);
    sheets_.push_back(std::move(sheet));
  }
  for (auto& s : sheets_) {
    if (s->info.part.empty() || !pkg_->has(s->info.part)) continue;  // a chartsheet or a broken link: carried over
    auto ok = load_sheet(*s);
    if (!ok) return ok.error();
  }
  return true;
}

Expected<bool> Filler::load_sheet(SheetTemplate& s) {
  auto xml = pkg_->read(s.info.part);
  if (!xml) return error("template.unreadable", "无法读取模板：" + xml.error().message, path_, s.info.part, s.info.name);
  auto res = s.doc.load_buffer(xml->data(), xml->size(), kParseFlags);
  if (!res)
    return error("template.unreadable", std::string("模板工作表不是有效的 XML（") + res.description() + "）", path_,
                 s.info.part, s.info.name);
  pugi::xml_node data = child(s.doc.document_element(), "sheetData");
  if (!data || local_name(s.doc.document_element()) != "worksheet") {
    s.info.part.clear();  // not a worksheet (chartsheet, dialog sheet): carried over unchanged
    return true;
  }
  struct Master {
    CellPos at;
    std::string text;
  };
  std::map<std::string, Master> shared;
  uint32_t next_row = 0, formulas = 0;
  for (pugi::xml_node r = data.first_child(); r; r = r.next_sibling()) {
    if (local_name(r) != "row") continue;
    TemplateRow row;
    row.row = r.attribute("r") ? r.attribute("r").as_uint() - 1 : next_row;
    next_row = row.row + 1;
    row.attrs = attrs_except(r, {"r"});
    uint32_t next_col = 0;
    for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
      if (local_name(c) != "c") continue;
      TemplateCell cell;
      auto pos = parse_cell(c.attribute("r").value());
      cell.col = pos ? pos->col : next_col;
      cell.colname = column_name(cell.col);
      next_col = cell.col + 1;
      cell.attrs = attrs_except(c, {"r", "t"});
      cell.t = c.attribute("t").value();
      if (pugi::xml_node f = child(c, "f")) {
        std::string text = f.text().get();
        std::string_view ft = f.attribute("t").value();
        if (ft == "shared") {
          std::string si = f.attribute("si").value();
          if (f.attribute("ref") || !shared.count(si)) {
            shared[si] = {{row.row, cell.col}, text};
          } else {
            const Master& m = shared[si];
            text = formula::shift_formula(m.text, static_cast<int32_t>(row.row) - static_cast<int32_t>(m.at.row),
                                          static_cast<int32_t>(cell.col) - static_cast<int32_t>(m.at.col));
          }
        }
        cell.array = ft == "array";
        cell.kind = TemplateCell::Kind::Formula;
        cell.formula = FormulaShifter(std::move(text));
        cell.formula_index = formulas++;
      } else {
        std::string text;
        bool is_text = cell.t == "s" || cell.t == "inlineStr";
        if (is_text) {
          Value v = static_value(cell.t, c, sst_);
          text = v.text;
          cell.text = tmpl::parse_text(text);
          if (!cell.text.error.empty())
            return tag_error(s, row.row, cell.col, "标签 " + cell.text.error_tag + " 有误：" + cell.text.error);
        }
        if (is_text && cell.text.has_tags) {
          cell.kind = TemplateCell::Kind::Text;
        } else {
          cell.kind = TemplateCell::Kind::Static;
          cell.inner = inner_xml(c);
          cell.value = static_value(cell.t, c, sst_);
          cell.text = {};
        }
      }
      row.cells.push_back(std::move(cell));
    }
    std::sort(row.cells.begin(), row.cells.end(), [](const TemplateCell& a, const TemplateCell& b) { return a.col < b.col; });
    s.rows.push_back(std::move(row));
  }
  std::stable_sort(s.rows.begin(), s.rows.end(), [](const TemplateRow& a, const TemplateRow& b) { return a.row < b.row; });
  return find_sections(s);
}

// A section whose closing tag is in the same cell repeats text inside the cell (tmpl::render_text);
// any other is a row section, whose tags are taken out of the cells here.
Expected<bool> Filler::find_sections(SheetTemplate& s) {
  std::optional<Section> open;
  std::string open_cell;
  for (TemplateRow& row : s.rows) {
    for (TemplateCell& c : row.cells) {
      std::vector<tmpl::Piece>& pieces = c.text.pieces;
      std::vector<tmpl::Piece> kept;
      for (size_t i = 0; i < pieces.size(); ++i) {
        tmpl::Piece& p = pieces[i];
        if (p.is_tag && p.tag.opens()) {
          tmpl::CloseFinder finder(p.tag);
          size_t close = i + 1;
          while (close < pieces.size() && !(pieces[close].is_tag && finder.closes(pieces[close].tag))) ++close;
          if (close < pieces.size()) {  // inline: kept as it is, up to its closing tag
            for (; i <= close; ++i) kept.push_back(std::move(pieces[i]));
            --i;
            continue;
          }
          if (open)
            return tag_error(s, row.row, c.col,
                             "标签 " + p.tag.text + " 出现在区段 " + open->tag.text + "（始于 " + open_cell +
                                 "）之内：XLSX 模板的行区段不能嵌套 — 请先结束外层区段，或把内层区段写在一个单元格之内");
          open = Section{std::move(p.tag), row.row, row.row, {row.row, c.col}};
          open_cell = cell_name(open->at);
        } else if (p.is_tag && p.tag.kind == tmpl::Tag::Kind::Close) {
          if (!open || open->tag.path != p.tag.path)
            return tag_error(s, row.row, c.col,
                             tmpl::stray_close_message(p.tag) +
                                 (open ? "（当前区段是 " + open->tag.text + "，始于 " + open_cell + "）" : std::string()) +
                                 " — 请检查区段标签是否成对");
          open->last = row.row;
          s.sections.push_back(std::move(*open));
          open.reset();
        } else {
          kept.push_back(std::move(p));
        }
      }
      pieces = std::move(kept);
    }
  }
  if (open)
    return tag_error(s, open->at.row, open->at.col,
                     tmpl::unclosed_section_message(open->tag) + " — 请在区段最后一行加上结束标签");
  return true;
}

Expected<const Json*> Filler::resolve(const SheetTemplate& s, uint32_t row, uint32_t col, const TemplateCell* c,
                                      const tmpl::Tag& t) {
  auto v = tmpl::resolve(scopes_, t, scratch_);
  if (!v) return tag_error(s, row, col, v.error().message);
  if (*v) return *v;
  if (!opt_.lenient)
    return tag_error(s, row, col,
                     tmpl::missing_path_message(t) + " — 请检查 JSON 数据，或用宽松模式（--lenient）让它留空",
                     "template.unknown_path");
  if (!quiet_ && warned_.emplace(c, t.path).second) {
    Diagnostic d = error("template.unknown_path", tmpl::missing_path_message(t) + "，已留空", path_, s.info.part,
                         s.info.name, cell_name({row, col}));
    d.severity = Severity::Warning;
    warnings_.add(std::move(d));
  }
  return nullptr;
}

Expected<bool> Filler::make_cell(int sheet, const RowSource& at, const TemplateCell& c, OutCell& oc, bool quiet) {
  if (c.kind == TemplateCell::Kind::Static) {
    oc.value = c.value;
    return true;
  }
  const std::vector<tmpl::Piece>& pieces = c.text.pieces;
  if (pieces.empty()) {
    oc.kind = OutCell::Kind::Empty;
    return true;
  }
  const SheetTemplate& s = *sheets_[sheet];
  uint32_t row = at.tmpl->row;
  scopes_.resize(1);
  if (at.block >= 0) scopes_.push_back(s.section_frames[at.block][at.copy]);
  quiet_ = quiet;
  const tmpl::Tag* single = pieces.size() == 1 && pieces[0].is_tag && pieces[0].tag.kind == tmpl::Tag::Kind::Value &&
                                    pieces[0].tag.filters.empty()
                                ? &pieces[0].tag
                                : nullptr;
  if (single) {  // the cell takes the value's type
    auto v = resolve(s, row, c.col, &c, *single);
    if (!v) return v.error();
    const Json* j = *v;
    if (!j || j->is_null()) {
      oc.kind = OutCell::Kind::Empty;
    } else if (j->is_number()) {
      oc.kind = OutCell::Kind::Number;
      oc.value = Value::num(j->get<double>());
      tmpl::append_json_number(oc.aux, *j);
    } else if (j->is_boolean()) {
      oc.kind = OutCell::Kind::Boolean;
      oc.value = Value::boolean(j->get<bool>());
    } else if (j->is_string()) {
      oc.kind = OutCell::Kind::String;
      oc.str = &j->get_ref<const std::string&>();
    } else {  // a list or an object: the message says to use a section
      return tag_error(s, row, c.col, tmpl::value_text(*single, *j).error().message);
    }
    return true;
  }
  std::string text;
  auto ok = tmpl::render_text(
      pieces, scopes_, [&](const tmpl::Tag& t) { return resolve(s, row, c.col, &c, t); }, text);
  if (!ok) {
    Diagnostic d = ok.error();
    if (d.cell.empty()) d = tag_error(s, row, c.col, d.message);
    return d;
  }
  oc.kind = OutCell::Kind::String;
  oc.value = Value::str(std::move(text));
  return true;
}

// Where the sheet's rows go, known before any row is made: how far they reach, the cells' extent, how
// many copies of each formula there are.
SheetLayout Filler::layout(int sheet) const {
  const SheetTemplate& s = *sheets_[sheet];
  SheetLayout l;
  if (s.info.part.empty()) return l;  // carried over, not filled
  const RowMap& rm = maps_.maps[sheet];
  l.rows = &s.rows;
  for (const TemplateRow& row : s.rows) {
    int b = rm.block_of(row.row);
    uint32_t copies = b < 0 ? 1 : rm.blocks()[b].copies;
    for (const TemplateCell& c : row.cells)
      if (c.kind == TemplateCell::Kind::Formula) {
        if (l.formula_copies.size() <= c.formula_index) l.formula_copies.resize(c.formula_index + 1);
        l.formula_copies[c.formula_index] = copies;
      }
    if (copies == 0) continue;
    auto first = static_cast<uint32_t>(b < 0 ? rm.outside(row.row) : rm.in_copy(b, row.row, 0));
    auto last = static_cast<uint32_t>(b < 0 ? rm.outside(row.row) : rm.in_copy(b, row.row, copies - 1));
    l.end = std::max(l.end, last + 1);
    if (row.cells.empty()) continue;
    if (!l.extent) l.extent = CellRange{{kMaxRows, kMaxCols}, {0, 0}};
    l.extent->first.row = std::min(l.extent->first.row, first);
    l.extent->last.row = std::max(l.extent->last.row, last);
    l.extent->first.col = std::min(l.extent->first.col, row.cells.front().col);
    l.extent->last.col = std::max(l.extent->last.col, row.cells.back().col);
  }
  return l;
}

// The sheet part: the template's DOM, shifted, around rows that are made and deflated into the
// package as it is written.
void Filler::put_sheet(PackageWriter& writer, int sheet, OutputCells& cells) {
  SheetTemplate& s = *sheets_[sheet];
  const SheetLayout& layout = cells.layout(sheet);
  shift_sheet_elements(s.doc, maps_, sheet);
  pugi::xml_node ws = s.doc.document_element();
  pugi::xml_node data = child(ws, "sheetData");
  std::string P(data.name());
  P = P.substr(0, P.size() - std::strlen("sheetData"));
  if (pugi::xml_node dim = child(ws, "dimension"); dim && layout.extent)
    dim.attribute("ref").set_value(range_name(*layout.extent).c_str());
  while (data.first_child()) data.remove_child(data.first_child());
  static const std::string kMarker = "@@JIXIAO_SHEETDATA@@";
  data.append_child(pugi::node_pcdata).set_value(kMarker.c_str());
  std::string xml = ooxml::save(s.doc);
  size_t at = xml.find(kMarker);
  auto rows = std::make_shared<SheetRowWriter>(
      cells, *this, sheet, layout.end, P, [this, sheet](const TemplateCell& tc, const OutCell& c, uint32_t row) {
        if (!warned_.emplace(&tc, "=").second) return;
        Diagnostic d = error("template.formula_value",
                             "公式 =" + c.aux + " 无法由 jixiao 计算，未写缓存值（Excel 打开时会重算）", path_,
                             sheets_[sheet]->info.part, sheets_[sheet]->info.name, cell_name({row, tc.col}));
        d.severity = Severity::Warning;
        warnings_.add(std::move(d));
      });
  auto head = std::make_shared<std::string>(xml.substr(0, at));
  auto tail = std::make_shared<std::string>(xml.substr(at + kMarker.size()));
  // Pieces of about 256 KiB: zlib takes each in as it comes, and nothing larger is ever held.
  writer.put_stream(s.info.part, [head, tail, rows](std::string& out) -> Expected<bool> {
    if (!head->empty()) {
      out += *head;
      head->clear();
    }
    auto more = rows->next(out, out.size() + (size_t{256} << 10));
    if (!more) return more.error();
    if (*more) return true;
    out += *tail;
    return false;
  });
}

Expected<bool> Filler::run(const std::string& out_path) {
  auto ok = load();
  if (!ok) return ok;
  scopes_ = {{&data_, 0, nullptr}};
  maps_.maps.resize(sheets_.size());
  static const Json null_value;
  for (size_t k = 0; k < sheets_.size(); ++k) {
    SheetTemplate& s = *sheets_[k];
    std::vector<RowBlock> blocks;
    for (const Section& sec : s.sections) {
      auto v = resolve(s, sec.at.row, sec.at.col, nullptr, sec.tag);
      if (!v) return v.error();
      std::vector<tmpl::Frame>& frames = s.section_frames.emplace_back();
      tmpl::section_frames(sec.tag, *v ? **v : null_value, scopes_, frames);
      blocks.push_back(RowBlock{sec.first, sec.last, static_cast<uint32_t>(frames.size()), 0});
    }
    maps_.maps[k] = RowMap(std::move(blocks));
  }
  std::string workbook_xml = rewrite_workbook(workbook_, maps_);
  std::vector<NameText> names;
  for (pugi::xml_node n = child(child(workbook_.document_element(), "definedNames"), "definedName"); n; n = n.next_sibling())
    names.push_back({n.attribute("name").value(), n.text().get(),
                     n.attribute("localSheetId") ? n.attribute("localSheetId").as_int() : -1});
  std::vector<SheetLayout> layouts;
  for (size_t k = 0; k < sheets_.size(); ++k) layouts.push_back(layout(static_cast<int>(k)));
  OutputCells cells(maps_, std::move(layouts), std::move(names), *this);

  auto writer = PackageWriter::from_file(path_);
  if (!writer) return error("template.unreadable", "无法读取模板：" + writer.error().message, path_);
  // zlib level 5: for a 100,000-row list (bench/make_fill.py) the sheet deflates to 5.83 MB against 7.05 MB
  // at level 1 (-17%) for 0.4 s more CPU; level 6 saves only 0.4% more and costs twice that again.
  writer->set_compression_level(5);
  for (size_t k = 0; k < sheets_.size(); ++k) {
    if (sheets_[k]->info.part.empty()) continue;
    put_sheet(*writer, static_cast<int>(k), cells);
    for (auto& [part, xml] : shift_sheet_satellites(*pkg_, sheets_[k]->info, maps_, static_cast<int>(k)))
      writer->put(part, std::move(xml));
  }
  writer->put(workbook_part_, std::move(workbook_xml));
  for (const std::string& part : pkg_->part_names()) {
    std::string n = normalize_part_name(part);
    if (!n.starts_with("xl/charts/") || !n.ends_with(".xml") || n.find("/_rels/") != std::string::npos) continue;
    auto xml = pkg_->read(part);
    pugi::xml_document doc;
    if (!xml || !doc.load_buffer(xml->data(), xml->size(), kParseFlags)) continue;  // carried over as it is
    if (shift_chart(doc, maps_)) writer->put(part, ooxml::save(doc));
  }
  // the calculation chain goes (Excel rebuilds it): its part, relationship and content type
  std::vector<std::string> chains;
  for (const Relationship& r : read_relationships(*pkg_, workbook_part_))
    if (r.is("calcChain")) chains.push_back(r.target);
  if (!chains.empty()) {
    std::string rels_part = rels_part_of(workbook_part_);
    ooxml::Rels rels;
    if (auto xml = pkg_->read(rels_part); xml && rels.load(*xml)) {
      while (rels.remove_type("calcChain")) {
      }
      writer->put(rels_part, rels.text());
    }
    ooxml::ContentTypes types;
    if (auto ct = pkg_->read("[Content_Types].xml"); ct && types.load(*ct)) {
      for (const std::string& part : chains) types.remove_override(part);
      writer->put("[Content_Types].xml", types.text());
    }
    for (const std::string& part : chains) writer->remove(part);
  }
  auto written = writer->write(out_path);
  if (!written) {
    Diagnostic d = written.error();
    if (d.code.starts_with("package.")) d.code = "template.write";  // not a row's own error (streamed)
    return d;
  }
  return true;
}

}  // namespace

Expected<bool> fill_xlsx_template(const std::string& template_path, const nlohmann::ordered_json& data,
                                  const std::string& out_path, Diagnostics& warnings, const XlsxFillOptions& opt) {
  Filler f(template_path, data, warnings, opt);
  return f.run(out_path);
}

}  // namespace jixiao
