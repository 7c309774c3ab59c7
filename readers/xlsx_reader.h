// XLSX (and XLSM, Strict OOXML, WPS and LibreOffice output) -> Workbook.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "readers/workbook.h"
#include "readers/zip_package.h"

namespace jixiao {

struct XlsxOptions {
  PackageLimits limits;
  // Compute formulas that were saved without a cached value (see readers/formula.h).
  bool evaluate_missing = true;
  // The password of an encrypted workbook (.xlsx or .xls); empty: only Excel's default password
  // "VelvetSweatshop" is tried, as Excel does.
  std::string password;
};

// One .xlsx workbook's sheets read in turn, row by row in file order, without a grid of cells: what
// `dump` uses to write a sheet of any size in bounded memory. Shared strings and number formats are
// the only whole-workbook state kept. Plain packages only: an .xls, an encrypted workbook or a file
// that is not a zip is refused (read those with read_xlsx_file). The file is read through libzip,
// not mapped, so the pages of a big file do not stay resident.
class XlsxStream {
 public:
  // What one pass over a sheet saw besides its rows.
  struct Scan {
    uint64_t cells = 0;
    bool in_order = true;               // every cell after the one before it (else rows repeat)
    // A formula saved with no value that its row alone cannot compute (it refers to another row,
    // sheet or a defined name): what the visitor saw of it is not what the grid reader shows.
    bool needs_grid = false;
    std::vector<CellRange> merges;
  };
  // One run of cells of one row, in the form of a sheet holding only them: its cells (their text in
  // `book`'s strings) and the formulas they point at. Valid during the call only.
  using RowVisitor = std::function<void(const Workbook& book, const Sheet& row)>;

  static Expected<XlsxStream> open(const std::string& path, Diagnostics& diags, const XlsxOptions& opt = {});
  ~XlsxStream();
  XlsxStream(XlsxStream&&) noexcept;

  // The workbook without cells: sheets (names, states, parts), defined names, shared strings, formats.
  const Workbook& book() const;
  // Reads sheet i from its start. Warnings go to diags; an error stops the pass.
  Expected<Scan> scan(size_t i, const RowVisitor& on_row, Diagnostics& diags);

 private:
  XlsxStream() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Reads a workbook file: .xlsx/.xlsm, legacy .xls (readers/xls_reader.h) and password-protected
// ones, decrypted in memory (readers/office_crypto.h). Errors (code "xlsx.*", exit code 3 at the CLI) name the file and, where it
// applies, the part and byte offset; warnings (unsupported formulas, repaired oddities) go to diags.
Expected<Workbook> read_xlsx_file(const std::string& path, Diagnostics& diags, const XlsxOptions& opt = {});
// The same from bytes in memory (the fuzzer's entry point). file names the source in messages.
Expected<Workbook> read_xlsx_memory(std::string_view bytes, const std::string& file, Diagnostics& diags,
                                    const XlsxOptions& opt = {});

}  // namespace jixiao
