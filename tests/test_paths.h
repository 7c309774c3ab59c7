// Where tests find their fixtures and the built CLI; tests write only into the build tree.
#pragma once

#include <filesystem>
#include <string>

namespace jixiao::test {

std::filesystem::path source_dir();             // the repository
std::filesystem::path fixture(const std::string& relative);  // tests/fixtures/<relative>
std::filesystem::path golden(const std::string& relative);   // tests/golden/<relative>
std::filesystem::path scratch_dir();            // a fresh directory in the build tree
std::string read_file(const std::filesystem::path& p);

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs the built `jixiao` with args (each shell-quoted here) and captures its output.
CommandResult run_cli(const std::string& args);
// The same, run from directory dir (so that file names in the output are relative).
CommandResult run_cli_in(const std::filesystem::path& dir, const std::string& args);

}  // namespace jixiao::test
