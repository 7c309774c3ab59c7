// The grid as text: what a cell shows, and a sheet as CSV/TSV/JSON (`jixiao dump`).
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "readers/workbook.h"

namespace jixiao {

class NumberFormat;

// Caches parsed number formats per style of one workbook.
class CellDisplay {
 public:
  explicit CellDisplay(const Workbook& wb);
  ~CellDisplay();
  // Appends what the cell shows (LibreOffice/Excel display).
  void display(const Cell& c, std::string& out);
  // Appends the stored value ("0.999", "TRUE", the ISO date for a date cell).
  void raw(const Cell& c, std::string& out) const;

 private:
  const Workbook& wb_;
  std::vector<std::unique_ptr<NumberFormat>> formats_;
};

enum class TextFormat { Csv, Tsv };

// One sheet as delimited text: rows up to the last row with a value, each row with as many fields
// as the widest row (LibreOffice's CSV export). CSV quotes fields holding the separator, a quote or
// a line break (RFC 4180); TSV never quotes and writes tabs and line breaks inside a field as spaces.
void write_delimited(const Workbook& wb, const Sheet& sheet, TextFormat fmt, bool raw, std::ostream& out);

// At least how many bytes write_delimited writes for the sheet: every row padded to the widest
// one, plus the text. A sheet with one cell at XFD1048576 is 17 GB of commas.
uint64_t delimited_size(const Workbook& wb, const Sheet& sheet);

// {"sheets":[{"name","visible","merges":[...],"cells":[{"ref","value","display","type","formula"}]}]}
// for the given sheets (all when sheet_index < 0).
void write_json(const Workbook& wb, int sheet_index, std::ostream& out);

}  // namespace jixiao
