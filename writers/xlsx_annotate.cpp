#include "writers/xlsx_annotate.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "readers/cell_ref.h"
#include "readers/sniff.h"
#include "readers/xlsx_reader.h"
#include "readers/zip_package.h"
#include "writers/ooxml_edit.h"
#include "writers/package_writer.h"
#include "writers/xlsx_annotate_parts.h"
#include "writers/xlsx_from_workbook.h"

namespace jixiao {

namespace x = ooxml;

const char* severity_word_zh(Severity s) {
  return s == Severity::Error ? "错误" : s == Severity::Warning ? "警告" : "提示";
}

namespace {

constexpr const char* kWorksheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
constexpr const char* kStylesType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

int rank(Severity s) { return s == Severity::Error ? 0 : s == Severity::Warning ? 1 : 2; }

Diagnostic fail(const std::string& file, const std::string& part, std::string code, std::string message) {
  return Diagnostic::error("annotate." + std::move(code), "无法写出批注副本：" + std::move(message), file, part);
}

// The first cell of "C9", "$C$9", "C5:C9" or "'表'!C9"; nullopt for "" and anything else.
std::optional<CellPos> finding_cell(std::string_view ref) {
  if (size_t bang = ref.rfind('!'); bang != std::string_view::npos) ref = ref.substr(bang + 1);
  if (size_t colon = ref.find(':'); colon != std::string_view::npos) ref = ref.substr(0, colon);
  while (!ref.empty() && ref.front() == ' ') ref.remove_prefix(1);
  while (!ref.empty() && ref.back() == ' ') ref.remove_suffix(1);
  if (ref.empty()) return std::nullopt;
  return parse_cell(ref);
}

// "90.98" and "90.980" are the same value; text compares as text.
bool same_value(const std::string& a, const std::string& b) {
  if (is_plain_number(a) && is_plain_number(b)) return std::strtod(a.c_str(), nullptr) == std::strtod(b.c_str(), nullptr);
  return a == b;
}

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string first_free(const PackageWriter& out, const std::string& stem, const std::string& ext) {
  for (int n = 1;; ++n) {
    std::string name = stem + std::to_string(n) + ext;
    if (!out.has(name)) return name;
  }
}

struct SheetInfo {
  std::string name;
  std::string part;  // stored part name; empty when the relationship does not resolve
};

class Annotator {
 public:
  // overrides: "sheet!CELL" -> the value a recheck found right for that cell.
  Annotator(const ZipPackage& pkg, PackageWriter& out, const std::string& file, const AnnotateOptions& opt,
            const std::map<std::string, std::string>& overrides)
      : pkg_(pkg), out_(out), file_(file), opt_(opt), overrides_(overrides) {}

  Expected<bool> run(const Findings& findings);

 private:
  Expected<std::string> read(const std::string& part) {
    if (const std::string* p = out_.replaced(part)) return *p;
    return pkg_.read(part);
  }
  std::optional<std::string> read_if_present(const std::string& part) {
    if (part.empty() || !out_.has(part)) return std::nullopt;
    auto r = read(part);
    if (!r) return std::nullopt;
    return std::move(r).value();
  }
  Expected<bool> annotate_sheet(const SheetInfo& sh, const std::map<std::pair<uint32_t, uint32_t>, Mark>& marks);
  std::string fix_cell(pugi::xml_node c, const Mark& m, const std::string& sheet);

