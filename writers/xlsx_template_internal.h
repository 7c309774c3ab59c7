// Private to the XLSX template fill (xlsx_template.cpp, xlsx_template_parts.cpp).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "core/diagnostic.h"
#include "core/huge_page_allocator.h"
#include "readers/formula.h"
#include "readers/ooxml_package.h"
#include "readers/zip_package.h"
#include "writers/xlsx_shift.h"
#include "writers/template_language.h"

namespace jixiao::xlsx_fill {

inline constexpr unsigned kParseFlags = pugi::parse_default | pugi::parse_declaration | pugi::parse_ws_pcdata_single;

// The package layer's names and relationships (readers/ooxml_package.h), as this fill uses them.
using ooxml::child;
using ooxml::local_name;
using ooxml::read_relationships;
using ooxml::Relationship;
using ooxml::rels_part_of;

struct SheetInfo {
  std::string name, part;
};

// Rewrites, in the sheet DOM, everything outside <sheetData> that names rows: dimension (set by the
// caller), merges, conditional formats, validations, hyperlinks, auto filter.
void shift_sheet_elements(pugi::xml_document& doc, const WorkbookRowMaps& maps, int sheet);
// Rewrites the parts that hang off a sheet (drawings, tables, comments); returns new contents by part.
std::map<std::string, std::string> shift_sheet_satellites(const ZipPackage& pkg, const SheetInfo& sheet,
                                                          const WorkbookRowMaps& maps, int sheet_index);
// A chart part: every series reference (<c:f>) shifted; a reference to cells of a repeated block
// stretches over all copies (a series over the one template row becomes one over the whole list).
// Returns false when nothing changed.
bool shift_chart(pugi::xml_document& doc, const WorkbookRowMaps& maps);
// workbook.xml: defined names shifted, calcPr fullCalcOnLoad="1".
std::string rewrite_workbook(pugi::xml_document& doc, const WorkbookRowMaps& maps);
inline constexpr uint32_t kNoRow = 0xFFFFFFFFu;

// The template, compiled once per cell.
struct TemplateCell {
  enum class Kind : uint8_t { Static, Text, Formula };
  uint32_t col = 0;
  std::string colname;  // "AB"
  Kind kind = Kind::Static;
  std::string attrs;  // every attribute but r and t, serialized (' s="3"')
  std::string t;      // Static: the original t
  std::string inner;  // Static: the original children, serialized
  formula::Value value;  // Static: its value, for formulas that read it
  tmpl::ParsedText text;  // Text: the row sections' own tags taken out
  FormulaShifter formula;
  bool array = false;
};

struct TemplateRow {
  uint32_t row = 0;
  std::string attrs;  // every attribute but r
  std::vector<TemplateCell> cells;
};

// One cell of the output: a compact record, turned into XML at the end.
struct OutCell {
  enum class Kind : uint8_t { Static, Number, String, Boolean, Empty, Formula };
  uint32_t row = 0, col = 0;
  const TemplateCell* tmpl = nullptr;
  Kind kind = Kind::Static;
  uint8_t state = 0;  // Formula: 0 not computed, 1 computing, 2 done, 3 unsupported (no value)
  formula::Value value;  // Formula: its result; String: composed text
  std::string aux;  // Formula: its text; Number: the number as JSON prints it
  const std::string* str = nullptr;  // String: the JSON string itself, not copied (value stays empty)
};

struct OutRow {
  uint32_t row = 0;
  const TemplateRow* tmpl = nullptr;
  size_t first = 0, end = 0;  // cells
};

struct OutSheet {
  std::vector<OutCell, HugePageAllocator<OutCell>> cells;  // sorted by (row, col); huge pages: fewer faults
  std::vector<OutRow> rows;
  std::vector<uint32_t> row_cells;  // row -> index of its first cell in `rows`, kNoRow when none
};



struct NameText {
  std::string name, value;  // value as workbook.xml holds it (already shifted)
  int local = -1;           // localSheetId, -1 for a global name
};

// Computes every formula of the output (cells of all sheets, in sheet and row order, so a running
// total does not recurse deeply); calls unsupported(sheet, cell) for one jixiao cannot compute.
void evaluate_formulas(std::vector<OutSheet>& out, const WorkbookRowMaps& maps, std::vector<NameText> names,
                       const std::function<void(int, const OutCell&)>& unsupported);
// The <row> elements of a sheet, element names prefixed with `prefix` ("" or "x:").
void append_sheet_rows(std::string& out, const OutSheet& o, const std::string& prefix);

}  // namespace jixiao::xlsx_fill
