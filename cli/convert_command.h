#pragma once

#include <CLI/CLI.hpp>

#include "cli/common.h"

namespace jixiao::cli {

// `jixiao convert FILE... --to national-project|national-dept|final-accounts|summary -o OUT.xlsx
//  [--sheet NAME] [--profile ID] [--template FILE] [--lenient]`
void add_convert_command(CLI::App& app, const GlobalOptions& global, int& exit_code);

}  // namespace jixiao::cli
