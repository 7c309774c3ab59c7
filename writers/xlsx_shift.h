// Where rows go when the template fill repeats or removes row blocks, and the rewriting of every
// reference that points at them: formulas (any sheet), sqref lists, ranges, drawing anchors.
// Semantics (Excel's copy-paste plus insert-rows):
// - a row above every block stays, a row below a block moves by the rows that block gained or lost;
// - inside a repeated block, a relative row reference from a formula in copy i to the same block
//   points into copy i; an absolute one, or one from outside the block, points into copy 0;
// - a range whose last row lies in a block stretches to the last copy (SUM(E12:E12) over a
//   one-row block covers every copy);
// - when a block is removed (empty list), a range that keeps no row, or a single cell inside the
//   removed rows, becomes the number 0 in a formula (a list with no rows contributes nothing; never
//   #REF!), and is dropped from sqref lists and merges.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "readers/cell_ref.h"

namespace jixiao {

struct RowBlock {
  uint32_t first = 0, last = 0;  // template rows, zero-based, inclusive
  uint32_t copies = 1;           // 0 removes the block
  uint32_t out_first = 0;        // output row of copy 0 (of the row after, when copies == 0)
  uint32_t height() const { return last - first + 1; }
};

// The blocks of one sheet, sorted and disjoint.
class RowMap {
 public:
  RowMap() = default;
  explicit RowMap(std::vector<RowBlock> blocks);  // computes out_first
  const std::vector<RowBlock>& blocks() const { return blocks_; }
  bool identity() const { return blocks_.empty(); }
  // The block holding template row r, or -1.
  int block_of(uint32_t r) const;
  // Output row of a template row outside every block.
  int64_t outside(uint32_t r) const;
  // Output row of template row r (inside block b) in copy i.
  int64_t in_copy(int b, uint32_t r, uint32_t i) const;

 private:
  std::vector<RowBlock> blocks_;
};

// Where a formula stands: its sheet, and when it lies in a repeated block, which block and copy.
struct ShiftSite {
  int sheet = 0;
  int block = -1;
  uint32_t copy = 0;
};

// The row maps of every sheet of the workbook, with the sheet names for qualified references.
struct WorkbookRowMaps {
  std::vector<std::string> sheet_names;
  std::vector<RowMap> maps;
  bool identity() const;
  int sheet_index(std::string_view name) const;  // case-insensitive ASCII, -1 when unknown
};

enum class EndRole { Single, First, Last };

// New row for one end of a reference; nullopt when it vanished (removed block, single cell) or
// left the sheet. For First/Last ends inside a removed block, the row after / before it.
std::optional<int64_t> map_row(const WorkbookRowMaps& m, int target_sheet, uint32_t row, bool row_abs,
                               EndRole role, const ShiftSite& site);

// A formula tokenized once, rewritten per copy cheaply (100,000 copies of a row formula).
class FormulaShifter {
 public:
  FormulaShifter() = default;
  explicit FormulaShifter(std::string formula);
  // The formula as it reads at site. Unchanged text when no reference moves.
  std::string apply(const WorkbookRowMaps& m, const ShiftSite& site) const;
  const std::string& text() const { return text_; }

 private:
  struct End {
    uint32_t row = 0;
    bool abs = false;
    size_t begin = 0, end = 0;  // of the row digits ("$12"); begin == end: no row part
  };
  struct Ref {
    size_t begin = 0, end = 0;  // the whole token, sheet prefix included
    std::string sheet;          // empty: the formula's own sheet
    bool area = false;
    End a, b;
  };
  std::string text_;
  std::vector<Ref> refs_;
};

// Rewrites a formula once (conditional formats, validations, defined names).
std::string shift_formula_rows(std::string_view formula, const WorkbookRowMaps& m, const ShiftSite& site);
// A range on sheet `sheet` seen from outside every block; nullopt when nothing is left.
std::optional<CellRange> shift_range(const WorkbookRowMaps& m, int sheet, const CellRange& r);
// "A1:B2 C5" lists; ranges that vanish are dropped (the result may be empty).
std::string shift_sqref(std::string_view sqref, const WorkbookRowMaps& m, int sheet);

}  // namespace jixiao