  const ZipPackage& pkg_;
  PackageWriter& out_;
  std::string file_;
  AnnotateOptions opt_;
  const std::map<std::string, std::string>& overrides_;
  std::string wb_part_;
  x::ContentTypes types_;
  StyleEditor styles_;
  bool drop_calc_chain_ = false;
};

Expected<bool> Annotator::run(const Findings& findings) {
  // Where the workbook and its sheets are.
  x::Rels root_rels;
  auto root_rels_text = read_if_present("_rels/.rels");
  root_rels.load_or_init(root_rels_text ? &*root_rels_text : nullptr);
  if (pugi::xml_node r = root_rels.find_type("officeDocument"))
    wb_part_ = pkg_.find(resolve_part_target("", r.attribute("Target").value()));
  if (wb_part_.empty()) wb_part_ = pkg_.find("xl/workbook.xml");
  if (wb_part_.empty()) return fail(file_, "", "no_workbook", "找不到工作簿部件（xl/workbook.xml），文件不是 Excel 工作簿或已损坏");
  auto wb_text = read(wb_part_);
  if (!wb_text) return wb_text.error();
  pugi::xml_document wb;
  if (!x::load(wb, *wb_text)) return fail(file_, wb_part_, "bad_xml", "工作簿部件不是格式正确的 XML，请用 Excel 另存后再试");
  pugi::xml_node wb_root = x::root(wb);
  bool strict = false;
  for (pugi::xml_attribute a : wb_root.attributes()) strict |= std::string_view(a.value()) == x::kStrictMainNs;
  if (strict)
    return fail(file_, wb_part_, "strict", "暂不支持 Strict Open XML 格式，请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后再试");

  const std::string wb_rels_part = x::rels_part_of(wb_part_);
  x::Rels wb_rels;
  auto wb_rels_text = read_if_present(pkg_.find(wb_rels_part));
  wb_rels.load_or_init(wb_rels_text ? &*wb_rels_text : nullptr);

  auto ct_text = read("[Content_Types].xml");
  if (!ct_text) return ct_text.error();
  if (!types_.load(*ct_text)) return fail(file_, "[Content_Types].xml", "bad_xml", "[Content_Types].xml 不是格式正确的 XML");

  pugi::xml_node sheets_el = x::child(wb_root, "sheets");
  std::vector<SheetInfo> sheets;
  for (pugi::xml_node s : sheets_el.children()) {
    if (x::local_name(s) != "sheet") continue;
    SheetInfo info;
    info.name = s.attribute("name").value();
    for (pugi::xml_attribute a : s.attributes()) {
      std::string_view n = a.name();
      if (n.size() > 3 && n.substr(n.size() - 3) == ":id")
        if (pugi::xml_node rel = wb_rels.find_id(a.value()))
          info.part = pkg_.find(resolve_part_target(wb_part_, rel.attribute("Target").value()));
    }
    sheets.push_back(std::move(info));
  }

  // Findings, errors first; the marks they make, per sheet part and cell.
  std::vector<const Finding*> sorted;
  for (const Finding& f : findings) sorted.push_back(&f);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Finding* a, const Finding* b) { return rank(a->severity) < rank(b->severity); });
  std::map<std::string, std::map<std::pair<uint32_t, uint32_t>, Mark>> marks;
  std::vector<SummaryRow> rows;
  for (const Finding* f : sorted) {
    SummaryRow row{f, {}};
    // As the reader finds sheets: the exact name first, then ignoring ASCII case.
    auto sh = std::find_if(sheets.begin(), sheets.end(), [&](const SheetInfo& s) { return s.name == f->sheet; });
    if (sh == sheets.end())
      sh = std::find_if(sheets.begin(), sheets.end(),
                        [&](const SheetInfo& s) { return lower_ascii(s.name) == lower_ascii(f->sheet); });
    if (sh != sheets.end() && !sh->part.empty()) {
      auto pos = finding_cell(f->cell);
      row.link = quote_sheet_name(sh->name) + "!" + cell_name(pos ? *pos : CellPos{0, 0});
      if (pos) {
        Mark& m = marks[sh->part][{pos->row, pos->col}];
        m.pos = *pos;
        m.findings.push_back(f);
      }
    }
    rows.push_back(std::move(row));
  }

