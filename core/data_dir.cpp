#include "core/data_dir.h"

#include <cstdlib>
#include <system_error>

namespace jixiao {

std::filesystem::path executable_path() {
  std::error_code ec;
  auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path{} : p;
}

std::filesystem::path data_dir() {
  if (const char* env = std::getenv("JIXIAO_DATA_DIR"); env && *env) return env;
  auto exe = executable_path();
  if (exe.empty()) return {};
  auto candidate = exe.parent_path().parent_path() / "share" / "jixiao";
  std::error_code ec;
  return std::filesystem::is_directory(candidate, ec) ? candidate : std::filesystem::path{};
}

}  // namespace jixiao
