// The chart parts of a document being rendered: finds the chart behind a drawing's relationship,
// fills it (writers/docx_chart.h) and regenerates its embedded workbook; a chart bound a second time
// (a chart inside a repeated section) is first copied — chart part, its relationships, the embedded
// workbook and whatever else it refers to — under fresh part names, a fresh relationship id in the
// referring part's relationships and content-type overrides like the original's.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <set>
#include <string>

#include "core/diagnostic.h"
#include "readers/zip_package.h"
#include "writers/docx_chart.h"
#include "writers/ooxml_edit.h"
#include "writers/package_writer.h"

namespace jixiao {

class ChartParts {
 public:
  ChartParts(const ZipPackage& pkg, PackageWriter& writer) : pkg_(pkg), writer_(writer) {}

  // The title text of the chart that relationship `rid` of `source_part` points at; empty when none.
  std::string title(const std::string& source_part, const std::string& rid);
  // Fills that chart with `data` (title: see fill_chart_xml) and returns the relationship id the
  // drawing must now use: `rid` the first time, a new one for a copy. Data left out goes to notes.
  Expected<std::string> bind(const std::string& source_part, const std::string& rid, const ChartData& data,
                             const std::optional<std::string>& title, std::vector<std::string>& notes);
  // Puts the relationship parts and [Content_Types].xml that copies changed into the writer.
  void finish();

 private:
  struct Rels {
    std::string part;  // the part they describe, as named in the package
    ooxml::Rels rels;
    bool changed = false;
  };
  Rels* rels_of(const std::string& part);  // null when the part has none
  pugi::xml_node relationship(const std::string& part, const std::string& rid);
  std::string fresh_name(const std::string& like);
  void add_override(const std::string& like, const std::string& part);
  // Copies the chart `chart` (and every part its relationships name) under new names and adds a
  // relationship to the copy beside `rel` (of source_part); returns the copy's part name and the id.
  Expected<std::pair<std::string, std::string>> copy_chart(const std::string& source_part, pugi::xml_node rel,
                                                           const std::string& chart);

  const ZipPackage& pkg_;
  PackageWriter& writer_;
  std::map<std::string, std::unique_ptr<Rels>> rels_;  // by normalised name of the part they describe
  ooxml::ContentTypes types_;
  bool types_loaded_ = false, types_changed_ = false;
  std::set<std::string> bound_;  // normalised names of chart parts filled already
  std::set<std::string> taken_;  // normalised names of parts added
};

}  // namespace jixiao
