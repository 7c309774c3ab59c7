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

// How one cell was read, for inspect --explain: the cell, its text, what it became in the record (a
// field's path, or the table or block it heads) and the word that matched it, with where that word
// is defined ("vocabulary.xml:42", or the layout's own file).
struct MappingNote {
  std::string cell;    // "B5"
  std::string text;    // the cell's text as shown
  std::string target;  // "funds.budget", "表格 indicators 的区块", "版式标志"
  std::string word;    // the canonical word that matched ("全年预算数"), or the pattern
  std::string origin;  // "vocabulary.xml:42" | "national-project.xml"
};

struct MappedSheet {
  std::string sheet;
  SheetState state = SheetState::Visible;
  std::optional<CellRange> region;   // set when the sheet holds several tables
  const LayoutSpec* layout = nullptr;
  double confidence = 0;
  std::optional<Record> record;
  std::vector<Candidate> candidates;  // best first; filled when unrecognised
  std::vector<MappingNote> explained;  // with explain: every cell the record was read through
};

Candidate score_layout(const SheetView& view, const LayoutSpec& spec, Region region);
// With `why`, also notes every cell the record was read through (inspect --explain).
Record extract_record(const SheetView& view, const LayoutSpec& spec, Region region, Diagnostics& diags,
                      std::vector<MappingNote>* why = nullptr);

// Every sheet of a workbook: recognised (with its record) or not (with the best candidates). A
// sheet holding several tables separated by blank rows yields one entry per recognised table.
// With `explain`, each recognised sheet also carries its MappingNotes.
std::vector<MappedSheet> map_workbook(const Workbook& wb, const std::string& file,
                                      const std::vector<LayoutSpec>& layouts, Diagnostics& diags,
                                      bool explain = false);

}  // namespace jixiao
