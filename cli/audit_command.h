#pragma once

#include <CLI/CLI.hpp>

#include "cli/common.h"

namespace jixiao::cli {

// `jixiao audit REPORT... [TABLES.xlsx...] [--prior FILE]... [--json] [-o OUT.docx]`
void add_audit_command(CLI::App& app, const GlobalOptions& global, int& exit_code);

}  // namespace jixiao::cli
