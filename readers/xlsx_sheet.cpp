// Worksheet and shared-string parts: the big ones, scanned in one pass without a DOM.
#include <algorithm>
#include <charconv>

#include "readers/formula.h"
#include "readers/number_digits.h"
#include "readers/xlsx_internal.h"
#include "readers/xml_scanner.h"

namespace jixiao::xlsx {

Diagnostic malformed_xml(const std::string& file, const std::string& part, size_t offset, const std::string& what) {
  Diagnostic d;
  d.code = "xlsx.malformed_xml";
  d.file = file;
  d.part = part;
  d.offset = static_cast<int64_t>(offset);
  d.message = "XML 格式错误：" + what + "。文件可能已损坏或被截断；请用 Excel/WPS 打开后重新保存再试";
  return d;
}

Diagnostic scan_error(const XmlScanner& sc, const std::string& file, const std::string& part) {
  if (sc.source_error()) return *sc.source_error();
  return malformed_xml(file, part, sc.offset(), sc.error().empty() ? "文档未正常结束" : sc.error());
}

namespace {

bool parse_uint(std::string_view s, uint32_t& out) {
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

bool parse_double(std::string_view s, double& out) {
  if (numfmt::read_plain_decimal(s, out)) return true;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

// Collects the character data of the element just started, up to its end, into buf (the
// scanner's own text buffer is reused by later events, so the value is copied).
bool collect_text(XmlScanner& sc, std::string& buf, std::string_view& out) {
  if (auto text = sc.text_only()) {
    buf.assign(*text);
    out = buf;
    return true;
  }
  buf.clear();
  const int depth = sc.depth();
  for (;;) {
    auto e = sc.next();
    if (e == XmlScanner::Event::Text) {
      buf.append(sc.text());
    } else if (e == XmlScanner::Event::StartElement) {
      sc.skip_element();
    } else if (e == XmlScanner::Event::EndElement) {
      if (sc.depth() < depth) {
        out = buf;
        return true;
      }
    } else {
      return false;
    }
  }
}

// The text of a string item (<si> or <is>): <t> directly or inside <r> runs; <rPh> skipped.
bool collect_string_item(XmlScanner& sc, std::string& out) {
  out.clear();
  const int depth = sc.depth();
  for (;;) {
    auto e = sc.next();
    if (e == XmlScanner::Event::StartElement) {
      if (sc.name() == "rPh" || sc.name() == "rPr" || sc.name() == "phoneticPr") {
        sc.skip_element();
      } else if (sc.name() == "t") {
        if (auto text = sc.text_only()) {
          out.append(*text);
          continue;
        }
        for (;;) {
          auto te = sc.next();
          if (te == XmlScanner::Event::Text) out.append(sc.text());
          else if (te == XmlScanner::Event::StartElement) sc.skip_element();
          else if (te == XmlScanner::Event::EndElement) break;
          else return false;
        }
      }
    } else if (e == XmlScanner::Event::EndElement) {
      if (sc.depth() < depth) {
        decode_ooxml_escapes(out);
        return true;
      }
    } else if (e == XmlScanner::Event::Error || e == XmlScanner::Event::End) {
      return false;
    }
  }
}

struct SharedMaster {
  std::string text;
  CellPos anchor;
};

}  // namespace

std::optional<Diagnostic> parse_shared_strings(XmlScanner& sc, const std::string& file, const std::string& part,
                                               StringPool& pool) {
  std::string item;
  for (;;) {
    auto e = sc.next();
    if (e == XmlScanner::Event::End) return std::nullopt;
    if (e == XmlScanner::Event::Error) return scan_error(sc, file, part);
    if (e != XmlScanner::Event::StartElement) continue;
    if (sc.name() == "sst") {
      uint32_t n = 0;
      if (parse_uint(sc.attr("uniqueCount"), n) && n < (1u << 24)) pool.reserve(n, size_t{n} * 16);
    } else if (sc.name() == "si") {
      if (!collect_string_item(sc, item)) return scan_error(sc, file, part);
      pool.add(item);
    }
  }
}

std::optional<double> parse_iso_datetime(std::string_view s, bool date1904) {
  auto num = [&](size_t at, size_t len, int& v) {
    if (at + len > s.size()) return false;
    v = 0;
    for (size_t i = at; i < at + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    return true;
  };
  double serial = 0;
  size_t p = 0;
  int y, mo, d;
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-') {
    if (!num(0, 4, y) || !num(5, 2, mo) || !num(8, 2, d) || mo < 1 || mo > 12 || d < 1 || d > 31) return std::nullopt;
    serial = date_to_serial({y, mo, d}, date1904);
    // Excel writes its serial 0 (shown as 1900-01-00) as 1899-12-30 in Strict files, the base of
    // time-only values, and 1899-12-31 means the same day: both are serial 0, not a negative one.
    if (!date1904 && y == 1899 && mo == 12 && (d == 30 || d == 31)) serial = 0;
    p = 10;
    if (p < s.size() && (s[p] == 'T' || s[p] == ' ')) ++p;
    else if (p == s.size()) return serial;
    else return std::nullopt;
  }
  int h, mi, sec = 0;
  if (!num(p, 2, h) || p + 2 >= s.size() || s[p + 2] != ':' || !num(p + 3, 2, mi)) {
    return p == 0 ? std::nullopt : std::optional<double>(serial);
  }
  p += 5;
  double frac = 0;
  if (p < s.size() && s[p] == ':') {
    if (!num(p + 1, 2, sec)) return std::nullopt;
    p += 3;
    if (p < s.size() && s[p] == '.') {
      size_t q = p + 1;
      double scale = 0.1;
      while (q < s.size() && s[q] >= '0' && s[q] <= '9') {
        frac += (s[q] - '0') * scale;
        scale /= 10;
        ++q;
      }
      p = q;
    }
  }
  if (h > 24 || mi > 59 || sec > 60) return std::nullopt;
  return serial + (h * 3600 + mi * 60 + sec + frac) / 86400.0;
}

std::optional<Diagnostic> parse_sheet(XmlScanner& sc, const SheetInput& in, SheetSink& sink, StringPool& local,
                                      Diagnostics& diags) {
  std::vector<SharedMaster> shared;
  std::string vbuf, fbuf, istr;
  int64_t row = -1, col = -1;
  auto warn = [&](const std::string& code, const std::string& msg, CellPos p) {
    diags.warn(code, msg, in.file, in.part, in.name, cell_name(p));
  };

  for (;;) {
    auto e = sc.next();
    if (e == XmlScanner::Event::End) break;
    if (e == XmlScanner::Event::Error) return scan_error(sc, in.file, in.part);
    if (e != XmlScanner::Event::StartElement) continue;
    std::string_view name = sc.name();
    if (sc.depth() == 2 && name != "sheetData" && name != "mergeCells" && name != "dimension") {
      sc.skip_element();  // views, columns, page setup, extensions: nothing with values
      continue;
    }
    if (name == "row") {
      uint32_t r = 0;
      std::string_view ra = sc.attr("r");
      if (!ra.empty() && parse_uint(ra, r) && r >= 1 && r <= kMaxRows) row = r - 1;
      else row = row + 1;
      col = -1;
      continue;
    }
    if (name == "mergeCell") {
      if (auto rg = parse_range(sc.attr("ref"))) sink.merge(*rg);
      continue;
    }
    if (name == "dimension") {
      if (auto rg = parse_range(sc.attr("ref"))) sink.dimension(*rg);
      continue;
    }
    if (name != "c") continue;

    // ---- one cell
    Cell cell;
    std::string_view ref = sc.attr("r");
    std::optional<CellPos> pos = ref.empty() ? std::nullopt : parse_cell(ref);
    if (pos) {
      row = pos->row;
      col = pos->col;
    } else {
      if (row < 0) row = 0;
      ++col;
      if (col >= kMaxCols) return malformed_xml(in.file, in.part, sc.offset(), "单元格超出最大列 XFD");
    }
    cell.row = static_cast<uint32_t>(row);
    cell.col = static_cast<uint32_t>(col);
    uint32_t style = 0;
    if (parse_uint(sc.attr("s"), style)) cell.style = style;
    const std::string_view t = sc.attr("t");
    const char type = t.empty() ? 'n' : (t == "inlineStr" ? 'i' : (t == "str" ? 'f' : t[0]));

    std::string_view v;
    bool has_v = false, has_is = false;
    std::string ftype;
    std::string formula;
    const int depth = sc.depth();
    const std::optional<std::string_view> only_v = sc.only_child_text("v");  // <c …><v>12</v></c>: most cells
    if (only_v) {
      vbuf.assign(*only_v);
      v = vbuf;
      has_v = true;
    }
    while (!only_v) {
      auto ce = sc.next();
      if (ce == XmlScanner::Event::Error || ce == XmlScanner::Event::End)
        return scan_error(sc, in.file, in.part);
      if (ce == XmlScanner::Event::EndElement) {
        if (sc.depth() < depth) break;
        continue;
      }
      if (ce != XmlScanner::Event::StartElement) continue;
      std::string_view child = sc.name();
      if (child == "v") {
        if (!collect_text(sc, vbuf, v)) return scan_error(sc, in.file, in.part);
        has_v = true;
      } else if (child == "f") {
        ftype.assign(sc.attr("t"));
        std::string si(sc.attr("si"));
        std::string_view ftext;
        if (!collect_text(sc, fbuf, ftext)) return scan_error(sc, in.file, in.part);
        formula.assign(ftext);
        if (ftype == "shared") {
          uint32_t idx = 0;
          if (parse_uint(si, idx) && idx < (1u << 20)) {
            if (!formula.empty()) {
              if (shared.size() <= idx) shared.resize(idx + 1);
              shared[idx] = {formula, {cell.row, cell.col}};
            } else if (idx < shared.size() && !shared[idx].text.empty()) {
              const auto& m = shared[idx];
              formula = formula::shift_formula(m.text, static_cast<int32_t>(cell.row) - static_cast<int32_t>(m.anchor.row),
                                               static_cast<int32_t>(cell.col) - static_cast<int32_t>(m.anchor.col));
            }
          }
          if (formula.empty()) warn("xlsx.shared_formula", "共享公式缺少主公式（si=" + si + "），只保留缓存值", {cell.row, cell.col});
        }
      } else if (child == "is") {
        if (!collect_string_item(sc, istr)) return scan_error(sc, in.file, in.part);
        has_is = true;
      } else {
        sc.skip_element();
      }
    }

    if (!formula.empty()) {
      cell.formula = sink.formula(std::move(formula));
      cell.flags |= Cell::kHasFormula;
    }
    if (has_is) {
      cell.type = CellType::String;
      cell.text = local.add(istr) | kLocalText;
    } else if (!has_v || (v.empty() && type != 'f' && type != 'i')) {
      if (cell.flags & Cell::kHasFormula) cell.flags |= Cell::kNoCachedValue;
      else continue;  // a styled blank: nothing to keep
      cell.type = CellType::Empty;
    } else {
      switch (type) {
        case 's': {
          uint32_t idx = 0;
          if (parse_uint(v, idx) && idx < in.shared_string_count) {
            cell.type = CellType::String;
            cell.text = idx;
          } else {
            warn("xlsx.bad_shared_string", "共享字符串序号 " + std::string(v) + " 超出范围（共 " +
                 std::to_string(in.shared_string_count) + " 条），单元格按空处理", {cell.row, cell.col});
            continue;
          }
          break;
        }
        case 'f':
        case 'i':
          cell.type = CellType::String;
          {
            std::string s(v);
            decode_ooxml_escapes(s);
            cell.text = local.add(s) | kLocalText;
          }
          break;
        case 'b':
          cell.type = CellType::Boolean;
          cell.number = (v == "1" || v == "true" || v == "TRUE") ? 1 : 0;
          break;
        case 'e':
          cell.type = CellType::Error;
          cell.text = local.add(v) | kLocalText;
          break;
        case 'd':
          if (auto serial = parse_iso_datetime(v, in.date1904)) {
            cell.type = CellType::Date;
            cell.number = *serial;
          } else {
            warn("xlsx.bad_date", "日期值 \"" + std::string(v) + "\" 不是 ISO 8601 格式，按文本保留", {cell.row, cell.col});
            cell.type = CellType::String;
            cell.text = local.add(v) | kLocalText;
          }
          break;
        default:
          if (parse_double(v, cell.number)) {
            cell.type = CellType::Number;
          } else {
            warn("xlsx.bad_number", "数值 \"" + std::string(v) + "\" 无法识别，按文本保留", {cell.row, cell.col});
            cell.type = CellType::String;
            cell.text = local.add(v) | kLocalText;
          }
      }
    }
    sink.cell(cell);
  }
  return std::nullopt;
}

namespace {

// Keeps every cell: the grid the rest of jixiao reads.
class GridSink final : public SheetSink {
 public:
  GridSink(Sheet& sheet, uint64_t xml_size_hint) : sheet_(sheet) {
    // A cell takes at least ~20 bytes of XML, so the part's size bounds the cell count. The
    // reservation is address space only: pages are touched as cells arrive, so growing the vector
    // (and copying it) is avoided at no cost in memory. <dimension> is not trusted for this.
    sheet.cells.reserve(static_cast<size_t>(std::min<uint64_t>(xml_size_hint / 20, uint64_t{1} << 27)));
  }
  void cell(Cell& c) override {
    if (!sheet_.cells.empty()) {
      const Cell& prev = sheet_.cells.back();
      if (prev.row > c.row || (prev.row == c.row && prev.col >= c.col)) sorted_ = false;
    }
    sheet_.cells.push_back(c);
  }
  uint32_t formula(std::string&& text) override {
    sheet_.formulas.push_back(std::move(text));
    return static_cast<uint32_t>(sheet_.formulas.size() - 1);
  }
  void merge(const CellRange& r) override { sheet_.merges.push_back(r); }
  void dimension(const CellRange& r) override { sheet_.dimension = r; }
  bool sorted() const { return sorted_; }

 private:
  Sheet& sheet_;
  bool sorted_ = true;
};

}  // namespace

std::optional<Diagnostic> parse_sheet(XmlScanner& sc, const SheetInput& in, Sheet& sheet, StringPool& local,
                                      Diagnostics& diags) {
  GridSink sink(sheet, in.xml_size_hint);
  if (auto err = parse_sheet(sc, in, static_cast<SheetSink&>(sink), local, diags)) return err;
  if (!sink.sorted()) {
    std::stable_sort(sheet.cells.begin(), sheet.cells.end(), [](const Cell& a, const Cell& b) {
      return a.row < b.row || (a.row == b.row && a.col < b.col);
    });
    // A position written twice keeps its last value, as Excel does.
    decltype(sheet.cells) unique;
    unique.reserve(sheet.cells.size());
    for (const Cell& c : sheet.cells) {
      if (!unique.empty() && unique.back().row == c.row && unique.back().col == c.col) unique.back() = c;
      else unique.push_back(c);
    }
    sheet.cells.swap(unique);
  }
  return std::nullopt;
}

}  // namespace jixiao::xlsx
