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

// Where a batch is: reading every file once for its department and year (Index, only for batches
// larger than CheckOptions::in_memory), then checking group by group (Check).
struct CheckProgress {
  enum Phase { Index, Check } phase = Check;
  size_t done = 0, total = 0;
  std::string file;  // the file just read
};

struct CheckOptions {
  std::vector<std::string> files;  // workbooks and reports, and folders of them (app/inputs.h)
  bool recursive = false;          // folders' subfolders too
  std::vector<std::string> rules;  // extra .rules files, merged after the shipped ones
  std::string profile;             // scores every sheet by this profile instead of its layout's
  std::string output_dir;          // annotated copies of the files with findings ("" for none)
  bool fix = false;                // with output_dir: wrong values replaced by the recomputed ones
  std::string summary;             // the batch's summary workbook (app/check_summary.h); "" for none
  // Called after each file is read and recognised, from worker threads but never concurrently.
  std::function<void(const CheckProgress&)> progress;
  // Batches of up to this many files are read once and checked together; larger ones are first
  // indexed by department and year, then read again department by department, a few departments at
  // a time, so that memory stays bounded by the largest department rather than by the batch.
  size_t in_memory = 300;
  // Keep each group's assembled 决算 record (check_json's "final_accounts"): the CLI's --json only.
  bool keep_final_accounts = true;
};

// One file of the batch as the summary shows it.
struct CheckedFile {
  std::string file;
  std::string department, year;  // of its first recognised table that names them ("" when none)
  size_t sheets = 0, recognised = 0;
  bool final_accounts = false;  // holds a 部门决算 公开 table
  bool project_selfeval = false, dept_selfeval = false;  // holds a 项目 / 部门整体 self-evaluation
  bool report = false;          // a published report (.docx/.pdf), audited (app/check_reports.h)
  bool unreadable = false;
  std::string copy;  // its annotated copy ("" when none was written)
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
  std::vector<std::string> files;     // the workbooks read: those given, and those found in the folders given
  std::vector<CheckedFile> checked;   // the same, in the same order; then the reports audited
  size_t sheets = 0, recognised = 0;  // over the files read
  Findings findings;                  // by file (in the order given), then sheet, errors first
  SeverityCounts counts;
  std::vector<DepartmentYear> groups;
  std::string output_dir;                                       // where copies were asked for ("" none)
  std::vector<std::pair<std::string, std::string>> annotated;  // input -> its copy, in the order given
  std::set<std::string> from_xls;  // inputs among them that were .xls: the copy is an .xlsx of the cells
  bool fixed = false;                                           // the copies hold the recomputed values
  std::vector<Phase> phases;
  std::string summary;  // the summary workbook written ("" when none was asked for or it failed)
  bool indexed = false;  // read twice: indexed first, then checked department by department
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
