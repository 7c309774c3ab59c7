#pragma once

#include <CLI/CLI.hpp>

#include "cli/common.h"

namespace jixiao::cli {

// `jixiao check FILE... [--rules FILE] [--profile ID] [--json]`
void add_check_command(CLI::App& app, const GlobalOptions& global, int& exit_code);

}  // namespace jixiao::cli
