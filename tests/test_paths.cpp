#include "test_paths.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace jixiao::test {

std::filesystem::path source_dir() { return JIXIAO_SOURCE_DIR; }
std::filesystem::path fixture(const std::string& relative) { return source_dir() / "tests" / "fixtures" / relative; }
std::filesystem::path golden(const std::string& relative) { return source_dir() / "tests" / "golden" / relative; }

std::filesystem::path scratch_dir() {
  static std::atomic<int> counter{0};
  auto dir = std::filesystem::path(JIXIAO_BINARY_DIR) / "test-scratch" /
             (std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

CommandResult run_cli(const std::string& args) { return run_cli_in({}, args); }

CommandResult run_cli_in(const std::filesystem::path& cwd, const std::string& args) {
  auto dir = scratch_dir();
  auto out = dir / "stdout", err = dir / "stderr";
  std::string cmd = std::string("'") + JIXIAO_CLI + "' " + args + " >'" + out.string() + "' 2>'" + err.string() + "'";
  if (!cwd.empty()) cmd = "cd '" + cwd.string() + "' && " + cmd;
  int status = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

}  // namespace jixiao::test
