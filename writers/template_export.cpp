#include "writers/template_export.h"

#include <unistd.h>

#include "readers/zip_package.h"

namespace jixiao {

namespace fs = std::filesystem;

namespace {

Diagnostic export_error(const fs::path& where, std::string code, std::string message) {
  Diagnostic d;
  d.code = std::move(code);
  d.file = where.string();
  d.message = std::move(message);
  return d;
}

}  // namespace

Expected<std::string> export_template(const fs::path& source, const fs::path& dir) {
  auto pkg = ZipPackage::open_file(source.string());
  if (!pkg || (!pkg->has("word/document.xml") && !pkg->has("xl/workbook.xml")))
    return export_error(source, "template.export_source", "不是 Word 或 Excel 模板文件，无法导出");
  fs::path target = dir / source.filename();
  std::error_code ec;
  if (fs::exists(target, ec))
    return export_error(target, "template.export_exists",
                        "文件已存在，未覆盖（可能是已修改过的副本）：请换一个目录，或先移走该文件");
  fs::create_directories(dir, ec);
  if (!fs::is_directory(dir, ec)) return export_error(dir, "template.export_dir", "无法创建目录");
  fs::path tmp = dir / ("." + source.filename().string() + ".jixiao-" + std::to_string(getpid()));
  if (!fs::copy_file(source, tmp, fs::copy_options::overwrite_existing, ec)) {
    fs::remove(tmp, ec);
    return export_error(target, "template.export_write", "写入失败：" + ec.message());
  }
  fs::permissions(tmp, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read,
                  ec);  // the installed template may be read-only; the copy is for editing
  // a hard link appears complete and never replaces a file created since the check above
  fs::create_hard_link(tmp, target, ec);
  if (ec && ec != std::errc::file_exists) {
    if (fs::exists(target)) ec = std::make_error_code(std::errc::file_exists);
    else fs::rename(tmp, target, ec);  // a file system without hard links
  }
  std::error_code ignored;
  fs::remove(tmp, ignored);
  if (ec)
    return export_error(target, "template.export_write",
                        ec == std::errc::file_exists ? "文件已存在，未覆盖：请换一个目录，或先移走该文件"
                                                     : "无法写出文件：" + ec.message());
  return target.string();
}

}  // namespace jixiao