  // Styles: the fill for marks, the summary sheet's header/body/link formats.
  std::string styles_part;
  if (pugi::xml_node r = wb_rels.find_type("styles"))
    styles_part = pkg_.find(resolve_part_target(wb_part_, r.attribute("Target").value()));
  auto styles_text = read_if_present(styles_part);
  if (!styles_.load(styles_text ? &*styles_text : nullptr))
    return fail(file_, styles_part, "bad_xml", "样式部件不是格式正确的 XML，请用 Excel 另存后再试");
  if (styles_part.empty()) {
    styles_part = resolve_part_target(wb_part_, "styles.xml");
    if (out_.has(styles_part)) styles_part = first_free(out_, resolve_part_target(wb_part_, "styles"), ".xml");
    wb_rels.add("styles", x::relative_target(wb_part_, styles_part));
    types_.set_override(styles_part, kStylesType);
  }

  for (const SheetInfo& sh : sheets) {
    auto it = marks.find(sh.part);
    if (it == marks.end()) continue;
    auto done = annotate_sheet(sh, it->second);
    if (!done) return done.error();
  }

  // The 核查结果 sheet, first in the workbook.
  std::set<std::string> taken;
  for (const SheetInfo& s : sheets) taken.insert(lower_ascii(s.name));
  std::string name = kFindingsSheetName;
  for (int n = 2; taken.count(lower_ascii(name)); ++n) name = std::string(kFindingsSheetName) + " (" + std::to_string(n) + ")";
  const std::string dir = resolve_part_target(wb_part_, "worksheets/sheet");
  const std::string summary_part = first_free(out_, dir, ".xml");
  out_.put(summary_part, build_findings_sheet(rows, styles_));
  types_.set_override(summary_part, kWorksheetType);
  const std::string rid = wb_rels.add("worksheet", x::relative_target(wb_part_, summary_part));
  if (!sheets_el) sheets_el = x::insert_ordered(wb_root, "sheets", {"fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets"});
  unsigned max_id = 0;
  for (pugi::xml_node s : sheets_el.children())
    if (x::local_name(s) == "sheet") max_id = std::max(max_id, s.attribute("sheetId").as_uint());
  pugi::xml_node first = sheets_el.prepend_child((x::prefix_of(sheets_el) + "sheet").c_str());
  first.append_attribute("name") = name.c_str();
  first.append_attribute("sheetId") = max_id + 1;
  const std::string r = x::ensure_ns_prefix(wb_root, x::kRelNs, "r");
  first.append_attribute((r + ":id").c_str()) = rid.c_str();

  // Everything that counts sheets by position moves one along.
  if (pugi::xml_node names = x::child(wb_root, "definedNames"))
    for (pugi::xml_node n : names.children())
      if (pugi::xml_attribute a = n.attribute("localSheetId")) a.set_value(a.as_uint() + 1);
  if (pugi::xml_node views = x::child(wb_root, "bookViews"))
    for (pugi::xml_node v : views.children()) {
      if (x::local_name(v) != "workbookView") continue;
      if (pugi::xml_attribute a = v.attribute("activeTab")) a.set_value(a.as_uint() + 1);
      else if (!sheets.empty()) v.append_attribute("activeTab") = 1;
      // The tab bar scrolled to sheet k stays on it; unscrolled, it shows 核查结果 first.
      if (pugi::xml_attribute a = v.attribute("firstSheet"); a && a.as_uint() > 0) a.set_value(a.as_uint() + 1);
    }

  if (drop_calc_chain_)
    if (pugi::xml_node rel = wb_rels.find_type("calcChain")) {
      std::string part = pkg_.find(resolve_part_target(wb_part_, rel.attribute("Target").value()));
      if (!part.empty()) {
        out_.remove(part);
        types_.remove_override(part);
      }
      wb_rels.remove_type("calcChain");
    }

  out_.put(styles_part, styles_.text());
  out_.put(wb_part_, x::save(wb));
  out_.put(wb_rels_part, wb_rels.text());
  out_.put("[Content_Types].xml", types_.text());
  return true;
}

