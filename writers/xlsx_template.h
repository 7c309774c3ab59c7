// XLSX template fill: a workbook with {{tags}} in its cells plus a JSON tree -> a filled workbook.
// Tags (in shared or inline strings): {{path}} (dot path, looked up in the current section element
// first, then outwards), {{.}} (the current element), {{@index}} (1-based position, for 序号),
// {{#list}} … {{/list}} (rows from the row of the opening tag to the row of the closing tag repeat
// once per element; removed for an empty list, a missing or false value; shown once with an
// object as scope). A cell that is one tag takes the value's type (numbers stay numbers with the
// cell's style); a tag among other text renders as text.
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
