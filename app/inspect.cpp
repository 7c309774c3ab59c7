#include "app/inspect.h"

#include <cmath>

#include "writers/record_json.h"

namespace jixiao::app {

InspectResult inspect(Resources& resources, const std::vector<std::string>& files) {
  InspectResult result;
  auto layouts = resources.layouts();
  if (!layouts) {
    result.fail(Status::Refused, layouts.error());
    return result;
  }
  for (const std::string& file : files) {
    InspectedFile& f = result.files.emplace_back();
    f.file = file;
    auto wb = read_xlsx_file(file, f.read_warnings, resources.xlsx());
    if (!wb) {
      f.error = wb.error();
      result.raise(Status::Unreadable);
      continue;
    }
    f.sheets = map_workbook(*wb, file, **layouts, f.map_warnings);
  }
  return result;
}

nlohmann::ordered_json inspect_json(const InspectedFile& file) {
  nlohmann::ordered_json out;
  out["file"] = file.file;
  auto arr = nlohmann::ordered_json::array();
  for (const MappedSheet& m : file.sheets) {
    nlohmann::ordered_json s;
    s["name"] = m.sheet;
    if (m.region) s["region"] = range_name(*m.region);
    if (m.state != SheetState::Visible) s["state"] = sheet_state_name(m.state);
    s["layout"] = m.layout ? nlohmann::ordered_json(m.layout->id) : nlohmann::ordered_json(nullptr);
    s["confidence"] = std::round(m.confidence * 100) / 100;
    if (m.record) {
      s["record"] = record_json(*m.record);
    } else {
      auto cands = nlohmann::ordered_json::array();
      for (const Candidate& c : m.candidates)
        cands.push_back({{"layout", c.spec->id}, {"confidence", std::round(c.confidence * 100) / 100}, {"missing", c.missing}});
      s["candidates"] = std::move(cands);
    }
    arr.push_back(std::move(s));
  }
  out["sheets"] = std::move(arr);
  auto d = nlohmann::ordered_json::array();
  for (const Diagnostics* ds : {&file.read_warnings, &file.map_warnings})
    for (const Diagnostic& x : ds->items())
      d.push_back({{"code", x.code}, {"severity", severity_name(x.severity)}, {"sheet", x.sheet}, {"cell", x.cell},
                   {"message", x.message}});
  out["diagnostics"] = std::move(d);
  return out;
}

}  // namespace jixiao::app
