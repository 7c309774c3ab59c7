#include "readers/grid_export.h"

#include "core/parallel.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>

#include "readers/number_format.h"

namespace jixiao {

CellDisplay::CellDisplay(const Workbook& wb) : wb_(wb), formats_(wb.style_formats.size() + 1) {}
CellDisplay::~CellDisplay() = default;

void CellDisplay::display(const Cell& c, std::string& out) {
  switch (c.type) {
    case CellType::Empty: return;
    case CellType::Boolean: out += c.number != 0 ? "TRUE" : "FALSE"; return;
    case CellType::Error: out += wb_.text(c); return;
    default: break;
  }
  // Parse each style's format once; an unknown style index shares the General slot at the end.
  size_t slot = c.style < wb_.style_formats.size() ? c.style : formats_.size() - 1;
  auto& f = formats_[slot];
  if (!f) f = std::make_unique<NumberFormat>(NumberFormat::parse(wb_.format_code(c)));
  if (c.type == CellType::String) f->format_text(wb_.text(c), out);
  else f->format_number(c.number, wb_.date1904, out);
}

static void append_shortest(double v, std::string& out) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

static void append_iso(double serial, bool date1904, std::string& out) {
  CivilDate d = serial_to_date(serial, date1904);
  char buf[40];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  out.append(buf, static_cast<size_t>(n));
  double frac = serial - std::floor(serial);
  long secs = std::lround(frac * 86400.0);
  if (secs > 0 && secs < 86400) {
    n = std::snprintf(buf, sizeof buf, "T%02ld:%02ld:%02ld", secs / 3600, (secs / 60) % 60, secs % 60);
    out.append(buf, static_cast<size_t>(n));
  }
}

void CellDisplay::raw(const Cell& c, std::string& out) const {
  switch (c.type) {
    case CellType::Empty: return;
    case CellType::Number: append_shortest(c.number, out); return;
    case CellType::Boolean: out += c.number != 0 ? "TRUE" : "FALSE"; return;
    case CellType::Date: append_iso(c.number, wb_.date1904, out); return;
    case CellType::String:
    case CellType::Error: out += wb_.text(c); return;
  }
}

namespace {

void append_field(std::string_view field, TextFormat fmt, std::string& out) {
  if (fmt == TextFormat::Tsv) {
    for (char ch : field) out += (ch == '\t' || ch == '\n' || ch == '\r') ? ' ' : ch;
    return;
  }
  if (field.find_first_of(",\"\n\r") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char ch : field) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
}

}  // namespace

namespace {

// A cell is part of the exported area when it holds a value other than the empty string, or any
// formula (LibreOffice counts a formula whose result is "" too). Formatting is not needed for that.
bool has_content(const Workbook& wb, const Cell& c) {
  if (c.has_formula()) return true;
  if (c.type == CellType::Empty) return false;
  if (c.type == CellType::String) return !wb.text(c).empty();
  return true;
}

// Formats rows [first_row, end_row) starting at cell index i.
void format_rows(const Workbook& wb, const Sheet& sheet, CellDisplay& shown, TextFormat fmt, bool raw,
                 uint32_t first_row, uint32_t end_row, uint32_t last_col, size_t i, std::string& out) {
  const char sep = fmt == TextFormat::Csv ? ',' : '\t';
  std::string field;
  for (uint32_t r = first_row; r < end_row; ++r) {
    uint32_t col = 0;
    for (; i < sheet.cells.size() && sheet.cells[i].row == r; ++i) {
      const Cell& c = sheet.cells[i];
      if (c.col > last_col) continue;
      for (; col < c.col; ++col) out += sep;
      field.clear();
      if (raw) shown.raw(c, field);
      else shown.display(c, field);
      append_field(field, fmt, out);
    }
    for (; col < last_col; ++col) out += sep;
    out += '\n';
  }
}

}  // namespace

uint64_t delimited_size(const Workbook& wb, const Sheet& sheet) {
  uint64_t last_row = 0, last_col = 0, text = 0;
  bool any = false;
  for (const Cell& c : sheet.cells) {
    if (!has_content(wb, c)) continue;
    last_row = std::max<uint64_t>(last_row, c.row);
    last_col = std::max<uint64_t>(last_col, c.col);
    text += c.text == kNoIndex ? 1 : wb.text(c).size();
    any = true;
  }
  return any ? (last_row + 1) * (last_col + 1) + text : 1;
}

void write_delimited(const Workbook& wb, const Sheet& sheet, TextFormat fmt, bool raw, std::ostream& os) {
  // The exported area runs from A1 to the last row and column with content.
  uint32_t last_row = 0, last_col = 0;
  bool any = false;
  for (const Cell& c : sheet.cells) {
    if (!has_content(wb, c)) continue;
    last_row = std::max(last_row, c.row);
    last_col = std::max(last_col, c.col);
    any = true;
  }
  if (!any) {
    os << '\n';  // an empty sheet is one empty line, as LibreOffice writes it
    return;
  }
  const uint32_t rows = last_row + 1;
  const size_t threads = sheet.cells.size() < 50000 ? 1 : std::min<size_t>(4, parallel_threads());
  // Blocks of rows are formatted in parallel, a round at a time, and written in order: the output
  // never sits in memory whole.
  const uint32_t block_rows = std::max<uint32_t>(256, static_cast<uint32_t>(65536 / (last_col + 1)));
  std::vector<std::unique_ptr<CellDisplay>> displays;
  for (size_t t = 0; t < threads; ++t) displays.push_back(std::make_unique<CellDisplay>(wb));
  std::vector<std::string> bufs(threads);
  for (uint32_t round_start = 0; round_start < rows; round_start += block_rows * static_cast<uint32_t>(threads)) {
    auto work = [&](size_t t) {
      uint32_t first = round_start + static_cast<uint32_t>(t) * block_rows;
      bufs[t].clear();
      if (first >= rows) return;
      uint32_t end = std::min(rows, first + block_rows);
      format_rows(wb, sheet, *displays[t], fmt, raw, first, end, last_col, sheet.lower_bound({first, 0}), bufs[t]);
    };
    parallel_for(threads, work, threads);
    for (const auto& b : bufs) os.write(b.data(), static_cast<std::streamsize>(b.size()));
  }
}

void write_json(const Workbook& wb, int sheet_index, std::ostream& os) {
  using nlohmann::ordered_json;
  CellDisplay shown(wb);
  ordered_json sheets = ordered_json::array();
  std::string buf;
  for (size_t s = 0; s < wb.sheets.size(); ++s) {
    if (sheet_index >= 0 && static_cast<size_t>(sheet_index) != s) continue;
    const Sheet& sheet = wb.sheets[s];
    ordered_json js;
    js["name"] = sheet.name;
    js["visible"] = sheet.state == SheetState::Visible;
    js["state"] = sheet_state_name(sheet.state);
    ordered_json merges = ordered_json::array();
    for (const CellRange& m : sheet.merges) merges.push_back(range_name(m));
    js["merges"] = std::move(merges);
    ordered_json cells = ordered_json::array();
    for (const Cell& c : sheet.cells) {
      ordered_json jc;
      jc["ref"] = cell_name(c.pos());
      switch (c.type) {
        case CellType::Empty: jc["value"] = nullptr; break;
        case CellType::Number: jc["value"] = c.number; break;
        case CellType::Boolean: jc["value"] = c.number != 0; break;
        default:
          buf.clear();
          shown.raw(c, buf);
          jc["value"] = buf;
      }
      buf.clear();
      shown.display(c, buf);
      jc["display"] = buf;
      jc["type"] = cell_type_name(c.type);
      if (c.has_formula()) jc["formula"] = "=" + sheet.formulas[c.formula];
      else jc["formula"] = nullptr;
      // A formula the file saved without a value: whether jixiao computed it (false: shown empty).
      if (c.flags & Cell::kNoCachedValue) jc["computed"] = !(c.flags & Cell::kUnsupported);
      cells.push_back(std::move(jc));
    }
    js["cells"] = std::move(cells);
    sheets.push_back(std::move(js));
  }
  ordered_json root;
  root["sheets"] = std::move(sheets);
  os << root.dump(1, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace jixiao
