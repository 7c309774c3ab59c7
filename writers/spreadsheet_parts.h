// SpreadsheetML parts jixiao writes from scratch, shared by the writers that need one: the chart's
// embedded workbook (writers/docx_chart.h) and an annotated copy of a workbook that had no styles
// (writers/xlsx_annotate.h).
#pragma once

#include <optional>
#include <string>

namespace jixiao {

// xl/styles.xml with what Excel requires (one font, the fills none and gray125, one border, the
// Normal cell style) and cellXfs 0 in General. With `value_format`, also cellXfs 1 in that number
// format (a custom numFmt 164 unless it is empty or General).
std::string minimal_stylesheet(const std::optional<std::string>& value_format = std::nullopt);

}  // namespace jixiao
