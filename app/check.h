// check: many workbooks at once — each recognised, every self-evaluation recomputed, the records
// grouped by department and year, and the reconciliation rules run on each group (within a table,
// across the nine tables, against last year's, against the self-evaluation); optionally an annotated
// (or corrected) copy of each file with findings.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/outcome.h"
#include "app/resources.h"
#include "model/check.h"

namespace jixiao::app {

struct CheckOptions {
  std::vector<std::string> files;
  std::vector<std::string> rules;  // extra .rules files, merged after the shipped ones
  std::string profile;             // scores every sheet by this profile instead of its layout's
  std::string output_dir;          // annotated copies of the files with findings ("" for none)
  bool fix = false;                // with output_dir: wrong values replaced by the recomputed ones
  // Called after each file is read and recognised, from worker threads but never concurrently.
  std::function<void(size_t done, size_t total)> progress;
};

struct SeverityCounts {
  size_t error = 0, warning = 0, info = 0;
};

// How long a phase took, for JIXIAO_TIMING.
struct Phase {
  std::string name;
  double seconds = 0;
};

struct CheckResult : Outcome {
  std::vector<std::string> files;     // as given
  size_t sheets = 0, recognised = 0;  // over the files read
  Findings findings;                  // by file (in the order given), then sheet, errors first
  SeverityCounts counts;
  std::vector<DepartmentYear> groups;
  std::string output_dir;                                       // where copies were asked for ("" none)
  std::vector<std::pair<std::string, std::string>> annotated;  // input -> its copy, in the order given
  std::set<std::string> from_xls;  // inputs among them that were .xls: the copy is an .xlsx of the cells
  bool fixed = false;                                           // the copies hold the recomputed values
  std::vector<Phase> phases;
};

// Status Findings when an error-level finding was made; Refused for options that do not go
// together, a rule file or profile that cannot be loaded, or copies that would replace an input or
// each other (decided before anything is read); Unreadable when a file cannot be read (the others
// are still checked) or a copy cannot be written.
CheckResult check(Resources& resources, const CheckOptions& options);

// {"findings": [...], "annotated"?: [{"file", "output"}], "summary": {"error", "warning", "info",
//  "files", "sheets", "recognised"}, "groups": [{"department", "year", "final_accounts"?}]}
nlohmann::ordered_json check_json(const CheckResult& result);

}  // namespace jixiao::app
