// fill: an XLSX template with {{tags}} filled from a JSON data file.
#pragma once

#include <string>

#include "app/outcome.h"
#include "app/resources.h"

namespace jixiao::app {

struct FillOptions {
  std::string templ, data, output;  // template .xlsx, JSON data file, the .xlsx written
  bool lenient = false;             // a path the data lacks is left empty with a warning
};

struct FillResult : Outcome {
  std::string written;  // the output, once written
};

// Unreadable when the data file or the template cannot be read; Findings when the template cannot
// be filled from the data.
FillResult fill(Resources& resources, const FillOptions& options);

}  // namespace jixiao::app
