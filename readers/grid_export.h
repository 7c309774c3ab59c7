// A sheet as text for `jixiao dump`: CSV/TSV as LibreOffice exports it, or JSON with values, display
// text, types and formulas.
#pragma once

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

// {"sheets":[{"name","visible","merges":[...],"cells":[{"ref","value","display","type","formula"}]}]}
// for the given sheets (all when sheet_index < 0).
void write_json(const Workbook& wb, int sheet_index, std::ostream& out);

}  // namespace jixiao
