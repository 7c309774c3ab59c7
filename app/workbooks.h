// Reading the records of many workbooks, and the guard that an output never replaces an input:
// what convert and render share.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/outcome.h"
#include "app/resources.h"
#include "model/record.h"

namespace jixiao::app {

// A record of a recognised sheet, with where it came from.
struct FoundRecord {
  std::string file, sheet;
  Record record;
};

// Reads and maps every workbook, appending the records of its recognised sheets to `out`; warnings
// go to `outcome`. Stops at the first file that cannot be read (status Unreadable) and returns false.
bool read_records(Resources& resources, const std::vector<std::string>& files, std::vector<FoundRecord>& out,
                  Outcome& outcome);

// A workbook read with the resources' options: its warnings go to `outcome`; a file that cannot be
// read is an error there (status Unreadable) and nullopt.
std::optional<Workbook> read_workbook(Resources& resources, const std::string& file, Outcome& outcome);

// The sheet `wanted` names: its name exactly, else digits as a 1-based position; -1 when none.
int find_sheet(const Workbook& wb, const std::string& wanted);
// The error for a sheet not found, listing the sheets there are.
Diagnostic no_such_sheet(const std::string& file, const std::string& wanted, const Workbook& wb, std::string code);

// The input among `inputs` that `output` names (the same file, by any path); empty when none.
std::string input_named_by(const std::string& output, const std::vector<std::string>& inputs);

}  // namespace jixiao::app
