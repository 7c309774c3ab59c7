// inspect: which layout each sheet (or each table of a sheet) follows, how sure that is, the record
// extracted, and for a sheet not recognised the layouts that came closest.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "app/outcome.h"
#include "app/resources.h"
#include "mapping/engine.h"

namespace jixiao::app {

struct InspectedFile {
  std::string file;
  std::optional<Diagnostic> error;  // the file could not be read
  Diagnostics read_warnings;        // the reader's
  Diagnostics map_warnings;         // the recognition's
  std::vector<MappedSheet> sheets;  // layouts point into the Resources
};

struct InspectResult : Outcome {
  std::vector<InspectedFile> files;  // in the order given; an unreadable one makes the status Unreadable
};

// With `explain`, every recognised sheet also says through which cells and words it was read
// (MappedSheet::explained), and which header cells and columns it could not place.
InspectResult inspect(Resources& resources, const std::vector<std::string>& files, bool explain = false);

// What a record field means, in Chinese, from the record schema ("全年预算数（A）"); empty if unknown.
std::string field_meaning(const std::string& kind, const std::string& path);

// DOMAIN.md §5: {"file", "sheets": [{"name", "layout", "confidence", "record" | "candidates"}],
// "diagnostics": [...]} (the reader's and the recognition's warnings). With `explain`, each
// recognised sheet also has "explain": {"mapped": [{"cell","text","target","word","origin"}],
// "unmapped": [{"cell","text"}], "absent": ["funds.rate", ...]}.
nlohmann::ordered_json inspect_json(const InspectedFile& file, bool explain = false);

}  // namespace jixiao::app
