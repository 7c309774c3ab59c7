#include "writers/spreadsheet_parts.h"

#include "readers/ooxml_package.h"
#include "writers/xml_writer.h"

namespace jixiao {

std::string minimal_stylesheet(const std::optional<std::string>& value_format) {
  const bool custom = value_format && !value_format->empty() && *value_format != "General";
  return xml::part("styleSheet", ooxml::kMainNs, [&](xml::Writer& w) {
    if (custom)
      w.start("numFmts").attr("count", 1).start("numFmt").attr("numFmtId", 164).attr("formatCode", *value_format).end().end();
    w.start("fonts").attr("count", 1).start("font").start("sz").attr("val", 11).end().start("name").attr("val", "Calibri").end();
    w.end().end();
    w.start("fills").attr("count", 2);
    for (const char* pattern : {"none", "gray125"}) w.start("fill").start("patternFill").attr("patternType", pattern).end().end();
    w.end();
    w.start("borders").attr("count", 1).start("border");
    for (const char* side : {"left", "right", "top", "bottom", "diagonal"}) w.start(side).end();
    w.end().end();
    auto xf = [&](int format) { w.start("xf").attr("numFmtId", format).attr("fontId", 0).attr("fillId", 0).attr("borderId", 0); };
    w.start("cellStyleXfs").attr("count", 1);
    xf(0);
    w.end().end();
    w.start("cellXfs").attr("count", value_format ? 2 : 1);
    xf(0);
    w.attr("xfId", 0).end();
    if (value_format) {
      xf(custom ? 164 : 0);
      w.attr("xfId", 0).attr("applyNumberFormat", 1).end();
    }
    w.end();
    w.start("cellStyles").attr("count", 1).start("cellStyle").attr("name", "Normal").attr("xfId", 0).attr("builtinId", 0).end();
    w.end();
  });
}

}  // namespace jixiao
