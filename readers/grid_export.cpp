#include "readers/grid_export.h"

#include "core/parallel.h"

#include <nlohmann/json.hpp>

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>

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

// The formatting thread: batches of rows come in a queue of a few, so that memory stays bounded
// when the reader runs ahead.
struct DelimitedRowBuffer::Worker {
  struct Batch {
    std::vector<Cell> cells;  // whole rows, in order; texts past the workbook's own in `strings`
    StringPool strings;
  };
  static constexpr size_t kBatchCells = 16384, kQueued = 4;

  Workbook wb;  // the workbook's strings (its own only) and formats: what CellDisplay reads
  std::unique_ptr<CellDisplay> shown;
  Batch filling;
  std::mutex mu;
  std::condition_variable cv;
  std::deque<Batch> queue;
  bool closed = false;
  std::exception_ptr failed;
  std::thread thread;
};

DelimitedRowBuffer::DelimitedRowBuffer(const Workbook& wb, TextFormat fmt, bool raw, uint64_t budget)
    : wb_(wb), fmt_(fmt), raw_(raw), budget_(budget), shared_(static_cast<uint32_t>(wb.strings.size())),
      shown_(std::make_unique<CellDisplay>(wb)) {}

DelimitedRowBuffer::~DelimitedRowBuffer() {
  if (worker_ && worker_->thread.joinable()) {
    {
      std::lock_guard lock(worker_->mu);
      worker_->closed = true;
      worker_->queue.clear();
    }
    worker_->cv.notify_all();
    worker_->thread.join();
  }
}

void DelimitedRowBuffer::give_up() {
  over_ = true;
  std::vector<std::string>().swap(blocks_);
  std::vector<Line>().swap(lines_);
}

// Formats one row's cells into the blocks, within the budget.
void DelimitedRowBuffer::keep(CellDisplay& shown, const Workbook& wb, const Cell* begin, const Cell* end) {
  // Cells after the row's last one with content lie beyond the area's last column or show nothing:
  // the padding written later stands for them.
  while (end != begin && !has_content(wb, end[-1])) --end;
  if (end == begin || over_) return;
  constexpr size_t kBlock = 1u << 20;
  if (blocks_.empty() || blocks_.back().size() >= kBlock) {
    blocks_.emplace_back();
    blocks_.back().reserve(kBlock + (kBlock >> 3));
  }
  std::string& text = blocks_.back();
  const size_t before = text.size();
  const uint32_t last_col = end[-1].col;
  append_row(shown, begin, end, fmt_, raw_, last_col, field_, text);
  text.pop_back();  // the line's '\n' is written with its padding
  const uint64_t cost = text.size() - before + sizeof(Line);
  if (cost > budget_) {
    give_up();
    return;
  }
  budget_ -= cost;
  lines_.push_back({begin->row, last_col, static_cast<uint32_t>(blocks_.size() - 1), static_cast<uint32_t>(text.size())});
}

void DelimitedRowBuffer::start_worker() {
  worker_ = std::make_unique<Worker>();
  Worker& w = *worker_;
  w.wb.date1904 = wb_.date1904;
  w.wb.style_formats = wb_.style_formats;
  w.wb.strings = wb_.strings;
  w.wb.strings.truncate(shared_);
  w.shown = std::make_unique<CellDisplay>(w.wb);
  w.thread = std::thread([this] {
    serve_in_background();
    Worker& w = *worker_;
    try {
      for (;;) {
        Worker::Batch batch;
        {
          std::unique_lock lock(w.mu);
          w.cv.wait(lock, [&] { return w.closed || !w.queue.empty(); });
          if (w.queue.empty()) return;
          batch = std::move(w.queue.front());
          w.queue.pop_front();
        }
        w.cv.notify_all();
        if (over_) continue;  // drained, not formatted
        for (size_t i = 0; i < batch.strings.size(); ++i) w.wb.strings.add(batch.strings.get(static_cast<uint32_t>(i)));
        const Cell* cells = batch.cells.data();
        for (size_t i = 0, n = batch.cells.size(); i < n;) {
          size_t j = i + 1;
          while (j < n && cells[j].row == cells[i].row) ++j;
          keep(*w.shown, w.wb, cells + i, cells + j);
          i = j;
        }
        w.wb.strings.truncate(shared_);
      }
    } catch (...) {
      {
        std::lock_guard lock(w.mu);
        w.failed = std::current_exception();
        over_ = true;
      }
      w.cv.notify_all();  // a reader waiting for room in the queue stops waiting
    }
  });
}

void DelimitedRowBuffer::hand_over() {
  Worker& w = *worker_;
  {
    std::unique_lock lock(w.mu);
    w.cv.wait(lock, [&] { return w.queue.size() < Worker::kQueued || w.failed; });
    if (!w.failed) w.queue.push_back(std::move(w.filling));
  }
  w.cv.notify_all();
  w.filling = {};
  w.filling.cells.reserve(Worker::kBatchCells + 64);
}

void DelimitedRowBuffer::add(const Sheet& row) {
  if (over_ || row.cells.empty()) return;
  // The first rows are formatted here: a short sheet is done before a thread would have started.
  if (!worker_) {
    keep(*shown_, wb_, row.cells.data(), row.cells.data() + row.cells.size());
    if (++rows_ == 2048 && !over_) {
      try {
        start_worker();
      } catch (const std::system_error&) {  // no thread to be had: the rows are formatted here
        worker_.reset();
      }
    }
    return;
  }
  Worker::Batch& b = worker_->filling;
  for (Cell c : row.cells) {
    if (c.text != kNoIndex && c.text >= shared_) c.text = shared_ + b.strings.add(wb_.text(c));
    b.cells.push_back(c);
  }
  if (b.cells.size() >= Worker::kBatchCells) hand_over();
}

void DelimitedRowBuffer::finish() {
  if (!worker_ || !worker_->thread.joinable()) return;
  if (!worker_->filling.cells.empty() && !over_) hand_over();
  {
    std::lock_guard lock(worker_->mu);
    worker_->closed = true;
  }
  worker_->cv.notify_all();
  worker_->thread.join();
  if (worker_->failed) std::rethrow_exception(worker_->failed);
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
