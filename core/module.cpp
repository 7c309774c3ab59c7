#include "core/module.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <vector>

#include "core/data_dir.h"

namespace jixiao {

namespace {

std::vector<std::filesystem::path> candidates(const std::string& file, const char* env) {
  std::vector<std::filesystem::path> out;
  if (const char* path = std::getenv(env); path && *path) out.emplace_back(path);
  if (auto exe = executable_path(); !exe.empty()) {
    auto prefix = exe.parent_path().parent_path();
    out.push_back(prefix / JIXIAO_INSTALL_LIBDIR / "jixiao" / file);
    out.push_back(prefix / "lib" / "jixiao" / file);
  }
  out.push_back(std::filesystem::path(JIXIAO_MODULE_DIR_INSTALLED) / file);
  out.push_back(std::filesystem::path(JIXIAO_MODULE_DIR_BUILT) / file);
  return out;
}

struct Loaded {
  void* symbol = nullptr;
  std::string error;
};

}  // namespace

void* module_symbol(const std::string& name, const char* env, const char* symbol, const std::string& what,
                    std::string& error) {
  static std::mutex mutex;
  static std::map<std::string, Loaded> loaded;  // by name: tried once, whatever came of it
  std::lock_guard lock(mutex);
  auto [it, fresh] = loaded.try_emplace(name);
  Loaded& m = it->second;
  if (fresh) {
    // "无法加载 PDF 模块", "无法加载网页模块": a space before a Latin word only.
    const std::string named = !what.empty() && static_cast<unsigned char>(what[0]) < 0x80 ? " " + what : what;
    const std::string file = name + ".so";
    std::string tried;
    bool found = false;
    for (const auto& path : candidates(file, env)) {
      std::error_code ec;
      if (!std::filesystem::exists(path, ec)) {
        tried += (tried.empty() ? "" : "、") + path.string();
        continue;
      }
      found = true;
      void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (!handle) {
        m.error = "无法加载" + named + " " + path.string() + "：" + dlerror();
        break;
      }
      m.symbol = dlsym(handle, symbol);
      if (!m.symbol) m.error = what + " " + path.string() + " 不是本版本 jixiao 的模块";
      break;
    }
    if (!found) m.error = "找不到" + named + " " + file + "（找过：" + tried + "）";
  }
  error = m.error;
  return m.symbol;
}

}  // namespace jixiao
