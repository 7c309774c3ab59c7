// What a batch is given: files and folders, as a reviewer receives them. Folders are walked (their
// subfolders with `recursive`) for the files jixiao reads — workbooks (.xlsx, .xlsm, .xls) and
// published reports (.docx, .docm, .pdf) — in a stable order; Office's lock files (~$…) and hidden
// files are passed over.
#pragma once

#include <string>
#include <vector>

#include "app/outcome.h"

namespace jixiao::app {

struct Inputs {
  std::vector<std::string> workbooks;
  std::vector<std::string> reports;
  size_t skipped = 0;  // files in the folders jixiao does not read
};

// A path that is not a folder is kept as given, whatever its extension (the reader tells what it is
// and reports one that is missing), unless it is a report; a folder that cannot be listed is an error
// recorded in `outcome` (status Refused), one without anything to read a warning.
Inputs expand_inputs(const std::vector<std::string>& paths, bool recursive, Outcome& outcome);

bool is_report_file(const std::string& path);

}  // namespace jixiao::app
