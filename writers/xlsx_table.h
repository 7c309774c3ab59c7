// A plain workbook of tables made from scratch: what a batch's summary needs (a header row in bold,
// filters on it, the header frozen, column widths, text and numbers, links to files beside it),
// through the one package layer and XML writer. Not a template fill: nothing is read first.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace jixiao {

struct TableCell {
  std::string text;              // shown when number is empty
  std::optional<double> number;  // a count: written as a number so that filters and sorting treat it as one
  std::string link;              // a file the cell opens (relative to the workbook, '/' separated); "" none
};

struct TableSheet {
  std::string name;                         // ≤ 31 characters, none of []:*?/\ (the caller's constants)
  std::vector<std::string> header;          // the first row, bold, with filters on every column
  std::vector<std::vector<TableCell>> rows;
  std::vector<double> widths;               // in characters, per column; missing ones stay default
};

// Writes the workbook to `path` (a temporary file renamed over it; nothing is left when it fails).
Expected<bool> write_table_workbook(const std::vector<TableSheet>& sheets, const std::string& path);

}  // namespace jixiao
