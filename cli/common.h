// What every command shares: global options, exit codes, printing diagnostics.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "mapping/layout_spec.h"
#include "model/record.h"
#include "readers/xlsx_reader.h"

namespace jixiao::cli {

enum ExitCode : int {
  kOk = 0,
  kFindings = 1,     // the input was read and an error-level finding was reported
  kUsage = 2,        // the command line is wrong
  kUnreadable = 3,   // an input file could not be read
};

struct GlobalOptions {
  uint64_t max_part_mb = 512;
  bool quiet = false;  // no warnings on stderr
  std::vector<std::string> layout_dirs;  // extra layout specs (--layouts), after the shipped ones
  std::string password;  // --password / JIXIAO_PASSWORD: opens encrypted workbooks

  XlsxOptions xlsx() const {
    XlsxOptions o;
    o.limits.max_part_bytes = max_part_mb << 20;
    o.password = password;
    return o;
  }
};

// Prints "错误：..." / "警告：..." lines on stderr.
void print_diagnostic(const Diagnostic& d);
void print_warnings(const Diagnostics& diags, const GlobalOptions& g);

// The shipped layouts (<data dir>/mapping/layouts) and those of every --layouts directory.
Expected<std::vector<LayoutSpec>> load_cli_layouts(const GlobalOptions& g);

// A record of a recognised sheet, with where it came from.
struct FoundRecord {
  std::string file, sheet;
  Record record;
};

// Reads and maps every workbook, appending the records of its recognised sheets to `out`; warnings
// are printed. kUnreadable (after printing why) when a file cannot be read, else kOk.
int read_records(const std::vector<std::string>& files, const GlobalOptions& g, const std::vector<LayoutSpec>& layouts,
                 std::vector<FoundRecord>& out);

// The input among `inputs` that `out` names (the same file, by any path); empty when none.
std::string input_named_by(const std::string& out, const std::vector<std::string>& inputs);

}  // namespace jixiao::cli
