#include "app/workbooks.h"

#include <filesystem>

#include "mapping/engine.h"

namespace jixiao::app {

std::optional<Workbook> read_workbook(Resources& resources, const std::string& file, Outcome& outcome) {
  Diagnostics diags;
  auto wb = read_xlsx_file(file, diags, resources.xlsx());
  outcome.add(diags);
  if (!wb) {
    outcome.fail(Status::Unreadable, wb.error());
    return std::nullopt;
  }
  return std::move(wb).value();
}

int find_sheet(const Workbook& wb, const std::string& wanted) {
  if (const Sheet* s = wb.sheet(wanted)) return static_cast<int>(s - wb.sheets.data());
  if (!wanted.empty() && wanted.find_first_not_of("0123456789") == std::string::npos && wanted.size() < 6) {
    int n = std::stoi(wanted);
    if (n >= 1 && static_cast<size_t>(n) <= wb.sheets.size()) return n - 1;
  }
  return -1;
}

Diagnostic no_such_sheet(const std::string& file, const std::string& wanted, const Workbook& wb, std::string code) {
  std::string names;
  for (size_t i = 0; i < wb.sheets.size(); ++i) names += (i ? "、" : "") + std::to_string(i + 1) + " " + wb.sheets[i].name;
  Diagnostic d;
  d.code = std::move(code);
  d.file = file;
  d.message = "没有工作表“" + wanted + "”；现有工作表：" + names;
  return d;
}

bool read_records(Resources& resources, const std::vector<std::string>& files, std::vector<FoundRecord>& out,
                  Outcome& outcome) {
  // No workbooks (render from JSON alone, no --prior): the layouts are not loaded at all.
  if (files.empty()) return true;
  auto layouts = resources.layouts();
  if (!layouts) {
    outcome.fail(Status::Refused, layouts.error());
    return false;
  }
  for (const std::string& file : files) {
    auto wb = read_workbook(resources, file, outcome);
    if (!wb) return false;
    Diagnostics mdiags;
    for (MappedSheet& m : map_workbook(*wb, file, **layouts, mdiags))
      if (m.record) out.push_back({file, m.sheet, std::move(*m.record)});
    outcome.add(mdiags);
  }
  return true;
}

std::string input_named_by(const std::string& output, const std::vector<std::string>& inputs) {
  std::error_code ec;
  if (output.empty() || !std::filesystem::exists(output, ec)) return {};
  for (const std::string& in : inputs)
    if (std::filesystem::equivalent(output, in, ec)) return in;
  return {};
}

}  // namespace jixiao::app
