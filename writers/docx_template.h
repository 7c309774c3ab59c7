// The DOCX template engine: a Word document with tags, filled from a JSON tree. The tag language and
// its rules (paths, scopes, true and false, filters, printing) are writers/template_language.h; this
// engine lays them over Word's structure:
//
//   {{#x}} … {{/x}}       (and {{?x}}, {{^x}}) repeats what stands between: paragraphs (each tag alone
//                         in its paragraph), table rows (the tags in cells of the first and last row),
//                         or runs of one paragraph — leaving no empty paragraph or row behind
//   {{path}}              escaped for XML; "\n" becomes a line break
//   {{x | placeholder:T}} a value the data lacks (null, "" or no such path) shows T highlighted, with a
//                         warning; never an error
//   {{x | vmerge}}        in a looped table row: cells whose value equals the one above merge with it
//   {{@path}}             a PNG or JPEG picture (writers/docx_images.h)
//   native charts         a chart whose alt text (wp:docPr descr), drawing title or own chart title is
//                         exactly {{path}}: the path names {"categories", "series", "format", "title"}
//                         (writers/docx_chart.h); its series, caches and embedded workbook are replaced.
//                         The tag leaves the alt text (replaced by the data's title, if any); a tag that
//                         was the chart's title is replaced by the data's title or removed. Inside a
//                         section each copy gets its own chart part. A null value keeps the template's
//                         chart as it is.
//
// Tags work in the body, tables, headers, footers, footnotes, endnotes and text boxes, whatever runs
// Word split them into. Drawing and bookmark ids stay unique after repetition. An unknown path is an
// error naming the tag and the paragraph it stands in (lenient: empty, with a warning).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/diagnostic.h"

namespace jixiao {

struct DocxRenderOptions {
  bool lenient = false;
};

// Renders the template at template_path with `data` and writes out_path (atomically; never over the
// template).
Expected<bool> render_docx_template(const std::string& template_path, const nlohmann::ordered_json& data,
                                   const std::string& out_path, Diagnostics& warnings,
                                   const DocxRenderOptions& options = {});

}  // namespace jixiao
