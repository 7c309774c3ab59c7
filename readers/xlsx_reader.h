// XLSX (and XLSM, Strict OOXML, WPS and LibreOffice output) -> Workbook.
#pragma once

#include <string>

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

// Reads a workbook file: .xlsx/.xlsm, legacy .xls (readers/xls_reader.h) and password-protected
// ones, decrypted in memory (readers/office_crypto.h). Errors (code "xlsx.*", exit code 3 at the CLI) name the file and, where it
// applies, the part and byte offset; warnings (unsupported formulas, repaired oddities) go to diags.
Expected<Workbook> read_xlsx_file(const std::string& path, Diagnostics& diags, const XlsxOptions& opt = {});
// The same from bytes in memory (the fuzzer's entry point). file names the source in messages.
Expected<Workbook> read_xlsx_memory(std::string_view bytes, const std::string& file, Diagnostics& diags,
                                    const XlsxOptions& opt = {});

}  // namespace jixiao
