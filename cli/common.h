// What every command shares: global options, exit codes, printing diagnostics.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/outcome.h"
#include "app/resources.h"
#include "core/diagnostic.h"

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
  app::Settings settings() const { return {xlsx(), layout_dirs, {}}; }
  // The process's Resources, made on first use. A command runs once per process, so what it loads
  // (layouts, rules, templates) is left for the process's end to reclaim instead of freed piece by
  // piece: freeing the layouts alone cost a small inspect 1.2 M instructions, 4% of it.
  app::Resources& resources() const;
};

int exit_code(app::Status s);

// "错误" / "警告" / "提示".
const char* severity_word(Severity s);

// Prints "jixiao: 错误：..." / "jixiao: 警告：..." lines on stderr; warnings and notes not with -q.
void print_diagnostic(const Diagnostic& d, const GlobalOptions& g);
void print_diagnostics(const std::vector<Diagnostic>& diags, const GlobalOptions& g);
void print_diagnostics(const Diagnostics& diags, const GlobalOptions& g);
// A job's diagnostics, then its exit code.
int finish(const app::Outcome& outcome, const GlobalOptions& g);

}  // namespace jixiao::cli
