// The pieces of an annotated copy (writers/xlsx_annotate.h): styles with the mark fill, cells found
// or created in sheet XML, notes (comments part + legacy VML drawing), the 核查结果 sheet.
// Internal to the writers library.
#pragma once

#include <pugixml.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "model/finding.h"
#include "readers/cell_ref.h"
#include "writers/ooxml_edit.h"

namespace jixiao {

class PackageWriter;

inline constexpr const char* kMarkFillRgb = "FFFFC7CE";

struct Mark {
  CellPos pos;
  std::vector<const Finding*> findings;  // errors first
};

struct SummaryRow {
  const Finding* finding = nullptr;
  std::string link;  // "'表'!C9", empty when the sheet is not in the workbook
};

// "'表 1'!" form of a sheet name for a location: always quoted, ' doubled.
std::string quote_sheet_name(const std::string& name);
// "-12.5", "90.98", "0": what is written as a number.
bool is_plain_number(std::string_view s);

// xl/styles.xml: the mark fill, one cloned cellXfs entry per style index that a marked cell uses,
// and the formats of the 核查结果 sheet.
class StyleEditor {
 public:
  bool load(const std::string* data);  // null: a minimal stylesheet
  uint32_t marked(uint32_t xf);         // xf with the mark fill
  uint32_t header();
  uint32_t body();
  uint32_t link();
  std::string text();

 private:
  pugi::xml_node section(const char* local);
  uint32_t add_font(bool bold, bool link);
  uint32_t add_xf(uint32_t font, const char* horizontal);
  pugi::xml_document doc_;
  std::vector<pugi::xml_node> original_xfs_;
  int fill_ = -1;
  std::map<uint32_t, uint32_t> marked_;
  std::optional<uint32_t> header_, body_, link_;
};

// Gives every <row> and <c> an explicit r (files may leave them implicit).
void number_rows_and_cells(pugi::xml_node sheet_data);
// The row numbered r (1-based), created in order when absent.
pugi::xml_node find_or_add_row(pugi::xml_node sheet_data, uint32_t r);
// The cell at p in row, created in column order with style `style` when absent.
pugi::xml_node find_or_add_cell(pugi::xml_node row, CellPos p, uint32_t style);

// Column default styles from <cols>.
class ColumnStyles {
 public:
  explicit ColumnStyles(pugi::xml_node cols);
  uint32_t at(uint32_t col) const;  // zero-based column

 private:
  std::vector<std::pair<std::pair<uint32_t, uint32_t>, uint32_t>> spans_;
};

struct CommentTarget {
  std::string part;  // the worksheet part
  std::string sheet;
  pugi::xml_document* sheet_doc = nullptr;
  PackageWriter* out = nullptr;
  ooxml::ContentTypes* types = nullptr;
};
using PartReaderFn = std::function<std::optional<std::string>(const std::string&)>;
// Adds a note per (cell, text): merged into the sheet's comments part and VML drawing when it has
// them, new parts otherwise (with their relationships, <legacyDrawing> and content types).
Expected<bool> add_comments(const CommentTarget& t, const std::vector<std::pair<CellPos, std::string>>& notes,
                            const PartReaderFn& read);

// The worksheet XML of 核查结果: header row, one row per finding, links, widths, wrapped text.
std::string build_findings_sheet(const std::vector<SummaryRow>& rows, StyleEditor& styles);

}  // namespace jixiao
