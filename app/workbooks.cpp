#include "app/workbooks.h"

#include <filesystem>

#include "mapping/engine.h"

namespace jixiao::app {

bool read_records(Resources& resources, const std::vector<std::string>& files, std::vector<FoundRecord>& out,
                  Outcome& outcome) {
  auto layouts = resources.layouts();
  if (!layouts) {
    outcome.fail(Status::Refused, layouts.error());
    return false;
  }
  for (const std::string& file : files) {
    Diagnostics diags;
    auto wb = read_xlsx_file(file, diags, resources.xlsx());
    outcome.add(diags);
    if (!wb) {
      outcome.fail(Status::Unreadable, wb.error());
      return false;
    }
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
