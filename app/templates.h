// templates: the templates jixiao ships, what each writes and the data it reads.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/resources.h"
#include "core/diagnostic.h"

namespace jixiao::app {

struct ShippedTemplate {
  std::string name;            // as given to render ("final-accounts-report") or convert --to
  std::filesystem::path path;  // <data dir>/templates/…
  std::string what;            // the document it writes
  std::string needs;           // the data it reads
};

std::vector<ShippedTemplate> templates(const Resources& resources);

// A copy of the shipped template `name` in `dir`, to edit in Word/WPS/Excel and give to render, fill or
// convert --template: the path written. Never over an existing file ("template.export_exists"); an
// unknown name is "template.unknown".
Expected<std::filesystem::path> export_shipped_template(const Resources& resources, const std::string& name,
                                                        const std::filesystem::path& dir);

}  // namespace jixiao::app
