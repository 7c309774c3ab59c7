// A layout drafted from the shared vocabulary for a sheet no shipped layout fits: the starting point
// of a region's own layout (`jixiao layout draft FILE --sheet NAME`, then `--layouts DIR`).
//
// The draft finds what recognition finds — the sheet's kind from its title words, the blocks (资金,
// 目标, 指标, 任务) by their labels, each block's header row by the most column words it holds —
// and writes a layout whose tables draw their column words from the vocabulary. Header cells the
// vocabulary has no field for are listed, in the draft as comments and in `unplaced`: they are what
// a region adds (a word in its vocabulary*.xml, or a label="…" on the column).
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "mapping/layout_spec.h"
#include "mapping/sheet_view.h"

namespace jixiao {

struct DraftCell {
  std::string cell;  // "G5"
  std::string text;
  std::string note;  // what it became ("funds.budget") or why not ("词表中没有这个词")
};

struct LayoutDraft {
  std::string kind;                // "project_selfeval"
  std::string xml;                 // the layout file's text (UTF-8)
  std::vector<DraftCell> placed;   // header and label cells the draft reads through
  std::vector<DraftCell> unplaced; // header cells in a table's header band no field took
};

// `id` names the drafted layout; `layouts` are the loaded ones (their value labels — 项目名称,
// 主管部门 … — are offered when the sheet carries them). An error when the sheet shows no kind and
// no block the vocabulary knows.
Expected<LayoutDraft> draft_layout(const SheetView& view, const Vocabulary& vocabulary,
                                   const std::vector<LayoutSpec>& layouts, const std::string& id);

}  // namespace jixiao
