// Native charts in templates: a DrawingML chart part (c:chartSpace) refilled with new categories and
// series, and the workbook embedded behind it regenerated with the same data.
//
// The data a chart tag names:
//   {"categories": ["一般公共预算财政拨款收入", …],
//    "series": [{"name": "2022年", "values": [3429.91, 125.91, null]}, …],
//    "format": "0.00",      optional: the number format of the values (the template's otherwise)
//    "title": "收入预算"}    optional: the chart's title text (see docx_template.h for when it is used)
// A value is a JSON number, a decimal string ("3429.91") or null (the point is left out). Numbers are
// written as the JSON text spells them, never through a double's binary expansion.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace jixiao {

struct ChartData {
  struct Series {
    std::string name;
    std::vector<std::optional<std::string>> values;  // decimal text; nullopt: no point
  };
  std::vector<std::string> categories;
  std::vector<Series> series;
  std::string format;                // empty: the template's format code, else "General"
  std::optional<std::string> title;  // set when the data gives one
};

// Reads the data object; an error says which member is wrong (message only: the caller adds where).
Expected<ChartData> chart_data_from_json(const nlohmann::ordered_json& v);

// The chart part rewritten with the data: for every plot (bar/column, line, pie, area, their 3-D
// forms, doughnut) the series are the data's — the template's last series cloned as the pattern for
// extra ones, surplus ones dropped, a pie keeping one — with name, categories and values in
// c:strRef/c:numRef (formulas into Sheet1 of the embedded workbook) and their caches. Per-point
// overrides beyond the new point count are dropped. `title`: replace the title text (empty: remove
// the title); nullopt leaves it alone. Data the chart cannot show (series past a pie's one) is said in
// `notes`, when given.
Expected<std::string> fill_chart_xml(std::string_view chart_xml, const ChartData& data,
                                     const std::optional<std::string>& title = std::nullopt,
                                     std::vector<std::string>* notes = nullptr);

// The plain text of the chart's own title (c:chart/c:title rich text); empty when it has none.
std::string chart_title_text(std::string_view chart_xml);

// A fresh .xlsx holding the data the way Word lays out a chart's sheet: Sheet1, A1 empty, B1.. the
// series names, A2.. the categories, the values as numbers in the data's format.
Expected<std::string> chart_workbook(const ChartData& data);

// The parts of that workbook that depend on the data (the rest is fixed), as XML.
struct ChartWorkbookParts {
  std::string sheet, shared_strings, styles;
};
ChartWorkbookParts chart_workbook_parts(const ChartData& data);

}  // namespace jixiao
