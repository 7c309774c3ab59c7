#pragma once

#include <CLI/CLI.hpp>

#include "cli/common.h"

namespace jixiao::cli {

// `jixiao fill TEMPLATE.xlsx DATA.json -o OUT.xlsx [--lenient]`
void add_fill_command(CLI::App& app, const GlobalOptions& global, int& exit_code);

}  // namespace jixiao::cli
