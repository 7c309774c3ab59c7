#include "readers/grid_export.h"

#include "core/parallel.h"

#include <nlohmann/json.hpp>

#include <memory>

namespace jixiao {

namespace {

void append_field(std::string_view field, TextFormat fmt, std::string& out) {
  if (fmt == TextFormat::Tsv) {
    for (char ch : field) out += (ch == '\t' || ch == '\n' || ch == '\r') ? ' ' : ch;
    return;
  }
  // A loop, not find_first_of: that looks each byte up in the set with a library call.
  bool plain = true;
  for (char ch : field) plain &= ch != ',' && ch != '"' && ch != '\n' && ch != '\r';
  if (plain) {
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

// Appends the fields of one row: cells [begin, end), all of that row and in order, up to last_col.
void append_row(CellDisplay& shown, const Cell* begin, const Cell* end, TextFormat fmt, bool raw, uint32_t last_col,
                std::string& field, std::string& out) {
  const char sep = fmt == TextFormat::Csv ? ',' : '\t';
  uint32_t col = 0;
  for (const Cell* c = begin; c != end; ++c) {
    if (c->col > last_col) continue;
    for (; col < c->col; ++col) out += sep;
    field.clear();
    if (raw) shown.raw(*c, field);
    else shown.display(*c, field);
    append_field(field, fmt, out);
  }
  for (; col < last_col; ++col) out += sep;
  out += '\n';
}

// Formats rows [first_row, end_row) starting at cell index i.
void format_rows(const Sheet& sheet, CellDisplay& shown, TextFormat fmt, bool raw, uint32_t first_row,
                 uint32_t end_row, uint32_t last_col, size_t i, std::string& out) {
  std::string field;
  const Cell* cells = sheet.cells.data();
  for (uint32_t r = first_row; r < end_row; ++r) {
    size_t j = i;
    while (j < sheet.cells.size() && sheet.cells[j].row == r) ++j;
    append_row(shown, cells + i, cells + j, fmt, raw, last_col, field, out);
    i = j;
  }
}

}  // namespace

void DelimitedArea::add(const Workbook& wb, const Sheet& sheet) {
  for (const Cell& c : sheet.cells) {
    if (!has_content(wb, c)) continue;
    last_row_ = std::max(last_row_, c.row);
    last_col_ = std::max(last_col_, c.col);
    text_ += c.text == kNoIndex ? 1 : wb.text(c).size();
    any_ = true;
  }
}

uint64_t DelimitedArea::size() const {
  return any_ ? (uint64_t{last_row_} + 1) * (uint64_t{last_col_} + 1) + text_ : 1;
}

uint64_t delimited_size(const Workbook& wb, const Sheet& sheet) {
  DelimitedArea area;
  area.add(wb, sheet);
  return area.size();
}

void write_delimited(const Workbook& wb, const Sheet& sheet, TextFormat fmt, bool raw, std::ostream& os) {
  // The exported area runs from A1 to the last row and column with content.
  DelimitedArea area;
  area.add(wb, sheet);
  if (area.empty()) {
    os << '\n';  // an empty sheet is one empty line, as LibreOffice writes it
    return;
  }
  const uint32_t rows = area.last_row() + 1, last_col = area.last_col();
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
      format_rows(sheet, *displays[t], fmt, raw, first, end, last_col, sheet.lower_bound({first, 0}), bufs[t]);
    };
    parallel_for(threads, work, threads);
    for (const auto& b : bufs) os.write(b.data(), static_cast<std::streamsize>(b.size()));
  }
}

struct DelimitedRowWriter::State {
  State(const Workbook& wb) : shown(wb) {}
  CellDisplay shown;
  std::string field, buf;
};

DelimitedRowWriter::DelimitedRowWriter(const Workbook& wb, const DelimitedArea& area, TextFormat fmt, bool raw,
                                       std::ostream& out)
    : area_(area), fmt_(fmt), raw_(raw), out_(out), state_(std::make_unique<State>(wb)) {}

DelimitedRowWriter::~DelimitedRowWriter() = default;

void DelimitedRowWriter::pad_to(uint32_t row) {
  const char sep = fmt_ == TextFormat::Csv ? ',' : '\t';
  for (; next_row_ < row; ++next_row_) {
    state_->buf.append(area_.last_col(), sep);
    state_->buf += '\n';
    drain(false);
  }
}

void DelimitedRowWriter::drain(bool all) {
  if (!all && state_->buf.size() < (64u << 10)) return;
  out_.write(state_->buf.data(), static_cast<std::streamsize>(state_->buf.size()));
  state_->buf.clear();
}

void DelimitedRowWriter::row(const Sheet& row) {
  if (area_.empty() || row.cells.empty()) return;
  const uint32_t r = row.cells.front().row;
  if (r > area_.last_row() || r < next_row_) return;
  pad_to(r);
  append_row(state_->shown, row.cells.data(), row.cells.data() + row.cells.size(), fmt_, raw_, area_.last_col(),
             state_->field, state_->buf);
  next_row_ = r + 1;
  drain(false);
}

void DelimitedRowWriter::finish() {
  if (area_.empty()) state_->buf += '\n';
  else pad_to(area_.last_row() + 1);
  drain(true);
}

DelimitedRowBuffer::DelimitedRowBuffer(const Workbook& wb, TextFormat fmt, bool raw)
    : wb_(&wb), fmt_(fmt), raw_(raw), shown_(std::make_unique<CellDisplay>(wb)) {}

DelimitedRowBuffer::~DelimitedRowBuffer() = default;
DelimitedRowBuffer::DelimitedRowBuffer(DelimitedRowBuffer&&) noexcept = default;

bool DelimitedRowBuffer::add(const Sheet& row, uint64_t& budget) {
  if (over_) return false;
  // Cells after the row's last one with content lie beyond the area's last column or show nothing:
  // the padding written later stands for them.
  const Workbook& wb = *wb_;
  const Cell* begin = row.cells.data();
  const Cell* end = begin + row.cells.size();
  while (end != begin && !has_content(wb, end[-1])) --end;
  if (end == begin) return true;
  constexpr size_t kBlock = 1u << 20;
  if (blocks_.empty() || blocks_.back().size() >= kBlock) {
    blocks_.emplace_back();
    blocks_.back().reserve(kBlock + (kBlock >> 3));
  }
  std::string& text = blocks_.back();
  const size_t before = text.size();
  const uint32_t last_col = end[-1].col;
  append_row(*shown_, begin, end, fmt_, raw_, last_col, field_, text);
  text.pop_back();  // the line's '\n' is written with its padding
  const uint64_t cost = text.size() - before + sizeof(Line);
  if (cost > budget) {
    over_ = true;
    std::vector<std::string>().swap(blocks_);
    std::vector<Line>().swap(lines_);
    return false;
  }
  budget -= cost;
  lines_.push_back({begin->row, last_col, static_cast<uint32_t>(blocks_.size() - 1), static_cast<uint32_t>(text.size())});
  return true;
}

void DelimitedRowBuffer::write(const DelimitedArea& area, std::ostream& out) const {
  if (area.empty()) {
    out << '\n';
    return;
  }
  const char sep = fmt_ == TextFormat::Csv ? ',' : '\t';
  std::string buf;
  auto drain = [&](bool all) {
    if (!all && buf.size() < (64u << 10)) return;
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
    buf.clear();
  };
  uint32_t next_row = 0, block = 0, from = 0;
  for (const Line& line : lines_) {
    for (; next_row < line.row; ++next_row) {
      buf.append(area.last_col(), sep);
      buf += '\n';
      drain(false);
    }
    if (line.block != block) {
      block = line.block;
      from = 0;
    }
    buf.append(blocks_[block], from, line.end - from);
    buf.append(area.last_col() - line.last_col, sep);
    buf += '\n';
    from = line.end;
    next_row = line.row + 1;
    drain(false);
  }
  for (; next_row <= area.last_row(); ++next_row) {
    buf.append(area.last_col(), sep);
    buf += '\n';
    drain(false);
  }
  drain(true);
}

namespace {

std::string json_text(std::string_view s) {
  return nlohmann::ordered_json(std::string(s)).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace

// The layout nlohmann's dump(1) gives the whole document, written a piece at a time.
JsonSheetsWriter::JsonSheetsWriter(const Workbook& wb, std::ostream& out)
    : out_(out), shown_(std::make_unique<CellDisplay>(wb)) {
  out_ << "{\n \"sheets\": [";
}

JsonSheetsWriter::~JsonSheetsWriter() = default;

void JsonSheetsWriter::begin_sheet(const Sheet& sheet, const std::vector<CellRange>& merges) {
  out_ << (sheets_++ ? ",\n  {\n" : "\n  {\n");
  out_ << "   \"name\": " << json_text(sheet.name) << ",\n";
  out_ << "   \"visible\": " << (sheet.state == SheetState::Visible ? "true" : "false") << ",\n";
  out_ << "   \"state\": " << json_text(sheet_state_name(sheet.state)) << ",\n";
  out_ << "   \"merges\": [";
  for (size_t i = 0; i < merges.size(); ++i) out_ << (i ? ",\n    " : "\n    ") << json_text(range_name(merges[i]));
  out_ << (merges.empty() ? "],\n" : "\n   ],\n");
  out_ << "   \"cells\": [";
  cells_ = 0;
}

void JsonSheetsWriter::cells(const Sheet& sheet) {
  using nlohmann::ordered_json;
  std::string& buf = buf_;
  for (const Cell& c : sheet.cells) {
    ordered_json jc;
    jc["ref"] = cell_name(c.pos());
    switch (c.type) {
      case CellType::Empty: jc["value"] = nullptr; break;
      case CellType::Number: jc["value"] = c.number; break;
      case CellType::Boolean: jc["value"] = c.number != 0; break;
      default:
        buf.clear();
        shown_->raw(c, buf);
        jc["value"] = buf;
    }
    buf.clear();
    shown_->display(c, buf);
    jc["display"] = buf;
    jc["type"] = cell_type_name(c.type);
    if (c.has_formula()) jc["formula"] = "=" + sheet.formulas[c.formula];
    else jc["formula"] = nullptr;
    // A formula the file saved without a value: whether jixiao computed it (false: shown empty).
    if (c.flags & Cell::kNoCachedValue) jc["computed"] = !(c.flags & Cell::kUnsupported);
    // The object's own lines, moved in to the depth of the cells array.
    const std::string text = jc.dump(1, ' ', false, ordered_json::error_handler_t::replace);
    out_ << (cells_++ ? ",\n    " : "\n    ");
    size_t from = 0;
    for (size_t nl; (nl = text.find('\n', from)) != std::string::npos; from = nl + 1)
      out_.write(text.data() + from, static_cast<std::streamsize>(nl + 1 - from)) << "    ";
    out_.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
  }
}

void JsonSheetsWriter::end_sheet() { out_ << (cells_ ? "\n   ]\n  }" : "]\n  }"); }

void JsonSheetsWriter::finish() { out_ << (sheets_ ? "\n ]\n}\n" : "]\n}\n"); }

void write_json(const Workbook& wb, int sheet_index, std::ostream& os) {
  JsonSheetsWriter json(wb, os);
  for (size_t s = 0; s < wb.sheets.size(); ++s) {
    if (sheet_index >= 0 && static_cast<size_t>(sheet_index) != s) continue;
    json.begin_sheet(wb.sheets[s], wb.sheets[s].merges);
    json.cells(wb.sheets[s]);
    json.end_sheet();
  }
  json.finish();
}

}  // namespace jixiao
