#include "app/inspect.h"

#include <cmath>

#include "model/record_schema.h"
#include "writers/record_json.h"

namespace jixiao::app {

InspectResult inspect(Resources& resources, const std::vector<std::string>& files, bool explain) {
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
    f.sheets = map_workbook(*wb, file, **layouts, f.map_warnings, explain);
  }
  return result;
}

std::string field_meaning(const std::string& kind, const std::string& path) {
  const FieldDef* d = schema_field(kind, path);
  return d ? d->meaning : std::string();
}

nlohmann::ordered_json inspect_json(const InspectedFile& file, bool explain) {
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
      if (explain) {
        auto mapped = nlohmann::ordered_json::array();
        for (const MappingNote& n : m.explained)
          mapped.push_back({{"cell", n.cell}, {"text", n.text}, {"target", n.target}, {"word", n.word}, {"origin", n.origin}});
        auto unmapped = nlohmann::ordered_json::array();
        for (const auto& [text, src] : m.record->unmapped_headers) unmapped.push_back({{"cell", src.cell}, {"text", text}});
        s["explain"] = {{"mapped", std::move(mapped)}, {"unmapped", std::move(unmapped)}, {"absent", m.record->absent}};
      }
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
