// templates: the templates jixiao ships, what each writes and the data it reads.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/resources.h"

namespace jixiao::app {

struct ShippedTemplate {
  std::string name;            // as given to render ("final-accounts-report") or convert --to
  std::filesystem::path path;  // <data dir>/templates/…
  std::string what;            // the document it writes
  std::string needs;           // the data it reads
};

std::vector<ShippedTemplate> templates(const Resources& resources);

}  // namespace jixiao::app
