#pragma once

#include <CLI/CLI.hpp>

#include "cli/common.h"

namespace jixiao::cli {

// `jixiao serve [--port N] [--host 127.0.0.1] [--open]`: the local page (app/session.h does the work).
void add_serve_command(CLI::App& app, const GlobalOptions& global, int& exit_code);

}  // namespace jixiao::cli
