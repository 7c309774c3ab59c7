// dump: a workbook's sheets as the cells show them (CSV, TSV) or with values, types and formulas
// (JSON), written to a stream as they are formatted.
#pragma once

#include <ostream>
#include <string>

#include "app/outcome.h"
#include "app/resources.h"

namespace jixiao::app {

struct DumpOptions {
  std::string file;
  std::string sheet;  // a sheet's name, or its 1-based position; empty: every sheet
  enum class Format { Csv, Tsv, Json } format = Format::Csv;
  bool raw = false;   // stored values instead of what the cells show (CSV/TSV)
  // CSV/TSV text a dump holds so as to read each sheet once; sheets past it are read twice (the
  // output is the same). Tests set it to 0 to hold the two ways to the same bytes.
  uint64_t row_buffer_bytes = 32ull << 20;
};

struct DumpResult : Outcome {
  bool streamed = false;  // read a row at a time, in memory that does not grow with the sheet
};

// Writes to `out`; nothing is written when the file cannot be read, the sheet does not exist (status
// Unreadable / Refused, with a diagnostic naming the sheets there are) or a sheet as CSV/TSV would be
// larger than the reader's part limit (Unreadable: the cell it runs to, and --format json instead).
DumpResult dump(Resources& resources, const DumpOptions& options, std::ostream& out);

}  // namespace jixiao::app
