// The DOCX template engine: a Word document with tags, filled from a JSON tree.
//
//   {{path}}              a value: "funds.budget", "items.0.name"; inside a section the path is looked up in
//                         the current element first, then outwards; {{.}} is the element, {{@index}} its
//                         1-based position. Escaped for XML; "\n" becomes a line break.
//   {{path | f | g:arg}}  filters (writers/filters.h): wan, fixed:N, money, pct:N, abs, dir:增加,减少,
//                         cnupper, cnnum, date:PATTERN, default:TEXT
//   {{#list}} … {{/list}} repeats what stands between: paragraphs (each tag alone in its paragraph),
//                         table rows (the tags in cells of the first and last row), or runs of one
//                         paragraph; an object renders once with it as the scope, true once, an empty
//                         list, null or false not at all — leaving no empty paragraph or row behind
//   {{x | vmerge}}        in a looped table row: cells whose value equals the one above merge with it
//   {{?x}} … {{/x}}        once when x is truthy (not null, false, "", [] or {}), {{^x}} … {{/x}} when not
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
// error naming the tag and where it stands (lenient: empty, with a warning).
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
