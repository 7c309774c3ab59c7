// Images for the DOCX engine: {{@path}} puts the picture the value names (a PNG or JPEG file; or
// {"path": "...", "width_cm": 12}) in place of the tag, as an inline drawing scaled to its pixel size
// at 96 dpi and at most 15 cm wide (or the width asked). Each picture becomes one media part, shared by
// every place that shows the same file; relationship ids are new and unique in their part.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <string>

#include "core/diagnostic.h"
#include "readers/zip_package.h"
#include "writers/package_writer.h"

namespace jixiao::docx {

class ImageStore {
 public:
  // Replaces the content of `run` by the picture `value` names, for the part `part`
  // ("word/document.xml"). Errors name the file and what is wrong with it.
  Expected<bool> place(pugi::xml_node run, const nlohmann::ordered_json& value, const std::string& part);

  // Writes the media parts and adds the relationships and content types to the package, on top of
  // what else was put there (charts add relationships too; image ids are "rIdJxImgN", never theirs).
  void finish(const ZipPackage& template_package, PackageWriter& writer) const;

 private:
  std::map<std::string, std::string> media_;      // part name -> bytes
  std::map<std::string, std::string> by_file_;    // source file -> media part name
  std::map<std::pair<std::string, std::string>, std::string> rid_;  // (rels part, media) -> rId
  bool png_ = false, jpeg_ = false;
};

}  // namespace jixiao::docx
