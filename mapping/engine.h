// Recognition and extraction: which layout a sheet (or a region of it) follows, how sure that is,
// and the record it yields. Recognition scores every spec by the labels it finds — never by fixed
// coordinates — and takes the best above the spec's threshold.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "mapping/layout_spec.h"
#include "mapping/sheet_view.h"
#include "model/record.h"

namespace jixiao {

struct Candidate {
  const LayoutSpec* spec = nullptr;
  double confidence = 0;             // found weight / total weight
  double found_weight = 0;
  std::vector<std::string> missing;  // "缺少表头“全年执行数”", "含有“指标性质”（排除）"
};

struct MappedSheet {
  std::string sheet;
  SheetState state = SheetState::Visible;
  std::optional<CellRange> region;   // set when the sheet holds several tables
  const LayoutSpec* layout = nullptr;
  double confidence = 0;
  std::optional<Record> record;
  std::vector<Candidate> candidates;  // best first; filled when unrecognised
};

Candidate score_layout(const SheetView& view, const LayoutSpec& spec, Region region);
Record extract_record(const SheetView& view, const LayoutSpec& spec, Region region, Diagnostics& diags);

// Every sheet of a workbook: recognised (with its record) or not (with the best candidates). A
// sheet holding several tables separated by blank rows yields one entry per recognised table.
std::vector<MappedSheet> map_workbook(const Workbook& wb, const std::string& file,
                                      const std::vector<LayoutSpec>& layouts, Diagnostics& diags);

}  // namespace jixiao
