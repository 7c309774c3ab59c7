// A sheet as text for `jixiao dump`: CSV/TSV as LibreOffice exports it, or JSON with values, display
// text, types and formulas.
#pragma once

#include <atomic>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "readers/cell_display.h"
#include "readers/workbook.h"

namespace jixiao {

enum class TextFormat { Csv, Tsv };

// One sheet as delimited text: rows up to the last row with a value, each row with as many fields
// as the widest row (LibreOffice's CSV export). CSV quotes fields holding the separator, a quote or
// a line break (RFC 4180); TSV never quotes and writes tabs and line breaks inside a field as spaces.
void write_delimited(const Workbook& wb, const Sheet& sheet, TextFormat fmt, bool raw, std::ostream& out);

// At least how many bytes write_delimited writes for the sheet: every row padded to the widest
// one, plus the text. A sheet with one cell at XFD1048576 is 17 GB of commas.
uint64_t delimited_size(const Workbook& wb, const Sheet& sheet);

// The area a delimited export covers (A1 to the last row and column with content) and at least how
// many bytes it takes, learnt from cells as they come: a whole sheet, or rows streamed one by one.
class DelimitedArea {
 public:
  void add(const Workbook& wb, const Sheet& cells);
  bool empty() const { return !any_; }
  uint32_t last_row() const { return last_row_; }
  uint32_t last_col() const { return last_col_; }
  uint64_t size() const;  // what delimited_size says

 private:
  uint32_t last_row_ = 0, last_col_ = 0;
  uint64_t text_ = 0;
  bool any_ = false;
};

// write_delimited for a sheet that comes a row at a time (readers/xlsx_reader.h, XlsxStream), in
// order, after a first pass has measured its area: the same bytes, in memory bounded by one row.
class DelimitedRowWriter {
 public:
  DelimitedRowWriter(const Workbook& wb, const DelimitedArea& area, TextFormat fmt, bool raw, std::ostream& out);
  ~DelimitedRowWriter();
  void row(const Sheet& row);  // cells of one row, in order; rows must come in ascending order
  void finish();               // the empty rows up to the area's end

 private:
  struct State;
  void pad_to(uint32_t row);
  void drain(bool all);
  const DelimitedArea& area_;
  TextFormat fmt_;
  bool raw_;
  std::ostream& out_;
  std::unique_ptr<State> state_;
  uint32_t next_row_ = 0;
};

// The rows of a sheet read once, formatted before the sheet's area is known: each line is kept
// without the empty fields that pad it to the widest row, and written padded, as DelimitedRowWriter
// would have written it, once the whole sheet has been seen. A row without content is not kept (it
// is written as the empty line it is). Holds at most the budget it is given: past it, it keeps
// nothing more, and the sheet has to be read again through DelimitedRowWriter.
// A long sheet is formatted on a thread of its own while it is read: its rows are copied there in
// batches, with the strings they hold, and formatted against a copy of the workbook's strings
// and formats (the reader keeps adding to the workbook's own).
class DelimitedRowBuffer {
 public:
  DelimitedRowBuffer(const Workbook& wb, TextFormat fmt, bool raw, uint64_t budget);
  ~DelimitedRowBuffer();
  // Cells of one row, in order, rows in ascending order, with their text in wb's strings.
  void add(const Sheet& row);
  // Waits for the rows still being formatted; call it before the three below.
  void finish();
  bool complete() const { return !over_; }                   // every row was kept
  uint64_t remaining() const { return over_ ? 0 : budget_; }  // what is left of the budget
  // The sheet's lines, padded to the area (which must be the area of the rows that were added).
  void write(const DelimitedArea& area, std::ostream& out) const;

 private:
  struct Line {
    uint32_t row, last_col;
    uint32_t block, end;  // where the line's text ends: in blocks_[block], at end
  };
  struct Worker;
  void keep(CellDisplay& shown, const Workbook& wb, const Cell* begin, const Cell* end);
  void give_up();
  void start_worker();
  void hand_over();

  const Workbook& wb_;
  TextFormat fmt_;
  bool raw_;
  uint64_t budget_;
  const uint32_t shared_;  // strings of the workbook itself; a row's own come after them
  std::unique_ptr<CellDisplay> shown_;
  std::unique_ptr<Worker> worker_;
  uint64_t rows_ = 0;
  // Blocks of about a megabyte, never reallocated once full: a big string doubling as it grows
  // would hold its old and new copy at once, half as much again as the budget.
  std::vector<std::string> blocks_;
  std::string field_;
  std::vector<Line> lines_;
  std::atomic<bool> over_{false};
};

// {"sheets":[{"name","visible","state","merges":[...],"cells":[{"ref","value","display","type","formula"}]}]}
// written a sheet and a run of cells at a time, for a grid or a stream.
class JsonSheetsWriter {
 public:
  JsonSheetsWriter(const Workbook& wb, std::ostream& out);
  ~JsonSheetsWriter();
  void begin_sheet(const Sheet& sheet, const std::vector<CellRange>& merges);
  void cells(const Sheet& sheet);  // sheet.cells, their formulas from sheet.formulas
  void end_sheet();
  void finish();

 private:
  std::ostream& out_;
  std::unique_ptr<CellDisplay> shown_;
  std::string buf_;
  size_t sheets_ = 0, cells_ = 0;
};

// The whole document for the given sheets (all when sheet_index < 0).
void write_json(const Workbook& wb, int sheet_index, std::ostream& out);

}  // namespace jixiao
