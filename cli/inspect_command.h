#pragma once

#include <CLI/CLI.hpp>

#include "cli/common.h"

namespace jixiao::cli {

// `jixiao inspect FILE... [--json] [--layouts DIR]`
void add_inspect_command(CLI::App& app, const GlobalOptions& global, int& exit_code);

}  // namespace jixiao::cli