Expected<bool> Annotator::annotate_sheet(const SheetInfo& sh, const std::map<std::pair<uint32_t, uint32_t>, Mark>& marks) {
  auto text = read(sh.part);
  if (!text) return text.error();
  pugi::xml_document doc;
  if (!x::load(doc, *text))
    return fail(file_, sh.part, "bad_xml", "工作表“" + sh.name + "”不是格式正确的 XML，请用 Excel 另存后再试");
  pugi::xml_node ws = x::root(doc);
  pugi::xml_node data = x::child(ws, "sheetData");
  if (!data) data = x::insert_worksheet_child(ws, "sheetData");
  number_rows_and_cells(data);
  const ColumnStyles col_styles(x::child(ws, "cols"));

  std::vector<std::pair<CellPos, std::string>> notes;
  for (const auto& [key, m] : marks) {
    pugi::xml_node row = find_or_add_row(data, m.pos.row + 1);
    uint32_t base = 0;
    if (row.attribute("customFormat").as_bool()) base = row.attribute("s").as_uint();
    else base = col_styles.at(m.pos.col);
    pugi::xml_node c = find_or_add_cell(row, m.pos, base);
    const uint32_t current = c.attribute("s").as_uint(0);
    pugi::xml_attribute s = c.attribute("s");
    if (!s) s = c.append_attribute("s");
    s.set_value(styles_.marked(current));
    std::string note;
    for (const Finding* f : m.findings) {
      if (!note.empty()) note += "\n";
      note += std::string("【") + severity_word_zh(f->severity) + "】" + f->rule + "：" + f->message;
    }
    if (opt_.fix) note += fix_cell(c, m, sh.name);
    notes.emplace_back(m.pos, x::xml_text(note));
  }
  // A cell created outside the declared used range widens it (readers may trust it).
  if (pugi::xml_attribute dim = x::child(ws, "dimension").attribute("ref")) {
    if (auto range = parse_range(dim.value())) {
      CellRange r = *range;
      for (const auto& [key, m] : marks) {
        r.first = {std::min(r.first.row, m.pos.row), std::min(r.first.col, m.pos.col)};
        r.last = {std::max(r.last.row, m.pos.row), std::max(r.last.col, m.pos.col)};
      }
      if (!(r == *range)) dim.set_value(range_name(r).c_str());
    }
  }
  CommentTarget target{sh.part, sh.name, &doc, &out_, &types_};
  auto done = add_comments(target, notes, [this](const std::string& part) { return read_if_present(part); });
  if (!done) return fail(file_, sh.part, "comments", done.error().message);
  out_.put(sh.part, x::save(doc));
  return true;
}

// Writes the expected value into c; returns what the note says about it.
std::string Annotator::fix_cell(pugi::xml_node c, const Mark& m, const std::string& sheet) {
  const Finding* chosen = nullptr;
  for (const Finding* f : m.findings)
    if (!f->expected.empty()) {
      chosen = f;
      break;
    }
  if (!chosen) return {};
  std::string value = x::xml_text(chosen->expected);
  if (auto it = overrides_.find(sheet + "!" + cell_name(m.pos)); it != overrides_.end()) {
    if (same_value(it->second, chosen->found)) return "\n（其他单元格改正后，此格的填报值无误，未改动）";
    value = x::xml_text(it->second);
  }
  if (pugi::xml_node f = x::child(c, "f")) {
    std::string_view t = f.attribute("t").value();
    if ((t == "shared" && f.attribute("ref")) || t == "array" || t == "dataTable")
      return "\n（此格是共享公式或数组公式的首格，其他单元格引用它，未改动）";
  }
  bool had_formula = false;
  for (const char* name : {"f", "v", "is"})
    while (pugi::xml_node n = x::child(c, name)) {
      had_formula |= std::string_view(name) == "f";
      c.remove_child(n);
    }
  drop_calc_chain_ |= had_formula;
  c.remove_attribute("vm");
  const std::string p = x::prefix_of(c);
  pugi::xml_node ext = x::child(c, "extLst");
  auto add = [&](const char* local) {
    std::string n = p + local;
    return ext ? c.insert_child_before(n.c_str(), ext) : c.append_child(n.c_str());
  };
  if (is_plain_number(value)) {
    c.remove_attribute("t");
    add("v").text().set(value.c_str());
  } else {
    pugi::xml_attribute t = c.attribute("t");
    if (!t) t = c.append_attribute("t");
    t.set_value("inlineStr");
    pugi::xml_node tn = add("is").append_child((p + "t").c_str());
    if (!value.empty() && (value.front() == ' ' || value.back() == ' ')) tn.append_attribute("xml:space") = "preserve";
    tn.text().set(value.c_str());
  }
  return "\n已改为 " + value + (chosen->found.empty() ? "" : "（原为 " + chosen->found + "）") +
         (had_formula ? "，原公式已替换为数值" : "");
}

