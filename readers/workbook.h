// A workbook as a grid of cells: what the XLSX reader produces and everything above it reads.
// Knows nothing about 绩效 or 决算; only values, formats, formulas and merges.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "readers/cell_ref.h"

namespace jixiao {

enum class CellType : uint8_t { Empty, Number, String, Boolean, Error, Date };
const char* cell_type_name(CellType t);  // "empty" "number" "string" "boolean" "error" "date"

// Strings of a workbook in one arena: 8 bytes per string plus its bytes, so a string-heavy sheet
// costs little more than its text.
class StringPool {
 public:
  uint32_t add(std::string_view s);
  std::string_view get(uint32_t id) const {
    const auto& e = entries_[id];
    return {chars_.data() + e.offset, e.size};
  }
  size_t size() const { return entries_.size(); }
  // Drops the strings from index n on (a streaming reader's strings of the row it has written).
  void truncate(size_t n) {
    if (n >= entries_.size()) return;
    chars_.resize(entries_[n].offset);
    entries_.resize(n);
  }
  void reserve(size_t strings, size_t bytes) {
    entries_.reserve(strings);
    chars_.reserve(bytes);
  }

 private:
  struct Entry {
    uint64_t offset : 40;
    uint64_t size : 24;
  };
  std::vector<Entry> entries_;
  std::string chars_;
};

inline constexpr uint32_t kNoIndex = 0xFFFFFFFFu;

struct Cell {
  enum Flags : uint8_t {
    kHasFormula = 1,      // the cell carries a formula (Sheet::formulas[formula])
    kNoCachedValue = 2,   // the file stored no value for the formula
    kEvaluated = 4,       // the value was computed by jixiao's evaluator
    kUnsupported = 8,     // the formula could not be evaluated; the cell shows empty
  };
  uint32_t row = 0;
  uint32_t col = 0;
  CellType type = CellType::Empty;
  uint8_t flags = 0;
  uint32_t style = 0;            // index into Workbook::style_formats
  uint32_t text = kNoIndex;      // String / Error: index into Workbook::strings
  uint32_t formula = kNoIndex;   // index into Sheet::formulas
  double number = 0;             // Number, Boolean (0/1), Date (serial in the workbook's date system)

  CellPos pos() const { return {row, col}; }
  bool has_formula() const { return flags & kHasFormula; }
};

enum class SheetState : uint8_t { Visible, Hidden, VeryHidden };
const char* sheet_state_name(SheetState s);  // "visible" "hidden" "veryHidden"

struct Sheet {
  std::string name;
  std::string part;                  // e.g. "xl/worksheets/sheet1.xml"
  SheetState state = SheetState::Visible;
  std::vector<Cell> cells;           // sorted by (row, col), at most one per position
  std::vector<CellRange> merges;
  std::vector<std::string> formulas; // formula text without '='; shared formulas already expanded
  std::optional<CellRange> dimension;  // as declared by the file (may be wrong or missing)

  const Cell* find(CellPos p) const;
  // The smallest range holding every cell with a value (formatting-only cells do not count);
  // nullopt for a sheet with no values.
  std::optional<CellRange> value_extent() const;
  // Index of the first cell at or after p (cells.size() when none).
  size_t lower_bound(CellPos p) const;
};

struct DefinedName {
  std::string name;
  std::string value;                  // e.g. "Sheet1!$A$1:$C$9"
  std::optional<uint32_t> local_sheet;
  bool hidden = false;
};

struct Workbook {
  std::string file;
  std::vector<Sheet> sheets;           // in workbook.xml order
  std::vector<DefinedName> names;
  bool date1904 = false;
  bool encrypted = false;              // the file was password-protected and decrypted in memory
  StringPool strings;
  std::vector<std::string> style_formats;  // number format code per cellXfs index

  std::string_view text(const Cell& c) const {
    return c.text == kNoIndex ? std::string_view{} : strings.get(c.text);
  }
  std::string_view format_code(const Cell& c) const;  // "General" when the style has none
  const Sheet* sheet(std::string_view name) const;    // exact name first, then case-insensitive
};

// Excel serial number <-> calendar date (1900 system with its 1900-02-29, or the 1904 system).
struct CivilDate {
  int year = 1900, month = 1, day = 1;
};
double date_to_serial(const CivilDate& d, bool date1904);
CivilDate serial_to_date(double serial, bool date1904);

}  // namespace jixiao
