// layout draft: a layout file drafted from the vocabulary for a sheet no layout fits, checked by
// loading it back and recognising the sheet with it — the starting point of a region's own layout.
#pragma once

#include <optional>
#include <string>

#include "app/outcome.h"
#include "app/resources.h"
#include "mapping/layout_draft.h"

namespace jixiao::app {

struct LayoutDraftOptions {
  std::string file;
  std::string sheet;   // a name or a 1-based position
  std::string id;      // the drafted layout's id; empty: "draft-" and the sheet's position
  std::string output;  // where the layout is written; empty: the caller prints `draft->xml`
};

struct LayoutDraftResult : Outcome {
  std::optional<LayoutDraft> draft;
  double confidence = 0;                 // how well the draft itself recognises the sheet
  std::vector<std::string> still_missing;  // what the draft, loaded back, does not find on the sheet
  std::string shipped_layout;            // a shipped layout that already recognises the sheet, if any
};

LayoutDraftResult draft_layout(Resources& resources, const LayoutDraftOptions& options);

}  // namespace jixiao::app
