// A fresh .xlsx from a Workbook read from any format: the cells' values, number formats, merges,
// sheet names and visibility, the date system and defined names. Annotated copies of a legacy .xls
// are made from it (an .xls cannot carry our notes and colours back to the user in its own format).
// Formulas are not carried: the reader keeps only their cached values for .xls.
#pragma once

#include <string>

#include "core/diagnostic.h"
#include "readers/workbook.h"

namespace jixiao {

// The package's bytes (deterministic: the same workbook gives the same bytes).
Expected<std::string> workbook_to_xlsx(const Workbook& wb);

// True when an annotated copy of `input` must be an .xlsx made from its cells: the file is a
// legacy .xls (compound file or bare BIFF stream), whatever its name says.
bool needs_xlsx_conversion(const std::string& input);

// The path an annotated copy of `input` is written to when asked for `requested`: unchanged for
// .xlsx inputs; for an .xls input, the extension becomes .xlsx ("表.xls" -> "表.xlsx").
std::string annotated_copy_path(const std::string& input, const std::string& requested);

}  // namespace jixiao
