// render: a Word template filled with data — the tree built from the 部门决算 tables, self-evaluations
// and a 补充信息 sheet that were given (last year's tables for the changes), with JSON files merged
// over it — written as a document ready to publish.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
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

// One department's inputs in a batch: its name (the document is <output dir>/<name>.docx), its data
// and last year's tables.
struct Department {
  std::string name;
  std::vector<std::string> data, prior;
};

// The departments --each names. A directory: the workbooks (.xlsx, .xls) and JSON files directly in
// it, grouped by stem (剑阁.xlsx and 剑阁.json are department 剑阁), and each subdirectory, one
// department of every workbook and JSON file in it (those in its prior/ are last year's). A list
// file: one department per line, fields separated by tabs — data files, `prior:FILE` for last year's
// tables, `name:NAME` for the document's name (default: the first data file's stem); blank lines and
// lines starting with # are skipped; relative paths are relative to the list's directory.
Expected<std::vector<Department>> departments_in(const std::string& each);

struct RenderEachOptions {
  std::string templ;                // as RenderOptions::templ
  std::vector<std::string> common;  // data every department reads first (a JSON of shared facts …)
  std::string each;                 // a directory or a list file (departments_in)
  std::string output_dir;           // created if needed
  bool lenient = false;
  // Called after each department (from worker threads, one call at a time).
  std::function<void(size_t done, size_t total)> progress;
};

struct DepartmentResult : Outcome {
  Department department;
  std::string written;  // the document, once written; empty when the department failed
};

// Renders the template once per department, in parallel on the process's thread pool, in one
// process: layouts and profiles are loaded once. A department that fails writes nothing and does not
// stop the others; the batch's status is the worst of its departments'. Refused before anything is
// written when --each names no department, two departments share a name, or an output would replace
// an input.
struct RenderEachResult : Outcome {
  std::vector<DepartmentResult> departments;  // in the order departments_in gives them
  size_t written = 0;
};

RenderEachResult render_each(Resources& resources, const RenderEachOptions& options);

}  // namespace jixiao::app
