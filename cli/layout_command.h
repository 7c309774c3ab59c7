#pragma once

#include <CLI/CLI.hpp>

#include "cli/common.h"

namespace jixiao::cli {

// `jixiao layout draft FILE --sheet NAME [--id ID] [-o OUT.xml]`
void add_layout_command(CLI::App& app, const GlobalOptions& global, int& exit_code);

}  // namespace jixiao::cli
