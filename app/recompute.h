// recompute: every score, rate, total and grade of each recognised sheet recomputed from the values
// submitted, one finding per value that disagrees; optionally the annotated (or corrected) copy of
// the one workbook.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "app/outcome.h"
#include "app/resources.h"
#include "mapping/layout_spec.h"
#include "model/finding.h"
#include "model/profile.h"
#include "model/record.h"

namespace jixiao::app {

struct RecomputeOptions {
  std::vector<std::string> files;
  std::string profile;  // scores every sheet by this profile instead of its layout's
  std::string output;   // the annotated copy of the single file ("" for none)
  bool fix = false;     // with output: the wrong values replaced by the recomputed ones
};

struct RecomputedSheet {
  std::string sheet;
  std::optional<CellRange> region;      // set when the sheet holds several tables
  const LayoutSpec* layout = nullptr;   // null: not recognised
  std::optional<Record> record;         // with Record::computed filled when scored
  std::string profile_id;               // empty: its kind carries no scores
  const Profile* profile = nullptr;
  Findings findings;
};

struct RecomputedFile {
  std::string file;
  bool readable = true;  // false: the diagnostics say why, and sheets is empty
  std::vector<RecomputedSheet> sheets;
  Findings across;  // across its sheets: an overview's group scores against their detail sheets
};

struct RecomputeResult : Outcome {
  std::vector<RecomputedFile> files;
  Findings findings;      // every sheet's, in order, each file's across-sheet ones after its sheets
  std::string annotated;  // the copy written, if any (an .xls input's is an .xlsx: annotated_copy_path)
  bool fixed = false;     // it holds the recomputed values
  bool from_xls = false;  // the input was an .xls: the copy holds its cells' values and formats, no formulas
};

// Status Findings when an error-level finding was made; Refused for options that do not go
// together or a profile that cannot be loaded; Unreadable when a file cannot be read (no copy is
// written then).
RecomputeResult recompute(Resources& resources, const RecomputeOptions& options);

// {"files": [{"file", "sheets": [{"name", "region"?, "layout", "profile", "record", "findings"}],
//             "across_sheets"?: [...]}],
//  "annotated"?: {"file", "output", "fix"}, "findings": [...], "summary": {"error", "warning", "info"}}
nlohmann::ordered_json recompute_json(const RecomputeResult& result);

}  // namespace jixiao::app
