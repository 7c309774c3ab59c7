// A sheet as the layout engine sees it: every non-empty cell with the text it shows and its
// canonical label form, merged ranges resolved, and numbers read the way people type them.
#pragma once

#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

#include "model/decimal.h"
#include "readers/workbook.h"

namespace jixiao {

// Rows [first, last] of a sheet (all columns): the part of a sheet one layout is matched against.
struct Region {
  uint32_t first = 0, last = 0;
};

struct ViewCell {
  CellPos pos;
  std::string text;   // as displayed
  std::string canon;  // canonical_label(text)
  std::string head;   // "项目名称：某项目" written in one cell: the canonical label before the colon
  const Cell* cell = nullptr;
};

// The non-empty cells of one row, left to right, without copying: iterating yields pointers.
class RowCells {
 public:
  struct iterator {
    const ViewCell* p;
    const ViewCell* operator*() const { return p; }
    iterator& operator++() {
      ++p;
      return *this;
    }
    bool operator!=(const iterator& o) const { return p != o.p; }
  };
  RowCells(const ViewCell* first, const ViewCell* last) : first_(first), last_(last) {}
  iterator begin() const { return {first_}; }
  iterator end() const { return {last_}; }
  bool empty() const { return first_ == last_; }
  size_t size() const { return static_cast<size_t>(last_ - first_); }
  const ViewCell* front() const { return first_; }

 private:
  const ViewCell* first_;
  const ViewCell* last_;
};

class SheetView {
 public:
  SheetView(const Workbook& wb, const Sheet& sheet, std::string file);

  const Workbook& workbook() const { return wb_; }
  const Sheet& sheet() const { return sheet_; }
  const std::string& file() const { return file_; }
  uint32_t row_count() const { return rows_; }  // rows up to the last non-empty one
  uint32_t col_count() const { return cols_; }

  // The cell written at p (nullptr when empty).
  const ViewCell* at(CellPos p) const;
  // What p shows: the cell itself, or the top-left cell of the merged range covering it.
  const ViewCell* shown(CellPos p) const;
  // The merged range p belongs to, if any.
  const CellRange* merge_of(CellPos p) const;
  // The non-empty cells of one row, left to right.
  RowCells row(uint32_t r) const;
  const std::vector<ViewCell>& cells() const { return cells_; }
  // The cells whose canonical label (or inline head, for "label：value") is exactly s, in
  // reading order; empty when none.
  const std::vector<uint32_t>& with_canon(const std::string& s) const;
  const std::vector<uint32_t>& with_head(const std::string& s) const;
  bool row_blank(uint32_t r) const;

 private:
  const Workbook& wb_;
  const Sheet& sheet_;
  std::string file_;
  std::vector<ViewCell> cells_;       // row-major
  std::vector<size_t> row_start_;     // cells_ index of each row's first cell; size rows_+1
  std::unordered_map<std::string, std::vector<uint32_t>> by_canon_, by_head_;
  uint32_t rows_ = 0, cols_ = 0;
};

// How a value was read from a cell.
struct ReadNumber {
  Decimal value;
  bool from_text = false;   // "40.00" typed as text
  bool percent = false;     // written with %, or a cell in a percent format
};

// A number as people type it: a numeric cell; text "40.00", "1,259,100.00", "99.9%", "（20）"
// is not a number; text with words or operators ("≥52万人", "优") is not one either.
std::optional<ReadNumber> read_number(const SheetView& v, const ViewCell& c);
std::optional<ReadNumber> parse_number_text(std::string_view text);

}  // namespace jixiao
