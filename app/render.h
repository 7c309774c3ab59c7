// render: a Word template filled with data — the tree built from the 部门决算 tables, self-evaluations
// and a 补充信息 sheet that were given (last year's tables for the changes), with JSON files merged
// over it — written as a document ready to publish.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "app/outcome.h"
#include "app/resources.h"

namespace jixiao::app {

struct RenderOptions {
  std::string templ;               // a shipped template's name (see templates()) or a .docx path
  std::vector<std::string> data;   // .xlsx workbooks and .json files (merged over the tree, in order)
  std::vector<std::string> prior;  // last year's 部门决算 workbooks
  std::string output;              // the .docx written (never an input)
  bool lenient = false;            // a path the data lacks is left empty with a warning
  bool data_only = false;          // build the data tree, write nothing
};

struct RenderResult : Outcome {
  nlohmann::ordered_json tree;  // the data the template reads
  std::string written;          // the output, once written
};

RenderResult render(Resources& resources, const RenderOptions& options);

}  // namespace jixiao::app
