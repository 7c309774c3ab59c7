// Private to the XLSX template fill (xlsx_template.cpp, xlsx_template_parts.cpp).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "core/diagnostic.h"
#include "readers/formula.h"
#include "readers/ooxml_package.h"
#include "readers/zip_package.h"
#include "writers/xlsx_shift.h"
#include "writers/template_language.h"
#include "writers/xml_writer.h"

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
  uint32_t formula_index = 0;  // Formula: its place among the sheet's formula cells (FormulaResults)
  bool array = false;
};

struct TemplateRow {
  uint32_t row = 0;
  std::string attrs;  // every attribute but r
  std::vector<TemplateCell> cells;  // sorted by column
};

// Where an output row comes from: a template row, and the block and copy it stands in (block -1:
// outside every block).
struct RowSource {
  const TemplateRow* tmpl = nullptr;
  int block = -1;
  uint32_t copy = 0;
};

// One cell of the output, made when its row is written or when a formula reads it, then dropped: a
// 100,000-row list is never held as cells.
struct OutCell {
  enum class Kind : uint8_t { Static, Number, String, Boolean, Empty, Formula };
  Kind kind = Kind::Static;
  bool computed = false;  // Formula: `value` is its result (false: jixiao cannot compute it)
  formula::Value value;   // Static: the template's; Formula: its result; String: composed text
  std::string aux;        // Formula: its text; Number: the number as JSON prints it
  const std::string* str = nullptr;  // String: the JSON string itself, not copied (value stays empty)
};

// Makes output cells from the template and the data (the fill engine, xlsx_template.cpp).
class CellMaker {
 public:
  virtual ~CellMaker() = default;
  // Template cell c of the row at `at` (not a formula). Quiet, for a formula that reads the cell:
  // no warning is given (the cell's own row, written in order, gives it), and the caller takes an
  // error for an empty cell (the row reports it).
  virtual Expected<bool> make_cell(int sheet, const RowSource& at, const TemplateCell& c, OutCell& out,
                                   bool quiet) = 0;
};

struct NameText {
  std::string name, value;  // value as workbook.xml holds it (already shifted)
  int local = -1;           // localSheetId, -1 for a global name
};

// The rows of one sheet as the output lays them out.
struct SheetLayout {
  const std::vector<TemplateRow>* rows = nullptr;  // sorted by row; null: a sheet not filled
  uint32_t end = 0;                                // one past the last output row
  std::optional<CellRange> extent;                 // of the cells; none when no row has any
  std::vector<uint32_t> formula_copies;            // per formula cell (formula_index): its copies
};

// The output cells as formulas read them: made on demand from the template and the data; only the
// result of each formula is kept (a compact slot), so that a formula is computed once however many
// others read it and memory grows by a few bytes per formula, not by every cell.
class OutputCells : public formula::Context {
 public:
  OutputCells(const WorkbookRowMaps& maps, std::vector<SheetLayout> sheets, std::vector<NameText> names,
              CellMaker& maker);
  ~OutputCells() override;

  const SheetLayout& layout(int sheet) const { return sheets_[sheet]; }
  // The template row at output row `row`; false when none is there.
  bool locate(int sheet, uint32_t row, RowSource& at) const;
  // A formula cell as written: its text and result (computed once).
  void formula(int sheet, const RowSource& at, const TemplateCell& c, OutCell& out);

  std::optional<int> sheet_index(std::string_view name) const override;
  formula::Value cell(int sheet, CellPos pos) override;
  void for_each_cell(int sheet, const CellRange& range,
                     const std::function<void(CellPos, const formula::Value&)>& fn) override;
  std::optional<std::string> defined_name(std::string_view name, int current_sheet) const override;

 private:
  struct Slot;
  formula::Value value(int sheet, const RowSource& at, const TemplateCell& c);
  Slot& slot(int sheet, const RowSource& at, const TemplateCell& c);
  formula::Value slot_value(const Slot& s) const;
  Slot& compute(int sheet, const RowSource& at, const TemplateCell& c, std::string* text);

  const WorkbookRowMaps& maps_;
  std::vector<SheetLayout> sheets_;
  std::vector<NameText> names_;
  CellMaker& maker_;
  std::vector<std::vector<std::vector<Slot>>> slots_;  // sheet -> formula cell -> copy
  std::vector<std::string> texts_;                     // string and error results
};

// Writes the <row> elements of one sheet a piece at a time, making each row's cells as it goes.
// unsupported(cell, at, row) is called for each formula written without a value.
class SheetRowWriter {
 public:
  using Unsupported = std::function<void(const TemplateCell&, const OutCell&, uint32_t row)>;
  SheetRowWriter(OutputCells& cells, CellMaker& maker, int sheet, uint32_t end, std::string prefix,
                 Unsupported unsupported);
  // Appends rows to `out` until it holds about `bytes`; false once the last row is written.
  Expected<bool> next(std::string& out, size_t bytes);

 private:
  OutputCells& cells_;
  CellMaker& maker_;
  int sheet_;
  uint32_t row_ = 0, end_;
  std::string prefix_;
  xml::Name row_name_, cell_name_, value_name_, formula_name_, inline_string_name_, text_name_, r_, t_;
  Unsupported unsupported_;
  std::vector<OutCell> row_cells_;
  std::string number_;
};

}  // namespace jixiao::xlsx_fill
