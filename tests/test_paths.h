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

// A GoogleTest case name (ASCII letters, digits, '_') that says which sample it checks: the Chinese
// words that recur in the sample file names glossed ("公开01表" -> "t01", "九表" -> "nine_tables"),
// other ASCII kept, the rest dropped; a name already given gets "_2", "_3" …
// "openpyxl_001_2022_公开01表_收入支出决算总表" -> "openpyxl_001_2022_t01".
std::string case_name(std::string text);

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
