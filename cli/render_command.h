#pragma once

#include <CLI/CLI.hpp>

#include "cli/common.h"

namespace jixiao::cli {

// `jixiao render TEMPLATE DATA... -o OUT.docx [--prior FILE]... [--lenient]` and `jixiao templates`
void add_render_command(CLI::App& app, const GlobalOptions& global, int& exit_code);
void add_templates_command(CLI::App& app, const GlobalOptions& global, int& exit_code);

}  // namespace jixiao::cli
