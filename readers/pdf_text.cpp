// read_pdf_text: loads the PDF module (readers/pdf_module.cpp, built as jixiao_pdf.so) on the first PDF
// and hands the file to it. Linked into the binary, poppler and its libraries cost every command 5 ms
// of start-up; loaded here they cost only the commands that read a PDF.
#include <dlfcn.h>

#include <filesystem>
#include <memory>
#include <mutex>

#include "core/data_dir.h"
#include "readers/document_text.h"

namespace jixiao {

namespace {

using ReadFn = Expected<DocumentText>* (*)(const char*);

// Where the module may be: JIXIAO_PDF_MODULE; next to the binary as installed (<prefix>/bin/jixiao,
// <prefix>/<libdir>/jixiao/jixiao_pdf.so) or in the build tree (<build>/bin, <build>/lib/jixiao); where
// this build installs it and where it built it (for test programs that live elsewhere).
std::vector<std::filesystem::path> candidates() {
  std::vector<std::filesystem::path> out;
  if (const char* env = std::getenv("JIXIAO_PDF_MODULE"); env && *env) out.emplace_back(env);
  if (auto exe = executable_path(); !exe.empty()) {
    auto prefix = exe.parent_path().parent_path();
    out.push_back(prefix / JIXIAO_INSTALL_LIBDIR / "jixiao" / "jixiao_pdf.so");
    out.push_back(prefix / "lib" / "jixiao" / "jixiao_pdf.so");
  }
  out.emplace_back(JIXIAO_PDF_MODULE_INSTALLED);
  out.emplace_back(JIXIAO_PDF_MODULE_BUILT);
  return out;
}

struct Module {
  ReadFn read = nullptr;
  std::string error;  // why it could not be loaded
};

const Module& module() {
  static Module m;
  static std::once_flag once;
  std::call_once(once, [] {
    std::string tried;
    for (const auto& path : candidates()) {
      std::error_code ec;
      if (!std::filesystem::exists(path, ec)) {
        tried += (tried.empty() ? "" : "、") + path.string();
        continue;
      }
      void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (!handle) {
        m.error = "无法加载 PDF 模块 " + path.string() + "：" + dlerror();
        return;
      }
      m.read = reinterpret_cast<ReadFn>(dlsym(handle, "jixiao_pdf_read_text"));
      if (!m.read) m.error = "PDF 模块 " + path.string() + " 不是本版本 jixiao 的模块";
      return;
    }
    m.error = "找不到 PDF 模块 jixiao_pdf.so（找过：" + tried + "）";
  });
  return m;
}

}  // namespace

Expected<DocumentText> read_pdf_text(const std::string& path) {
  const Module& m = module();
  if (!m.read)
    return Diagnostic::error("pdf.module", m.error + "；请重新安装 jixiao（需要 libpoppler-cpp），或用 JIXIAO_PDF_MODULE 指定模块路径",
                             path);
  std::unique_ptr<Expected<DocumentText>> result(m.read(path.c_str()));
  return std::move(*result);
}

}  // namespace jixiao