// The bytes of an .xlsx made from an .xls input; empty for an .xlsx input, which is copied as it is.
// Encrypted inputs are refused: their copy would put the decrypted cells on disk.
Expected<std::string> xlsx_source_of(const std::string& input) {
  std::ifstream in(input, std::ios::binary);
  char head[8] = {};
  in.read(head, sizeof head);
  if (in.gcount() == 8 && sniff_bytes(std::string_view(head, 8)) == FileKind::Zip) return std::string();
  if (!needs_xlsx_conversion(input)) {
    std::ifstream all(input, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(all)), std::istreambuf_iterator<char>());
    if (sniff_bytes(bytes) == FileKind::EncryptedOoxml)
      return fail(input, "", "encrypted", "工作簿设有打开密码，不写批注副本（副本会把解密后的内容写到磁盘上）；请取消密码后另存，再核对");
    return std::string();  // anything else: ZipPackage says what is wrong with it
  }
  Diagnostics ignored;
  auto wb = read_xlsx_file(input, ignored);
  if (!wb) return wb.error();
  if (wb->encrypted)
    return fail(input, "", "encrypted", "工作簿设有打开密码，不写批注副本（副本会把解密后的内容写到磁盘上）；请取消密码后另存，再核对");
  return workbook_to_xlsx(*wb);
}

}  // namespace

Expected<bool> write_annotated_copy(const std::string& input, const Findings& findings, const AnnotateOptions& options,
                                    const std::string& output) {
  // A legacy .xls: its cells go into a fresh .xlsx, held in memory, and that is what gets marked.
  auto converted = xlsx_source_of(input);
  if (!converted) return converted.error();
  auto pkg = converted->empty() ? ZipPackage::open_file(input)
                                : ZipPackage::open_memory(converted->data(), converted->size(), input);
  if (!pkg) return pkg.error();
  std::map<std::string, std::string> overrides;
  auto write_to = [&](const std::string& path) -> Expected<bool> {
    auto out = converted->empty() ? PackageWriter::from_file(input) : Expected<PackageWriter>(PackageWriter());
    if (!out) return out.error();
    if (!converted->empty())
      for (const std::string& part : pkg->part_names())
        if (auto bytes = pkg->read(part)) out->put(part, std::move(bytes).value());
    Annotator a(*pkg, *out, input, options, overrides);
    auto done = a.run(findings);
    if (!done) return done.error();
    return out->write(path);
  };
  if (options.fix && options.recheck) {
    std::set<std::string> fixed;  // "sheet!CELL" of the cells a fix touches
    for (const Finding& f : findings)
      if (auto p = finding_cell(f.cell); p && !f.expected.empty()) fixed.insert(f.sheet + "!" + cell_name(*p));
    const std::string trial = output + ".jixiao-recheck.xlsx";
    for (int round = 0; round < 4; ++round) {
      auto done = write_to(trial);
      if (!done) return done.error();
      bool changed = false;
      for (const Finding& f : options.recheck(trial)) {
        auto p = finding_cell(f.cell);
        if (!p || f.expected.empty()) continue;
        const std::string key = f.sheet + "!" + cell_name(*p);
        if (!fixed.count(key) || overrides[key] == f.expected) continue;
        overrides[key] = f.expected;
        changed = true;
      }
      if (!changed) break;
    }
    std::remove(trial.c_str());
  }
  return write_to(output);
}

}  // namespace jixiao
