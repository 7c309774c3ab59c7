// Tables: a header row (one to three levels deep) whose cells name the columns, then body rows
// read until the table ends. Internal to mapping/.
#pragma once

#include <optional>
#include <vector>

#include "mapping/extract_util.h"

namespace jixiao::extract {

struct BoundColumn {
  const ColumnSpec* spec = nullptr;
  uint32_t first_col = 0, last_col = 0;  // the (deepest) header cell's span
  const ViewCell* header = nullptr;
};

struct BoundTable {
  const TableSpec* spec = nullptr;
  uint32_t header_row = 0;
  uint32_t body_first = 0, body_last = 0;  // inclusive
  uint32_t label_first_col = 0;            // where row labels may stand ...
  uint32_t data_first_col = 0;             // ... up to here
  uint32_t span_first = 0, span_last = 0;  // the columns the table occupies
  std::vector<BoundColumn> columns;        // left to right
  const ViewCell* block = nullptr;
  std::vector<const ColumnSpec*> missing;  // required columns not found
};

std::optional<BoundTable> bind_table(const SheetView& v, const TableSpec& t, Region r);
void extract_table(const SheetView& v, const BoundTable& b, Region r, Record& rec, Diagnostics& diags);

}  // namespace jixiao::extract
