// Pieces of the XLSX reader shared between its source files; not installed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "readers/formula.h"
#include "readers/workbook.h"
#include "readers/xml_scanner.h"

namespace jixiao::xlsx {

// Cells whose text lives in a sheet's own pool (inline strings, formula strings, error codes) carry
// this bit in Cell::text until the workbook merges the pools.
inline constexpr uint32_t kLocalText = 0x80000000u;

struct SheetInput {
  std::string file;
  std::string part;
  std::string name;
  bool date1904 = false;
  uint32_t shared_string_count = 0;
  uint64_t xml_size_hint = 0;  // the part's declared uncompressed size, for reserving cells
};

// Where parse_sheet puts what it reads, in file order: the grid below, or a streaming reader that
// keeps only the row at hand (readers/xlsx_reader.h, XlsxStream).
class SheetSink {
 public:
  virtual ~SheetSink() = default;
  // A cell with a value or a formula (styled blanks are not passed). Its text is a shared string's
  // index, or a string of `local` with kLocalText set.
  virtual void cell(Cell& c) = 0;
  // Keeps a formula's text; returns the index the cell carries in Cell::formula.
  virtual uint32_t formula(std::string&& text) = 0;
  virtual void merge(const CellRange& r) = 0;
  virtual void dimension(const CellRange& r) = 0;
};

// Reads worksheet XML into sink. Returns the error that stops reading (malformed XML), else nullopt.
std::optional<Diagnostic> parse_sheet(XmlScanner& sc, const SheetInput& in, SheetSink& sink, StringPool& local,
                                      Diagnostics& diags);

// Fills sheet.cells/merges/formulas/dimension from worksheet XML. Strings other than shared ones go
// to local with kLocalText set. Returns the error that stops reading (malformed XML), else nullopt.
std::optional<Diagnostic> parse_sheet(XmlScanner& sc, const SheetInput& in, Sheet& sheet, StringPool& local,
                                      Diagnostics& diags);

// Reads <sst>: every <si> becomes one string (rich-text runs joined, phonetic runs skipped,
// _xHHHH_ decoded). Returns the error that stops reading, else nullopt.
std::optional<Diagnostic> parse_shared_strings(XmlScanner& sc, const std::string& file, const std::string& part,
                                               StringPool& pool);

// Computes formulas saved without a value; cells it cannot compute stay empty and are reported.
void evaluate_missing_formulas(Workbook& wb, Diagnostics& diags);
// The same for a sheet whose cells are one row (a streamed row, readers/xlsx_reader.h): true when
// every such formula refers only to cells of that row and was computed; false, leaving the row's
// values unsettled, when one reaches another row, sheet or a defined name, or cannot be computed.
bool evaluate_row_formulas(Workbook& wb, int sheet, uint32_t row, formula::ParseCache& cache);

Diagnostic malformed_xml(const std::string& file, const std::string& part, size_t offset, const std::string& what);
// The error a scanner stopped on: its source's (inflating the part failed) or the XML's.
Diagnostic scan_error(const XmlScanner& sc, const std::string& file, const std::string& part);

// "2024-01-15", "2024-01-15T10:30:00(.000)(Z)", "10:30:00" -> serial number; nullopt if not ISO 8601.
std::optional<double> parse_iso_datetime(std::string_view s, bool date1904);

}  // namespace jixiao::xlsx
