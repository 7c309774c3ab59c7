#include "app/inputs.h"

#include <algorithm>
#include <filesystem>

#include "core/ascii.h"

namespace jixiao::app {

namespace {

namespace fs = std::filesystem;

std::string extension(const fs::path& p) {
  std::string e = p.extension().string();
  for (char& c : e) c = ascii_lower(c);
  return e;
}

bool is_workbook_file(const fs::path& p) {
  const std::string e = extension(p);
  return e == ".xlsx" || e == ".xlsm" || e == ".xls";
}

bool passed_over(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0;
}

}  // namespace

bool is_report_file(const std::string& path) {
  const std::string e = extension(path);
  return e == ".docx" || e == ".docm" || e == ".pdf";
}

Inputs expand_inputs(const std::vector<std::string>& paths, bool recursive, Outcome& outcome) {
  Inputs in;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      // A file that cannot be read (missing, say) is the reader's to report, as for any workbook.
      (is_report_file(path) ? in.reports : in.workbooks).push_back(path);
      continue;
    }
    std::vector<fs::path> found;
    auto consider = [&](const fs::directory_entry& e) {
      std::error_code fec;
      if (!e.is_regular_file(fec) || passed_over(e.path())) return;
      if (is_workbook_file(e.path()) || is_report_file(e.path().string())) found.push_back(e.path());
      else ++in.skipped;
    };
    if (recursive) {
      for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_directory() && passed_over(it->path())) {
          it.disable_recursion_pending();
          continue;
        }
        consider(*it);
      }
    } else {
      for (auto it = fs::directory_iterator(path, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) consider(*it);
    }
    if (ec) {
      Diagnostic d;
      d.code = "input.folder";
      d.file = path;
      d.message = "无法读取此文件夹：" + ec.message();
      outcome.fail(Status::Refused, std::move(d));
      continue;
    }
    // The same order on every machine, whatever order the file system lists them in.
    std::sort(found.begin(), found.end());
    for (const fs::path& p : found) (is_report_file(p.string()) ? in.reports : in.workbooks).push_back(p.string());
    if (found.empty()) {
      Diagnostic d;
      d.code = "input.empty_folder";
      d.severity = Severity::Warning;
      d.file = path;
      d.message = recursive ? "此文件夹（含子文件夹）中没有可读取的工作簿或报告"
                            : "此文件夹中没有可读取的工作簿或报告；子文件夹要加 --recursive 才会读取";
      outcome.add(d);
    }
  }
  return in;
}

}  // namespace jixiao::app
