// XLSX template fill: a workbook with {{tags}} in its cells plus a JSON tree -> a filled workbook.
// The tag language and its rules are writers/template_language.h; this engine lays them over cells
// (shared or inline strings) and sheet rows: a section or condition whose closing tag is in another
// cell repeats, keeps or removes the rows from the row of its opening tag to the row of its closing
// tag (row sections do not nest); one closed in the same cell repeats text inside the cell. A cell that
// is exactly one tag without filters takes the value's type (numbers stay numbers with the cell's
// style); anything else renders as text.
// Inserted and removed rows move everything below them in the whole workbook: cells, merges,
// formulas in every sheet, conditional formats, validations, defined names and print areas, drawing
// anchors, hyperlinks, auto filters, tables and comments; see writers/xlsx_shift.h for how
// references move. Every formula written carries its computed value; Excel recalculates on load.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/diagnostic.h"

namespace jixiao {

struct XlsxFillOptions {
  bool lenient = false;  // lenient: an unknown path renders empty and warns
};

// Fills the template workbook with `data` and writes out_path (never over the template).
// Errors (unknown path when strict, malformed tags, unreadable template) name the tag, sheet and
// cell, in Chinese. Codes: "template.unreadable" (cannot read the template), "template.tag"
// (malformed or misplaced tag), "template.unknown_path", "template.write".
Expected<bool> fill_xlsx_template(const std::string& template_path, const nlohmann::ordered_json& data,
                                  const std::string& out_path, Diagnostics& warnings,
                                  const XlsxFillOptions& opt = {});

}  // namespace jixiao
