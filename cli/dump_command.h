#pragma once

#include <CLI/CLI.hpp>

#include "cli/common.h"

namespace jixiao::cli {

// `jixiao dump FILE [--sheet NAME|INDEX] [--format csv|tsv|json] [--raw]`
void add_dump_command(CLI::App& app, const GlobalOptions& global, int& exit_code);

}  // namespace jixiao::cli
